#pragma once
// Forest-plot rows for the subgroup variables of a spec (private to the engine).

#include "triallens/analysis/analysis_spec.h"
#include "triallens/analysis/results.h"
#include "triallens/data/study.h"

#include <span>
#include <string>
#include <vector>

namespace triallens {

// Compares `compare` with `reference` (arm codes of `arm`; `subject_arm` is
// each subject's code after the filter, -1 = left out) within each level
// of each subgroup variable. `subject_stratum` holds each subject's stratum
// code (-1 = unknown, left out). Warnings from the fits are appended.
std::vector<SubgroupRow>
analyse_subgroups(const Study& study, const TimeToEvent& endpoint, const Variable& arm,
                  std::span<const std::int32_t> subject_arm, std::int32_t reference,
                  std::int32_t compare, std::span<const std::int32_t> subject_stratum,
                  const AnalysisSpec& spec, std::vector<std::string>& warnings);

} // namespace triallens
