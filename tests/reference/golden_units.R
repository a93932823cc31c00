# Time units, curves by arm x variable and median follow-up (AnalysisSpec's
# time_unit and curves_by; Results' curve_groups and median_follow_up), for
# tests/core/test_time_units.cpp. Sourced by make_golden.R (local = TRUE)
# after golden_cdisc.R: num, write_case, km_case, cox_case, logrank_case,
# adtte (the demo) and cd_adtte (the pilot) come from there.
#
# Times are scaled the way an R user scales AVAL, before Surv(): survfit,
# survdiff and coxph then apply their default timefix to the scaled times.
# Every fit is over all arms at once, as TrialLens fixes the pooled times.

# Every arm's curve (with quartiles), survival at `landmarks`, the RMST to
# `tau`, the log-rank test and the Efron Cox model on times `t`.
units_case <- function(name, d, t, unit, landmarks, tau) {
    d$t <- t
    fit <- survfit(Surv(t, status) ~ arm, data = d)
    arms <- lapply(seq_along(levels(d$arm)), function(i) {
        sub <- d[d$arm == levels(d$arm)[i], ]
        lm <- summary(fit[i], times = landmarks)
        rm <- summary(fit[i], rmean = tau)$table
        list(arm = levels(d$arm)[i], n = nrow(sub), events = sum(sub$status),
             km = km_case(NULL, NULL, "log", fit = fit[i]),
             landmarks = list(time = lm$time, n_risk = lm$n.risk, surv = lm$surv,
                              std_err = num(lm$std.err), lower = num(lm$lower),
                              upper = num(lm$upper)),
             rmst = list(tau = tau, estimate = unname(rm["rmean"]),
                         std_err = unname(rm["se(rmean)"])))
    })
    cox <- coxph(Surv(t, status) ~ arm, data = d, ties = "efron")
    list(name = name, param = d$PARAMCD[1], unit = unit, n = nrow(d), events = sum(d$status),
         landmark_times = landmarks, tau = tau, arms = arms,
         logrank = logrank_case(Surv(t, status) ~ arm, d),
         cox = c(cox_case(Surv(t, status) ~ arm, d, "efron"),
                 list(hr = unname(exp(coef(cox))), lower = unname(exp(confint(cox))[, 1]),
                      upper = unname(exp(confint(cox))[, 2]))))
}

# One curve per arm x level of `by` from one survfit over all groups, found by
# its strata name (arm order, then level order).
curves_by_case <- function(name, d, t, unit, by) {
    d$t <- t
    d$level <- d[[by]]
    fit <- survfit(Surv(t, status) ~ arm + level, data = d)
    groups <- list()
    for (a in levels(d$arm)) {
        for (l in sort(unique(d$level[!is.na(d$level)]))) {
            sub <- d[d$arm == a & !is.na(d$level) & d$level == l, ]
            if (nrow(sub) == 0) next
            i <- match(paste0("arm=", a, ", level=", l), names(fit$strata))
            groups[[length(groups) + 1]] <- list(arm = a, level = l, n = nrow(sub),
                events = sum(sub$status), km = km_case(NULL, NULL, "log", fit = fit[i]))
        }
    }
    list(name = name, param = d$PARAMCD[1], unit = unit, by = by,
         missing = sum(is.na(d$level)), groups = groups)
}

# The reverse Kaplan-Meier median under each CI transform.
follow_up_case <- function(name, d, t, unit) {
    list(name = name, param = d$PARAMCD[1], unit = unit, n = length(t),
         censored = sum(1 - d$status),
         medians = lapply(c("log", "log-log", "plain"), function(ct) {
             q <- quantile(survfit(Surv(t, 1 - d$status) ~ 1, conf.type = ct), 0.5)
             list(conf_type = ct, estimate = num(unname(q$quantile)),
                  lower = num(unname(q$lower)), upper = num(unname(q$upper)))
         }))
}

u_demo <- lapply(setNames(nm = c("PFS", "OS")), function(param) {
    d <- adtte[adtte$PARAMCD == param, ]
    d$arm <- relevel(factor(d$TRT01P), ref = "Nab-paclitaxel")
    d$status <- 1 - d$CNSR
    d
})
u_pilot <- cd_adtte # ADTTE has no AVALU: TTDE is in days

write_case(list(
    units = list(
        units_case("demo OS weeks", u_demo$OS, u_demo$OS$AVAL * 30.4375 / 7, "weeks",
                   c(26, 52, 104), 104),
        units_case("demo OS years", u_demo$OS, u_demo$OS$AVAL * 30.4375 / 365.25, "years",
                   c(0.5, 1, 2), 2),
        units_case("pilot TTDE months", u_pilot, u_pilot$AVAL / 30.4375, "months",
                   c(1, 3, 6), 6)),
    curves_by = list(
        curves_by_case("demo OS by PDL1STAT", u_demo$OS, u_demo$OS$AVAL, "", "PDL1STAT"),
        curves_by_case("pilot TTDE months by SEX", u_pilot, u_pilot$AVAL / 30.4375, "months",
                       "SEX")),
    follow_up = list(
        follow_up_case("demo PFS", u_demo$PFS, u_demo$PFS$AVAL, ""),
        follow_up_case("demo OS", u_demo$OS, u_demo$OS$AVAL, ""),
        follow_up_case("pilot TTDE", u_pilot, u_pilot$AVAL, ""),
        follow_up_case("pilot TTDE months", u_pilot, u_pilot$AVAL / 30.4375, "months"))),
    "units.json")
