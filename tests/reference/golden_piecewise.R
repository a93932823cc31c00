# Piecewise hazard ratios (--cuts) and survival from a landmark (--from).
# Sourced by make_golden.R (it uses its adtte, cd_adtte, num, write_case).
#
# Piecewise: the data split at the cuts by survSplit (periods (0, c1], (c1,
# c2], ..., (ck, Inf): an event at a cut ends the earlier period), then one
# arm coefficient per period, the baseline hazard free per period (a risk set
# holds only its period's episodes) and the analysis's strata:
#   coxph(Surv(tstart, time, status) ~ group:factor(period) + strata(stratum))
# checked against coxph() fitted on each period's episodes alone. A period
# where either arm has no event gets no ratio (NA), as in TrialLens.
#
# From T: the records with time > T, time - T, then survfit / survdiff /
# coxph on them: KM medians per arm, the log-rank chi-square and the Cox HRs.
piecewise_case <- function(name, time, status, group, cuts, stratum = NULL, ties = "efron",
                           with_data = FALSE) {
    strata <- !is.null(stratum)
    d <- data.frame(time = time, status = status, group = group,
                    stratum = if (strata) stratum else 0L)
    s <- survSplit(Surv(time, status) ~ ., data = d, cut = cuts, episode = "period")
    s$period <- factor(s$period, levels = seq_len(length(cuts) + 1))
    fit <- coxph(Surv(tstart, time, status) ~ group:period + strata(stratum), data = s, ties = ties)
    from <- c(0, cuts)
    periods <- lapply(seq_len(length(cuts) + 1), function(k) {
        e <- s[s$period == k, ]
        events <- c(sum(e$status[e$group == 0]), sum(e$status[e$group == 1]))
        coef <- NA; se <- NA
        if (all(events > 0)) {
            coef <- unname(coef(fit)[k]); se <- unname(sqrt(diag(fit$var))[k])
            alone <- coxph(Surv(tstart, time, status) ~ group + strata(stratum), data = e, ties = ties)
            stopifnot(isTRUE(all.equal(unname(coef(alone)), coef, tolerance = 1e-7)))
        }
        list(from = from[k], to = if (k <= length(cuts)) cuts[k] else NA, events = sum(events),
             events_reference = events[1], events_compared = events[2], coef = coef, se = se,
             hr = exp(coef), lower = exp(coef - qnorm(0.975) * se), upper = exp(coef + qnorm(0.975) * se),
             p = 2 * pnorm(-abs(coef / se)))
    })
    out <- list(name = name, strata = strata, ties = ties, cuts = cuts, periods = periods)
    if (with_data) out <- c(out, list(time = time, status = status, group = group,
                                      stratum = d$stratum))
    out
}
two_groups <- function(d, reference, compared) {
    d <- d[d$arm %in% c(reference, compared), ]
    d$group <- as.integer(d$arm == compared)
    d
}
pw <- list()
os <- adtte[adtte$PARAMCD == "OS", ]
os$status <- 1 - os$CNSR
os$arm <- os$TRT01P
os <- two_groups(os, "Nab-paclitaxel", setdiff(unique(os$TRT01P), "Nab-paclitaxel"))
os_strata <- as.integer(factor(paste(os$PRTAXFL, os$LIVBRNFL))) - 1L
pw[[length(pw) + 1]] <- piecewise_case("demo_OS", os$AVAL, os$status, os$group, c(6, 12))
pw[[length(pw) + 1]] <- piecewise_case("demo_OS_stratified", os$AVAL, os$status, os$group,
                                       c(6, 12), os_strata)
pw[[length(pw) + 1]] <- piecewise_case("demo_OS_stratified_breslow", os$AVAL, os$status, os$group,
                                       c(6, 12), os_strata, "breslow")
cd <- cd_adtte[cd_adtte$PARAMCD == "TTDE", ]
cd$arm <- as.character(cd$arm)
cd <- two_groups(cd, "Placebo", "Xanomeline High Dose")
pw[[length(pw) + 1]] <- piecewise_case("cdisc_ttde", cd$AVAL, cd$status, cd$group, c(30, 90))
pw[[length(pw) + 1]] <- piecewise_case("cdisc_ttde_stratified", cd$AVAL, cd$status, cd$group,
                                       c(30, 90), as.integer(factor(cd$SITEGR1)) - 1L)
co <- colon[colon$etype == 2, ]
co$arm <- as.character(co$rx)
co <- two_groups(co, "Obs", "Lev+5FU")
pw[[length(pw) + 1]] <- piecewise_case("colon_death", co$time, co$status, co$group,
                                       c(365, 1095), with_data = TRUE)
pw[[length(pw) + 1]] <- piecewise_case("colon_death_stratified", co$time, co$status, co$group,
                                       c(365, 1095), as.integer(co$node4), with_data = TRUE)
pw[[length(pw) + 1]] <- piecewise_case("colon_death_exact", co$time, co$status, co$group,
                                       c(365, 1095), as.integer(co$node4), "exact", with_data = TRUE)

from_case <- function(name, d, from) {
    d <- d[d$AVAL > from, ]
    d$time <- d$AVAL - from
    km <- survfit(Surv(time, status) ~ arm, data = d)
    q <- quantile(km, 0.5)
    sd <- survdiff(Surv(time, status) ~ arm, data = d)
    fit <- coxph(Surv(time, status) ~ arm, data = d)
    ci <- exp(confint(fit))
    list(name = name, from = from, n = nrow(d), events = sum(d$status),
         arms = lapply(seq_along(levels(d$arm)), function(i) list(
             arm = levels(d$arm)[i], n = sum(d$arm == levels(d$arm)[i]),
             median = num(unname(q$quantile[i])), lower = num(unname(q$lower[i])),
             upper = num(unname(q$upper[i])))),
         logrank_chisq = sd$chisq,
         cox = lapply(seq_along(coef(fit)), function(j) list(
             arm = levels(d$arm)[j + 1], hr = unname(exp(coef(fit))[j]),
             lower = unname(ci[j, 1]), upper = unname(ci[j, 2]))))
}
os_all <- adtte[adtte$PARAMCD == "OS", ]
os_all$status <- 1 - os_all$CNSR
os_all$arm <- relevel(factor(os_all$TRT01P), ref = "Nab-paclitaxel")
from <- list(from_case("demo_OS_from_6", os_all, 6),
             from_case("cdisc_ttde_from_30", cd_adtte[cd_adtte$PARAMCD == "TTDE", ], 30))
write_case(list(piecewise = pw, from = from), "piecewise.json")
