#!/usr/bin/env Rscript
# Writes tests/data/oncology2: a SYNTHETIC, seeded three-arm oncology study
# (150 subjects; no real patient) for the tumour-response goldens, as the
# CSV files a sponsor would export: adsl.csv, adtte.csv (PFS and OS in days;
# no DURRSP, so duration of response is derived), adrs.csv (BOR and the
# per-visit overall response OVR with ADY) and adtr.csv (SDIAM with AVAL,
# BASE, PCHG, ADY, ABLFL, ANL01FL). Dates are ISO 8601.
#
#   Rscript tests/reference/make_oncology_study.R [OUT_DIR]   (default tests/data/oncology2)
#
# Base R only. What it holds on purpose, beside the ordinary course of 150
# subjects (scans every 6 weeks, RECIST 1.1 responses from the diameters):
#   - arms coded by TRT01PN/TRT01AN, ECOGBL and SITEID as numbers, REGION1
#     with REGION1N; missing AGE, ECOGBL and TRTDURD (then TRTEDT counts);
#   - NE visits (no measurement), a subject with a baseline and nothing
#     after it, subjects without a BOR record (BOR from their visits);
#   - a responder censored at the last adequate assessment (an NE visit
#     after it), a responder who dies without PD;
#   - a subject never treated (no TRTSDT, no scans), ongoing subjects
#     (EOTSTT ONGOING, no TRTEDT), DCUTDT on every row;
#   - ADTR records with ANL01FL blank (not analysed: left out), smaller than
#     the analysed ones so that counting them would change the answers;
#   - first dose a few days after randomisation: study days (ADY, day 1 =
#     TRTSDT) are not PFS days.
set.seed(20261206)
args <- commandArgs(trailingOnly = TRUE)
out_dir <- if (length(args) >= 1) args[1] else "tests/data/oncology2"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

n <- 150
arm_names <- c("Placebo", "Drug 10 mg", "Drug 20 mg")
armn <- rep(0:2, length.out = n)
usubjid <- sprintf("ONC2-%03d", seq_len(n))
first_randomisation <- as.Date("2022-01-03")
data_cut <- as.Date("2024-06-30")
randdt <- first_randomisation + sort(sample(0:600, n, replace = TRUE))
trtsdt <- randdt + sample(0:6, n, replace = TRUE)
cut_day <- as.integer(data_cut - trtsdt) + 1

# Latent study days of progression, death and drop-out; depth of response.
effect <- c(1, 0.75, 0.55)[armn + 1]
progression <- ceiling(rexp(n, effect / 210))
death <- ceiling(rexp(n, effect / 620))
dropout <- ceiling(rexp(n, 1 / 1400))
depth <- pmin(0.15, rnorm(n, c(-0.05, -0.3, -0.45)[armn + 1], 0.3))
base <- round(runif(n, 25, 160))
treated <- rep(TRUE, n)

# The subjects each rule needs, forced so that a new seed cannot lose them.
untreated <- 3
ongoing <- 148
censored_responder <- 20
dead_responder <- 21
baseline_only <- 22
treated[untreated] <- FALSE
progression[ongoing] <- Inf; death[ongoing] <- Inf; dropout[ongoing] <- Inf
depth[ongoing] <- -0.2
progression[censored_responder] <- Inf; death[censored_responder] <- Inf
dropout[censored_responder] <- 230; depth[censored_responder] <- -0.55
progression[dead_responder] <- Inf; death[dead_responder] <- 300; dropout[dead_responder] <- Inf
depth[dead_responder] <- -0.6
death[baseline_only] <- 25; progression[baseline_only] <- Inf
depth[c(30, 61)] <- -1 # complete responses

