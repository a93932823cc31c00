# Weighted log-rank tests FH(rho, gamma) and MaxCombo, two arms (reference
# first), stratified and not, on the demo (OS, PFS), the CDISC pilot's TTDE
# (Placebo vs Xanomeline High Dose), and survival's colon (death, Obs vs
# Lev+5FU) and lung (sex). Sourced by make_golden.R (it uses its adtte,
# cd_adtte and write_case); needs r-cran-mvtnorm.
#
# fh_case() is a plain R implementation of the stratified FH test: at each
# death time of a stratum, w = S(t-)^rho (1 - S(t-))^gamma with S the pooled
# left-continuous Kaplan-Meier of the stratum (survdiff2.c's definition),
# U = sum w (d1 - d n1 / n), V = sum w^2 d (n - d) / (n - 1) n1 n0 / n^2,
# z = U / sqrt(V) (negative favours the compared arm). Checked here against
# survdiff(rho = ) where they overlap (gamma = 0): chi-square and the sign of
# O - E. MaxCombo: Sigma_jk = sum w_j w_k v, correlation from it, p = 1 -
# pmvnorm(-z_max, z_max) at tight GenzBretz tolerances.
suppressPackageStartupMessages(library(mvtnorm))

fh_terms <- function(time, status, group, stratum) {
    y <- aeqSurv(Surv(time, status))  # survdiff's timefix
    time <- y[, 1]
    status <- y[, 2]
    out <- NULL
    for (s in sort(unique(stratum))) {
        k <- stratum == s
        t <- time[k]; d <- status[k]; g <- group[k]
        km <- 1
        for (u in sort(unique(t[d == 1]))) {
            n <- sum(t >= u); n1 <- sum(t >= u & g == 1)
            dd <- sum(t == u & d == 1); d1 <- sum(t == u & d == 1 & g == 1)
            v <- if (n > 1) dd * (n - dd) / (n - 1) * n1 * (n - n1) / n^2 else 0
            out <- rbind(out, c(s = km, oe = d1 - dd * n1 / n, v = v))
            km <- km * (n - dd) / n
        }
    }
    as.data.frame(out)
}
fh_weight <- function(x, rho, gamma) x$s^rho * (1 - x$s)^gamma
fh_stat <- function(x, rho, gamma) {
    w <- fh_weight(x, rho, gamma)
    u <- sum(w * x$oe); v <- sum(w^2 * x$v)
    z <- u / sqrt(v)
    list(rho = rho, gamma = gamma, score = u, variance = v, z = z, chisq = z^2,
         p = pchisq(z^2, 1, lower.tail = FALSE))
}
maxcombo_case <- function(x, tests) {
    k <- nrow(tests)
    z <- sapply(seq_len(k), function(j) fh_stat(x, tests$rho[j], tests$gamma[j])$z)
    w <- sapply(seq_len(k), function(j) fh_weight(x, tests$rho[j], tests$gamma[j]))
    sigma <- t(w) %*% (w * x$v)
    r <- cov2cor(sigma)
    zmax <- max(abs(z))
    set.seed(20261206)
    inside <- pmvnorm(lower = rep(-zmax, k), upper = rep(zmax, k), corr = r,
                      algorithm = GenzBretz(maxpts = 1e7, abseps = 1e-9, releps = 0))
    list(rho = tests$rho, gamma = tests$gamma, z = z, correlation = unname(r),
         z_max = zmax, p = 1 - as.numeric(inside), p_error = attr(inside, "error"))
}
fh_tests <- data.frame(rho = c(0, 0, 1, 1, 0.5, 0, 0.5, 2), gamma = c(0, 1, 0, 1, 0, 0.5, 0.5, 0))
maxcombo_sets <- list(
    default = data.frame(rho = c(0, 0, 1, 1), gamma = c(0, 1, 0, 1)),
    simtrial = data.frame(rho = c(0, 0, 1), gamma = c(0, 1, 1)),
    pair = data.frame(rho = c(0, 0), gamma = c(0, 1)),
    six = data.frame(rho = c(0, 0, 1, 1, 0.5, 0), gamma = c(0, 1, 0, 1, 0.5, 0.5)),
    duplicated = data.frame(rho = c(0, 0, 0), gamma = c(0, 1, 0)))

