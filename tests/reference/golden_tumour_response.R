# Tumour response per subject and per arm, in plain R (survival only), by
# the rules stated once in core/include/triallens/analysis/results.h above
# TumourResponse — computed here from the CSVs, never from TrialLens:
#   - best % change: the minimum PCHG of the records after the baseline
#     (not ABLFL, ADY after the baseline's); nadir: the minimum AVAL of the
#     baseline and those records; ADTR records with ANL01FL other than "Y"
#     are left out;
#   - BOR: the BOR record, else the best per-visit response in RECIST order
#     (CR > PR > SD > PD > NE); responder: CR or PR;
#   - time to response: the study day (ADY) of the first CR or PR visit;
#   - duration of response (responders): DURRSP from ADTTE when used, else
#     from the first CR/PR visit to the first PD visit after it or death
#     (DTHDT), whichever is first (event), else censored at the last
#     adequate assessment (CR, PR, SD, NON-CR/NON-PD) on or after the first
#     response; end - start + 1 days;
#   - treatment days: TRTDURD, else TRTEDT - TRTSDT + 1; ongoing (EOTSTT
#     "ONGOING", or a TRTSDT without TRTEDT and TRTDURD): DCUTDT - TRTSDT + 1;
#   - per arm (every ADSL subject of the arm): ORR with Clopper-Pearson
#     (binom.test), Kaplan-Meier of the responders' durations (survfit's
#     defaults: log CI, 0.95), its median with CI (quantile) and survival at
#     landmarks (summary(times =): times past the last one are not given),
#     median() of the responders' times to response.
# Times in the case's unit: days, or months = days / 30.4375.
# Cases: the demo on its DURRSP and derived (DURRSP ignored), oncology2
# (tests/data/oncology2, make_oncology_study.R) derived; each in months and
# in days. Sourced by make_golden.R (it gives demo_dir, read_sites, script_dir,
# write_case).

tumour_days_per_month <- 30.4375
tumour_rank <- c(NE = 1, PD = 2, SD = 3, PR = 4, CR = 5)

