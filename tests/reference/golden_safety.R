# Safety overview, relative risks and exposure-adjusted rates, source()d by
# make_golden.R (its helpers, the demo tables adsl and adae, and the pilot's
# cd_adsl and cd_adae from golden_cdisc.R are in scope):
#   safety.json   per study (the CDISC pilot; the demo), over the safety
#                 population (SAFFL "Y") by actual treatment (TRT01A):
#                 - each arm's patient-years: treatment days / 365.25 (the
#                   pilot's TRTDUR; the demo's TRTDURD, or DCUTDT - TRTSDT + 1
#                   while treatment is ongoing);
#                 - the overview of treatment-emergent AEs (TRTEMFL "Y"):
#                   subjects per arm with any, related (AEREL not NONE / NOT
#                   RELATED / N), grade >= 3 (the pilot: AESEV SEVERE),
#                   serious (AESER), leading to discontinuation (AEACN DRUG
#                   WITHDRAWN; the pilot's AEACN is blank: not recorded) and
#                   to death (AEOUT FATAL or AESDTH Y), with exposure-adjusted
#                   rates (poisson.test) and rate differences (Wald);
#                 - per row of the AE table of every record (any AE, SOC, PT):
#                   subjects and records per arm, the relative risk against
#                   the reference with Katz's log interval (0.5 added to each
#                   cell when one is 0), fisher.test's p, the rates and their
#                   differences.
local({
    rate <- function(x, years) {
        ci <- poisson.test(x, years)$conf.int * 100
        list(subjects = x, patient_years = years, rate = 100 * x / years,
             lower = ci[1], upper = ci[2])
    }
    rate_difference <- function(arm, ref) {
        estimate <- arm$rate - ref$rate
        se <- 100 * sqrt(arm$subjects / arm$patient_years^2 + ref$subjects / ref$patient_years^2)
        z <- qnorm(0.975)
        list(estimate = estimate, lower = estimate - z * se, upper = estimate + z * se)
    }
    relative_risk <- function(x, n, x0, n0) {
        add <- if (x == 0 || x == n || x0 == 0 || x0 == n0) 0.5 else 0
        a <- x + add; c <- x0 + add; n1 <- n + 2 * add; n2 <- n0 + 2 * add
        estimate <- (a / n1) / (c / n2)
        half <- qnorm(0.975) * sqrt(1 / a - 1 / n1 + 1 / c - 1 / n2)
        list(estimate = estimate, lower = estimate * exp(-half), upper = estimate * exp(half),
             fisher_p = fisher.test(matrix(c(x, x0, n - x, n0 - x0), 2))$p.value)
    }
    # x: subjects with the event per arm (named); the comparisons of a row.
    compare <- function(x, n, years, reference) {
        others <- setdiff(names(n), reference)
        rates <- lapply(setNames(nm = names(n)), function(arm) rate(x[[arm]], years[[arm]]))
        list(exposure_adjusted = rates,
             rate_difference = lapply(setNames(nm = others), function(arm)
                 rate_difference(rates[[arm]], rates[[reference]])),
             relative_risk = lapply(setNames(nm = others), function(arm)
                 relative_risk(x[[arm]], n[[arm]], x[[reference]], n[[reference]])))
    }
    safety_case <- function(subjects, events, days, reference, kinds) {
        population <- subjects[subjects$SAFFL == "Y", ]
        population$days <- days[subjects$SAFFL == "Y"]
        arms <- sort(unique(population$TRT01A))
        n <- as.list(table(factor(population$TRT01A, levels = arms)))
        years <- lapply(setNames(nm = arms), function(arm)
            sum(population$days[population$TRT01A == arm], na.rm = TRUE) / 365.25)
        d <- merge(events, population[, c("USUBJID", "TRT01A")], by = "USUBJID")
        subjects_with <- function(rows) lapply(setNames(nm = arms), function(arm)
            length(unique(rows$USUBJID[rows$TRT01A == arm])))
        te <- d[d$TRTEMFL %in% "Y", ]
        overview <- lapply(names(kinds), function(key) {
            x <- subjects_with(te[kinds[[key]](te), ])
            c(list(key = key, counts = x), compare(x, n, years, reference)[c("exposure_adjusted",
                                                                           "rate_difference")])
        })
        row_of <- function(rows, soc, pt) {
            x <- subjects_with(rows)
            events <- lapply(setNames(nm = arms), function(arm) sum(rows$TRT01A == arm))
            c(list(soc = soc, pt = pt, subjects = x, events = events), compare(x, n, years, reference))
        }
        rows <- list(row_of(d, NA, NA))
        for (soc in sort(unique(d$AEBODSYS))) {
            ds <- d[d$AEBODSYS == soc, ]
            rows[[length(rows) + 1]] <- row_of(ds, soc, NA)
            for (pt in sort(unique(ds$AEDECOD)))
                rows[[length(rows) + 1]] <- row_of(ds[ds$AEDECOD == pt, ], soc, pt)
        }
        list(reference = reference, denominators = n, patient_years = years,
             exposure_missing = sum(is.na(population$days)), overview = overview, rows = rows)
    }
    related <- function(a) !(a$AEREL %in% c("NONE", "NOT RELATED", "N"))
    serious <- function(a) a$AESER %in% "Y"
    pilot <- safety_case(cd_adsl, cd_adae, ifelse(cd_adsl$TRTDUR >= 0, cd_adsl$TRTDUR, NA),
                         "Placebo",
                         list(any = function(a) rep(TRUE, nrow(a)), related = related,
                              grade3plus = function(a) a$AESEV %in% "SEVERE", serious = serious,
                              death = function(a) a$AEOUT %in% "FATAL" | a$AESDTH %in% "Y"))
    ongoing <- adsl$EOTSTT %in% "ONGOING"
    demo_days <- ifelse(ongoing, as.numeric(as.Date(adsl$DCUTDT) - as.Date(adsl$TRTSDT)) + 1,
                        adsl$TRTDURD)
    demo_safety <- safety_case(adsl, adae, ifelse(demo_days >= 0, demo_days, NA), "Nab-paclitaxel",
                               list(any = function(a) rep(TRUE, nrow(a)), related = related,
                                    grade3plus = function(a) a$AETOXGR >= 3, serious = serious,
                                    discontinuation = function(a) a$AEACN %in% "DRUG WITHDRAWN",
                                    death = function(a) a$AEOUT %in% "FATAL"))
    write_case(list(cdisc = pilot, demo = demo_safety), "safety.json")
})
