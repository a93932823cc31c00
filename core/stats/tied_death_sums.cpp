#include "tied_death_sums.h"

#include <boost/math/special_functions/digamma.hpp>
#include <boost/math/special_functions/gamma.hpp>
#include <boost/math/special_functions/trigamma.hpp>

#include <cmath>

namespace triallens {

namespace {

// Below this many deaths the loop is as cheap as the special functions.
constexpr double fewest_for_closed_form = 32;

TieSums efron_loop(double d0, double d2, double deaths) {
    TieSums sums;
    const auto d = static_cast<long>(deaths);
    for (long j = 1; j <= d; ++j) {
        const double f = static_cast<double>(j) / deaths;
        const double den = d0 + f * d2;
        const double inverse = 1 / den;
        sums.log_sum += std::log(den);
        sums.s0 += inverse;
        sums.s1 += f * inverse;
        sums.s00 += inverse * inverse;
        sums.s01 += f * inverse * inverse;
        sums.s11 += f * f * inverse * inverse;
    }
    return sums;
}

TieSums efron_closed_form(double d0, double d2, double deaths) {
    using boost::math::digamma;
    using boost::math::lgamma;
    using boost::math::trigamma;
    const long double d = deaths;
    const long double c = static_cast<long double>(d2) / d; // den_j = c (u + j)
    const long double u = static_cast<long double>(d0) / c;
    const long double h1 = digamma(u + d + 1) - digamma(u + 1);
    const long double h2 = trigamma(u + 1) - trigamma(u + d + 1);
    const long double log_c = std::log(c);
    TieSums sums;
    sums.log_sum = static_cast<double>(d * log_c + (lgamma(u + d + 1) - lgamma(u + 1)));
    sums.s0 = static_cast<double>(h1 / c);
    sums.s1 = static_cast<double>((d - u * h1) / (c * d));
    sums.s00 = static_cast<double>(h2 / (c * c));
    sums.s01 = static_cast<double>((h1 - u * h2) / (c * c * d));
    sums.s11 = static_cast<double>((d - 2 * u * h1 + u * u * h2) / (c * c * d * d));
    return sums;
}

} // namespace

TieSums breslow_tie_sums(double d0, double d2, double deaths) {
    const double den = d0 + d2;
    const double inverse = 1 / den;
    const double inverse2 = inverse * inverse;
    return {deaths * std::log(den), deaths * inverse,  deaths * inverse,
            deaths * inverse2,      deaths * inverse2, deaths * inverse2};
}

TieSums efron_tie_sums(double d0, double d2, double deaths, bool closed_form) {
    if (closed_form && deaths >= fewest_for_closed_form && d2 > 0 && std::isfinite(d2) &&
        std::isfinite(d0)) {
        return efron_closed_form(d0, d2, deaths);
    }
    return efron_loop(d0, d2, deaths);
}

} // namespace triallens
