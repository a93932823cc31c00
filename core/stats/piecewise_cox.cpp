#include "triallens/stats/piecewise_cox.h"

#include <limits>

namespace triallens {

RiskSetCounts period_counts(const RiskSetCounts& counts, double after, double until) {
    // Ranks are doubled so that `until` can take the odd slot below the first
    // time past it when no record ends exactly there.
    std::uint32_t until_rank = 0;
    bool until_exact = false;
    std::uint32_t first_past = std::numeric_limits<std::uint32_t>::max();
    for (std::size_t row = 0; row < counts.rows(); ++row) {
        if (counts.time[row] == until) {
            until_exact = true;
            until_rank = 2 * counts.rank[row] + 1;
        } else if (counts.time[row] > until && counts.rank[row] < first_past) {
            first_past = counts.rank[row];
        }
    }
    if (!until_exact && first_past != std::numeric_limits<std::uint32_t>::max()) {
        until_rank = 2 * first_past;
    }
    RiskSetCountsBuilder builder(counts.patterns, 2 * counts.distinct_times + 1);
    builder.reserve(counts.rows(), counts.entries.size());
    std::vector<std::uint32_t> past(counts.patterns, 0);
    for (std::size_t s = 0; s < counts.strata(); ++s) {
        if (s > 0) {
            builder.next_stratum();
        }
        std::fill(past.begin(), past.end(), 0U);
        for (std::size_t row = counts.stratum_begin[s]; row < counts.stratum_begin[s + 1]; ++row) {
            const double time = counts.time[row];
            if (!(time > after)) {
                continue;
            }
            for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
                const CountEntry& entry = counts.entries[e];
                if (time > until) {
                    past[entry.pattern] += entry.deaths + entry.censored;
                    continue;
                }
                const std::uint32_t rank = 2 * counts.rank[row] + 1;
                if (entry.deaths != 0) {
                    builder.add(time, rank, entry.pattern, true, entry.deaths);
                }
                if (entry.censored != 0) {
                    builder.add(time, rank, entry.pattern, false, entry.censored);
                }
            }
        }
        for (std::uint32_t p = 0; p < past.size(); ++p) {
            if (past[p] != 0) {
                builder.add(until, until_rank, p, false, past[p]);
            }
        }
    }
    return builder.finish();
}

std::vector<PiecewisePeriod> fit_piecewise_cox(const RiskSetCounts& counts,
                                               std::span<const double> cuts,
                                               const CoxOptions& options) {
    const double infinity = std::numeric_limits<double>::infinity();
    const std::vector<double> group_covariate{0.0, 1.0};
    std::vector<PiecewisePeriod> periods;
    for (std::size_t k = 0; k <= cuts.size(); ++k) {
        PiecewisePeriod period;
        period.from = k == 0 ? 0.0 : cuts[k - 1];
        const double until = k < cuts.size() ? cuts[k] : infinity;
        if (k < cuts.size()) {
            period.to = until;
        }
        // The first period starts at the origin: records ending at 0 are in
        // it, as survSplit keeps them.
        const double after = k == 0 ? -infinity : period.from;
        const RiskSetCounts in_period = period_counts(counts, after, until);
        for (const CountEntry& entry : in_period.entries) {
            (entry.pattern == 0 ? period.events_reference : period.events_compared) += entry.deaths;
        }
        period.events = period.events_reference + period.events_compared;
        if (period.events_reference > 0 && period.events_compared > 0) {
            period.fit = fit_cox(PatternCoxInput{&in_period, 1, group_covariate}, options);
        }
        periods.push_back(std::move(period));
    }
    return periods;
}

} // namespace triallens
