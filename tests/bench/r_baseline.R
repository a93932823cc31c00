# R beside triallens_bench: the work of one TrialLens refit done with R's
# survival package, on the CSV files `triallens demo --subjects N --out DIR`
# writes (adsl/adtte/adae_site<SITEID>.csv), timed per work item.
#
#   Rscript tests/bench/r_baseline.R DIR [REPS]
#
# Prints one machine-readable line per work item,
#   R_BENCH <name>/<N> <ms>
# with names matching triallens_bench's (tests/bench/compare pairs them up);
# <ms> is the elapsed time (proc.time): the mean over as many runs as fill
# 200 ms for quick items, else the median over REPS runs (default: 5 below
# 10^5 subjects, 3 at 10^5, 1 above). The files are read
# before any timing, except in LoadCsv, which times exactly that.
#
# The spec is the benchmarks' workspace spec (tests/bench/bench_inputs.h):
# PFS; arm TRT01P with Nab-paclitaxel (the demo's control) as reference;
# strata PRTAXFL x LIVBRNFL; subgroups PDL1STAT, ECOGBL, AGEGR4, LIVBRNFL;
# landmarks 6 and 12; RMST to tau = 24 (months, the demo's AVALU). Survival's
# defaults otherwise (timefix, conf.int 0.95, cox.zph's "km" transform).
#
# Work items (what one TrialLens refit replaces):
#   KaplanMeier          survfit by arm under conf.type log, log-log, plain, each
#                        with quantile(c(.25, .5, .75)) and their CIs
#   LandmarksRmst        summary(fit, times = c(6, 12)) and summary(fit, rmean = 24)
#                        (R only: triallens_bench has no separate item for it)
#   LogRankStratified    survdiff(... ~ arm + strata(PRTAXFL, LIVBRNFL))
#   CoxEfronStratified   coxph(... ~ arm + strata(...), ties = "efron")
#   CoxBreslowStratified the same, ties = "breslow"
#   CoxZph               cox.zph of the Efron fit
#   SubgroupsStratified  per level of the 4 subgroup variables: survfit by arm
#                        (medians) and coxph(arm + strata); per variable the LR
#                        interaction test, anova(coxph(arm + var + strata),
#                        coxph(arm * var + strata)) (R only: the full refit's part)
#   Subgroups10          the same without strata, as BM_Subgroups10's spec has none
#   AeTable              safety population (SAFFL == "Y"), arm TRT01A: subjects
#                        with any AE per SOC and PT per arm, and with grade >= 3 per
#                        PT per arm (unique + table)
#   FullRefit            the sum of KaplanMeier, LandmarksRmst, LogRankStratified,
#                        CoxEfronStratified, CoxBreslowStratified, CoxZph,
#                        SubgroupsStratified and AeTable
#   FullRefitContinuous  that sum on the times made continuous as triallens_bench
#                        makes them (each tied group spread over (0, 0.9) day, by
#                        row order)
#   FilterRefit          that sum on the subjects with AGE < 50 (R has no cheaper
#                        path for a filter change: it refits the subset)
#   LoadCsv              read.csv of the ADSL and ADTTE site files, rbind
#   DelayedEffects       FH(0,0), FH(0,1), FH(1,0), FH(1,1) stratified weighted
#                        log-rank tests (vectorised: per stratum the pooled
#                        KM and the numbers at risk per arm at each death
#                        time), their MaxCombo p by mvtnorm::pmvnorm (its
#                        default GenzBretz), and the piecewise Cox HRs at
#                        cuts 6 and 12 (survSplit + coxph(arm:period + strata))
#   CompetingRisks       PFS's causes (EVNTDESC: progression, death): cmprsk's
#                        cuminc by arm with the strata (CIF and Gray's test)
#                        and the Fine–Gray model of the cause of interest
#                        (progression) by finegray() + coxph(arm, weights):
#                        crr()'s estimate, but crr() itself is quadratic in n
#   Response             best overall response per arm: binom.test (Clopper–
#                        Pearson) per arm for ORR and DCR, prop.test for the
#                        difference, fisher.test (conditional OR and p), and
#                        mantelhaen.test over the strata
#   Baseline             Table 1 of the demo's default variables by arm and
#                        total (mean, sd, median, quartiles, range; n (%) per
#                        level) with kruskal.test / chisq.test (fisher.test
#                        where an expected count is under 5), and the
#                        disposition (EOSSTT x DCSREAS by arm)
#   Workspace            FullRefit's sum plus DelayedEffects, CompetingRisks,
#                        Response and Baseline: what BM_Workspace does
#   WorkspaceFilter      that sum on the subjects with AGE < 50
# Not in R's sum though TrialLens does them: the Cox fit with exact ties (the
# method-concordance panel), median follow-up, the AE overview.

