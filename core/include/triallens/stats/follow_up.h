#pragma once
// Median follow-up by the reverse Kaplan–Meier method (Schemper & Smith,
// Control Clin Trials 1996): the Kaplan–Meier median of the censoring
// distribution, censorings counted as events and events as censorings, with
// its CI by the same band inversion as any survival median. Matches
//   quantile(survfit(Surv(time, 1 - status) ~ 1, conf.type = ...), 0.5)
// in R (survival 3.5). The median is "not reached" (std::nullopt) when fewer
// than half the records are censored before the last time; with no
// censoring at all the reverse curve never drops and nothing is estimable.

#include "triallens/stats/kaplan_meier.h"

#include <cstdint>
#include <span>

namespace triallens {

// `event` is 1 for an event, 0 for a censoring, as for tabulate_events; the
// times go through R's timefix when `timefix` is true (pass false for times
// already fixed together with a larger set).
QuantileEstimate median_follow_up(std::span<const double> time, std::span<const std::uint8_t> event,
                                  const KmOptions& options, bool timefix = true);

} // namespace triallens
