#include "triallens/stats/kruskal_wallis.h"

#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cstddef>
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
    // The groups as 0..k-1 in the order of their codes.
    std::vector<std::int32_t> codes(group.begin(), group.end());
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    const std::size_t groups = codes.size();
    std::vector<std::size_t> tied;
    for (std::size_t start = 0; start < n;) {
        tied.resize(tied.size() + groups, 0);
        std::size_t* run = tied.data() + tied.size() - groups;
        std::size_t end = start;
        while (end < n && values[order[end]] == values[order[start]]) {
            const auto g = std::lower_bound(codes.begin(), codes.end(), group[order[end]]);
            ++run[static_cast<std::size_t>(g - codes.begin())];
            ++end;
        }
        start = end;
    }
    return kruskal_wallis_of_ties(tied, groups);
}

KruskalWallis kruskal_wallis_of_ties(std::span<const std::size_t> tied, std::size_t groups) {
    // Rank sums and sizes per group, and the tie correction, in one pass
    // over the runs of equal values.
    std::vector<double> rank_sum(groups, 0);
    std::vector<double> size(groups, 0);
    double ties = 0;
    std::size_t start = 0; // values below the run
    for (std::size_t r = 0; groups > 0 && r < tied.size() / groups; ++r) {
        std::size_t in_run = 0;
        for (std::size_t g = 0; g < groups; ++g) {
            in_run += tied[r * groups + g];
        }
        const std::size_t end = start + in_run;
        const double t = static_cast<double>(in_run);
        const double rank = static_cast<double>(start + end + 1) / 2; // average of start+1..end
        // Ranks are halves of integers and their sums below 2^53: exact in
        // any order, so a run adds its rank times its count at once.
        for (std::size_t g = 0; g < groups; ++g) {
            const auto count = static_cast<double>(tied[r * groups + g]);
            rank_sum[g] += rank * count;
            size[g] += count;
        }
        ties += t * t * t - t;
        start = end;
    }
    const std::size_t n = start;
    KruskalWallis test;
    const auto present = static_cast<std::size_t>(
        std::count_if(size.begin(), size.end(), [](double s) { return s > 0; }));
    if (present < 2) {
        return test;
    }
    test.df = static_cast<double>(present - 1);
    const double nd = static_cast<double>(n);
    const double correction = 1 - ties / (nd * nd * nd - nd);
    if (!(correction > 0)) {
        return test;
    }
    double sum_squares = 0;
    for (std::size_t g = 0; g < groups; ++g) {
        if (size[g] > 0) {
            sum_squares += rank_sum[g] * rank_sum[g] / size[g];
        }
    }
    const double statistic = (12 * sum_squares / (nd * (nd + 1)) - 3 * (nd + 1)) / correction;
    test.statistic = statistic;
    const boost::math::chi_squared_distribution<double> distribution(test.df);
    test.p =
        statistic > 0 ? boost::math::cdf(boost::math::complement(distribution, statistic)) : 1.0;
    return test;
}

} // namespace triallens
