#include "triallens/stats/binomial_interval.h"

#include "triallens/stats/kaplan_meier.h"

#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace triallens {

namespace {

void check(std::size_t x, std::size_t n) {
    if (n == 0 || x > n) {
        throw std::invalid_argument("binomial interval needs 0 <= x <= n and n > 0");
    }
}

// Maximum-likelihood p1 of two binomial samples under p1 - p2 = delta: the root
// in [max(0, delta), min(1, 1 + delta)] of the cubic a p^3 + b p^2 + c p + d
// (Farrington & Manning 1990; Miettinen & Nurminen 1985, appendix), by the
// trigonometric solution. No Newton polish: where the feasible root meets
// another (x1 = 0 or x2 = n2 at the boundary), a step can land on the other.
double restricted_p1(double p1, double p2, double theta, double delta) {
    const double a = 1 + theta;
    const double b = -(1 + theta + p1 + theta * p2 + delta * (theta + 2));
    const double c = delta * delta + delta * (2 * p1 + theta + 1) + p1 + theta * p2;
    const double d = -p1 * delta * (1 + delta);
    const double v = b * b * b / (27 * a * a * a) - b * c / (6 * a * a) + d / (2 * a);
    const double s = std::sqrt(std::max(0.0, b * b / (9 * a * a) - c / (3 * a)));
    const double u = v >= 0 ? s : -s;
    const double cosine = s == 0 ? 0.0 : std::clamp(v / (u * u * u), -1.0, 1.0);
    const double w = (std::numbers::pi + std::acos(cosine)) / 3;
    const double root = 2 * u * std::cos(w) - b / (3 * a);
    return std::clamp(root, std::max(0.0, delta), std::min(1.0, 1 + delta));
}

// Miettinen–Nurminen score Z(delta) = (p1 - p2 - delta) / sqrt(V(delta)).
double mn_score(double p1, double n1, double p2, double n2, double delta) {
    const double difference = p1 - p2 - delta;
    if (difference == 0) {
        return 0;
    }
    const double q1 = restricted_p1(p1, p2, n2 / n1, delta);
    const double q2 = std::clamp(q1 - delta, 0.0, 1.0);
    const double total = n1 + n2;
    const double variance = (q1 * (1 - q1) / n1 + q2 * (1 - q2) / n2) * total / (total - 1);
    if (!(variance > 0)) {
        return difference > 0 ? HUGE_VAL : -HUGE_VAL;
    }
    return difference / std::sqrt(variance);
}

// The root of a decreasing f on [lo, hi] with f(lo) > 0 > f(hi), by bisection
// until the bracket holds two adjacent doubles (some 55 steps for a limit far
// from 0): robust where f runs to infinity at an end (Z at delta = -1 or +1)
// and where the restricted MLE moves from a boundary into the interior.
template <typename F> double bisect_decreasing(F f, double lo, double hi) {
    for (int step = 0; step < 2100; ++step) {
        const double mid = lo + (hi - lo) / 2;
        if (mid <= lo || mid >= hi) {
            break;
        }
        (f(mid) > 0 ? lo : hi) = mid;
    }
    return lo + (hi - lo) / 2;
}

} // namespace

Interval clopper_pearson(std::size_t x, std::size_t n, double conf_level) {
    check(x, n);
    const double alpha = 1 - conf_level;
    const auto xd = static_cast<double>(x);
    const auto nd = static_cast<double>(n);
    return {x == 0 ? 0.0 : boost::math::ibeta_inv(xd, nd - xd + 1, alpha / 2),
            x == n ? 1.0 : boost::math::ibeta_inv(xd + 1, nd - xd, 1 - alpha / 2)};
}

Interval wilson(std::size_t x, std::size_t n, double conf_level) {
    check(x, n);
    const double z = normal_critical_value(conf_level);
    const auto nd = static_cast<double>(n);
    const double p = static_cast<double>(x) / nd;
    const double z2 = z * z;
    const double centre = (p + z2 / (2 * nd)) / (1 + z2 / nd);
    const double half = z * std::sqrt(p * (1 - p) / nd + z2 / (4 * nd * nd)) / (1 + z2 / nd);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

Interval jeffreys(std::size_t x, std::size_t n, double conf_level) {
    check(x, n);
    const double alpha = 1 - conf_level;
    const double a = static_cast<double>(x) + 0.5;
    const double b = static_cast<double>(n - x) + 0.5;
    return {x == 0 ? 0.0 : boost::math::ibeta_inv(a, b, alpha / 2),
            x == n ? 1.0 : boost::math::ibeta_inv(a, b, 1 - alpha / 2)};
}

Interval newcombe_difference(std::size_t x1, std::size_t n1, std::size_t x2, std::size_t n2,
                             double conf_level) {
    const Interval w1 = wilson(x1, n1, conf_level);
    const Interval w2 = wilson(x2, n2, conf_level);
    const double p1 = static_cast<double>(x1) / static_cast<double>(n1);
    const double p2 = static_cast<double>(x2) / static_cast<double>(n2);
    const double d = p1 - p2;
    return {d - std::hypot(p1 - w1.lower, w2.upper - p2),
            d + std::hypot(w1.upper - p1, p2 - w2.lower)};
}

Interval miettinen_nurminen_difference(std::size_t x1, std::size_t n1, std::size_t x2,
                                       std::size_t n2, double conf_level) {
    check(x1, n1);
    check(x2, n2);
    const double z = normal_critical_value(conf_level);
    const auto n1d = static_cast<double>(n1);
    const auto n2d = static_cast<double>(n2);
    const double p1 = static_cast<double>(x1) / n1d;
    const double p2 = static_cast<double>(x2) / n2d;
    const double d = p1 - p2;
    const auto score = [&](double delta) { return mn_score(p1, n1d, p2, n2d, delta); };
    return {d <= -1 ? -1.0 : bisect_decreasing([&](double t) { return score(t) - z; }, -1.0, d),
            d >= 1 ? 1.0 : bisect_decreasing([&](double t) { return score(t) + z; }, d, 1.0)};
}

} // namespace triallens
