// fisher_exact_p (odds_ratio.h): fisher.test()'s two-sided p of a 2×2 table,
//
//     p = sum over x of d(x) [d(x) <= d(a) (1 + 1e-7)] / sum over x of d(x),
//
// d the null hypergeometric probability of x events in the arm given the
// margins (R: dhyper over the support, relErr = 1 + 1e-7). Only the terms
// near the mode matter in double: d is log-concave, so from the mode
// outwards each side decreases with ratios that decrease too, and a side is
// left as soon as what remains of it (at most term / (1 - ratio), a
// geometric bound) is below 2^-60 of the smallest sum it could still add to
// (the observed term, which every p counts). The terms are relative to the
// mode, by the ratio d(x + 1) / d(x) = (m - x)(k - x) / ((x + 1)(n - k + x + 1)):
// a few multiplications per term, no logarithm, and work of the order of the
// distribution's spread instead of its support (fisher_exact() sums the whole
// support in logs: the AE table calls this for every term and arm).

#include "triallens/stats/odds_ratio.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <stdexcept>

namespace triallens {

namespace {

// Negligible against the smallest sum a term could add to.
constexpr double negligible = 0x1p-60;

struct Margins {
    double m = 0; // events
    double n = 0; // non-events
    double k = 0; // arm size

    // d(x + 1) / d(x)
    double up(double x) const { return (m - x) * (k - x) / ((x + 1) * (n - k + x + 1)); }
    // d(x - 1) / d(x)
    double down(double x) const { return x * (n - k + x) / ((m - x + 1) * (k - x + 1)); }
};

} // namespace

double fisher_exact_p(const TwoByTwo& table) {
    if (table.arm_events > table.arm_n || table.reference_events > table.reference_n) {
        throw std::invalid_argument("odds ratio needs events <= n in each arm");
    }
    const auto a = static_cast<std::int64_t>(table.arm_events);
    const auto m = static_cast<std::int64_t>(table.arm_events + table.reference_events);
    const auto n = static_cast<std::int64_t>(table.arm_n - table.arm_events + table.reference_n -
                                             table.reference_events);
    const auto k = static_cast<std::int64_t>(table.arm_n);
    const std::int64_t lo = std::max<std::int64_t>(0, k - n);
    const std::int64_t hi = std::min(k, m);
    if (lo == hi) {
        return 1.0;
    }
    const Margins margins{static_cast<double>(m), static_cast<double>(n), static_cast<double>(k)};
    const auto at = [](std::int64_t x) { return static_cast<double>(x); };
    // The mode of the hypergeometric: floor((k + 1)(m + 1) / (m + n + 2)).
    const std::int64_t mode = std::clamp((k + 1) * (m + 1) / (m + n + 2), lo, hi);

    // The observed term relative to the mode's (0 once it underflows, as
    // fisher_exact()'s does).
    double observed = 1;
    for (std::int64_t x = mode; x < a && observed > 0; ++x) {
        observed *= margins.up(at(x));
    }
    for (std::int64_t x = mode; x > a && observed > 0; --x) {
        observed *= margins.down(at(x));
    }
    if (observed == 0) {
        return 0.0; // as fisher_exact(): no term is at most an underflowed one
    }
    const double at_most = observed * (1 + 1e-7);

    double total = 1;
    double p = 1 <= at_most ? 1 : 0;
    // Right of the mode: d(x + 1) = d(x) up(x).
    double term = 1;
    for (std::int64_t x = mode; x < hi; ++x) {
        const double ratio = margins.up(at(x));
        term *= ratio;
        if (term == 0 || (ratio < 1 && term < negligible * (1 - ratio) * observed)) {
            break;
        }
        total += term;
        p += term <= at_most ? term : 0;
    }
    // Left of the mode: d(x - 1) = d(x) / up(x - 1).
    term = 1;
    for (std::int64_t x = mode; x > lo; --x) {
        const double ratio = margins.down(at(x));
        term *= ratio;
        if (term == 0 || (ratio < 1 && term < negligible * (1 - ratio) * observed)) {
            break;
        }
        total += term;
        p += term <= at_most ? term : 0;
    }
    return std::min(1.0, p / total);
}

} // namespace triallens