# data: time, status, group (0 reference / 1 compared), stratum (integer codes)
wlr_case <- function(name, time, status, group, stratum = NULL) {
    strata <- !is.null(stratum)
    if (!strata) stratum <- rep(0L, length(time))
    x <- fh_terms(time, status, group, stratum)
    fh <- lapply(seq_len(nrow(fh_tests)), function(j) fh_stat(x, fh_tests$rho[j], fh_tests$gamma[j]))
    # survdiff where it overlaps: gamma = 0
    for (j in which(fh_tests$gamma == 0)) {
        sd <- if (strata) survdiff(Surv(time, status) ~ group + strata(stratum), rho = fh_tests$rho[j])
              else survdiff(Surv(time, status) ~ group, rho = fh_tests$rho[j])
        oe <- if (is.matrix(sd$obs)) sum(sd$obs[2, ] - sd$exp[2, ]) else sd$obs[2] - sd$exp[2]
        stopifnot(isTRUE(all.equal(fh[[j]]$chisq, sd$chisq, tolerance = 1e-10)),
                  isTRUE(all.equal(fh[[j]]$score, oe, tolerance = 1e-10)))
    }
    list(name = name, strata = strata, time = time, status = status, group = group,
         stratum = stratum, fh = fh, maxcombo = lapply(maxcombo_sets, function(set) maxcombo_case(x, set)))
}
two_arm <- function(d, reference, compared) {
    d <- d[d$arm %in% c(reference, compared), ]
    d$group <- as.integer(d$arm == compared)
    d
}
wlr <- list()
for (param in c("OS", "PFS")) {
    d <- adtte[adtte$PARAMCD == param, ]
    d$status <- 1 - d$CNSR
    d$arm <- d$TRT01P
    d <- two_arm(d, "Nab-paclitaxel", setdiff(unique(d$TRT01P), "Nab-paclitaxel"))
    wlr[[length(wlr) + 1]] <- wlr_case(paste0("demo_", param), d$AVAL, d$status, d$group)
    st <- as.integer(factor(paste(d$PRTAXFL, d$LIVBRNFL))) - 1L
    wlr[[length(wlr) + 1]] <- wlr_case(paste0("demo_", param, "_stratified"), d$AVAL, d$status,
                                       d$group, st)
}
cd <- cd_adtte[cd_adtte$PARAMCD == "TTDE", ]
cd$arm <- as.character(cd$arm)
cd <- two_arm(cd, "Placebo", "Xanomeline High Dose")
wlr[[length(wlr) + 1]] <- wlr_case("cdisc_ttde", cd$AVAL, cd$status, cd$group)
wlr[[length(wlr) + 1]] <- wlr_case("cdisc_ttde_stratified", cd$AVAL, cd$status, cd$group,
                                   as.integer(factor(cd$SITEGR1)) - 1L)
co <- colon[colon$etype == 2, ]
co$arm <- as.character(co$rx)
co <- two_arm(co, "Obs", "Lev+5FU")
wlr[[length(wlr) + 1]] <- wlr_case("colon_death", co$time, co$status, co$group)
wlr[[length(wlr) + 1]] <- wlr_case("colon_death_stratified", co$time, co$status, co$group,
                                   as.integer(co$node4))
lu <- lung
lu$status <- lu$status - 1
lu$group <- as.integer(lu$sex == 2)
wlr[[length(wlr) + 1]] <- wlr_case("lung_sex", lu$time, lu$status, lu$group)
lu <- lu[!is.na(lu$ph.ecog), ]
wlr[[length(wlr) + 1]] <- wlr_case("lung_sex_stratified", lu$time, lu$status, lu$group,
                                   as.integer(lu$ph.ecog))
write_case(wlr, "weighted_logrank.json")
