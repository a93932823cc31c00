#include "triallens/stats/weighted_log_rank.h"

#include "risk_set_walk.h"

#include "triallens/stats/event_table.h"
#include "triallens/stats/log_rank.h"

#include <cmath>
#include <stdexcept>

namespace triallens {

TwoSampleDeathTerms two_sample_death_terms(const RiskSetCounts& counts) {
    if (counts.patterns != 2) {
        throw std::invalid_argument("two_sample_death_terms: counts must hold two groups");
    }
    TwoSampleDeathTerms terms;
    walk_death_times(counts, [&](const RiskSetAtDeath& step) {
        const double n = step.n_risk;
        const double d = step.deaths;
        const double compared = step.at_risk[1];
        terms.survival_before.push_back(step.survival_before);
        terms.observed_minus_expected.push_back(step.deaths_by_group[1] - d * compared / n);
        terms.variance.push_back(
            n > 1 ? d * (n - d) / (n - 1) * compared * step.at_risk[0] / (n * n) : 0.0);
    });
    return terms;
}

TwoSampleDeathTerms two_sample_death_terms(std::span<const double> time,
                                           std::span<const std::uint8_t> event,
                                           std::span<const std::int32_t> group,
                                           std::span<const std::int32_t> stratum) {
    const std::size_t n = time.size();
    if (event.size() != n || group.size() != n || (!stratum.empty() && stratum.size() != n)) {
        throw std::invalid_argument("two_sample_death_terms: inputs differ in length");
    }
    std::vector<double> fixed(time.begin(), time.end());
    apply_timefix(fixed);
    std::vector<std::uint32_t> pattern(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (group[i] != 0 && group[i] != 1) {
            throw std::invalid_argument("two_sample_death_terms: groups must be 0 or 1");
        }
        pattern[i] = static_cast<std::uint32_t>(group[i]);
    }
    return two_sample_death_terms(count_records(fixed, event, stratum, pattern, 2));
}

WeightedLogRank weighted_log_rank(const TwoSampleDeathTerms& terms, FhWeight weight) {
    if (!(std::isfinite(weight.rho) && weight.rho >= 0 && std::isfinite(weight.gamma) &&
          weight.gamma >= 0)) {
        throw std::invalid_argument("FH weights need finite rho >= 0 and gamma >= 0");
    }
    WeightedLogRank result;
    result.weight = weight;
    for (std::size_t t = 0; t < terms.survival_before.size(); ++t) {
        const double s = terms.survival_before[t];
        const double w = std::pow(s, weight.rho) * std::pow(1 - s, weight.gamma);
        result.score += w * terms.observed_minus_expected[t];
        result.variance += w * w * terms.variance[t];
    }
    if (result.variance > 0) {
        result.z = result.score / std::sqrt(result.variance);
        result.chisq = result.z * result.z;
        result.p = chisq_upper_tail(result.chisq, 1);
        result.defined = true;
    }
    return result;
}

WeightedLogRank weighted_log_rank_test(std::span<const double> time,
                                       std::span<const std::uint8_t> event,
                                       std::span<const std::int32_t> group,
                                       std::span<const std::int32_t> stratum, FhWeight weight) {
    return weighted_log_rank(two_sample_death_terms(time, event, group, stratum), weight);
}

} // namespace triallens
