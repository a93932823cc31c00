#pragma once
// The Cox model of arm (reference arm against each other arm) and what is
// read off it: the hazard ratios with Wald CIs, the proportional-hazards test
// (cox.zph), and the same ratios under every ties method.

#include "triallens/analysis/results.h"
#include "triallens/stats/cox_regression.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace triallens {

// Records of the model: group 0 is the reference arm; group k > 0 becomes
// the 0/1 column k - 1.
struct ArmModel {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::int32_t> stratum;
    std::vector<std::string> compared_arms; // the arm of each column
    std::vector<double> covariates;         // column-major, as CoxInput wants

    std::size_t terms() const { return compared_arms.size(); }
    CoxInput input() const { return {time, event, stratum, terms(), covariates}; }
};

ArmModel arm_model(std::vector<double> time, std::vector<std::uint8_t> event,
                   std::span<const std::int32_t> group, std::vector<std::int32_t> stratum,
                   std::vector<std::string> compared_arms);

// coef and se from the fit; the ratio, its CI and Wald p when estimable.
std::vector<HazardRatio> hazard_ratios(const CoxFit& fit, const ArmModel& model, double conf_level);

PhTestSummary test_arm_proportional_hazards(const ArmModel& model, const CoxFit& fit, Ties ties);

// The arm hazard ratios under efron, breslow and exact; `fitted` (under
// `fitted_ties`) is reused rather than fitted again.
std::vector<TiesConcordance> ties_concordance(const ArmModel& model, const CoxFit& fitted,
                                              Ties fitted_ties, double conf_level);

} // namespace triallens
