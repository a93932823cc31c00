# Response and safety comparisons, source()d by make_golden.R (its helpers and
# the demo tables adsl, adrs, adae, safety, ae_case are in scope):
#   response_small.json         Miettinen-Nurminen differences; odds ratios of
#                               2x2 tables (Woolf, fisher.test) and of 2x2xK
#                               tables (mantelhaen.test), zeros included
#   response_demo.json          the demo's objective response, arm against
#                               control, unstratified and stratified by
#                               PRTAXFL x LIVBRNFL
#   response_bor_demo.json      the demo's best overall response table per arm
#                               and disease control rate (binom.test,
#                               Newcombe, Miettinen-Nurminen, odds ratios, CMH)
#   ae_risk_difference.json     risk differences with Miettinen-Nurminen CIs
#                               for every row of demo_ae.json
# Base R has no Miettinen-Nurminen interval, so it is written out below from
# the paper, independently of the C++ (the restricted MLE by the likelihood's
# score equation, not the closed-form cubic), and checked against Newcombe
# (1998), Table II. Everything here is local: nothing leaks to the scripts
# sourced after this one.

local({
    # --- Miettinen-Nurminen (1985) score interval for p1 - p2
    # Maximum-likelihood p2 under p1 = p2 + delta: the likelihood is concave in p2,
    # so its score decreases; a root inside, or the boundary it runs into.
    mn_restricted_p2 <- function(x1, n1, x2, n2, delta) {
        lo <- max(0, -delta); hi <- min(1, 1 - delta)
        if (hi <= lo) return(lo)
        score <- function(p2) {
            p1 <- p2 + delta
            (if (x1 > 0) x1 / p1 else 0) - (if (x1 < n1) (n1 - x1) / (1 - p1) else 0) +
                (if (x2 > 0) x2 / p2 else 0) - (if (x2 < n2) (n2 - x2) / (1 - p2) else 0)
        }
        if (score(lo) <= 0) return(lo)
        if (score(hi) >= 0) return(hi)
        # atan keeps the infinite score at a boundary finite for uniroot
        uniroot(function(p) atan(score(p)), c(lo, hi), tol = 1e-300, maxiter = 10000)$root
    }
    # Z(delta) = (p1^ - p2^ - delta) / sqrt(V), V with the N / (N - 1) correction.
    mn_z <- function(x1, n1, x2, n2, delta) {
        dhat <- x1 / n1 - x2 / n2
        if (delta == dhat) return(0)
        p2 <- mn_restricted_p2(x1, n1, x2, n2, delta); p1 <- p2 + delta
        N <- n1 + n2
        (dhat - delta) / sqrt((p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2) * N / (N - 1))
    }
    mn_ci <- function(x1, n1, x2, n2, level = 0.95) {
        z <- qnorm((1 + level) / 2)
        dhat <- x1 / n1 - x2 / n2
        f <- function(d, target) atan(mn_z(x1, n1, x2, n2, d)) - target
        c(if (dhat == -1) -1 else
              uniroot(f, c(-1, dhat), target = atan(z), tol = 1e-300, maxiter = 10000)$root,
          if (dhat == 1) 1 else
              uniroot(f, c(dhat, 1), target = -atan(z), tol = 1e-300, maxiter = 10000)$root)
    }
    # Newcombe (1998), Table II, method 6 (Miettinen-Nurminen), to his 4 decimals.
    newcombe_table2 <- list(list(c(56, 70, 48, 80), c(0.0528, 0.3382)),
                            list(c(9, 10, 3, 10), c(0.1700, 0.8406)),
                            list(c(10, 10, 0, 20), c(0.7156, 1.0000)))
    for (case in newcombe_table2) {
        x <- case[[1]]
        stopifnot(all(round(mn_ci(x[1], x[2], x[3], x[4]), 4) == case[[2]]))
    }
    mn_case <- function(x1, n1, x2, n2, level = 0.95) {
        ci <- mn_ci(x1, n1, x2, n2, level)
        list(x1 = x1, n1 = n1, x2 = x2, n2 = n2, conf_level = level,
             estimate = x1 / n1 - x2 / n2, lower = ci[1], upper = ci[2])
    }

    # --- odds ratios
    # Tables are arm (row 1) against reference (row 2), event (column 1) against
    # none, as TrialLens's TwoByTwo: matrix(c(a, c, b, d), 2).
    two_by_two <- function(t) matrix(c(t[1], t[3], t[2] - t[1], t[4] - t[3]), 2)

    # fisher.test's own code with uniroot run to full precision: its default
    # tolerance (~1.2e-4 on the search scale) leaves the estimate and limits a few
    # digits short, and TrialLens solves to full precision.
    fisher_precise <- fisher.test
    environment(fisher_precise) <- list2env(list(
        uniroot = function(f, interval, ...)
            stats::uniroot(f, interval, ..., tol = 1e-300, maxiter = 10000)),
        parent = environment(fisher.test))

    # mantelhaen.test refuses K < 2 ("each dimension in table must be >= 2");
    # TrialLens computes one stratum by the same formulas. This is R's own code
    # with only that check narrowed to the two table dimensions.
    mantelhaen_any_k <- mantelhaen.test
    mh_source <- deparse(body(mantelhaen.test))
    mh_guard <- grep("any(dim(x) < 2L)", mh_source, fixed = TRUE)
    stopifnot(length(mh_guard) == 1)
    mh_source[mh_guard] <- sub("any(dim(x) < 2L)", "any(dim(x)[1:2] < 2L)", mh_source[mh_guard],
                               fixed = TRUE)
    body(mantelhaen_any_k) <- parse(text = mh_source)[[1]]

    # Woolf: the sample odds ratio and exp(log OR -+ z sqrt(1/a + 1/b + 1/c + 1/d));
    # not estimable (NA) where it divides by zero, as TrialLens.
    woolf <- function(t, level) {
        cells <- c(t[1], t[2] - t[1], t[3], t[4] - t[3]) # a b c d
        or <- if (cells[2] * cells[3] > 0) cells[1] * cells[4] / (cells[2] * cells[3]) else NA
        half <- qnorm((1 + level) / 2) * sqrt(sum(1 / cells))
        ci <- if (all(cells > 0)) or * exp(c(-1, 1) * half) else c(NA, NA)
        list(estimate = or, lower = ci[1], upper = ci[2])
    }

    fisher_case <- function(t, level) {
        x <- two_by_two(t)
        f <- fisher_precise(x, conf.level = level)
        stopifnot(identical(f$p.value, fisher.test(x, conf.level = level)$p.value))
        zero_margin <- any(rowSums(x) == 0) || any(colSums(x) == 0)
        # Deliberately unlike R: a table with a zero margin has no estimate (R: 0, [0, Inf]).
        est <- if (zero_margin) NA else num(unname(f$estimate))
        ci <- if (zero_margin) c(NA, NA) else num(as.vector(f$conf.int))
        list(estimate = est, lower = ci[1], upper = ci[2], p_value = f$p.value)
    }

    # mantelhaen.test on the strata of two or more subjects (R refuses smaller ones).
    cmh <- function(strata, level) {
        arr <- array(unlist(lapply(strata, two_by_two)), c(2, 2, length(strata)))
        arr <- arr[, , apply(arr, 3, sum) >= 2, drop = FALSE]
        out <- list(strata_used = dim(arr)[3])
        if (dim(arr)[3] == 0) {
            return(c(out, list(estimate = NA, lower = NA, upper = NA, chisq = NA, p_value = NA,
                               chisq_uncorrected = NA, p_value_uncorrected = NA)))
        }
        corrected <- mantelhaen_any_k(arr, conf.level = level)
        plain <- mantelhaen_any_k(arr, correct = FALSE, conf.level = level)
        if (dim(arr)[3] >= 2) {
            r <- mantelhaen.test(arr, conf.level = level)
            stopifnot(identical(r[c("statistic", "p.value", "estimate", "conf.int")],
                                corrected[c("statistic", "p.value", "estimate", "conf.int")]))
        }
        c(out, list(estimate = num(unname(corrected$estimate)),
                    lower = num(corrected$conf.int[1]), upper = num(corrected$conf.int[2]),
                    chisq = num(unname(corrected$statistic)), p_value = num(corrected$p.value),
                    chisq_uncorrected = num(unname(plain$statistic)),
                    p_value_uncorrected = num(plain$p.value)))
    }
    counts_of <- function(t)
        list(arm_events = t[1], arm_n = t[2], reference_events = t[3], reference_n = t[4])

    odds_case <- function(name, t, level = 0.95) {
        one <- cmh(list(t), level)
        w <- woolf(t, level)
        # A single stratum's Mantel-Haenszel estimate and RBG interval are Woolf's.
        if (all(c(t[1], t[2] - t[1], t[3], t[4] - t[3]) > 0))
            stopifnot(isTRUE(all.equal(c(one$estimate, one$lower, one$upper),
                                       c(w$estimate, w$lower, w$upper), tolerance = 1e-12)))
        c(list(name = name, conf_level = level), counts_of(t),
          list(woolf = w, fisher = fisher_case(t, level)))
    }

    stratified_case <- function(name, strata, level = 0.95) {
        c(list(name = name, conf_level = level, strata = lapply(strata, counts_of)),
          cmh(strata, level))
    }

    write_case(list(
        difference = list(
            mn_case(56, 70, 48, 80), mn_case(9, 10, 3, 10), mn_case(6, 7, 2, 7),
            mn_case(5, 56, 0, 29), mn_case(0, 10, 0, 20), mn_case(0, 10, 0, 10),
            mn_case(10, 10, 0, 20), mn_case(10, 10, 0, 10), mn_case(0, 10, 10, 10),
            mn_case(10, 10, 20, 20), mn_case(1, 1, 0, 1), mn_case(0, 1, 0, 1),
            mn_case(42, 75, 27, 72, 0.9), mn_case(3, 250, 0, 250, 0.99),
            mn_case(120, 121, 4, 113), mn_case(0, 15, 15, 15, 0.99), mn_case(1, 200, 199, 200)),
        odds_ratio = list(
            odds_case("typical", c(31, 64, 18, 66)),
            odds_case("newcombe_a", c(56, 70, 48, 80)),
            odds_case("small", c(9, 10, 3, 10), 0.9),
            odds_case("arm_no_events", c(0, 10, 5, 20)),
            odds_case("reference_no_events", c(4, 12, 0, 9)),
            odds_case("arm_all_events", c(10, 10, 3, 12)),
            odds_case("no_events_at_all", c(0, 10, 0, 20)),
            odds_case("all_events", c(5, 5, 7, 7)),
            odds_case("empty_reference", c(3, 8, 0, 0)),
            odds_case("rare", c(3, 250, 1, 240), 0.99),
            odds_case("two_subjects", c(1, 1, 0, 1)),
            odds_case("extreme", c(120, 121, 4, 113)),
            odds_case("lopsided", c(2, 76, 2, 3))),
        stratified = list(
            stratified_case("two_strata", list(c(12, 30, 7, 28), c(20, 45, 11, 44))),
            stratified_case("three_strata_one_arm_empty",
                            list(c(8, 20, 4, 19), c(5, 9, 0, 0), c(15, 33, 9, 35))),
            stratified_case("stratum_of_one_skipped",
                            list(c(8, 20, 4, 19), c(1, 1, 0, 0), c(15, 33, 9, 35))),
            stratified_case("zero_cells", list(c(0, 10, 3, 12), c(2, 8, 0, 9), c(4, 15, 2, 14))),
            stratified_case("arm_never_without_event", list(c(5, 5, 3, 9), c(4, 4, 1, 6))),
            stratified_case("arm_never_with_event", list(c(0, 5, 3, 9), c(0, 4, 1, 6)), 0.9),
            stratified_case("every_margin_zero", list(c(0, 5, 0, 9), c(4, 4, 6, 6))),
            stratified_case("one_stratum", list(c(31, 64, 18, 66))),
            stratified_case("one_stratum_with_data", list(c(12, 30, 7, 28), c(0, 0, 0, 0))),
            stratified_case("small_delta_no_correction", list(c(1, 2, 1, 2), c(2, 4, 1, 3))),
            stratified_case("four_strata", list(c(10, 25, 6, 24), c(3, 12, 2, 13), c(14, 30, 8, 31),
                                                c(6, 9, 5, 10)), 0.99))), "response_small.json")

    # --- the demo's objective response, arm against control
    # Every subject with a planned arm; responders have BOR CR or PR in ADRS.
    responders <- unique(adrs$USUBJID[adrs$PARAMCD == "BOR" & adrs$AVALC %in% c("CR", "PR")])
    itt <- adsl[!is.na(adsl$TRT01P), c("USUBJID", "TRT01P", "PRTAXFL", "LIVBRNFL")]
    itt$responder <- itt$USUBJID %in% responders
    control <- "Nab-paclitaxel"
    experimental <- setdiff(sort(unique(itt$TRT01P)), control)
    stopifnot(length(experimental) == 1)
    counts_for <- function(d) {
        arm <- d$TRT01P == experimental
        reference <- d$TRT01P == control
        c(sum(d$responder[arm]), sum(arm), sum(d$responder[reference]), sum(reference))
    }
    overall <- counts_for(itt)
    strata_levels <- unique(itt[, c("PRTAXFL", "LIVBRNFL")])
    strata_levels <- strata_levels[order(strata_levels$PRTAXFL, strata_levels$LIVBRNFL), ]
    strata_counts <- lapply(seq_len(nrow(strata_levels)), function(i)
        counts_for(itt[itt$PRTAXFL == strata_levels$PRTAXFL[i] &
                       itt$LIVBRNFL == strata_levels$LIVBRNFL[i], ]))
    # The stratified estimate straight from the subject rows, as a user would call it.
    by_subject <- mantelhaen.test(factor(itt$TRT01P, levels = c(experimental, control)),
                                  factor(itt$responder, levels = c(TRUE, FALSE)),
                                  interaction(itt$PRTAXFL, itt$LIVBRNFL))
    stratified <- stratified_case("demo", strata_counts)
    stopifnot(isTRUE(all.equal(stratified$estimate, unname(by_subject$estimate),
                               tolerance = 1e-14)))
    stratified$strata <- lapply(seq_along(strata_counts), function(i)
        c(list(PRTAXFL = strata_levels$PRTAXFL[i], LIVBRNFL = strata_levels$LIVBRNFL[i]),
          counts_of(strata_counts[[i]])))
    write_case(list(arm = experimental, reference = control,
                    strata_variables = c("PRTAXFL", "LIVBRNFL"),
                    unstratified = c(odds_case("demo", overall),
                                     list(difference = do.call(mn_case, as.list(overall)))),
                    stratified = stratified), "response_demo.json")

    # --- the demo's best overall response table and disease control rate
    # Each subject once, at its best BOR record in RECIST order (other values
    # after, in C-locale order; no record or an empty AVALC = missing, null).
    # Disease control: best response CR, PR, SD or NON-CR/NON-PD.
    recist <- c("CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE")
    bor <- adrs[adrs$PARAMCD == "BOR", ]
    others <- sort(setdiff(unique(bor$AVALC[!is.na(bor$AVALC)]), recist), method = "radix")
    categories <- c(recist, others)
    rank <- match(bor$AVALC, categories)
    best <- tapply(rank, bor$USUBJID, function(r) if (all(is.na(r))) NA else min(r, na.rm = TRUE))
    itt$best <- unname(best[itt$USUBJID])
    itt$control <- !is.na(itt$best) & itt$best <= 4
    bor_table <- function(arm) {
        d <- itt[itt$TRT01P == arm, ]
        counts <- c(tabulate(d$best, nbins = length(categories)), sum(is.na(d$best)))
        list(arm = arm, n = nrow(d),
             counts = lapply(seq_along(counts), function(k)
                 list(category = c(categories, NA)[k], n = counts[k],
                      fraction = counts[k] / nrow(d))))
    }
    control_counts <- function(d) {
        arm <- d$TRT01P == experimental
        reference <- d$TRT01P == control
        c(sum(d$control[arm]), sum(arm), sum(d$control[reference]), sum(reference))
    }
    dcr <- control_counts(itt)
    dcr_strata <- lapply(seq_len(nrow(strata_levels)), function(i)
        control_counts(itt[itt$PRTAXFL == strata_levels$PRTAXFL[i] &
                           itt$LIVBRNFL == strata_levels$LIVBRNFL[i], ]))
    write_case(list(
        arm = experimental, reference = control, categories = c(categories, NA),
        best_overall_response = lapply(c(control, experimental), bor_table),
        disease_control = list(
            arms = lapply(c(control, experimental), function(arm) {
                d <- itt[itt$TRT01P == arm, ]
                c(list(arm = arm), binomial_case(sum(d$control), nrow(d), 0.95))
            }),
            newcombe = newcombe_case(dcr[1], dcr[2], dcr[3], dcr[4], 0.95),
            miettinen_nurminen = do.call(mn_case, as.list(dcr)),
            odds_ratio = odds_case("disease_control", dcr),
            stratified = stratified_case("disease_control", dcr_strata))),
        "response_bor_demo.json")

    # --- AE risk differences of demo_ae.json's rows
    # Arm minus control (the declared control, Nab-paclitaxel) from the counts R made.
    ae_risk_difference <- function(name, keep) {
        case <- ae_case(name, keep)
        arms <- names(case$denominators)
        stopifnot(control %in% arms)
        n_ref <- case$denominators[[control]]
        differences <- function(counts, arm, n) {
            lapply(c(any = "any", grade3plus = "grade3plus"), function(k) {
                mn <- mn_case(counts[[arm]][[k]], n, counts[[control]][[k]], n_ref)
                mn[c("estimate", "lower", "upper")]
            })
        }
        list(name = name, reference = control,
             rows = lapply(case$rows, function(row) list(soc = row$soc, pt = row$pt,
                 risk_difference = lapply(setNames(nm = setdiff(arms, control)), function(arm)
                     differences(row$counts, arm, case$denominators[[arm]])))))
    }
    write_case(list(
        ae_risk_difference("all", function(a) rep(TRUE, nrow(a))),
        ae_risk_difference("treatment_emergent", function(a) a$TRTEMFL == "Y"),
        ae_risk_difference("related", function(a) !(a$AEREL %in% c("NONE", "NOT RELATED", "N"))),
        ae_risk_difference("serious", function(a) a$AESER == "Y")), "ae_risk_difference.json")
})
