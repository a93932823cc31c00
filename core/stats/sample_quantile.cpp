#include "triallens/stats/sample_quantile.h"

#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>

namespace triallens {

namespace {

// x[k] of R's 1-based order statistics, with x[k] = x[1] below 1 and x[n]
// above n, as quantile.default pads the sorted values.
double order_statistic(std::span<const double> sorted, double k) {
    const double n = static_cast<double>(sorted.size());
    const double clamped = k < 1 ? 1 : (k > n ? n : k);
    return sorted[static_cast<std::size_t>(clamped) - 1];
}

} // namespace

double sample_quantile(std::span<const double> sorted, double prob, int type) {
    if (sorted.empty()) {
        throw std::invalid_argument("sample_quantile: no values");
    }
    const double n = static_cast<double>(sorted.size());
    if (type == 2) {
        // R's fuzz guards n p against a representation error just below j.
        const double fuzz = 4 * std::numeric_limits<double>::epsilon();
        const double nppm = n * prob;
        const double j = std::floor(nppm + fuzz);
        const double h = nppm > j ? 1.0 : 0.5;
        const double lo = order_statistic(sorted, j);
        const double hi = order_statistic(sorted, j + 1);
        if (h == 1.0) {
            return hi;
        }
        return lo != hi ? (1 - h) * lo + h * hi : lo;
    }
    if (type == 7) {
        const double index = 1 + (n - 1) * prob;
        const double lo = std::floor(index);
        const double hi = std::ceil(index);
        const double low_value = order_statistic(sorted, lo);
        const double high_value = order_statistic(sorted, hi);
        if (index > lo && high_value != low_value) {
            const double h = index - lo;
            return (1 - h) * low_value + h * high_value;
        }
        return low_value;
    }
    throw std::invalid_argument("sample_quantile: type " + std::to_string(type) + " is not 2 or 7");
}

} // namespace triallens