suppressPackageStartupMessages(library(survival))
suppressPackageStartupMessages(library(mvtnorm))
suppressPackageStartupMessages(library(cmprsk))

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) {
    stop("usage: Rscript r_baseline.R DIR [REPS]")
}
dir <- args[1]

read_dataset <- function(name) {
    files <- sort(list.files(dir, pattern = paste0("^", name, "_site.*\\.csv$"), full.names = TRUE))
    if (!length(files)) {
        stop("no ", name, "_site*.csv in ", dir)
    }
    do.call(rbind, lapply(files, read.csv, stringsAsFactors = FALSE))
}

adsl <- read_dataset("adsl")
adtte <- read_dataset("adtte")
adae <- read_dataset("adae")
adrs <- read_dataset("adrs")
n_subjects <- nrow(adsl)
default_reps <- if (length(args) >= 2) as.integer(args[2]) else if (n_subjects < 1e5) 5L else if (n_subjects <= 1e5) 3L else 1L

control <- "Nab-paclitaxel"
strata_vars <- c("PRTAXFL", "LIVBRNFL")
subgroup_vars <- c("PDL1STAT", "ECOGBL", "AGEGR4", "LIVBRNFL")
landmarks <- c(6, 12)
tau <- 24

# AGEGR4 as bench_inputs.cpp derives it (the demo's categorical variables all
# have two levels; this one makes the 4 subgroup variables give 10 rows).
adsl$AGEGR4 <- as.character(cut(adsl$AGE, c(-Inf, 42, 50, 57, Inf),
                                labels = c("24-42", "43-50", "51-57", "58-79")))
pfs <- merge(adtte[adtte$PARAMCD == "PFS", c("USUBJID", "AVAL", "CNSR", "EVNTDESC")],
             adsl[, c("USUBJID", "TRT01P", "AGE", strata_vars, setdiff(subgroup_vars, strata_vars))],
             by = "USUBJID")
pfs$status <- 1L - pfs$CNSR
# cmprsk's fstatus: 0 censored, 1 progression (the cause of interest), 2 death
pfs$cause <- ifelse(pfs$status == 0L, 0L, ifelse(pfs$EVNTDESC == "DEATH", 2L, 1L))
bor <- merge(adrs[adrs$PARAMCD == "BOR", c("USUBJID", "AVALC")],
             adsl[, c("USUBJID", "TRT01P", strata_vars)], by = "USUBJID")
bor$arm <- relevel(factor(bor$TRT01P), ref = control)
baseline_vars <- intersect(c("AGE", "AGEGR1", "SEX", "ECOGBL", "PDL1STAT", "DISSTAT", "NMETSGR1",
                             "LIVBRNFL", "PRTAXFL"), names(adsl))
pfs$arm <- relevel(factor(pfs$TRT01P), ref = control)
for (v in unique(c(strata_vars, subgroup_vars))) {
    pfs[[v]] <- factor(pfs[[v]])
}

# The same construction as bench_inputs.cpp's make_continuous: AVAL is in
# months, a day is 1 / 30.4375 of one.
continuous <- function(data) {
    o <- order(data$AVAL, seq_len(nrow(data)))
    t <- data$AVAL[o]
    k <- ave(t, t, FUN = seq_along)
    m <- ave(t, t, FUN = length)
    data$AVAL[o] <- t + 0.9 * (1 / 30.4375) * k / (m + 1)
    data
}

safety <- adsl[adsl$SAFFL == "Y", c("USUBJID", "TRT01A")]

elapsed_ms <- function(expr) {
    start <- proc.time()[["elapsed"]]
    force(expr)
    (proc.time()[["elapsed"]] - start) * 1000
}

# Milliseconds of one `work()`: work that takes under 200 ms is repeated until
# 200 ms have passed and the mean reported (proc.time counts whole
# milliseconds); longer work is the median of `reps` runs.
timed <- function(work, reps = default_reps) {
    first <- elapsed_ms(work())
    if (first < 200) {
        runs <- 1
        total <- first
        while (total < 200) {
            total <- total + elapsed_ms(work())
            runs <- runs + 1
        }
        return(total / runs)
    }
    median(c(first, vapply(seq_len(reps - 1), function(i) elapsed_ms(work()), numeric(1))))
}

km_by_arm <- function(data) {
    for (type in c("log", "log-log", "plain")) {
        fit <- survfit(Surv(AVAL, status) ~ arm, data = data, conf.type = type)
        quantile(fit, probs = c(0.25, 0.5, 0.75))
    }
}

