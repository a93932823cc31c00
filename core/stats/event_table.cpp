#include "triallens/stats/event_table.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace triallens {

void apply_timefix(std::span<double> times) {
    std::vector<double> distinct;
    distinct.reserve(times.size());
    for (const double t : times) {
        if (std::isfinite(t)) {
            distinct.push_back(t);
        }
    }
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    if (distinct.size() < 2) {
        return;
    }
    const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());
    double mean_abs = 0;
    for (const double t : distinct) {
        mean_abs += std::fabs(t);
    }
    mean_abs /= static_cast<double>(distinct.size());

    // A cut starts every cluster; a time maps to the last cut at or below it.
    std::vector<double> cuts{distinct.front()};
    for (std::size_t i = 1; i < distinct.size(); ++i) {
        const double gap = distinct[i] - distinct[i - 1];
        const bool tied = gap <= tolerance || gap / mean_abs <= tolerance;
        if (!tied) {
            cuts.push_back(distinct[i]);
        }
    }
    if (cuts.size() == distinct.size()) {
        return;
    }
    for (double& t : times) {
        if (std::isfinite(t)) {
            t = *(std::upper_bound(cuts.begin(), cuts.end(), t) - 1);
        }
    }
}

EventTable tabulate_events(std::span<const double> time, std::span<const std::uint8_t> event,
                           bool timefix) {
    if (time.size() != event.size()) {
        throw std::invalid_argument("tabulate_events: time and event differ in length");
    }
    std::vector<double> fixed(time.begin(), time.end());
    if (timefix) {
        apply_timefix(fixed);
    }
    std::vector<std::size_t> order(fixed.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return fixed[a] < fixed[b]; });

    EventTable table;
    table.n = fixed.size();
    for (const std::size_t i : order) {
        if (table.time.empty() || table.time.back() != fixed[i]) {
            table.time.push_back(fixed[i]);
            table.n_event.push_back(0);
            table.n_censor.push_back(0);
        }
        (event[i] != 0 ? table.n_event : table.n_censor).back() += 1;
    }
    return table;
}

EventTable tabulate_counted_events(std::span<const double> time,
                                   std::span<const std::size_t> n_event,
                                   std::span<const std::size_t> n_censor, bool timefix) {
    if (time.size() != n_event.size() || time.size() != n_censor.size()) {
        throw std::invalid_argument("tabulate_counted_events: the columns differ in length");
    }
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < time.size(); ++i) {
        if (n_event[i] + n_censor[i] > 0) {
            rows.push_back(i);
        }
    }
    std::vector<double> fixed(rows.size());
    for (std::size_t k = 0; k < rows.size(); ++k) {
        fixed[k] = time[rows[k]];
    }
    if (timefix) {
        // Timefix maps each time to the smallest of its cluster: ascending
        // times stay ascending, so the tied ones stay together.
        apply_timefix(fixed);
    }
    EventTable table;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        if (table.time.empty() || table.time.back() != fixed[k]) {
            table.time.push_back(fixed[k]);
            table.n_event.push_back(0);
            table.n_censor.push_back(0);
        }
        table.n_event.back() += n_event[rows[k]];
        table.n_censor.back() += n_censor[rows[k]];
        table.n += n_event[rows[k]] + n_censor[rows[k]];
    }
    return table;
}

} // namespace triallens
