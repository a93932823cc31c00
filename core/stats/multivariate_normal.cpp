#include "triallens/stats/multivariate_normal.h"

#include <boost/math/special_functions/erf.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace triallens {

namespace {

constexpr std::size_t max_dimension = 10;
constexpr std::size_t shifts = 10;
constexpr double degenerate_variance = 1e-12;

// Korobov rank-1 lattices: N points frac(n (1, a, a^2, ...) / N), with the
// generator a minimising P_2 (unit weights) for each number of dimensions
// 1 .. 9: over every a < N/2 for the three smaller N, over 3000 values of a
// spread by the golden ratio for the two larger (the search is
// tests/reference/korobov_search.cpp).
struct KorobovRule {
    std::int64_t points;
    std::array<std::int64_t, max_dimension - 1> generator;
};
constexpr std::array<KorobovRule, 5> korobov_rules{{
    {1021, {2, 374, 94, 450, 119, 189, 240, 28, 2}},
    {4093, {2, 1210, 1884, 1238, 815, 374, 1365, 8, 16}},
    {16381, {2, 6789, 3657, 7703, 5781, 900, 4680, 6808, 129}},
    {65521, {20247, 27190, 4587, 1420, 897, 5434, 32284, 30372, 16198}},
    {262139, {81005, 77497, 66626, 44462, 36714, 117874, 121418, 33709, 13521}},
}};
// The shifts: frac(s sqrt(p_j)), s = 1 .. shifts.
constexpr std::array<double, max_dimension - 1> shift_primes{2, 3, 5, 7, 11, 13, 17, 19, 23};

double normal_cdf(double x) {
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

double normal_quantile(double p) {
    p = std::clamp(p, 1e-300, 1 - std::numeric_limits<double>::epsilon() / 2);
    return -std::sqrt(2.0) * boost::math::erfc_inv(2 * p);
}

double normal_density(double x) {
    return std::exp(-0.5 * x * x) / std::sqrt(2 * 3.14159265358979323846);
}

// E[Y | a < Y < b] for Y standard normal.
double truncated_mean(double a, double b) {
    const double mass = normal_cdf(b) - normal_cdf(a);
    if (!(mass > 1e-300)) {
        return std::isinf(a) ? b : (std::isinf(b) ? a : (a + b) / 2);
    }
    const double da = std::isinf(a) ? 0.0 : normal_density(a);
    const double db = std::isinf(b) ? 0.0 : normal_density(b);
    return (da - db) / mass;
}

// The Cholesky factor in the chosen order: rows [0, free) have a positive
// diagonal; each later (degenerate) row j is a linear function of the free
// variables and bounds the last free variable it depends on, attached[j].
struct Factor {
    std::size_t m = 0;
    std::size_t free = 0;
    std::vector<double> c; // m x m lower triangular, row-major
    std::vector<double> lower;
    std::vector<double> upper;
    std::vector<std::size_t> attached;
    bool impossible = false; // a degenerate row on no variable with 0 outside its bounds
};

// Cholesky with Genz–Bretz prioritisation (the bounds permuted alike).
Factor prioritised_cholesky(std::span<const double> r, std::span<const double> lower,
                            std::span<const double> upper) {
    const std::size_t m = lower.size();
    std::vector<double> a(r.begin(), r.end());
    Factor f;
    f.m = m;
    f.c.assign(m * m, 0.0);
    f.lower.assign(lower.begin(), lower.end());
    f.upper.assign(upper.begin(), upper.end());
    f.attached.assign(m, m);
    std::vector<double> y(m, 0.0); // expected values of the chosen variables
    const auto swap_variables = [&](std::size_t i, std::size_t j) {
        if (i == j) {
            return;
        }
        for (std::size_t k = 0; k < m; ++k) {
            std::swap(a[i * m + k], a[j * m + k]);
        }
        for (std::size_t k = 0; k < m; ++k) {
            std::swap(a[k * m + i], a[k * m + j]);
        }
        for (std::size_t k = 0; k < m; ++k) {
            std::swap(f.c[i * m + k], f.c[j * m + k]);
        }
        std::swap(f.lower[i], f.lower[j]);
        std::swap(f.upper[i], f.upper[j]);
    };
    std::size_t i = 0;
    for (; i < m; ++i) {
        std::size_t best = m;
        double best_mass = std::numeric_limits<double>::infinity();
        for (std::size_t j = i; j < m; ++j) {
            double variance = a[j * m + j];
            double shift = 0;
            for (std::size_t k = 0; k < i; ++k) {
                variance -= f.c[j * m + k] * f.c[j * m + k];
                shift += f.c[j * m + k] * y[k];
            }
            if (variance <= degenerate_variance) {
                continue;
            }
            const double sd = std::sqrt(variance);
            const double mass =
                normal_cdf((f.upper[j] - shift) / sd) - normal_cdf((f.lower[j] - shift) / sd);
            if (mass < best_mass) {
                best_mass = mass;
                best = j;
            }
        }
        if (best == m) {
            break; // the rest are linear functions of the variables chosen
        }
        swap_variables(i, best);
        double variance = a[i * m + i];
        double shift = 0;
        for (std::size_t k = 0; k < i; ++k) {
            variance -= f.c[i * m + k] * f.c[i * m + k];
            shift += f.c[i * m + k] * y[k];
        }
        const double sd = std::sqrt(variance);
        f.c[i * m + i] = sd;
        for (std::size_t j = i + 1; j < m; ++j) {
            double value = a[j * m + i];
            for (std::size_t k = 0; k < i; ++k) {
                value -= f.c[j * m + k] * f.c[i * m + k];
            }
            f.c[j * m + i] = value / sd;
        }
        y[i] = truncated_mean((f.lower[i] - shift) / sd, (f.upper[i] - shift) / sd);
    }
    f.free = i;
    for (std::size_t j = f.free; j < m; ++j) {
        for (std::size_t k = f.free; k-- > 0;) {
            if (std::fabs(f.c[j * m + k]) > 1e-10) {
                f.attached[j] = k;
                break;
            }
        }
        if (f.attached[j] == m && !(f.lower[j] < 0 && 0 < f.upper[j])) {
            f.impossible = true;
        }
    }
    return f;
}

// The Genz integrand at w in [0, 1]^(free - 1); y is scratch.
double integrand(const Factor& f, const double* w, double* y) {
    const std::size_t m = f.m;
    double value = 1;
    for (std::size_t i = 0; i < f.free; ++i) {
        double shift = 0;
        for (std::size_t k = 0; k < i; ++k) {
            shift += f.c[i * m + k] * y[k];
        }
        const double sd = f.c[i * m + i];
        double lo = (f.lower[i] - shift) / sd;
        double hi = (f.upper[i] - shift) / sd;
        for (std::size_t j = f.free; j < m; ++j) {
            if (f.attached[j] != i) {
                continue;
            }
            double rest = 0;
            for (std::size_t k = 0; k < i; ++k) {
                rest += f.c[j * m + k] * y[k];
            }
            const double coef = f.c[j * m + i];
            const double from = (f.lower[j] - rest) / coef;
            const double to = (f.upper[j] - rest) / coef;
            lo = std::max(lo, coef > 0 ? from : to);
            hi = std::min(hi, coef > 0 ? to : from);
        }
        if (!(hi > lo)) {
            return 0;
        }
        const double d = normal_cdf(lo);
        const double e = normal_cdf(hi);
        value *= e - d;
        if (value <= 0) {
            return 0;
        }
        y[i] = i + 1 < f.free ? normal_quantile(d + w[i] * (e - d)) : 0.0;
    }
    return value;
}

} // namespace

MvnProbability mvn_rectangle_probability(std::span<const double> correlation,
                                         std::span<const double> lower,
                                         std::span<const double> upper, double target_error) {
    const std::size_t m = lower.size();
    if (m == 0 || m > max_dimension || upper.size() != m || correlation.size() != m * m) {
        throw std::invalid_argument("mvn_rectangle_probability: sizes do not fit");
    }
    for (std::size_t i = 0; i < m; ++i) {
        if (!(lower[i] <= upper[i])) {
            throw std::invalid_argument(
                "mvn_rectangle_probability: a lower bound exceeds its upper");
        }
    }
    const Factor f = prioritised_cholesky(correlation, lower, upper);
    std::vector<double> y(m, 0.0);
    std::vector<double> w(m, 0.0);
    if (f.impossible || f.free == 0) {
        return {0.0, 0.0};
    }
    const std::size_t dims = f.free - 1;
    if (dims == 0) {
        return {integrand(f, w.data(), y.data()), 0.0};
    }
    MvnProbability result;
    for (const KorobovRule& rule : korobov_rules) {
        std::array<double, max_dimension - 1> step{};
        std::int64_t power = 1;
        for (std::size_t j = 0; j < dims; ++j) {
            step[j] = static_cast<double>(power) / static_cast<double>(rule.points);
            power = power * rule.generator[dims - 1] % rule.points;
        }
        std::array<double, shifts> estimate{};
        for (std::size_t s = 0; s < shifts; ++s) {
            std::array<double, max_dimension - 1> shift{};
            for (std::size_t j = 0; j < dims; ++j) {
                const double x = static_cast<double>(s + 1) * std::sqrt(shift_primes[j]);
                shift[j] = x - std::floor(x);
            }
            double sum = 0;
            for (std::int64_t n = 0; n < rule.points; ++n) {
                for (std::size_t j = 0; j < dims; ++j) {
                    // n z_j / N mod 1 from the integer residue, exactly
                    const double x = step[j] * static_cast<double>(n) + shift[j];
                    const double u = x - std::floor(x);
                    w[j] = std::fabs(2 * u - 1); // the baker's transform
                }
                sum += integrand(f, w.data(), y.data());
            }
            estimate[s] = sum / static_cast<double>(rule.points);
        }
        double mean = 0;
        for (const double e : estimate) {
            mean += e;
        }
        mean /= static_cast<double>(shifts);
        double spread = 0;
        for (const double e : estimate) {
            spread += (e - mean) * (e - mean);
        }
        result.value = std::clamp(mean, 0.0, 1.0);
        result.error = 3.5 * std::sqrt(spread / static_cast<double>(shifts * (shifts - 1)));
        if (result.error < target_error) {
            break;
        }
    }
    return result;
}

} // namespace triallens
