#pragma once
// Survival data aggregated to its distinct times: the input of Kaplan–Meier
// and of every risk-set statistic. Building it applies R's `timefix`
// (survival::aeqSurv): times closer than sqrt(machine epsilon), absolutely or
// relative to the mean absolute time, are treated as one time, so derived
// times such as days / 30.4375 tie exactly as they do in R.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace triallens {

struct EventTable {
    std::vector<double> time;          // distinct, ascending
    std::vector<std::size_t> n_event;  // events at time[i]
    std::vector<std::size_t> n_censor; // censorings at time[i]
    std::size_t n = 0;                 // subjects in all

    std::size_t size() const { return time.size(); }
};

// Replaces each time by the smallest time of its near-tie cluster, exactly as
// survival::aeqSurv does (clusters are chained: each gap is judged alone).
void apply_timefix(std::span<double> times);

// Sorts and aggregates (time, event) pairs; `event` is 1 for an event, 0 for
// a censoring. Applies timefix first when `timefix` is true (R's default).
EventTable tabulate_events(std::span<const double> time, std::span<const std::uint8_t> event,
                           bool timefix = true);

// The same table from records already counted by time: `time` distinct and
// ascending, with the events and censorings at each (times counting neither
// are skipped). Equal to tabulate_events of the records counted, without
// sorting them: a refit counts a subset of records whose times were sorted
// once.
EventTable tabulate_counted_events(std::span<const double> time,
                                   std::span<const std::size_t> n_event,
                                   std::span<const std::size_t> n_censor, bool timefix = true);

} // namespace triallens
