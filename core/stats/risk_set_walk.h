#pragma once
// The forward walk over the risk sets of RiskSetCounts that every log-rank
// statistic shares: stratum by stratum, time by time, with the numbers at
// risk per pattern just before the time and the pooled Kaplan–Meier of the
// stratum taken left-continuous, S(t-), as survdiff2.c computes it (reset to
// 1 at each stratum, product over the stratum's earlier event times of
// (n - d) / n, records of every pattern pooled).

#include "triallens/stats/risk_set_counts.h"

#include <algorithm>
#include <cstddef>
#include <numeric>
#include <span>
#include <vector>

namespace triallens {

// What the visitor sees at each time with at least one death.
struct RiskSetAtDeath {
    std::size_t stratum = 0;
    double n_risk = 0;                       // all patterns
    double deaths = 0;                       // all patterns
    double survival_before = 1;              // pooled KM of the stratum, S(t-)
    std::span<const double> at_risk;         // per pattern
    std::span<const double> deaths_by_group; // per pattern
};

// Calls visit(const RiskSetAtDeath&) at every death time, strata in order.
template <class Visit> void walk_death_times(const RiskSetCounts& counts, Visit&& visit) {
    const std::size_t groups = counts.patterns;
    std::vector<double> at_risk(groups);
    std::vector<double> deaths_by_group(groups);
    RiskSetAtDeath step;
    step.at_risk = at_risk;
    step.deaths_by_group = deaths_by_group;
    for (std::size_t s = 0; s < counts.strata(); ++s) {
        const std::size_t begin = counts.stratum_begin[s];
        const std::size_t end = counts.stratum_begin[s + 1];
        std::fill(at_risk.begin(), at_risk.end(), 0.0);
        for (std::size_t e = counts.entry_begin[begin]; e < counts.entry_begin[end]; ++e) {
            at_risk[counts.entries[e].pattern] +=
                static_cast<double>(counts.entries[e].deaths) + counts.entries[e].censored;
        }
        double n_risk = std::accumulate(at_risk.begin(), at_risk.end(), 0.0);
        double km = 1;
        for (std::size_t row = begin; row < end; ++row) {
            double deaths = 0;
            std::fill(deaths_by_group.begin(), deaths_by_group.end(), 0.0);
            for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
                deaths += counts.entries[e].deaths;
                deaths_by_group[counts.entries[e].pattern] += counts.entries[e].deaths;
            }
            if (deaths > 0) {
                step.stratum = s;
                step.n_risk = n_risk;
                step.deaths = deaths;
                step.survival_before = km;
                visit(static_cast<const RiskSetAtDeath&>(step));
                km *= (n_risk - deaths) / n_risk;
            }
            double leaving = 0;
            for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
                const double records =
                    static_cast<double>(counts.entries[e].deaths) + counts.entries[e].censored;
                at_risk[counts.entries[e].pattern] -= records;
                leaving += records;
            }
            n_risk -= leaving;
        }
    }
}

} // namespace triallens
