#!/usr/bin/env Rscript
# Writes the golden files TrialLens's tests compare against, from R's
# survival package. CI never runs this; rerun it when a case changes:
#
#   build/dev/triallens demo --out /tmp/demo
#   Rscript tests/reference/make_golden.R /tmp/demo tests/reference/golden tests/data/cdiscpilot01
#
# Needs: r-base-core r-cran-survival r-cran-jsonlite (Debian 12).
suppressPackageStartupMessages({
    library(survival)
    library(jsonlite)
})
args <- commandArgs(trailingOnly = TRUE)
demo_dir <- if (length(args) >= 1) args[1] else "/tmp/demo"
out_dir <- if (length(args) >= 2) args[2] else "tests/reference/golden"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

num <- function(x) ifelse(is.finite(x), x, NA)

# summary(survfit, censored = TRUE) and quantile() for one curve.
km_case <- function(time, status, conf.type, conf.int = 0.95, fit = NULL) {
    if (is.null(fit))
        fit <- survfit(Surv(time, status) ~ 1, conf.type = conf.type, conf.int = conf.int)
    s <- summary(fit, censored = TRUE)
    q <- quantile(fit, c(0.25, 0.5, 0.75))
    list(conf_type = conf.type, conf_level = conf.int,
         time = s$time, n_risk = s$n.risk, n_event = s$n.event, n_censor = s$n.censor,
         surv = s$surv, std_err = num(s$std.err), lower = num(s$lower), upper = num(s$upper),
         quantiles = lapply(1:3, function(i) list(p = c(0.25, 0.5, 0.75)[i],
             estimate = num(unname(q$quantile[i])), lower = num(unname(q$lower[i])),
             upper = num(unname(q$upper[i])))))
}

cox_case <- function(formula, data, ties) {
    fit <- coxph(formula, data = data, ties = ties)
    list(ties = ties, coef = unname(coef(fit)), se = unname(sqrt(diag(fit$var))),
         loglik_null = fit$loglik[1], loglik = fit$loglik[2],
         score_chisq = unname(fit$score), wald_chisq = unname(fit$wald.test),
         lr_chisq = 2 * (fit$loglik[2] - fit$loglik[1]), iter = fit$iter)
}

write_case <- function(x, name) {
    write_json(x, file.path(out_dir, name), digits = NA, auto_unbox = TRUE, null = "null",
               na = "null", pretty = TRUE)
}

# --- small hand-checkable cases -------------------------------------------
small <- list(
    hand = list(time = c(1, 2, 2, 3, 4, 4, 5, 6, 7, 7), status = c(1, 1, 0, 1, 0, 1, 1, 0, 1, 1)),
    # S sits exactly on 0.5 between 3 and 5: the median is the midpoint, 4
    flat_half = list(time = c(1, 2, 3, 5, 6, 7), status = c(0, 1, 1, 1, 0, 1)),
    # never falls to 0.5: median not reached
    not_reached = list(time = c(1, 2, 3, 4, 5, 6, 7, 8), status = c(1, 0, 0, 1, 0, 0, 0, 0)),
    # heavy ties with tied events and censorings, and a time zero
    ties = list(time = c(0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 5, 5, 5, 6, 6, 8),
                status = c(1, 0, 1, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1)),
    # derived times that tie only up to rounding: timefix merges them
    timefix = list(time = c(30, 61, 91, 91, 122, 152, 183) / 30.4375 +
                       c(0, 0, 0, 1e-12, 0, 0, 0),
                   status = c(1, 1, 1, 1, 0, 1, 1))
)
km <- list()
for (name in names(small)) {
    for (ct in c("log", "log-log", "plain")) {
        km[[length(km) + 1]] <- c(list(name = name, input_time = small[[name]]$time,
                                       input_status = small[[name]]$status),
                                  km_case(small[[name]]$time, small[[name]]$status, ct))
    }
}
km[[length(km) + 1]] <- c(list(name = "hand_90", input_time = small$hand$time,
                               input_status = small$hand$status),
                          km_case(small$hand$time, small$hand$status, "log", 0.9))
write_case(km, "km_small.json")

