# Number at risk under a KM figure: summary(fit, times = t, extend = TRUE)'s
# n.risk, and the cumulative events and censorings up to and including t
# (cumsum of its n.event and n.censor, which count since the previous time).
# Small hand cases (ties, time zero, censor-only times, timefix) and the demo's
# PFS and OS per arm at 0, 3, ..., 45. Sourced by make_golden.R.
at_risk_case <- function(fit, times) {
    s <- summary(fit, times = times, extend = TRUE)
    list(times = s$time, n_risk = s$n.risk, n_event = cumsum(s$n.event),
         n_censor = cumsum(s$n.censor))
}
at_risk_small <- lapply(c("hand", "ties", "flat_half", "not_reached", "timefix"), function(name) {
    x <- small[[name]]
    fit <- survfit(Surv(x$time, x$status) ~ 1)
    # before, at and between the data's times, a censor-only time, and beyond the last
    times <- sort(unique(c(0, 0.5, 1, 2, 2.5, 3, 4, 6, 7, 8, 20, x$time)))
    c(list(name = name, input_time = x$time, input_status = x$status), at_risk_case(fit, times))
})
at_risk_demo <- list()
for (param in c("PFS", "OS")) {
    d <- adtte[adtte$PARAMCD == param, ]
    d$arm <- relevel(factor(d$TRT01P), ref = "Nab-paclitaxel")
    d$status <- 1 - d$CNSR
    fit <- survfit(Surv(AVAL, status) ~ arm, data = d) # one fit: timefix sees all times
    for (i in seq_along(levels(d$arm)))
        at_risk_demo[[length(at_risk_demo) + 1]] <- c(list(param = param, arm = levels(d$arm)[i]),
                                                      at_risk_case(fit[i], seq(0, 45, by = 3)))
}
write_case(list(small = at_risk_small, demo = at_risk_demo), "at_risk.json")