landmarks_rmst <- function(fit) {
    summary(fit, times = landmarks, extend = TRUE)
    summary(fit, rmean = tau)$table
}

subgroups <- function(data, stratified) {
    strata_term <- if (stratified) paste0(" + strata(", paste(strata_vars, collapse = ", "), ")") else ""
    for (v in subgroup_vars) {
        for (level in levels(droplevels(data[[v]]))) {
            members <- data[!is.na(data[[v]]) & data[[v]] == level, ]
            quantile(survfit(Surv(AVAL, status) ~ arm, data = members), probs = 0.5)
            suppressWarnings(coxph(as.formula(paste("Surv(AVAL, status) ~ arm", strata_term)),
                                   data = members))
        }
        reduced <- suppressWarnings(coxph(as.formula(paste("Surv(AVAL, status) ~ arm +", v, strata_term)),
                                          data = data))
        full <- suppressWarnings(coxph(as.formula(paste("Surv(AVAL, status) ~ arm *", v, strata_term)),
                                       data = data))
        suppressWarnings(anova(reduced, full))
    }
}

ae_table <- function(safety, adae) {
    ae <- merge(adae[, c("USUBJID", "AEBODSYS", "AEDECOD", "AETOXGR")], safety, by = "USUBJID")
    any_grade <- unique(ae[, c("USUBJID", "TRT01A", "AEBODSYS", "AEDECOD")])
    table(any_grade$AEDECOD, any_grade$TRT01A)
    soc <- unique(ae[, c("USUBJID", "TRT01A", "AEBODSYS")])
    table(soc$AEBODSYS, soc$TRT01A)
    severe <- unique(ae[!is.na(ae$AETOXGR) & ae$AETOXGR >= 3, c("USUBJID", "TRT01A", "AEDECOD")])
    table(severe$AEDECOD, severe$TRT01A)
    table(safety$TRT01A)
}

# The FH terms per death time of each stratum: the pooled left-continuous KM,
# O - E of the compared arm and the hypergeometric variance.
fh_terms <- function(data) {
    y <- aeqSurv(Surv(data$AVAL, data$status))
    group <- as.integer(data$arm != control)
    stratum <- interaction(data[strata_vars], drop = TRUE)
    do.call(rbind, lapply(split(seq_len(nrow(data)), stratum), function(k) {
        t <- y[k, 1]; d <- y[k, 2]; g <- group[k]
        u <- sort(unique(t[d == 1]))
        n <- length(t) - findInterval(u, sort(t), left.open = TRUE)
        n1 <- sum(g == 1) - findInterval(u, sort(t[g == 1]), left.open = TRUE)
        dd <- tabulate(match(t[d == 1], u), length(u))
        d1 <- tabulate(match(t[d == 1 & g == 1], u), length(u))
        km <- cumprod((n - dd) / n)
        data.frame(s = c(1, head(km, -1)), oe = d1 - dd * n1 / n,
                   v = ifelse(n > 1, dd * (n - dd) / pmax(n - 1, 1) * n1 * (n - n1) / n^2, 0))
    }))
}

delayed_effects <- function(data) {
    x <- fh_terms(data)
    rho <- c(0, 0, 1, 1); gamma <- c(0, 1, 0, 1)
    w <- sapply(seq_along(rho), function(j) x$s^rho[j] * (1 - x$s)^gamma[j])
    z <- colSums(w * x$oe) / sqrt(colSums(w^2 * x$v))
    r <- cov2cor(t(w) %*% (w * x$v))
    zmax <- max(abs(z))
    1 - pmvnorm(lower = rep(-zmax, 4), upper = rep(zmax, 4), corr = r)
    s <- survSplit(Surv(AVAL, status) ~ ., data = data[, c("AVAL", "status", "arm", strata_vars)],
                   cut = landmarks, episode = "period")
    s$period <- factor(s$period)
    coxph(as.formula(paste("Surv(tstart, AVAL, status) ~ arm:period + strata(",
                           paste(strata_vars, collapse = ", "), ")")), data = s)
}

competing_risks <- function(data) {
    stratum <- interaction(data[strata_vars], drop = TRUE)
    cuminc(data$AVAL, data$cause, data$arm, strata = stratum)
    # Fine–Gray through survival's finegray() + weighted coxph: the same
    # estimate as cmprsk's crr(), which is quadratic in n (66 s at 2 x 10^4 here).
    data$event <- factor(data$cause, 0:2, c("censored", "progression", "death"))
    weighted <- finegray(Surv(AVAL, event) ~ arm, data = data[, c("AVAL", "event", "arm")],
                         etype = "progression")
    coxph(Surv(fgstart, fgstop, fgstatus) ~ arm, data = weighted, weights = fgwt)
}

