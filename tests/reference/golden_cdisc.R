# The public CDISC pilot (tests/data/cdiscpilot01, read from its whole
# CSVs; the .xpt and per-site files hold the same tables): TTDE by planned
# treatment under every CI transform and ties method, unstratified and
# stratified by SITEGR1, forest rows for SEX, AGEGR1 and RACE (High Dose
# against Placebo), and the AE table graded by AESEV. Sourced by make_golden.R.
cdisc_dir <- if (length(args) >= 3) args[3] else "tests/data/cdiscpilot01"
cd_adsl <- read.csv(file.path(cdisc_dir, "adsl.csv"), stringsAsFactors = FALSE, na.strings = "")
cd_adtte <- merge(read.csv(file.path(cdisc_dir, "adtte.csv"), stringsAsFactors = FALSE, na.strings = "")[,
                      c("USUBJID", "PARAMCD", "AVAL", "CNSR")],
                  cd_adsl[, c("USUBJID", "TRT01P", "TRT01PN", "SITEGR1", "SEX", "AGEGR1", "RACE")],
                  by = "USUBJID")
# Arms in ADaM's order, by TRT01PN (Placebo, Low Dose, High Dose), as TrialLens orders them.
cd_adtte$arm <- factor(cd_adtte$TRT01P,
                       levels = unique(cd_adtte$TRT01P[order(cd_adtte$TRT01PN)]))
cd_adtte$status <- 1 - cd_adtte$CNSR
cd_adtte$SITEGR1 <- as.character(cd_adtte$SITEGR1)

cd_fits <- lapply(c("log", "log-log", "plain"),
                  function(ct) survfit(Surv(AVAL, status) ~ arm, data = cd_adtte, conf.type = ct))
cd_arms <- lapply(seq_along(levels(cd_adtte$arm)), function(i) {
    sub <- cd_adtte[cd_adtte$arm == levels(cd_adtte$arm)[i], ]
    list(arm = levels(cd_adtte$arm)[i], n = nrow(sub), events = sum(sub$status),
         km = lapply(cd_fits, function(f) km_case(NULL, NULL, f$conf.type, fit = f[i])))
})
cd_cox_terms <- function(formula, ties) {
    fit <- coxph(formula, data = cd_adtte, ties = ties)
    c(cox_case(formula, cd_adtte, ties), list(
        term = sub("^arm", "", names(coef(fit))), hr = unname(exp(coef(fit))), lower = unname(exp(confint(fit))[, 1]),
        upper = unname(exp(confint(fit))[, 2]),
        p = unname(summary(fit)$coefficients[, "Pr(>|z|)"]),
        zph = {
            z <- cox.zph(fit)$table  # rows arm, GLOBAL; R's default transform "km"
            list(term = rownames(z), chisq = unname(z[, "chisq"]), df = unname(z[, "df"]),
                 p = unname(z[, "p"]))
        }))
}
cd_two <- cd_adtte[cd_adtte$TRT01P %in% c("Placebo", "Xanomeline High Dose"), ]
cd_two$arm <- droplevels(cd_two$arm)
cdisc <- list(
    param = "TTDE", n = nrow(cd_adtte), events = sum(cd_adtte$status), arms = cd_arms,
    logrank_arms = levels(cd_adtte$arm),
    logrank = logrank_case(Surv(AVAL, status) ~ arm, cd_adtte),
    logrank_stratified = logrank_case(Surv(AVAL, status) ~ arm + strata(SITEGR1), cd_adtte),
    cox = lapply(c("efron", "breslow", "exact"), function(t) cd_cox_terms(Surv(AVAL, status) ~ arm, t)),
    cox_stratified = lapply(c("efron", "breslow", "exact"), function(t)
        cd_cox_terms(Surv(AVAL, status) ~ arm + strata(SITEGR1), t)),
    compare = "Xanomeline High Dose",
    subgroups = lapply(c("efron", "breslow", "exact"), function(t)
        list(ties = t, rows = subgroup_case(cd_two, c("SEX", "AGEGR1", "RACE"), NULL, t))),
    subgroups_stratified = subgroup_case(cd_two, c("SEX", "AGEGR1", "RACE"), "strata(SITEGR1)", "efron"))
write_case(cdisc, "cdisc_tte.json")

# Adverse events: safety population by actual treatment; AESEV graded
# MILD/MODERATE/SEVERE = 1/2/3, so grade >= 3 means SEVERE.
cd_adae <- read.csv(file.path(cdisc_dir, "adae.csv"), stringsAsFactors = FALSE, na.strings = "")
cd_adae$AETOXGR <- match(cd_adae$AESEV, c("MILD", "MODERATE", "SEVERE"))
cd_adae$AEREL[is.na(cd_adae$AEREL)] <- ""
cd_adae <- cd_adae[, setdiff(names(cd_adae), "TRTA")]
cd_safety <- cd_adsl[cd_adsl$SAFFL == "Y", c("USUBJID", "TRT01A")]
write_case(lapply(list(
    list("all", function(a) rep(TRUE, nrow(a))),
    list("treatment_emergent", function(a) a$TRTEMFL == "Y"),
    list("related", function(a) !(a$AEREL %in% c("NONE", "NOT RELATED", "N"))),
    list("serious", function(a) a$AESER == "Y")),
    function(x) ae_case(x[[1]], x[[2]], cd_adae, cd_safety)), "cdisc_ae.json")
