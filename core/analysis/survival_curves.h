#pragma once
// The Kaplan–Meier curves of a refit (private to the engine): one curve's
// summaries, shared by the arms' curves and the arm x level curve groups so
// both are computed the same way.

#include "triallens/analysis/analysis_spec.h"
#include "triallens/analysis/results.h"
#include "triallens/data/study.h"
#include "triallens/stats/event_table.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace triallens {

// The curve of `events` under spec.km with its quartiles (the median is the
// second), survival at spec.landmarks and the RMST to spec.tau.
ArmSurvival summarise_curve(std::string arm, std::string level, const EventTable& events,
                            const AnalysisSpec& spec);

// One curve per arm (in `arm_order`) x level of `by` (in level order) that
// holds records, from the analysed records: already timefixed `time`, their
// `event`, arm code and subject row. Records whose level is missing are left
// out, with a warning counting them.
std::vector<ArmSurvival>
curve_groups(const Variable& arm, const Variable& by, std::span<const std::int32_t> arm_order,
             std::span<const double> time, std::span<const std::uint8_t> event,
             std::span<const std::int32_t> arm_code, std::span<const std::size_t> subject,
             const AnalysisSpec& spec, std::vector<std::string>& warnings);

} // namespace triallens
