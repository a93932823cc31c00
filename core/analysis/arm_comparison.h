#pragma once
// The Cox model of arm (reference arm against each other arm) and what is
// read off it: the hazard ratios with Wald CIs, the proportional-hazards test
// (cox.zph), and the same ratios under every ties method.

#include "triallens/analysis/results.h"
#include "triallens/data/study.h"
#include "triallens/stats/cox_regression.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace triallens {

// Records of the model: group 0 is the reference arm; group k > 0 becomes
// the 0/1 column k - 1. Adjustment covariates follow the arm columns: a
// numeric one (a numeric factor too, study.h: coxph takes a numeric column
// as a number) as one column, a text one as 0/1 columns for each level but
// the first present (R's treatment contrasts).
struct AdjustmentColumn {
    std::string term;  // the variable
    std::string level; // of a categorical variable; empty for a numeric one
    std::vector<double> values;
};

struct ArmModel {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::int32_t> stratum;
    std::vector<std::string> compared_arms;    // the arm of each arm column
    std::vector<AdjustmentColumn> adjustments; // the columns after them
    std::vector<std::string> term_names;       // "arm", then each covariate once
    std::vector<std::size_t> term_of_column;   // index into term_names
    std::vector<double> covariates;            // column-major, as CoxInput wants

    // Set instead of the records when the model has no adjustment: the
    // records counted with group k as pattern k (counted_arm_model).
    bool counted = false;
    bool group_patterns = true; // CoxOptions::group_patterns for its fits
    RiskSetCounts counts;
    std::vector<double> pattern_covariates; // column-major, as PatternCoxInput wants

    std::size_t terms() const { return compared_arms.size(); } // arm columns
    std::size_t columns() const { return term_of_column.size(); }
    CoxInput input() const { return {time, event, stratum, columns(), covariates}; }
    PatternCoxInput pattern_input() const { return {&counts, columns(), pattern_covariates}; }
};

// The unadjusted arm model from counts whose pattern k is group k.
ArmModel counted_arm_model(RiskSetCounts counts, std::vector<std::string> compared_arms);

CoxFit fit_arm_model(const ArmModel& model, Ties ties);

ArmModel arm_model(std::vector<double> time, std::vector<std::uint8_t> event,
                   std::span<const std::int32_t> group, std::vector<std::int32_t> stratum,
                   std::vector<std::string> compared_arms,
                   std::vector<AdjustmentColumn> adjustments = {});

// The arm model adjusted for subject-level `covariates`, over records whose
// subject is `subject[i]`. Records with a covariate missing are left out (R's
// na.omit), with a warning saying how many.
ArmModel adjusted_arm_model(const Study& study, const std::vector<std::string>& covariates,
                            std::span<const double> time, std::span<const std::uint8_t> event,
                            std::span<const std::int32_t> group,
                            std::span<const std::int32_t> stratum,
                            std::span<const std::size_t> subject,
                            std::vector<std::string> compared_arms,
                            std::vector<std::string>& warnings);

// coef and se from the fit; the ratio, its CI and Wald p when estimable.
// The arm columns' ratios ("arm" names the compared arm)...
std::vector<HazardRatio> hazard_ratios(const CoxFit& fit, const ArmModel& model, double conf_level);
// ...and the adjustment columns' ("arm" names the variable, "level" its level).
std::vector<HazardRatio> adjustment_ratios(const CoxFit& fit, const ArmModel& model,
                                           double conf_level);

PhTestSummary test_arm_proportional_hazards(const ArmModel& model, const CoxFit& fit, Ties ties);

// The arm hazard ratios under efron, breslow and exact; `fitted` (under
// `fitted_ties`) is reused rather than fitted again.
std::vector<TiesConcordance> ties_concordance(const ArmModel& model, const CoxFit& fitted,
                                              Ties fitted_ties, double conf_level);

} // namespace triallens
