#pragma once
// Forest-plot rows for the subgroup variables of a spec (private to the engine).

#include "triallens/analysis/analysis_spec.h"
#include "triallens/analysis/results.h"
#include "triallens/data/study.h"
#include "triallens/stats/cox_regression.h"
#include "triallens/stats/risk_set_counts.h"

#include <span>
#include <string>
#include <vector>

namespace triallens {

// The pattern of a subject in its variable's counts: (arm is `compare`) +
// 2 × level code; 2 × levels when it is in one of the two arms but its level
// is missing (counted to warn, then left out, as R's coxph drops NA rows);
// -1 when it is in neither arm.
std::vector<std::int32_t> subgroup_patterns(const Variable& variable,
                                            std::span<const std::int32_t> subject_arm,
                                            std::int32_t reference, std::int32_t compare);

// How many patterns subgroup_patterns gives for `variable`.
std::size_t subgroup_pattern_count(const Variable& variable);

// Compares `compare` with `reference` (arm codes of `arm`) within each level
// of each subgroup variable; `counts[v]` holds the records of
// spec.subgroups[v] with a known stratum, patterns as subgroup_patterns
// gives them. The fits use `options` with the spec's ties. Warnings from the
// fits are appended, and one per variable counting the records left out for
// a missing level.
std::vector<SubgroupRow> analyse_subgroups(const Study& study, const Variable& arm,
                                           std::int32_t reference, std::int32_t compare,
                                           std::span<const RiskSetCounts> counts,
                                           const AnalysisSpec& spec, const CoxOptions& options,
                                           std::vector<std::string>& warnings);

} // namespace triallens
