#pragma once
// Sample quantiles of sorted values, as R's quantile(x, probs, type = 2 or 7).
//   - type 2 (SAS's default, tern's): j = floor(n p + 4 eps) (R's fuzz),
//     then x[j+1] when n p > j, else the mean of x[j] and x[j+1] (the
//     inverse of the empirical distribution, averaged at its jumps), with
//     x[0] = x[1] and x[n+1] = x[n];
//   - type 7 (R's default): h = 1 + (n - 1) p, x[floor h] + (h - floor h)
//     (x[ceil h] - x[floor h]).
// Hyndman and Fan (1996), Sample quantiles in statistical packages.

#include <span>

namespace triallens {

// The quantile at `prob` (0..1) of `sorted` (ascending, no NaN, not empty)
// by R's `type` (2 or 7; std::invalid_argument otherwise).
double sample_quantile(std::span<const double> sorted, double prob, int type);

} // namespace triallens
