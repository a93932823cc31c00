#pragma once
// Objective response by arm: best overall response (ADRS PARAMCD "BOR") CR or
// PR, over every subject with an arm; a subject without a BOR record counts as
// a non-responder. Each arm's rate with Clopper–Pearson, Wilson and Jeffreys
// intervals; each arm against the first (the reference) as a difference and an
// odds ratio, stratified by the analysis strata when there are any. The same
// for disease control (best response CR, PR, SD or NON-CR/NON-PD), and the
// best-overall-response table: each subject counted once per arm at its best
// BOR record, in RECIST order, other AVALC values after, missing last.

#include "triallens/analysis/results.h"
#include "triallens/data/study.h"

#include <cstdint>
#include <optional>
#include <span>

namespace triallens {

// `order` lists arm codes, the reference first; `subject_stratum` holds each
// subject's stratum code (-1 = unknown, left out of the stratified test), and
// is all 0 without strata — then there is no CMH result. nullopt when the
// study has no best overall responses.
std::optional<ResponseSummary> summarise_response(const Study& study, const Variable& arm,
                                                  std::span<const std::int32_t> subject_arm,
                                                  std::span<const std::int32_t> order,
                                                  std::span<const std::int32_t> subject_stratum,
                                                  bool stratified, double conf_level);

} // namespace triallens