response <- function(bor) {
    responder <- bor$AVALC %in% c("CR", "PR")
    controlled <- bor$AVALC %in% c("CR", "PR", "SD")
    for (hit in list(responder, controlled)) {
        x <- tapply(hit, bor$arm, sum)
        n <- tapply(hit, bor$arm, length)
        for (a in seq_along(x)) binom.test(x[[a]], n[[a]])
        prop.test(rev(x), rev(n), correct = FALSE)
        fisher.test(table(bor$arm, hit))
        mantelhaen.test(table(bor$arm, hit, interaction(bor[strata_vars], drop = TRUE)))
    }
}

baseline <- function(subjects) {
    arm <- factor(subjects$TRT01P)
    for (v in baseline_vars) {
        x <- subjects[[v]]
        if (is.numeric(x) && length(unique(x)) > 12) {
            for (keep in c(split(seq_along(x), arm), list(seq_along(x)))) {
                xs <- x[keep]
                c(mean(xs, na.rm = TRUE), sd(xs, na.rm = TRUE),
                  quantile(xs, c(0, 0.25, 0.5, 0.75, 1), type = 2, na.rm = TRUE))
            }
            kruskal.test(x, arm)
        } else {
            tab <- table(x, arm)
            prop.table(tab, 2)
            if (nrow(tab) > 1) {
                expected <- outer(rowSums(tab), colSums(tab)) / sum(tab)
                if (any(expected < 5)) fisher.test(tab, simulate.p.value = FALSE, workspace = 2e8)
                else suppressWarnings(chisq.test(tab, correct = FALSE))
            }
        }
    }
    table(subjects$EOSSTT, arm)
    table(subjects$DCSREAS, arm)
}

# Every item of one refit on `data`; returns the milliseconds per item.
refit_items <- function(data, safety) {
    cox_formula <- as.formula(paste("Surv(AVAL, status) ~ arm + strata(",
                                    paste(strata_vars, collapse = ", "), ")"))
    fit_log <- survfit(Surv(AVAL, status) ~ arm, data = data)
    efron <- coxph(cox_formula, data = data, ties = "efron")
    c(KaplanMeier = timed(function() km_by_arm(data)),
      LandmarksRmst = timed(function() landmarks_rmst(fit_log)),
      LogRankStratified = timed(function() survdiff(cox_formula, data = data)),
      CoxEfronStratified = timed(function() coxph(cox_formula, data = data, ties = "efron")),
      CoxBreslowStratified = timed(function() coxph(cox_formula, data = data, ties = "breslow")),
      CoxZph = timed(function() cox.zph(efron)),
      SubgroupsStratified = timed(function() subgroups(data, TRUE)),
      AeTable = timed(function() ae_table(safety, adae)))
}

report <- function(name, ms) {
    cat(sprintf("R_BENCH %s/%d %.3f\n", name, n_subjects, ms))
}

items <- refit_items(pfs, safety)
for (name in names(items)) {
    report(name, items[[name]])
}
report("FullRefit", sum(items))
# The new panels, each on the same data; Workspace adds them to FullRefit.
panels <- function(data, bor, subjects) {
    c(DelayedEffects = timed(function() delayed_effects(data)),
      # Once: finegray() expands the data to millions of rows (its cost
      # grows with n x distinct times), minutes at 10^5.
      CompetingRisks = timed(function() competing_risks(data), reps = 1L),
      Response = timed(function() response(bor)),
      Baseline = timed(function() baseline(subjects)))
}
itt <- adsl[adsl$ITTFL == "Y", ]
new_items <- panels(pfs, bor, itt)
for (name in names(new_items)) {
    report(name, new_items[[name]])
}
report("Workspace", sum(items) + sum(new_items))
report("Subgroups10", timed(function() subgroups(pfs, FALSE)))
report("FullRefitContinuous", sum(refit_items(continuous(pfs), safety)))
young <- pfs$AGE < 50
young_ids <- pfs$USUBJID[young]
young_items <- refit_items(pfs[young, ], safety[safety$USUBJID %in% young_ids, ])
report("FilterRefit", sum(young_items))
report("WorkspaceFilter", sum(young_items) +
       sum(panels(pfs[young, ], bor[bor$USUBJID %in% young_ids, ], itt[itt$USUBJID %in% young_ids, ])))
report("LoadCsv", timed(function() {
    read_dataset("adsl")
    read_dataset("adtte")
}))
