# Numeric columns as factors: a small seeded trial whose ADSL codes ECOGBL
# 0/1 and NODEGR 0/1/2 as numbers (as site exports do; NODEGR has three
# subjects missing), written as CSV to tests/reference/numeric_factors, and
# R's log-rank, Cox and forest rows with both taken as factors: strata(),
# levels in numeric order spelled by as.character(). Rows with a missing
# stratum or subgroup value are dropped as R's na.action drops them.
# Sourced by make_golden.R (uses logrank_case, cox_case, subgroup_case).
set.seed(20260716)
nf_dir <- file.path(script_dir, "numeric_factors")
dir.create(nf_dir, showWarnings = FALSE)
nf_n <- 240
nf_adsl <- data.frame(
    USUBJID = sprintf("NF-%03d", seq_len(nf_n)),
    TRT01P = rep(c("Placebo", "Treatment"), length.out = nf_n),
    AGE = round(rnorm(nf_n, 62, 9)),
    ECOGBL = rbinom(nf_n, 1, 0.4),
    NODEGR = sample(0:2, nf_n, replace = TRUE, prob = c(0.4, 0.35, 0.25)),
    stringsAsFactors = FALSE)
nf_adsl$NODEGR[c(7, 50, 133)] <- NA
nf_hazard <- 0.04 * exp(-0.4 * (nf_adsl$TRT01P == "Treatment") + 0.5 * nf_adsl$ECOGBL +
                        0.35 * ifelse(is.na(nf_adsl$NODEGR), 1, nf_adsl$NODEGR))
# Whole days, so that deaths tie and the ties methods differ.
nf_death <- ceiling(rexp(nf_n, nf_hazard))
nf_censor <- ceiling(runif(nf_n, 10, 60))
nf_adtte <- data.frame(USUBJID = nf_adsl$USUBJID, PARAMCD = "OS", PARAM = "Overall Survival",
                       AVAL = pmin(nf_death, nf_censor), AVALU = "DAYS",
                       CNSR = as.integer(nf_death > nf_censor), stringsAsFactors = FALSE)
write.csv(nf_adsl, file.path(nf_dir, "adsl.csv"), row.names = FALSE, na = "")
write.csv(nf_adtte, file.path(nf_dir, "adtte.csv"), row.names = FALSE, na = "")

# Read back as TrialLens reads them: ECOGBL and NODEGR are numbers.
nf <- merge(read.csv(file.path(nf_dir, "adtte.csv"), na.strings = ""),
            read.csv(file.path(nf_dir, "adsl.csv"), na.strings = ""), by = "USUBJID")
stopifnot(is.numeric(nf$ECOGBL), is.numeric(nf$NODEGR))
nf$arm <- relevel(factor(nf$TRT01P), ref = "Placebo")
nf$status <- 1 - nf$CNSR

nf_strata_case <- function(strata) {
    term <- paste0("strata(", paste(strata, collapse = ", "), ")")
    f <- as.formula(paste("Surv(AVAL, status) ~ arm +", term))
    used <- nf[complete.cases(nf[, strata, drop = FALSE]), ]
    list(strata = strata, n = nrow(used), events = sum(used$status),
         logrank = logrank_case(f, nf),
         cox = lapply(c("efron", "breslow", "exact"), function(t) cox_case(f, nf, t)))
}
# The forest takes them as factor(): per-level rows, and an interaction test
# with one term per level but the first (arm * NODEGR on the numbers would be
# one linear term). factor()'s labels are as.character() of the numbers.
nf_factors <- nf
nf_factors$ECOGBL <- factor(nf_factors$ECOGBL)
nf_factors$NODEGR <- factor(nf_factors$NODEGR)
nf_rows <- function(rows) lapply(rows, function(r) { r$level <- as.character(r$level); r })
write_case(list(
    n = nrow(nf), events = sum(nf$status),
    levels = list(ECOGBL = as.character(sort(unique(nf$ECOGBL))),
                  NODEGR = as.character(sort(unique(nf$NODEGR)))),
    stratified = list(nf_strata_case("ECOGBL"), nf_strata_case("NODEGR"),
                      nf_strata_case(c("ECOGBL", "NODEGR"))),
    subgroups = lapply(c("efron", "breslow"), function(t)
        list(ties = t, strata = list(), rows = nf_rows(subgroup_case(nf_factors, c("ECOGBL", "NODEGR"), NULL, t)))),
    subgroups_stratified = list(ties = "breslow", strata = list("ECOGBL"),
        rows = nf_rows(subgroup_case(nf_factors, "NODEGR", "strata(ECOGBL)", "breslow")))),
    "numeric_factors.json")
