# cox.zph (survival >= 3.0): the score test of proportional hazards, for
# tests/core/test_proportional_hazards_test.cpp. Sourced by make_golden.R
# (local = TRUE): num, write_case, cox_data, adtte and out_dir come from there.
#
# Each case names its data set and its covariate columns; `assign` is the
# 0-based term of each column (fit$assign), `strata` the stratum column or
# null. chisq, df and p list the terms and then GLOBAL, as cox.zph's table.

zph_case <- function(name, dataset, data, columns, strata, ties, transform) {
    rhs <- paste(c(if (length(columns)) columns else "1",
                   if (!is.null(strata)) paste0("strata(", strata, ")")), collapse = " + ")
    fit <- coxph(as.formula(paste("Surv(time, status) ~", rhs)), data = data, ties = ties)
    table <- cox.zph(fit, transform = transform)$table
    list(name = name, dataset = dataset, columns = columns,
         assign = rep(seq_along(fit$assign) - 1L, lengths(fit$assign)),
         strata = strata, ties = ties, transform = transform,
         coef = unname(coef(fit)), terms = rownames(table),
         chisq = unname(table[, "chisq"]), df = unname(table[, "df"]), p = unname(table[, "p"]))
}

# Two arms of 40 with administrative and random censoring. "crossing": arm 1
# has hazard 0.4 up to t = 2 and 0.03 after, arm 0 a constant 0.1, so the
# hazards cross; "proportional": constant hazards 0.1 and 0.06.
ph_data <- function(crossing) {
    set.seed(3)
    n <- 40
    arm <- rep(0:1, each = n)
    t0 <- rexp(n, 0.1)
    if (crossing) {
        e <- rexp(n, 1)
        t1 <- ifelse(e < 0.8, e / 0.4, 2 + (e - 0.8) / 0.03)
    } else {
        t1 <- rexp(n, 0.06)
    }
    time <- c(t0, t1)
    censor <- runif(2 * n, 5, 40)
    data.frame(time = round(pmin(time, censor), 1), status = as.integer(time <= censor), arm = arm)
}

zph_data <- list(
    cox_data = within(cox_data, {
        # factor(agegroup) as its two treatment-contrast columns
        agegroup <- cut(age, c(0, 52, 62, 100), labels = FALSE) - 1
        age_mid <- as.integer(agegroup == 1)
        age_old <- as.integer(agegroup == 2)
    }),
    crossing = ph_data(TRUE),
    proportional = ph_data(FALSE))

zph <- list()
add_zph <- function(...) zph[[length(zph) + 1]] <<- zph_case(...)
for (ties in c("efron", "breslow")) {
    for (transform in c("km", "identity", "rank", "log")) {
        d <- zph_data$cox_data
        add_zph("arm", "cox_data", d, "arm", NULL, ties, transform)
        add_zph("arm_age", "cox_data", d, c("arm", "age"), NULL, ties, transform)
        add_zph("arm_strata", "cox_data", d, "arm", "stratum", ties, transform)
        add_zph("age_arm_strata", "cox_data", d, c("age", "arm"), "stratum", ties, transform)
    }
    # a term of two columns: arm + factor(agegroup)
    add_zph("arm_agegroup", "cox_data", zph_data$cox_data, c("arm", "age_mid", "age_old"),
            NULL, ties, "km")
    for (transform in c("km", "identity")) {
        add_zph("crossing", "crossing", zph_data$crossing, "arm", NULL, ties, transform)
        add_zph("proportional", "proportional", zph_data$proportional, "arm", NULL, ties, transform)
    }
}
# ties = "exact": cox.zph hands zph1.c method = (fit$method == "efron"), so
# the information is Breslow's at the exact-likelihood coefficients.
for (transform in c("km", "identity")) {
    add_zph("arm", "cox_data", zph_data$cox_data, "arm", NULL, "exact", transform)
    add_zph("arm_age", "cox_data", zph_data$cox_data, c("arm", "age"), NULL, "exact", transform)
}
# The data sets were built to reject and to keep proportional hazards.
stopifnot(all(sapply(zph, function(z) if (z$dataset == "crossing") tail(z$p, 1) < 1e-3 else TRUE)),
          all(sapply(zph, function(z) if (z$dataset == "proportional") tail(z$p, 1) > 0.5 else TRUE)))
write_case(list(data = lapply(zph_data, as.list), cases = zph), "zph_small.json")

# The demo study: PFS and OS by arm, unstratified and stratified by the
# randomisation factors, as make_golden.R's demo section sets them up.
zph_demo_data <- list()
zph_demo <- list()
for (param in c("PFS", "OS")) {
    d <- adtte[adtte$PARAMCD == param, ]
    d <- data.frame(time = d$AVAL, status = 1 - d$CNSR,
                    arm = as.integer(relevel(factor(d$TRT01P), ref = "Nab-paclitaxel")) - 1L,
                    stratum = as.integer(strata(d$PRTAXFL, d$LIVBRNFL)))
    zph_demo_data[[param]] <- as.list(d)
    for (ties in c("efron", "breslow")) {
        for (transform in c("km", "identity")) {
            zph_demo[[length(zph_demo) + 1]] <- zph_case("arm", param, d, "arm", NULL, ties, transform)
            zph_demo[[length(zph_demo) + 1]] <- zph_case("arm_strata", param, d, "arm", "stratum",
                                                         ties, transform)
        }
    }
}
write_case(list(data = zph_demo_data, cases = zph_demo), "zph_demo.json")
