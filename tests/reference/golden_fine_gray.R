# Fine–Gray subdistribution hazards (fine_gray.h) against cmprsk 2.2's
#   crr(ftime, fstatus, cov1, failcode = cause, cencode = 0)
# with its defaults (gtol 1e-6, maxiter 10), as summary.crr reports it: se
# from crr's sandwich var, CI exp(coef ± z se), p = 2 pnorm(-|z|). Sourced by
# make_golden.R (it uses its adtte, cd_adtte, write_case). Every case embeds
# its data (time, status, the covariate columns) so the core test needs no
# other file.
fine_gray_case <- function(name, time, status, cov1, cause) {
    cov1 <- as.matrix(cov1)
    stopifnot(!anyNA(time), !anyNA(status), !anyNA(cov1))
    fit <- cmprsk::crr(time, status, cov1, failcode = cause, cencode = 0)
    z <- qnorm(0.975)
    coef <- unname(fit$coef)
    se <- unname(sqrt(diag(fit$var)))
    list(name = name, cause = cause, terms = colnames(cov1), time = time, status = status,
         covariates = lapply(seq_len(ncol(cov1)), function(j) unname(cov1[, j])),
         converged = fit$converged, coef = coef, se = se, hr = exp(coef),
         lower = exp(coef - z * se), upper = exp(coef + z * se), p = 2 * pnorm(-abs(coef / se)))
}
fg <- list()

# A hand case: tied failures of both causes and censorings at one time, a
# censoring tied with the last failure.
hand <- data.frame(
    time = c(1, 2, 2, 2, 3, 3, 4, 5, 5, 5, 5, 6, 7, 7, 8, 9, 9, 10, 11, 12),
    status = c(1, 1, 2, 0, 2, 1, 0, 1, 1, 2, 0, 0, 2, 1, 1, 0, 1, 2, 0, 1),
    x = c(0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1))
for (cause in 1:2)
    fg[[length(fg) + 1]] <- fine_gray_case(paste0("hand_cause", cause), hand$time, hand$status,
                                           cbind(x = hand$x), cause)
# Every cause-1 event in one group: the coefficient runs off and crr stops
# after maxiter (10) steps, not converged; its numbers there are matched too.
fg[[length(fg) + 1]] <- fine_gray_case("hand_separated", hand$time, hand$status,
                                       cbind(x = as.numeric(hand$status == 1)), 1)

# The demo's PFS: progression (1) against death without progression (2).
pfs <- adtte[adtte$PARAMCD == "PFS", ]
pfs_status <- ifelse(pfs$CNSR == 1, 0, ifelse(pfs$EVNTDESC == "DISEASE PROGRESSION", 1, 2))
pfs_arm <- cbind(compared = as.numeric(pfs$TRT01P != "Nab-paclitaxel"))
for (cause in 1:2)
    fg[[length(fg) + 1]] <- fine_gray_case(paste0("demo_PFS_cause", cause), pfs$AVAL, pfs_status,
                                           pfs_arm, cause)

# The CDISC pilot's TTDE: one cause, Low and High dose against Placebo.
ttde <- cd_adtte[cd_adtte$PARAMCD == "TTDE", ]
fg[[length(fg) + 1]] <- fine_gray_case("cdisc_ttde", ttde$AVAL, ifelse(ttde$CNSR == 0, 1, 0),
                                       model.matrix(~arm, ttde)[, -1, drop = FALSE], 1)

# survival's mgus2: progression (1) against death without progression (2).
m <- survival::mgus2
m_time <- ifelse(m$pstat == 0, m$futime, m$ptime)
m_status <- ifelse(m$pstat == 0, 2 * m$death, 1)
for (cause in 1:2)
    fg[[length(fg) + 1]] <- fine_gray_case(paste0("mgus2_sex_cause", cause), m_time, m_status,
                                           cbind(male = as.numeric(m$sex == "M")), cause)
fg[[length(fg) + 1]] <- fine_gray_case("mgus2_sex_age", m_time, m_status,
                                       cbind(male = as.numeric(m$sex == "M"), age = m$age), 1)

# survival's colon: the first of recurrence (1) and death (2), by treatment.
recurrence <- survival::colon[survival::colon$etype == 1, ]
death <- survival::colon[survival::colon$etype == 2, ]
stopifnot(identical(recurrence$id, death$id))
c_status <- ifelse(recurrence$status == 1, 1, ifelse(death$status == 1, 2, 0))
c_time <- ifelse(recurrence$status == 1, recurrence$time, death$time)
fg[[length(fg) + 1]] <- fine_gray_case("colon_rx", c_time, c_status,
                                       model.matrix(~rx, recurrence)[, -1, drop = FALSE], 1)
write_case(fg, "fine_gray.json")
