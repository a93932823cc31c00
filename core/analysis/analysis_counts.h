#pragma once
// The records of one refit counted by (stratum, time, pattern) — private to
// the engine. Every analysis of a refit reads these counts rather than the
// records, so a refit costs one pass over the records plus work proportional
// to the distinct times.
//
// The pass is linear: it walks the endpoint's records in time order
// (TimeToEvent::by_time) when timefix cannot merge any two of its distinct
// times in any subset (TimeToEvent::counts_in_one_pass; both made when the
// endpoint was built); then each record's time rank is read off the order
// and no sort runs. Otherwise the records of each
// request are gathered, timefixed together as R would and sorted.

#include "triallens/data/study.h"
#include "triallens/stats/risk_set_counts.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace triallens {

// Which records a set of counts holds, keyed by subject: a record counts when
// both its subject's stratum and pattern are >= 0.
struct CountsRequest {
    std::span<const std::int32_t> stratum; // per subject; empty: one stratum for all
    std::size_t strata = 1;
    std::span<const std::int32_t> pattern; // per subject
    std::size_t patterns = 0;
    // The records whose times are timefixed together when the pass is not
    // linear: this request's own (false), or all those of the first request
    // (true) — the model's records are fixed with all the arms' records, as
    // the curves and the model read the same times.
    bool timefix_with_first = false;
};

// One RiskSetCounts per request, in order. `presorted` false forces the
// gathering path (for checking the linear one).
std::vector<RiskSetCounts> count_records(const TimeToEvent& endpoint,
                                         std::span<const CountsRequest> requests,
                                         bool presorted = true);

} // namespace triallens