adrs <- list(); adtr <- list(); subjects <- list()
for (i in seq_len(n)) {
    stop_day <- min(death[i], dropout[i], cut_day[i]) # no scan on or after it
    visits <- data.frame(day = integer(0), response = character(0), aval = numeric(0))
    nadir <- base[i]
    pd_day <- NA
    k <- 1
    while (treated[i]) {
        day <- 42 * k + sample(-3:3, 1)
        if (day >= stop_day) break
        not_evaluable <- runif(1) < 0.07 ||
            (i == censored_responder && k == 5)
        if (day >= progression[i]) {
            aval <- max(ceiling(nadir * runif(1, 1.22, 1.5)), nadir + 5)
        } else {
            change <- depth[i] * (1 - 0.5^k) + rnorm(1, 0, 0.03)
            aval <- if (depth[i] <= -1 && k >= 2) 0 else max(0, round(base[i] * (1 + change)))
        }
        pchg <- 100 * (aval - base[i]) / base[i]
        response <- if (aval >= 1.2 * nadir && aval - nadir >= 5) "PD"
            else if (aval == 0) "CR"
            else if (pchg <= -30) "PR"
            else "SD"
        if (not_evaluable && response != "PD") {
            response <- "NE"; aval <- NA
        } else {
            nadir <- min(nadir, aval)
        }
        visits[nrow(visits) + 1, ] <- list(day, response, aval)
        if (response == "PD") { pd_day <- day; break }
        if (i == censored_responder && k == 5) break # drop-out after an unreadable scan
        k <- k + 1
    }
    died <- is.finite(death[i]) && death[i] <= min(dropout[i], cut_day[i])
    adequate <- visits$day[visits$response %in% c("CR", "PR", "SD")]
    # PFS and OS from randomisation, in days, counting day 1 as ADaM does.
    offset <- as.integer(trtsdt[i] - randdt[i])
    pfs_event <- !is.na(pd_day) || died
    pfs_day <- if (!is.na(pd_day)) pd_day else if (died) death[i]
        else if (length(adequate) > 0) max(adequate) else 1
    pfs_desc <- if (!is.na(pd_day)) "DISEASE PROGRESSION" else if (died) "DEATH"
        else "LAST ADEQUATE TUMOUR ASSESSMENT"
    os_day <- if (died) death[i] else min(dropout[i], cut_day[i])
    # Treatment ends at progression (a few days on), death, drop-out or
    # never before the cut; the untreated subject has no dates at all.
    end_day <- NA; status <- ""; reason <- ""
    if (treated[i]) {
        if (!is.na(pd_day)) {
            end_day <- min(pd_day + sample(0:10, 1), os_day, cut_day[i])
            reason <- "PROGRESSIVE DISEASE"
        } else if (died) {
            end_day <- max(1, death[i] - sample(0:5, 1)); reason <- "DEATH"
        } else if (dropout[i] < cut_day[i]) {
            end_day <- dropout[i]; reason <- "WITHDRAWAL BY SUBJECT"
        }
        status <- if (is.na(end_day)) "ONGOING" else "DISCONTINUED"
    }
    subjects[[i]] <- data.frame(pfs = offset + pfs_day, pfs_cnsr = as.integer(!pfs_event),
        pfs_desc = pfs_desc, os = offset + os_day, os_cnsr = as.integer(!died),
        end_day = end_day, status = status, reason = reason, died = died,
        death_day = if (died) death[i] else NA)
    if (treated[i]) {
        baseline_day <- -sample(1:10, 1)
        tr <- data.frame(USUBJID = usubjid[i], AVAL = c(base[i], visits$aval),
                         ADY = c(baseline_day, visits$day), ABLFL = c("Y", rep("", nrow(visits))),
                         ANL01FL = "Y")
        tr <- tr[!is.na(tr$AVAL), ]
        adtr[[i]] <- tr
        if (nrow(visits) > 0)
            adrs[[i]] <- data.frame(USUBJID = usubjid[i], PARAMCD = "OVR",
                                    PARAM = "Overall Response by Investigator",
                                    AVALC = visits$response, ADY = visits$day)
    }
}
s <- do.call(rbind, subjects)

# BOR records: the best visit in RECIST order (no confirmation), NE without
# an evaluable visit; two subjects have none (their visits give it).
ovr <- do.call(rbind, adrs)
rank <- c(NE = 1, PD = 2, SD = 3, PR = 4, CR = 5)
best <- tapply(rank[ovr$AVALC], ovr$USUBJID, max)
bor <- data.frame(USUBJID = names(best), PARAMCD = "BOR", PARAM = "Best Overall Response",
                  AVALC = names(rank)[best], ADY = NA)
bor <- bor[!bor$USUBJID %in% usubjid[c(40, 41)], ]
adrs_out <- rbind(bor, ovr)
adrs_out <- adrs_out[order(adrs_out$USUBJID, adrs_out$PARAMCD, adrs_out$ADY), ]
adrs_out <- cbind(STUDYID = "ONC2", adrs_out)

