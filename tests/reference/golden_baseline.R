# Table 1 and the disposition of patients (triallens baseline), source()d by
# make_golden.R (its helpers, the demo's adsl and the pilot's directory
# cdisc_dir are in scope):
#   baseline_cdisc.json  the pilot by TRT01P (Placebo, Low, High Dose, by
#                        TRT01PN): AGE, BMIBL, HEIGHTBL, WEIGHTBL, MMSETOT,
#                        SEX, RACE, ETHNIC, AGEGR1 with quantile types 2 and
#                        7, and the disposition from ITTFL, SAFFL and
#                        DCDECOD/DCREASCD
#   baseline_demo.json   the demo by TRT01P (control first): its default
#                        variables and disposition (EOTSTT/DCTREAS,
#                        EOSSTT/DCSREAS)
# Base R only: mean, sd, quantile, table, kruskal.test, chisq.test(correct =
# FALSE), fisher.test. Each categorical row holds its table, Pearson's and
# Fisher's test both, and the one gtsummary's rule picks (Fisher when an
# expected count is below 5). Levels in TrialLens's order: by the ADaM
# companion X + "N" where ADSL has one, else sorted bytewise.
local({
    cdisc_dir <- if (length(args) >= 3) args[3] else "tests/data/cdiscpilot01"
    blank <- function(x) ifelse(is.na(x), "", as.character(x))
    level_order <- function(d, v) {
        x <- blank(d[[v]])
        present <- unique(x[x != ""])
        companion <- paste0(v, "N")
        if (companion %in% names(d)) {
            n <- sapply(present, function(l) min(d[[companion]][x == l]))
            return(present[order(n, present, method = "radix")])
        }
        if (is.numeric(d[[v]])) return(as.character(sort(unique(na.omit(d[[v]])))))
        sort(present, method = "radix")
    }
    continuous <- function(x, type) {
        v <- x[!is.na(x)]
        q <- if (length(v) > 0) unname(quantile(v, c(0.25, 0.5, 0.75), type = type)) else c(NA, NA, NA)
        list(n = length(v), mean = if (length(v) > 0) mean(v) else NA,
             sd = if (length(v) > 1) sd(v) else NA, median = q[2], q1 = q[1], q3 = q[3],
             min = if (length(v) > 0) min(v) else NA, max = if (length(v) > 0) max(v) else NA,
             missing = sum(is.na(x)))
    }
    table1 <- function(d, arms, variables, type) {
        columns <- c(lapply(arms, function(a) d$arm == a), list(rep(TRUE, nrow(d))))
        lapply(variables, function(v) {
            x <- d[[v]]
            categorical <- !is.numeric(x) || length(unique(na.omit(x))) <= 12
            if (!categorical) {
                kw <- kruskal.test(x, d$arm)
                return(list(variable = v, type = "continuous",
                            stats = lapply(columns, function(keep) continuous(x[keep], type)),
                            test = list(method = "Kruskal-Wallis", statistic = unname(kw$statistic),
                                        df = unname(kw$parameter), p = kw$p.value)))
            }
            x <- blank(x)
            levels <- level_order(d, v)
            missing <- sapply(columns, function(keep) sum(x[keep] == ""))
            with_value <- sapply(columns, function(keep) sum(x[keep] != ""))
            counts <- lapply(levels, function(l) {
                n <- sapply(columns, function(keep) sum(x[keep] == l))
                list(level = l, n = n, pct = ifelse(with_value > 0, 100 * n / with_value, NA))
            })
            tab <- table(factor(x[x != ""], levels = levels), factor(d$arm[x != ""], levels = arms))
            kept <- tab[rowSums(tab) > 0, colSums(tab) > 0, drop = FALSE]
            test <- NULL
            if (nrow(kept) >= 2 && ncol(kept) >= 2) {
                chi <- suppressWarnings(chisq.test(kept, correct = FALSE))
                fisher <- fisher.test(kept, workspace = 2e8)$p.value
                test <- list(chisq = list(statistic = unname(chi$statistic),
                                          df = unname(chi$parameter), p = chi$p.value),
                             fisher = fisher,
                             method = if (any(chi$expected < 5)) "Fisher exact" else "Pearson chi-square")
                test$p <- if (test$method == "Fisher exact") fisher else chi$p.value
            }
            list(variable = v, type = "categorical", levels = counts, missing = missing,
                 table = unname(lapply(seq_len(nrow(tab)), function(i) as.vector(tab[i, ]))),
                 test = test)
        })
    }
    # Stages as disposition.h states them; reasons most frequent first, ties by name.
    stage_rows <- function(stage, keep, reason, d, arms) {
        count <- function(k) c(sapply(arms, function(a) sum(k & d$arm == a)), sum(k))
        rows <- list(list(stage = stage, reason = "", counts = count(keep)))
        if (!is.null(reason)) {
            r <- ifelse(reason == "", "Not recorded", reason)
            names <- unique(r[keep])
            totals <- sapply(names, function(n) sum(keep & r == n))
            for (n in names[order(-totals, names, method = "radix")])
                rows[[length(rows) + 1]] <- list(stage = stage, reason = n,
                                                 counts = count(keep & r == n))
        }
        rows
    }
    status_rows <- function(status, reason, what, randomised, d, arms) {
        s <- toupper(blank(status))
        ongoing <- if (what == "study") "Ongoing in study" else "Ongoing treatment"
        c(stage_rows(ongoing, randomised & s == "ONGOING", NULL, d, arms),
          stage_rows(paste("Completed", what), randomised & s == "COMPLETED", NULL, d, arms),
          stage_rows(paste("Discontinued", what), randomised & s == "DISCONTINUED",
                     blank(reason), d, arms))
    }

    # --- the pilot
    pilot <- read.csv(file.path(cdisc_dir, "adsl.csv"), stringsAsFactors = FALSE, na.strings = "")
    arms <- unique(pilot$TRT01P[order(pilot$TRT01PN)])
    pilot$arm <- pilot$TRT01P
    variables <- c("AGE", "BMIBL", "HEIGHTBL", "WEIGHTBL", "MMSETOT", "SEX", "RACE", "ETHNIC", "AGEGR1")
    itt <- pilot[pilot$ITTFL == "Y", ]
    randomised <- pilot$ITTFL == "Y"
    decod <- blank(pilot$DCDECOD)
    reason <- ifelse(blank(pilot$DCREASCD) == "", decod, blank(pilot$DCREASCD))
    disposition <- c(stage_rows("Randomised", randomised, NULL, pilot, arms),
                     stage_rows("Treated", randomised & pilot$SAFFL == "Y", NULL, pilot, arms),
                     stage_rows("Completed study", randomised & toupper(decod) == "COMPLETED", NULL, pilot, arms),
                     stage_rows("Discontinued study", randomised & decod != "" & toupper(decod) != "COMPLETED",
                                reason, pilot, arms))
    write_case(list(arms = arms, n = c(sapply(arms, function(a) sum(itt$arm == a)), nrow(itt)),
                    tables = lapply(c(2, 7), function(type)
                        list(quantile_type = type, rows = table1(itt, arms, variables, type))),
                    disposition = disposition), "baseline_cdisc.json")

    # --- the demo
    d <- adsl
    d$ECOGBL <- as.character(d$ECOGBL)
    # read.csv takes a column of F (the demo's SEX) for logical FALSE.
    for (v in names(d)) if (is.logical(d[[v]]))
        d[[v]] <- ifelse(is.na(d[[v]]), NA, ifelse(d[[v]], "T", "F"))
    control <- "Nab-paclitaxel"
    arms <- c(control, sort(setdiff(unique(d$TRT01P), control), method = "radix"))
    d$arm <- d$TRT01P
    variables <- intersect(c("AGE", "AGEGR1", "SEX", "RACE", "ETHNIC", "ECOGBL", "REGION1",
                             "PDL1STAT", "DISSTAT", "NMETSGR1", "LIVBRNFL", "PRTAXFL", "BMIBL",
                             "HEIGHTBL", "WEIGHTBL", "MMSETOT"), names(d))
    itt <- d[d$ITTFL == "Y", ]
    randomised <- d$ITTFL == "Y"
    disposition <- c(stage_rows("Randomised", randomised, NULL, d, arms),
                     stage_rows("Treated", randomised & d$SAFFL == "Y", NULL, d, arms),
                     status_rows(d$EOTSTT, d$DCTREAS, "treatment", randomised, d, arms),
                     status_rows(d$EOSSTT, d$DCSREAS, "study", randomised, d, arms))
    write_case(list(arms = arms, n = c(sapply(arms, function(a) sum(itt$arm == a)), nrow(itt)),
                    variables = variables,
                    tables = lapply(c(2, 7), function(type)
                        list(quantile_type = type, rows = table1(itt, arms, variables, type))),
                    disposition = disposition), "baseline_demo.json")
})
