#pragma once
// What one refit computes: a plain value that the command line builds from
// flags and the workspace builds from gestures.

#include "triallens/stats/cox_regression.h"
#include "triallens/stats/kaplan_meier.h"
#include "triallens/stats/weighted_log_rank.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace triallens {

// The default of AnalysisSpec::max_levels. A column with more levels is an
// identifier or free text, not a factor: 254 subjects' SUBJID as a Cox
// covariate is 253 dummy columns and minutes of fitting; 20,000 levels grew
// past 20 GB.
inline constexpr std::size_t default_max_levels = 50;

// The most cut points AnalysisSpec::hr_cuts takes.
inline constexpr std::size_t max_hr_cuts = 20;

struct AnalysisSpec {
    std::string paramcd;       // empty = the study's only time-to-event parameter
    std::string arm_variable;  // empty = first of TRT01P, ARM, TRTP, TRTA, TRT01A present
    std::string reference_arm; // empty = the study's declared control arm, else the first level
    std::string compare_arm;   // with subgroups: the arm compared with the reference;
                               // empty = the only other arm
    std::string filter;        // subject filter (see subject_filter.h); empty = all
    std::vector<std::string> strata;     // stratification factors for log-rank and Cox
    std::vector<std::string> subgroups;  // variables for the forest plot
    std::vector<std::string> covariates; // adjustment covariates of the arm's Cox model
    KmOptions km;
    std::vector<double> landmarks; // times at which to report survival
    std::optional<double> tau;     // horizon for the restricted mean survival time
    Ties ties = Ties::Efron;
    // The unit times are analysed and reported in: "" = as stored, else
    // "days", "weeks", "months" or "years" (365.25 days a year, 12 months a
    // year, as R users divide AVAL). Landmarks and tau are in this unit.
    // Converted from the endpoint's AVALU (taken as days, with a warning,
    // when the data have none) before timefix; see time_unit.h. Any case,
    // singular or plural; another name is a SpecError.
    std::string time_unit;
    // A categorical subject variable: the KM curves are drawn per arm x level
    // of it (Results::curve_groups); empty = per arm only.
    std::string curves_by;
    // The most levels a column may have as a stratum, a subgroup variable,
    // the curves-by variable, a text covariate (one dummy column per level)
    // or the treatment column. resolve_spec refuses a column with more, naming
    // it and its count, before anything is counted or fitted. The command
    // line sets it with --max-levels; the window offers only columns within
    // the default (factor_columns.h).
    std::size_t max_levels = default_max_levels;
    // Delayed effects: Fleming–Harrington weighted log-rank tests of the
    // compared arm against the reference (weighted_log_rank.h), with the
    // spec's strata, one Results::weighted_logrank row each; empty = none.
    std::vector<FhWeight> fh_tests;
    // The MaxCombo test over these FH tests (maxcombo.h; e.g.
    // maxcombo_default_tests()); absent = not run. At most
    // maxcombo_max_tests, as fh_tests. Either one makes resolve_spec settle
    // compare_arm as subgroups do.
    std::optional<std::vector<FhWeight>> maxcombo;
    // Piecewise hazard ratios (piecewise_cox.h): cut points c1 < … < ck, in
    // the analysis's time unit (after `from`), giving one Cox HR of the
    // compared arm against the reference per period (0, c1], …, (ck, ∞),
    // with the spec's strata and ties: Results::piecewise_hr. Positive,
    // finite, ascending, distinct, at most max_hr_cuts, each before the last
    // analysed time; empty = none. Sets compare_arm as fh_tests does.
    std::vector<double> hr_cuts;
    // Conditional survival from a landmark: every statistic on the records
    // event-free and under follow-up at `from` (time > from), their times
    // re-originated there (time - from), as R's
    // survfit(Surv(time - from, status) ~ arm, subset = time > from). In the
    // analysis's time unit; finite, not negative, before the last time.
    std::optional<double> from;
    // Competing risks (the endpoint's EventCauses: EVNTDESC, or the loader's
    // --cause / --status column): absent = none; "" = the endpoint's most
    // frequent cause, when it has two or more (else none, silently: the
    // window's default); a name = that cause (a SpecError when the endpoint
    // has no event of it). A column the user named (--cause, --status) gives
    // competing risks with "" even of one cause. Gives Results::competing_risks.
    std::optional<std::string> cause_of_interest;

    bool operator==(const AnalysisSpec&) const = default;
};

} // namespace triallens