# Not analysed (ANL01FL blank): an unscheduled re-read, smaller than the
# analysed measurement it repeats.
adtr_out <- do.call(rbind, adtr)
extra <- adtr_out[adtr_out$ABLFL == "" & adtr_out$AVAL > 10, ][c(1, 15, 40), ]
extra$AVAL <- extra$AVAL - 10
extra$ANL01FL <- ""
adtr_out <- rbind(adtr_out, extra)
adtr_out$BASE <- base[match(adtr_out$USUBJID, usubjid)]
adtr_out$PCHG <- round(100 * (adtr_out$AVAL - adtr_out$BASE) / adtr_out$BASE, 1)
adtr_out <- adtr_out[order(adtr_out$USUBJID, adtr_out$ADY, adtr_out$ANL01FL == ""), ]
adtr_out <- data.frame(STUDYID = "ONC2", USUBJID = adtr_out$USUBJID, PARAMCD = "SDIAM",
                       PARAM = "Sum of Diameters of Target Lesions (mm)", AVAL = adtr_out$AVAL,
                       BASE = adtr_out$BASE, PCHG = adtr_out$PCHG, ADY = adtr_out$ADY,
                       ABLFL = adtr_out$ABLFL, ANL01FL = adtr_out$ANL01FL)

iso <- function(d) ifelse(is.na(d), "", format(d, "%Y-%m-%d"))
age <- round(rnorm(n, 61, 10)); age[c(11, 77)] <- NA
ecog <- rbinom(n, 1, 0.45); ecog[c(5, 99)] <- NA
regionn <- sample(1:3, n, replace = TRUE)
trtedt <- trtsdt + s$end_day - 1
trtdurd <- s$end_day
trtdurd[which(!is.na(trtdurd))[c(2, 9, 17)]] <- NA # TRTEDT - TRTSDT + 1 then
adsl <- data.frame(STUDYID = "ONC2", USUBJID = usubjid, SITEID = 10 + sample(1:5, n, TRUE),
    AGE = age, SEX = sample(c("F", "M"), n, TRUE), ECOGBL = ecog,
    REGION1 = c("Europe", "North America", "Asia")[regionn], REGION1N = regionn,
    TRT01P = arm_names[armn + 1], TRT01PN = armn,
    TRT01A = ifelse(treated, arm_names[armn + 1], ""), TRT01AN = ifelse(treated, armn, NA),
    ITTFL = "Y", SAFFL = ifelse(treated, "Y", "N"), RANDDT = iso(randdt),
    TRTSDT = iso(replace(trtsdt, !treated, NA)),
    TRTEDT = iso(trtedt), TRTDURD = trtdurd, EOTSTT = s$status, DCTREAS = s$reason,
    DTHFL = ifelse(s$died, "Y", "N"), DTHDT = iso(trtsdt + s$death_day - 1),
    DCUTDT = iso(data_cut))
adtte <- rbind(
    data.frame(USUBJID = usubjid, PARAMCD = "PFS", PARAM = "Progression-Free Survival (days)",
               AVAL = s$pfs, AVALU = "DAYS", CNSR = s$pfs_cnsr, EVNTDESC = s$pfs_desc,
               STARTDT = iso(randdt), ADT = iso(randdt + s$pfs - 1)),
    data.frame(USUBJID = usubjid, PARAMCD = "OS", PARAM = "Overall Survival (days)",
               AVAL = s$os, AVALU = "DAYS", CNSR = s$os_cnsr,
               EVNTDESC = ifelse(s$died, "DEATH", "LAST KNOWN ALIVE"),
               STARTDT = iso(randdt), ADT = iso(randdt + s$os - 1)))
adtte <- cbind(STUDYID = "ONC2", adtte)

write_csv <- function(d, name) write.csv(d, file.path(out_dir, name), row.names = FALSE, na = "")
write_csv(adsl, "adsl.csv")
write_csv(adtte, "adtte.csv")
write_csv(adrs_out, "adrs.csv")
write_csv(adtr_out, "adtr.csv")
cat("wrote", out_dir, ":", n, "subjects,", nrow(adrs_out), "ADRS and", nrow(adtr_out),
    "ADTR records\n")