# Landmarks (summary(times =)) and RMST (print(rmean =)) on the small cases.
landmark_case <- function(time, status, times, taus, conf.type = "log") {
    fit <- survfit(Surv(time, status) ~ 1, conf.type = conf.type)
    s <- summary(fit, times = times)
    rm <- lapply(taus, function(tau) {
        t <- summary(fit, rmean = tau)$table
        list(tau = tau, estimate = unname(t["rmean"]), std_err = unname(t["se(rmean)"]))
    })
    list(conf_type = conf.type, input_time = time, input_status = status,
         landmarks = list(time = s$time, n_risk = s$n.risk, surv = s$surv,
                          std_err = num(s$std.err), lower = num(s$lower), upper = num(s$upper)),
         rmst = rm)
}
landmarks <- list()
for (name in c("hand", "flat_half", "ties", "not_reached")) {
    x <- small[[name]]
    for (ct in c("log", "log-log", "plain")) {
        landmarks[[length(landmarks) + 1]] <- c(list(name = name),
            landmark_case(x$time, x$status, c(0, 0.5, 1, 2.5, 3, 5.5, max(x$time)),
                          c(min(x$time), 3, 4.5, max(x$time), max(x$time) + 2), ct))
    }
}
write_case(landmarks, "landmarks_small.json")

cox_data <- data.frame(
    time = c(5, 8, 8, 10, 12, 12, 12, 15, 17, 20, 22, 22, 25, 30, 31, 34, 40, 41, 45, 50),
    status = c(1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1),
    arm = c(1, 0, 1, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1, 1),
    age = c(61, 54, 70, 48, 66, 59, 72, 45, 63, 51, 68, 57, 49, 74, 62, 55, 58, 67, 46, 60),
    stratum = c(1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2))
cox <- list()
for (ties in c("efron", "breslow", "exact")) {
    cox[[length(cox) + 1]] <- c(list(name = "arm", strata = FALSE, terms = "arm"),
                                cox_case(Surv(time, status) ~ arm, cox_data, ties))
    cox[[length(cox) + 1]] <- c(list(name = "arm_age", strata = FALSE, terms = c("arm", "age")),
                                cox_case(Surv(time, status) ~ arm + age, cox_data, ties))
    cox[[length(cox) + 1]] <- c(list(name = "arm_strata", strata = TRUE, terms = "arm"),
                                cox_case(Surv(time, status) ~ arm + strata(stratum), cox_data, ties))
}
write_case(list(data = as.list(cox_data), cases = cox), "cox_small.json")

logrank_case <- function(formula, data, rho = 0) {
    fit <- survdiff(formula, data = data, rho = rho)
    by_group <- function(x) unname(if (is.matrix(x)) rowSums(x) else as.vector(x))
    list(rho = rho, n = unname(as.vector(fit$n)), observed = by_group(fit$obs),
         expected = by_group(fit$exp), variance = unname(as.vector(fit$var)),
         chisq = fit$chisq, df = length(fit$n) - 1,
         p = pchisq(fit$chisq, length(fit$n) - 1, lower.tail = FALSE))
}
cox_data$agegroup <- cut(cox_data$age, c(0, 52, 62, 100), labels = FALSE) - 1
logrank <- list(
    c(list(name = "two_groups", strata = FALSE, group = "arm"),
      logrank_case(Surv(time, status) ~ arm, cox_data)),
    c(list(name = "peto_peto", strata = FALSE, group = "arm"),
      logrank_case(Surv(time, status) ~ arm, cox_data, rho = 1)),
    c(list(name = "stratified", strata = TRUE, group = "arm"),
      logrank_case(Surv(time, status) ~ arm + strata(stratum), cox_data)),
    c(list(name = "three_groups", strata = FALSE, group = "agegroup"),
      logrank_case(Surv(time, status) ~ agegroup, cox_data)),
    c(list(name = "three_groups_stratified_rho", strata = TRUE, group = "agegroup"),
      logrank_case(Surv(time, status) ~ agegroup + strata(stratum), cox_data, rho = 0.5)))
write_case(list(data = as.list(cox_data), cases = logrank), "logrank_small.json")

