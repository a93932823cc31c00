#pragma once
// Adverse-event incidence by system organ class (SOC) and preferred term (PT)
// per arm, over a population of subjects: the "any adverse event" row, then
// each SOC followed by its PTs. A subject counts once per row, at the highest
// grade it had within that row; grade >= 3 rows count subjects whose highest
// grade is 3 or more. Rows are sorted by descending frequency (subjects
// summed over arms), ties by name.
//
// Each row also gives, for every arm but the reference, the risk difference
// arm - reference of the proportions of subjects with the event (any grade,
// and grade >= 3), with the Miettinen–Nurminen score interval
// (binomial_interval.h), the interval FDA standard safety tables use. It is
// defined for zero counts too (e.g. 0/71 - 3/72); it is absent for the
// reference itself, for an arm without subjects, and in a table of one arm.

#include "triallens/data/study.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace triallens {

struct AeFilter {
    bool treatment_emergent_only = false; // TRTEMFL == "Y"
    bool related_only = false;            // AEREL not NONE / NOT RELATED / N
    bool serious_only = false;            // AESER == "Y"

    bool operator==(const AeFilter&) const = default;
};

struct AeCounts {
    std::size_t any = 0;
    std::size_t grade3plus = 0;
    std::size_t events = 0; // records (events, not subjects) of the row in the arm
};

// A difference of proportions (not percentages), arm - reference.
struct AeDifference {
    double estimate = 0;
    double lower = 0;
    double upper = 0;
};

struct AeRiskDifference {
    AeDifference any;
    AeDifference grade3plus;
};

// An arm against the reference on a row's subjects with the event (any
// grade), for the dot and volcano plots: the relative risk (arm / reference)
// with the Katz log interval at the table's level, 0.5 added to every cell
// of the 2 x 2 table when a cell is 0 (the estimate then from the corrected
// cells too, so that it is finite on a log axis); and the two-sided p of
// Fisher's exact test on the 2 x 2 table (R's fisher.test), from the
// uncorrected counts.
struct AeRelativeRisk {
    double estimate = 1;
    double lower = 0;
    double upper = 0;
    double fisher_p = 1;
};

// Exposure-adjusted incidence: the arm's subjects with the event per 100
// patient-years of treatment (AeTable::patient_years), with the exact
// Poisson interval R's poisson.test gives (qgamma(α/2, x) and
// qgamma(1 − α/2, x + 1), over the patient-years).
struct ExposureAdjustedRate {
    std::size_t subjects = 0;
    double patient_years = 0;
    double rate = 0; // per 100 patient-years
    double lower = 0;
    double upper = 0;
};

struct AeRow {
    std::optional<std::string> soc; // nullopt on the "any adverse event" row
    std::optional<std::string> pt;  // nullopt on the any-AE row and on SOC rows
    std::vector<AeCounts> counts;   // per arm
    // Per arm, against the reference arm; nullopt where there is none (above).
    std::vector<std::optional<AeRiskDifference>> risk_difference;
    std::vector<std::optional<AeRelativeRisk>> relative_risk; // as risk_difference
    // Per arm when the table has exposure (AeTable::patient_years); empty
    // otherwise. The rate difference (arm − reference, per 100 patient-years)
    // has the Wald interval sqrt(x1 / T1² + x0 / T0²); nullopt as
    // risk_difference, and for an arm without exposure.
    std::vector<std::optional<ExposureAdjustedRate>> exposure_adjusted;
    std::vector<std::optional<AeDifference>> rate_difference;
};

struct AeTable {
    std::vector<std::string> arms;
    std::vector<std::size_t> denominators; // subjects in the population per arm
    std::vector<AeRow> rows;
    std::optional<std::size_t> reference_arm; // index into arms; nullopt with one arm
    double conf_level = 0.95;                 // of the risk-difference intervals
    // AdverseEvents::grade_variable: "AETOXGR", "AESEV" (grade >= 3 then
    // means SEVERE) or empty when no record had a grade.
    std::string grade_variable;
    // Per arm, the population's patient-years of treatment (treatment days
    // / 365.25, over the subjects whose duration is known); empty when the
    // study has no treatment duration. How it was read, for the footnote:
    // exposure_source ("TRTDURD", "TRTDUR" or "TRTEDT - TRTSDT + 1") and the
    // subjects of the population without a duration (counted in the
    // incidence, not in the patient-years).
    std::vector<double> patient_years;
    std::string exposure_source;
    std::size_t exposure_missing = 0;
};

// What the risk differences compare against.
struct AeComparison {
    std::size_t reference_arm = 0; // index into arm_names
    double conf_level = 0.95;
    // Per subject (as subject_arm), days on treatment, NaN = unknown; empty
    // when the study has no treatment duration (then the table has no
    // exposure). A view: the caller keeps the days alive for the call.
    std::span<const double> treatment_days;
    std::string exposure_source; // AeTable::exposure_source
};

// The pieces of the rows' comparisons, for tables built from other counts
// (the safety overview): the exposure-adjusted rate of `subjects` over
// `patient_years` (> 0) as ExposureAdjustedRate states, and the rate
// difference arm - reference with its Wald interval as AeRow states.
ExposureAdjustedRate exposure_adjusted_rate(std::size_t subjects, double patient_years,
                                            double conf_level);
AeDifference rate_difference(const ExposureAdjustedRate& arm, const ExposureAdjustedRate& reference,
                             double conf_level);

// `subject_arm` gives each subject's arm index (into arm_names), or -1 for a
// subject outside the population. Throws std::invalid_argument when the
// comparison's reference arm is not one of two or more arms, or its
// confidence level is outside (0, 1).
AeTable tabulate_adverse_events(const AdverseEvents& events,
                                std::span<const std::int32_t> subject_arm,
                                std::vector<std::string> arm_names, const AeFilter& filter = {},
                                const AeComparison& comparison = {});

} // namespace triallens