tumour_response_case <- function(name, sl, tte, rs, tr, unit, use_durrsp, landmarks) {
    to_unit <- function(days) if (unit == "months") days / tumour_days_per_month else days
    day_of <- function(date, first_dose) as.numeric(as.Date(date) - as.Date(first_dose)) + 1
    tr <- tr[!is.na(tr$ANL01FL) & tr$ANL01FL == "Y", ]
    arm_order <- if ("TRT01PN" %in% names(sl)) unique(sl$TRT01P[order(sl$TRT01PN)])
        else sort(unique(sl$TRT01P))
    subjects <- lapply(seq_len(nrow(sl)), function(i) {
        id <- sl$USUBJID[i]
        t <- tr[tr$USUBJID == id, ]
        is_base <- !is.na(t$ABLFL) & t$ABLFL == "Y"
        best_pchg <- NA; nadir <- NA
        if (any(is_base)) {
            baseline <- t[is_base, ][1, ]
            post <- t[!is_base & t$ADY > baseline$ADY, ]
            if (any(!is.na(post$PCHG))) best_pchg <- min(post$PCHG, na.rm = TRUE)
            nadir <- min(c(baseline$AVAL, post$AVAL), na.rm = TRUE)
        }
        r <- rs[rs$USUBJID == id, ]
        visits <- r[r$PARAMCD %in% c("OVR", "OVRLRESP"), ]
        visits <- visits[order(visits$ADY), ]
        bor_record <- r$AVALC[r$PARAMCD == "BOR" & !is.na(r$AVALC)]
        bor <- if (length(bor_record) > 0) bor_record[1]
            else if (nrow(visits) > 0) names(tumour_rank)[max(tumour_rank[visits$AVALC])]
            else NA
        responder <- !is.na(bor) && bor %in% c("CR", "PR")
        first <- which(visits$AVALC %in% c("CR", "PR"))[1]
        ttr <- if (!is.na(first)) to_unit(visits$ADY[first]) else NA
        dor_time <- NA; dor_event <- NA
        if (responder && use_durrsp) {
            d <- tte[tte$USUBJID == id & tte$PARAMCD == "DURRSP", ]
            if (nrow(d) > 0) {
                stopifnot(d$AVALU[1] == "MONTHS")
                dor_time <- if (unit == "months") d$AVAL[1] else d$AVAL[1] * tumour_days_per_month
                dor_event <- d$CNSR[1] == 0
            }
        } else if (responder && !is.na(first)) {
            start <- visits$ADY[first]
            later <- seq_len(nrow(visits)) > first
            ends <- c(visits$ADY[later & visits$AVALC == "PD"][1],
                      if (!is.na(sl$DTHDT[i])) day_of(sl$DTHDT[i], sl$TRTSDT[i]) else NA)
            ends <- ends[!is.na(ends)]
            dor_event <- length(ends) > 0
            end <- if (dor_event) min(ends) else
                max(visits$ADY[seq_len(nrow(visits)) >= first &
                               visits$AVALC %in% c("CR", "PR", "SD", "NON-CR/NON-PD")])
            dor_time <- to_unit(end - start + 1)
        }
        treatment_days <- NA; ongoing <- FALSE
        if (!is.na(sl$TRTSDT[i])) {
            ongoing <- (!is.na(sl$EOTSTT[i]) && sl$EOTSTT[i] == "ONGOING") ||
                (is.na(sl$TRTEDT[i]) && is.na(sl$TRTDURD[i]))
            treatment_days <- to_unit(
                if (ongoing) day_of(sl$DCUTDT[i], sl$TRTSDT[i])
                else if (!is.na(sl$TRTDURD[i])) sl$TRTDURD[i]
                else day_of(sl$TRTEDT[i], sl$TRTSDT[i]))
        }
        list(usubjid = id, arm = sl$TRT01P[i], best_pchg = best_pchg, nadir = nadir, bor = bor,
             responder = responder, dor_time = dor_time, dor_event = dor_event, ttr = ttr,
             treatment_days = treatment_days, ongoing = ongoing)
    })
    field <- function(f) sapply(subjects, function(s) s[[f]])
    arms <- lapply(arm_order, function(a) {
        of_arm <- field("arm") == a
        responders <- sum(field("responder")[of_arm])
        n <- sum(of_arm)
        ci <- binom.test(responders, n)$conf.int
        with_dor <- of_arm & field("responder") & !is.na(field("dor_time"))
        dor <- NULL
        if (any(with_dor)) {
            fit <- survfit(Surv(field("dor_time")[with_dor], as.numeric(field("dor_event")[with_dor])) ~ 1)
            q <- quantile(fit, 0.5)
            s <- summary(fit, times = landmarks)
            dor <- list(n = sum(with_dor), events = sum(field("dor_event")[with_dor]),
                        median = num(unname(q$quantile)), lower = num(unname(q$lower)),
                        upper = num(unname(q$upper)),
                        landmarks = list(time = s$time, surv = s$surv, lower = num(s$lower),
                                         upper = num(s$upper)))
        }
        ttr <- field("ttr")[of_arm & field("responder")]
        list(arm = a, n = n, responders = responders, orr = responders / n,
             orr_lower = ci[1], orr_upper = ci[2], dor = dor,
             ttr_median = if (any(!is.na(ttr))) median(ttr, na.rm = TRUE) else NA,
             measured = sum(of_arm & !is.na(field("best_pchg"))))
    })
    list(name = name, dor_source = if (use_durrsp) "DURRSP" else "derived", time_unit = unit,
         landmarks = landmarks, subjects = subjects, arms = arms)
}

tumour_landmarks <- list(months = c(3, 6, 12), days = c(90, 180, 365))
tumour_cases <- list()
tumour_add <- function(prefix, sl, tte, rs, tr, durrsp) {
    for (unit in c("months", "days")) {
        name <- paste(prefix, if (durrsp) "durrsp" else "derived", unit, sep = "_")
        tumour_cases[[length(tumour_cases) + 1]] <<-
            tumour_response_case(name, sl, tte, rs, tr, unit, durrsp, tumour_landmarks[[unit]])
    }
}
tumour_demo <- list(sl = read_sites("adsl"), tte = read_sites("adtte"), rs = read_sites("adrs"),
                    tr = read_sites("adtr"))
for (durrsp in c(TRUE, FALSE))
    tumour_add("demo", tumour_demo$sl, tumour_demo$tte, tumour_demo$rs, tumour_demo$tr, durrsp)
onc2_dir <- file.path(script_dir, "..", "data", "oncology2")
onc2_read <- function(f) read.csv(file.path(onc2_dir, f), stringsAsFactors = FALSE, na.strings = "")
tumour_add("oncology2", onc2_read("adsl.csv"), onc2_read("adtte.csv"), onc2_read("adrs.csv"),
           onc2_read("adtr.csv"), FALSE)
write_case(tumour_cases, "tumour_response.json")