# Binomial intervals: binom.test (Clopper-Pearson), prop.test without
# continuity correction (Wilson), beta quantiles (Jeffreys), and Newcombe's
# hybrid score difference built from the two Wilson intervals.
wilson_ci <- function(x, n, level) as.vector(prop.test(x, n, correct = FALSE, conf.level = level)$conf.int)
binomial_case <- function(x, n, level) {
    a <- 1 - level
    list(x = x, n = n, conf_level = level,
         clopper_pearson = as.vector(binom.test(x, n, conf.level = level)$conf.int),
         wilson = wilson_ci(x, n, level),
         jeffreys = c(if (x == 0) 0 else qbeta(a / 2, x + 0.5, n - x + 0.5),
                      if (x == n) 1 else qbeta(1 - a / 2, x + 0.5, n - x + 0.5)))
}
newcombe_case <- function(x1, n1, x2, n2, level) {
    p1 <- x1 / n1; p2 <- x2 / n2
    w1 <- wilson_ci(x1, n1, level); w2 <- wilson_ci(x2, n2, level)
    d <- p1 - p2
    list(x1 = x1, n1 = n1, x2 = x2, n2 = n2, conf_level = level,
         lower = d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2),
         upper = d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
write_case(list(
    single = list(binomial_case(42, 75, 0.95), binomial_case(27, 72, 0.95), binomial_case(0, 20, 0.95),
                  binomial_case(20, 20, 0.95), binomial_case(1, 1, 0.9), binomial_case(3, 250, 0.99)),
    difference = list(newcombe_case(42, 75, 27, 72, 0.95), newcombe_case(0, 20, 5, 20, 0.95),
                      newcombe_case(10, 10, 3, 12, 0.9))), "binomial_small.json")

# --- the demo study, as `triallens demo --out` writes it ----------------------
read_sites <- function(prefix) {
    files <- list.files(demo_dir, pattern = paste0("^", prefix, "_site.*\\.csv$"), full.names = TRUE)
    do.call(rbind, lapply(files, read.csv, stringsAsFactors = FALSE, na.strings = ""))
}
adsl <- read_sites("adsl")
adtte <- merge(read_sites("adtte"),
               adsl[, c("USUBJID", "TRT01P", "PRTAXFL", "LIVBRNFL", "PDL1STAT", "ECOGBL", "AGEGR1", "AGE")],
               by = "USUBJID")
adtte$ECOGBL <- as.character(adtte$ECOGBL)

# Forest rows: per level, coxph on the level's subset; interaction: LR test of
# arm * variable against arm + variable, with the same strata and ties.
subgroup_case <- function(d, variables, strata_term, ties) {
    rhs <- function(x) if (is.null(strata_term)) x else paste(x, "+", strata_term)
    rows <- list()
    for (v in variables) {
        full <- coxph(as.formula(paste("Surv(AVAL, status) ~", rhs(paste0("arm * ", v)))), data = d, ties = ties)
        reduced <- coxph(as.formula(paste("Surv(AVAL, status) ~", rhs(paste0("arm + ", v)))), data = d, ties = ties)
        levels_v <- sort(unique(d[[v]]))
        # df: the interaction terms R could estimate (a level with one arm
        # only makes its term aliased, NA)
        df <- sum(!is.na(coef(full))) - sum(!is.na(coef(reduced)))
        p <- pchisq(2 * (full$loglik[2] - reduced$loglik[2]), df, lower.tail = FALSE)
        for (level in levels_v) {
            sub <- d[which(d[[v]] == level), ]  # which(): a missing level is no level
            # As TrialLens: no ratio for a level without both arms or without events.
            estimable <- length(unique(sub$arm)) == 2 && sum(sub$status) > 0
            fit <- if (estimable)
                coxph(as.formula(paste("Surv(AVAL, status) ~", rhs("arm"))), data = sub, ties = ties)
            ci <- if (estimable) exp(confint(fit)) else c(NA, NA)
            rows[[length(rows) + 1]] <- list(variable = v, level = level, n = nrow(sub),
                events = sum(sub$status), hr = if (estimable) unname(exp(coef(fit))) else NA,
                lower = ci[1], upper = ci[2], interaction_p = p)
        }
    }
    rows
}
demo <- list()
for (param in c("PFS", "OS")) {
    d <- adtte[adtte$PARAMCD == param, ]
    d$arm <- relevel(factor(d$TRT01P), ref = "Nab-paclitaxel")
    d$status <- 1 - d$CNSR
    # One survfit over both arms, as TrialLens fits them (timefix sees all times).
    fits <- lapply(c("log", "log-log", "plain"),
                   function(ct) survfit(Surv(AVAL, status) ~ arm, data = d, conf.type = ct))
    arms <- list()
    for (i in seq_along(levels(d$arm))) {
        a <- levels(d$arm)[i]
        sub <- d[d$arm == a, ]
        lm <- summary(fits[[1]][i], times = c(6, 12, 24))
        rm <- summary(fits[[1]][i], rmean = 24)$table
        arms[[length(arms) + 1]] <- list(arm = a, n = nrow(sub), events = sum(sub$status),
            landmarks = list(time = lm$time, n_risk = lm$n.risk, surv = lm$surv,
                             std_err = lm$std.err, lower = lm$lower, upper = lm$upper),
            rmst = list(tau = 24, estimate = unname(rm["rmean"]), std_err = unname(rm["se(rmean)"])),
            km = lapply(fits, function(f) km_case(NULL, NULL, f$conf.type, fit = f[i])))
    }
    demo[[length(demo) + 1]] <- list(param = param, n = nrow(d), events = sum(d$status),
        arms = arms, logrank = logrank_case(Surv(AVAL, status) ~ arm, d),
        cox = lapply(c("efron", "breslow", "exact"), function(t) cox_case(Surv(AVAL, status) ~ arm, d, t)),
        # stratified by the randomisation factors, as --strata PRTAXFL,LIVBRNFL
        logrank_stratified = logrank_case(Surv(AVAL, status) ~ arm + strata(PRTAXFL, LIVBRNFL), d),
        cox_stratified = lapply(c("efron", "breslow", "exact"), function(t)
            cox_case(Surv(AVAL, status) ~ arm + strata(PRTAXFL, LIVBRNFL), d, t)),
        subgroups = subgroup_case(d, c("PDL1STAT", "ECOGBL", "AGEGR1"), NULL, "efron"),
        # --filter 'PDL1STAT == "Positive" and AGE >= 40' is subset() in R
        filtered = {
            f <- subset(d, PDL1STAT == "Positive" & AGE >= 40)
            c(list(n = nrow(f), events = sum(f$status)), cox_case(Surv(AVAL, status) ~ arm, f, "efron"))
        },
        # --covariates AGE,PDL1STAT: adjusted arm model, and its cox.zph
        adjusted = lapply(c("efron", "breslow", "exact"), function(t) {
            f <- Surv(AVAL, status) ~ arm + AGE + PDL1STAT + strata(PRTAXFL, LIVBRNFL)
            fit <- coxph(f, data = d, ties = t)
            z <- cox.zph(fit)$table
            c(cox_case(f, d, t), list(zph = list(term = rownames(z), chisq = unname(z[, "chisq"]),
                                                  df = unname(z[, "df"]), p = unname(z[, "p"]))))
        }),
        subgroups_stratified_breslow = subgroup_case(d, c("PDL1STAT", "ECOGBL", "AGEGR1"),
                                                     "strata(PRTAXFL, LIVBRNFL)", "breslow"))
}
adrs <- merge(read_sites("adrs"), adsl[, c("USUBJID", "TRT01P")], by = "USUBJID")
demo_response <- lapply(setNames(nm = sort(unique(adsl$TRT01P))), function(arm) {
    r <- adrs[adrs$TRT01P == arm & adrs$PARAMCD == "BOR", ]
    list(n = sum(adsl$TRT01P == arm), responders = sum(r$AVALC %in% c("CR", "PR")))
})
demo[[1]]$response <- demo_response
write_case(demo, "demo.json")

# Adverse-event incidence of the demo in base R (no package computes it
# differently): safety population, by actual treatment, a subject once per
# row at its highest grade.
adae <- read_sites("adae")
safety <- adsl[adsl$SAFFL == "Y", c("USUBJID", "TRT01A")]
ae_counts <- function(rows, population = safety) {
    lapply(setNames(nm = sort(unique(population$TRT01A))), function(arm) {
        r <- rows[rows$TRT01A == arm, ]
        if (nrow(r) == 0) return(list(any = 0, grade3plus = 0))
        worst <- tapply(r$AETOXGR, r$USUBJID, max)
        list(any = length(worst), grade3plus = sum(worst >= 3))
    })
}
ae_case <- function(name, keep, events = adae, population = safety) {
    d <- merge(events[keep(events), ], population, by = "USUBJID")
    rows <- list(list(soc = NA, pt = NA, counts = ae_counts(d, population)))
    for (soc in sort(unique(d$AEBODSYS))) {
        ds <- d[d$AEBODSYS == soc, ]
        rows[[length(rows) + 1]] <- list(soc = soc, pt = NA, counts = ae_counts(ds, population))
        for (pt in sort(unique(ds$AEDECOD)))
            rows[[length(rows) + 1]] <- list(soc = soc, pt = pt,
                                             counts = ae_counts(ds[ds$AEDECOD == pt, ], population))
    }
    list(name = name, denominators = as.list(table(population$TRT01A)), rows = rows)
}
write_case(list(
    ae_case("all", function(a) rep(TRUE, nrow(a))),
    ae_case("treatment_emergent", function(a) a$TRTEMFL == "Y"),
    ae_case("related", function(a) !(a$AEREL %in% c("NONE", "NOT RELATED", "N"))),
    ae_case("serious", function(a) a$AESER == "Y")), "demo_ae.json")
# Further topics live in their own scripts beside this one (golden_*.R); they
# use the helpers above (num, write_case, km_case, cox_case, read_sites) and
# the demo tables read here.
script_dir <- dirname(sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE)[1]))
for (topic in sort(list.files(script_dir, pattern = "^golden_.*\\.R$", full.names = TRUE)))
    source(topic, local = TRUE)
cat("wrote", out_dir, "\n")
