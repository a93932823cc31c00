#include "triallens/stats/binomial_interval.h"

#include "triallens/stats/kaplan_meier.h"

#include <boost/math/special_functions/beta.hpp>

#include <cmath>
#include <stdexcept>

namespace triallens {

namespace {

void check(std::size_t x, std::size_t n) {
    if (n == 0 || x > n) {
        throw std::invalid_argument("binomial interval needs 0 <= x <= n and n > 0");
    }
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

} // namespace triallens
