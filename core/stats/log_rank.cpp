#include "triallens/stats/log_rank.h"

#include "risk_set_walk.h"
#include "tolerant_cholesky.h"

#include "triallens/stats/event_table.h"

#include <Eigen/Dense>
#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace triallens {

double chisq_upper_tail(double chisq, std::size_t df) {
    if (df == 0) {
        return 1;
    }
    const boost::math::chi_squared_distribution<double> distribution(static_cast<double>(df));
    return boost::math::cdf(boost::math::complement(distribution, std::max(chisq, 0.0)));
}

LogRank log_rank_test(std::span<const double> time, std::span<const std::uint8_t> event,
                      std::span<const std::int32_t> group, std::size_t groups,
                      std::span<const std::int32_t> stratum, const LogRankOptions& options) {
    const std::size_t n = time.size();
    if (event.size() != n || group.size() != n || (!stratum.empty() && stratum.size() != n)) {
        throw std::invalid_argument("log_rank_test: inputs differ in length");
    }
    std::vector<double> fixed(time.begin(), time.end());
    apply_timefix(fixed);
    std::vector<std::uint32_t> pattern(n);
    for (std::size_t i = 0; i < n; ++i) {
        pattern[i] = static_cast<std::uint32_t>(group[i]);
    }
    return log_rank_test(count_records(fixed, event, stratum, pattern, groups), options);
}

LogRank log_rank_test(const RiskSetCounts& counts, const LogRankOptions& options) {
    const std::size_t groups = counts.patterns;
    LogRank result;
    result.n.assign(groups, 0);
    result.observed.assign(groups, 0);
    result.expected.assign(groups, 0);
    result.variance.assign(groups * groups, 0);
    for (const CountEntry& entry : counts.entries) {
        result.n[entry.pattern] += entry.deaths + entry.censored;
    }

    walk_death_times(counts, [&](const RiskSetAtDeath& step) {
        const double n_risk = step.n_risk;
        const double deaths = step.deaths;
        const double km = step.survival_before;
        const double weight = std::pow(km, options.rho) * std::pow(1 - km, options.gamma);
        for (std::size_t k = 0; k < groups; ++k) {
            result.observed[k] += weight * step.deaths_by_group[k];
            result.expected[k] += weight * deaths * step.at_risk[k] / n_risk;
        }
        if (n_risk > 1) {
            const double factor =
                weight * weight * deaths * (n_risk - deaths) / (n_risk * (n_risk - 1));
            for (std::size_t j = 0; j < groups; ++j) {
                for (std::size_t k = 0; k < groups; ++k) {
                    const double delta = j == k ? 1.0 : 0.0;
                    result.variance[j * groups + k] +=
                        factor * step.at_risk[j] * (delta - step.at_risk[k] / n_risk);
                }
            }
        }
    });

    // Drop groups nothing was expected of, then the first remaining one.
    std::vector<std::size_t> kept;
    for (std::size_t k = 0; k < groups; ++k) {
        if (result.expected[k] > 0) {
            kept.push_back(k);
        }
    }
    if (kept.size() >= 2) {
        const auto m = static_cast<Eigen::Index>(kept.size() - 1);
        Eigen::VectorXd difference(m);
        Eigen::MatrixXd variance(m, m);
        for (Eigen::Index a = 0; a < m; ++a) {
            const std::size_t ka = kept[static_cast<std::size_t>(a) + 1];
            difference(a) = result.observed[ka] - result.expected[ka];
            for (Eigen::Index b = 0; b < m; ++b) {
                variance(a, b) =
                    result.variance[ka * groups + kept[static_cast<std::size_t>(b) + 1]];
            }
        }
        // survdiff solves with the full variance and fails when it is
        // singular (no information: e.g. every stratum holds one subject).
        const TolerantCholesky factor(variance);
        if (factor.rank() == m) {
            result.chisq = difference.dot(factor.solve(difference));
            result.df = kept.size() - 1;
            result.defined = true;
        }
    }
    result.p = chisq_upper_tail(result.chisq, result.df);
    return result;
}

} // namespace triallens
