# Cumulative incidence and Gray's test (cumulative_incidence.h) against
# cmprsk 2.2: cuminc()'s `est` and `var` per group and cause, timepoints() at
# landmarks, and its `Tests` (rho = 0), unstratified and stratified. Sourced by
# make_golden.R (it uses its adtte, cd_adtte, write_case).
#
# cuminc lists each step twice (its corners) between a first point (0, 0)
# and a last one at the group's largest time; the golden keeps the first
# point and each step's upper corner: one point per time at which the group
# has an event of the cause. The log-log limits are not in cmprsk; they are
# computed here as the header states them, F^exp(-/+ z se / (F log F)).
suppressPackageStartupMessages(library(cmprsk))

cr_limits <- function(est, var, level = 0.95) {
    z <- qnorm(1 - (1 - level) / 2)
    a <- z * sqrt(pmax(var, 0)) / (est * log(est))
    lower <- ifelse(est <= 0, 0, ifelse(est >= 1, 1, est^exp(-a)))
    upper <- ifelse(est <= 0, 0, ifelse(est >= 1, 1, est^exp(a)))
    list(lower = lower, upper = upper)
}
gray_table <- function(fit) {
    t <- fit$Tests
    lapply(seq_len(nrow(t)), function(i) list(cause = as.integer(rownames(t)[i]),
                                              chisq = unname(t[i, "stat"]), p = unname(t[i, "pv"]),
                                              df = unname(t[i, "df"])))
}
# time, status (0 = censored, 1 ... causes), group (0-based codes), stratum
# (0-based codes or NULL), landmark times.
cr_case <- function(name, time, status, group, stratum = NULL, landmarks) {
    n_groups <- max(group) + 1L
    causes <- sort(unique(status[status != 0]))
    fit <- cuminc(time, status, group)
    curves <- list()
    at <- list()
    tp <- timepoints(fit, landmarks)
    for (g in sort(unique(group))) for (k in causes) {
        key <- paste(g, k)
        cur <- fit[[key]]
        n <- length(cur$time)
        keep <- c(1, if (n > 2) seq(3, n - 1, by = 2))
        est <- cur$est[keep]; var <- cur$var[keep]
        lim <- cr_limits(est, var)
        curves[[length(curves) + 1]] <- list(group = g, cause = k, last_time = cur$time[n],
                                             time = cur$time[keep], estimate = est, variance = var,
                                             lower = lim$lower, upper = lim$upper)
        e <- unname(tp$est[key, ]); v <- unname(tp$var[key, ])
        lim <- cr_limits(e, v)
        at[[length(at) + 1]] <- list(group = g, cause = k, time = sort(unique(landmarks)),
                                     estimate = e, variance = v, lower = lim$lower,
                                     upper = lim$upper)
    }
    out <- list(name = name, n_groups = n_groups, n_causes = max(causes), time = time,
                status = status, group = group, curves = curves, at = at,
                tests = gray_table(fit))
    if (!is.null(stratum)) {
        out$n_strata <- max(stratum) + 1L
        out$stratum <- stratum
        out$tests_stratified <- gray_table(cuminc(time, status, group, stratum))
    }
    out
}

cr <- list()
# Hand case: ties of both causes and censorings at one time; group 1 has no
# cause-1 event; group 0's largest time is an event, group 1's a censoring.
cr[[length(cr) + 1]] <- cr_case(
    "hand_ties",
    time = c(1, 2, 2, 2, 2, 3, 4, 5, 6, 6, 7, 1, 2, 2, 3, 4, 5, 5, 8, 2, 2, 9),
    status = c(1, 1, 2, 0, 1, 0, 2, 1, 0, 2, 1, 2, 2, 0, 2, 0, 2, 2, 0, 1, 0, 2),
    group = c(rep(0L, 11), rep(1L, 8), rep(2L, 3)),
    stratum = c(rep(0:1, 11)), landmarks = c(0, 2, 2.5, 7, 8, 9, 10))

# Singular score variance: cuminc reports stat -1 (TrialLens: no statistic).
cr[[length(cr) + 1]] <- cr_case("hand_singular", time = c(1, 2, 3, 4), status = c(1, 0, 1, 2),
                                group = c(0L, 0L, 1L, 1L), stratum = 0:3, landmarks = c(1, 4, 5))

pfs <- adtte[adtte$PARAMCD == "PFS", ]
pfs$cause <- ifelse(pfs$CNSR == 1, 0L,
                    ifelse(pfs$EVNTDESC == "DISEASE PROGRESSION", 1L,
                           ifelse(pfs$EVNTDESC == "DEATH", 2L, NA)))
stopifnot(!anyNA(pfs$cause))
pfs$group <- as.integer(pfs$TRT01P != "Nab-paclitaxel")
cr[[length(cr) + 1]] <- cr_case("demo_PFS", pfs$AVAL, pfs$cause, pfs$group,
                                as.integer(factor(paste(pfs$PRTAXFL, pfs$LIVBRNFL))) - 1L,
                                c(6, 12, 24))

cd_desc <- read.csv(file.path(cdisc_dir, "adtte.csv"), stringsAsFactors = FALSE,
                    na.strings = "")[, c("USUBJID", "PARAMCD", "EVNTDESC")]
ttde <- merge(cd_adtte[cd_adtte$PARAMCD == "TTDE", ], cd_desc, by = c("USUBJID", "PARAMCD"))
ttde$cause <- ifelse(ttde$CNSR == 0, as.integer(factor(ttde$EVNTDESC)), 0L)
cr[[length(cr) + 1]] <- cr_case("cdisc_ttde", ttde$AVAL, ttde$cause, as.integer(ttde$arm) - 1L,
                                as.integer(factor(ttde$SITEGR1)) - 1L, c(30, 90, 180))

etime <- with(mgus2, ifelse(pstat == 0, futime, ptime))
event <- with(mgus2, ifelse(pstat == 0, 2 * death, 1))
cr[[length(cr) + 1]] <- cr_case("mgus2", etime, event, as.integer(mgus2$sex) - 1L,
                                landmarks = c(60, 120, 240))

rec <- colon[colon$etype == 1, ]
dth <- colon[colon$etype == 2, ]
stopifnot(identical(rec$id, dth$id))
colon_time <- ifelse(rec$status == 1, rec$time, dth$time)
colon_cause <- ifelse(rec$status == 1, 1, 2 * dth$status)
cr[[length(cr) + 1]] <- cr_case("colon_recurrence_death", colon_time, colon_cause,
                                as.integer(rec$rx) - 1L, rec$extent - 1L,
                                c(365, 1095, 1825))
cr[[length(cr) + 1]] <- cr_case("colon_recurrence_death_node4", colon_time, colon_cause,
                                as.integer(rec$rx) - 1L, rec$node4, c(365, 1095, 1825))
write_case(list(competing_risks = cr), "competing_risks.json")
