#pragma once
// Tumour response per subject and per arm (Results::tumour_response; the
// rules are in results.h) over the subjects a refit analyses.

#include "triallens/analysis/analysis_spec.h"
#include "triallens/analysis/results.h"
#include "triallens/data/study.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace triallens {

// `subject_arm` gives each subject's position in `arm_names` (-1 = not
// analysed: filtered out or without an arm). Times are reported in `unit`
// (`unit_name` as Results::time_unit spells it). nullopt when the study has
// no tumour measurements, responses or treatment dates.
std::optional<TumourResponse> summarise_tumour_response(const Study& study,
                                                        std::span<const std::int32_t> subject_arm,
                                                        const std::vector<std::string>& arm_names,
                                                        TimeUnit unit, const std::string& unit_name,
                                                        const AnalysisSpec& spec,
                                                        std::vector<std::string>& warnings);

} // namespace triallens
