#include "triallens/stats/kruskal_wallis.h"

#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace triallens {

KruskalWallis kruskal_wallis(std::span<const double> values, std::span<const std::int32_t> group) {
    if (values.size() != group.size()) {
        throw std::invalid_argument("kruskal_wallis: one group per value");
    }
    const std::size_t n = values.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    // Rank sums and sizes per group, and the tie correction, in one pass
    // over the runs of equal values.
    std::map<std::int32_t, std::pair<double, double>> groups; // rank sum, size
    double ties = 0;
    for (std::size_t start = 0; start < n;) {
        std::size_t end = start;
        while (end < n && values[order[end]] == values[order[start]]) {
            ++end;
        }
        const double t = static_cast<double>(end - start);
        const double rank = static_cast<double>(start + end + 1) / 2; // average of start+1..end
        for (std::size_t k = start; k < end; ++k) {
            auto& [sum, size] = groups[group[order[k]]];
            sum += rank;
            size += 1;
        }
        ties += t * t * t - t;
        start = end;
    }
    KruskalWallis test;
    if (groups.size() < 2) {
        return test;
    }
    test.df = static_cast<double>(groups.size() - 1);
    const double nd = static_cast<double>(n);
    const double correction = 1 - ties / (nd * nd * nd - nd);
    if (!(correction > 0)) {
        return test;
    }
    double sum_squares = 0;
    for (const auto& [code, group_sums] : groups) {
        sum_squares += group_sums.first * group_sums.first / group_sums.second;
    }
    const double statistic = (12 * sum_squares / (nd * (nd + 1)) - 3 * (nd + 1)) / correction;
    test.statistic = statistic;
    const boost::math::chi_squared_distribution<double> distribution(test.df);
    test.p =
        statistic > 0 ? boost::math::cdf(boost::math::complement(distribution, statistic)) : 1.0;
    return test;
}

} // namespace triallens
