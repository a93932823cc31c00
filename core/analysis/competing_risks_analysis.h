#pragma once
// The competing-risks part of a refit (Results::competing_risks): the
// analysed records of the endpoint, with their causes, given to the
// cumulative incidence, Gray's tests and the Fine–Gray model.

#include "triallens/analysis/analysis_spec.h"
#include "triallens/analysis/results.h"
#include "triallens/data/study.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace triallens {

// The records of `endpoint` whose subject has an arm position (>= 0, 0 the
// reference; arm_names[position] names it). Gray's tests are stratified by
// subject_stratum when `stratified` (records of a missing stratum, -1, are
// left out of them alone); the Fine–Gray model is not (a warning says so).
// Nothing when spec.cause_of_interest is absent, or "" and the endpoint has
// fewer than two causes; SpecError when a named cause does not occur.
std::optional<CompetingRisksSummary>
analyse_competing_risks(const TimeToEvent& endpoint, std::span<const std::int32_t> subject_position,
                        const std::vector<std::string>& arm_names,
                        std::span<const std::int32_t> subject_stratum, bool stratified,
                        const AnalysisSpec& spec, std::vector<std::string>& warnings);

} // namespace triallens
