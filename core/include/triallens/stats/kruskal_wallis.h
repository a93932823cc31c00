#pragma once
// The Kruskal–Wallis rank-sum test, as R's kruskal.test(x, g): the values
// ranked together (ties get their average rank),
//   H = (12 / (n (n + 1)) sum_k R_k^2 / n_k − 3 (n + 1)) / (1 − sum_t (t^3 − t) / (n^3 − n)),
// R_k the rank sum of group k, t the size of each group of tied values;
// H is chi-square on k − 1 df, k the groups that have a value.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace triallens {

struct KruskalWallis {
    std::optional<double> statistic; // absent when every value is the same
    double df = 0;
    std::optional<double> p;
};

// `values` (no NaN) with `group[i]` the group of values[i]. Fewer than two
// groups with a value: df 0, no statistic, no p (R stops there).
KruskalWallis kruskal_wallis(std::span<const double> values, std::span<const std::int32_t> group);

// The same test from the values already tallied: tied[r * groups + g] values
// of group g hold the r-th smallest distinct value. For callers that sort
// the values anyway (Table 1's quantiles): the test is then linear.
KruskalWallis kruskal_wallis_of_ties(std::span<const std::size_t> tied, std::size_t groups);

} // namespace triallens
