# Edge cases through the whole analysis (Kaplan-Meier per arm, log-rank and
# Cox under the three ties methods), with R's warnings and errors recorded so
# TrialLens can be checked to say the same thing. Sourced by make_golden.R.

# Runs expr, returning list(value, warnings, error).
capture <- function(expr) {
    warnings <- character(0)
    value <- withCallingHandlers(
        tryCatch(expr, error = function(e) structure(conditionMessage(e), class = "failure")),
        warning = function(w) {
            warnings <<- c(warnings, conditionMessage(w))
            invokeRestart("muffleWarning")
        })
    if (inherits(value, "failure")) list(value = NULL, warnings = warnings, error = unclass(value))
    else list(value = value, warnings = warnings, error = NULL)
}

edge_case <- function(name, time, status, arm, stratum = NULL, note = "") {
    d <- data.frame(time = time, status = status, arm = factor(arm), stratum = if (is.null(stratum)) 1 else stratum)
    rhs <- if (is.null(stratum)) "arm" else "arm + strata(stratum)"
    arms <- lapply(levels(d$arm), function(a) {
        sub <- d[d$arm == a, ]
        c(list(arm = a, n = nrow(sub), events = sum(sub$status)),
          km_case(sub$time, sub$status, "log"))
    })
    two_arms <- nlevels(d$arm) >= 2
    logrank <- if (two_arms) capture(logrank_case(as.formula(paste("Surv(time, status) ~", rhs)), d)) else NULL
    cox <- if (two_arms) lapply(c("efron", "breslow", "exact"), function(ties) {
        r <- capture(coxph(as.formula(paste("Surv(time, status) ~", rhs)), data = d, ties = ties))
        fit <- r$value
        if (is.null(fit)) return(list(ties = ties, error = r$error, warnings = r$warnings))
        list(ties = ties, coef = num(unname(coef(fit))), se = num(unname(sqrt(diag(fit$var)))),
             loglik_null = fit$loglik[1], loglik = fit$loglik[length(fit$loglik)],
             score_chisq = num(unname(fit$score)), wald_chisq = num(unname(fit$wald.test)),
             lr_chisq = 2 * (fit$loglik[length(fit$loglik)] - fit$loglik[1]), iter = fit$iter,
             warnings = r$warnings)
    }) else NULL
    list(name = name, note = note, input_time = time, input_status = status, input_arm = arm,
         input_stratum = stratum, arms = arms,
         logrank = if (is.null(logrank)) NULL else c(logrank$value, list(error = logrank$error,
                                                                        warnings = logrank$warnings)),
         cox = cox)
}

set.seed(20261125)
many_n <- 120
edge <- list(
    edge_case("heavy_ties", c(1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3),
              c(1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 1, 1, 0, 0),
              rep(c("A", "B"), each = 10), note = "three distinct times, up to five deaths at one"),
    edge_case("tied_event_and_censoring", c(2, 2, 4, 4, 6, 6, 8, 8, 2, 2, 4, 4, 6, 6, 8, 8),
              c(1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0), rep(c("A", "B"), each = 8)),
    edge_case("arm_without_events", c(3, 5, 7, 9, 11, 13, 4, 6, 8, 10, 12, 14),
              c(1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0), rep(c("A", "B"), each = 6),
              note = "monotone likelihood: the coefficient runs to minus infinity"),
    edge_case("all_censored", c(1, 2, 3, 4, 5, 6), rep(0, 6), rep(c("A", "B"), each = 3)),
    edge_case("one_subject_per_stratum", c(1, 2, 3, 4, 5, 6), c(1, 1, 0, 1, 1, 1),
              c("A", "B", "A", "B", "A", "B"), stratum = 1:6),
    edge_case("time_zero", c(0, 0, 1, 2, 3, 0, 2, 2, 4, 5), c(1, 0, 1, 1, 0, 1, 1, 0, 1, 1),
              rep(c("A", "B"), each = 5)),
    edge_case("single_subject", 4, 1, "A"),
    edge_case("stratum_with_one_arm", c(2, 4, 6, 8, 3, 5, 7, 9, 1, 3, 5, 7, 9, 11),
              c(1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1),
              c("A", "A", "A", "A", "B", "B", "B", "B", "B", "B", "B", "B", "B", "B"),
              stratum = c(1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2),
              note = "stratum 2 holds arm B only and adds nothing to the arm coefficient"),
    edge_case("monotone_likelihood", c(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 1, 2, 3, 4),
              c(1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1),
              c(rep("A", 10), rep("B", 4)),
              note = "every B subject dies before any A event: the coefficient runs to infinity"),
    edge_case("many_strata", round(rexp(many_n, 0.1) + 0.5), rbinom(many_n, 1, 0.7),
              rep(c("A", "B"), length.out = many_n), stratum = rep(1:40, each = 3)),
    edge_case("median_on_flat_segment", c(1, 2, 3, 5, 6, 7, 1, 2, 3, 4, 6, 9),
              c(0, 1, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0), rep(c("A", "B"), each = 6),
              note = "arm A sits exactly on 0.5 between 3 and 5"),
    edge_case("quantiles_not_reached", c(1, 2, 3, 4, 5, 6, 7, 8, 2, 3, 4, 5, 6, 7, 8, 9),
              c(1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 0, 1), rep(c("A", "B"), each = 8)),
    edge_case("three_arms", c(5, 8, 8, 10, 12, 12, 12, 15, 17, 20, 22, 22, 25, 30, 31),
              c(1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1), rep(c("A", "B", "C"), 5)))
write_case(edge, "edge_cases.json")
