#include "triallens/stats/odds_ratio.h"

#include "triallens/stats/kaplan_meier.h"

#include <boost/math/distributions/chi_squared.hpp>
#include <boost/math/tools/toms748_solve.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <vector>

namespace triallens {

namespace {

// A 2×2 table's four cells as doubles.
struct Cells {
    double a = 0, b = 0, c = 0, d = 0;

    explicit Cells(const TwoByTwo& table) {
        if (table.arm_events > table.arm_n || table.reference_events > table.reference_n) {
            throw std::invalid_argument("odds ratio needs events <= n in each arm");
        }
        a = static_cast<double>(table.arm_events);
        b = static_cast<double>(table.arm_n - table.arm_events);
        c = static_cast<double>(table.reference_events);
        d = static_cast<double>(table.reference_n - table.reference_events);
    }
    double n() const { return a + b + c + d; }
};

double chi_squared_upper(double statistic) {
    return boost::math::cdf(
        boost::math::complement(boost::math::chi_squared_distribution<double>(1), statistic));
}

// The distribution of the arm's events given all four margins, as fisher.test()
// builds it: support lo..hi, null log-probabilities up to a constant, and the
// noncentral (odds ratio psi) probabilities exp(log_weight + x log psi),
// normalised.
class ConditionalDistribution {
public:
    explicit ConditionalDistribution(const Cells& cells) {
        const auto m = static_cast<std::int64_t>(cells.a + cells.c); // events
        const auto n = static_cast<std::int64_t>(cells.b + cells.d); // non-events
        const auto k = static_cast<std::int64_t>(cells.a + cells.b); // arm size
        lo_ = std::max<std::int64_t>(0, k - n);
        hi_ = std::min(k, m);
        observed_ = static_cast<std::int64_t>(cells.a);
        // dhyper(x + 1) / dhyper(x) = (m - x)(k - x) / ((x + 1)(n - k + x + 1))
        log_weight_.push_back(0.0);
        for (std::int64_t x = lo_; x < hi_; ++x) {
            log_weight_.push_back(log_weight_.back() +
                                  std::log(static_cast<double>((m - x) * (k - x))) -
                                  std::log(static_cast<double>((x + 1) * (n - k + x + 1))));
        }
    }

    std::int64_t lo() const { return lo_; }
    std::int64_t hi() const { return hi_; }
    std::int64_t observed() const { return observed_; }

    // The probabilities of lo + first .. lo + first + size - 1; every other
    // one is exactly 0 in double (exp below -745 underflows), so sums over
    // this window equal sums over the whole support. The log weights are
    // concave in x, so the window is found from the mode outwards.
    struct Window {
        std::size_t first = 0;
        std::vector<double> p;
    };

    Window probabilities(double log_psi) const {
        const auto value = [&](std::size_t i) {
            return log_weight_[i] +
                   log_psi * static_cast<double>(lo_ + static_cast<std::int64_t>(i));
        };
        std::size_t left = 0;
        std::size_t right = log_weight_.size() - 1;
        while (left < right) { // the first i whose successor is no larger
            const std::size_t mid = left + (right - left) / 2;
            if (value(mid + 1) > value(mid)) {
                left = mid + 1;
            } else {
                right = mid;
            }
        }
        constexpr double beyond_double = 800; // exp(-800) == 0
        const double near_top = value(left) - beyond_double;
        std::size_t first = left;
        while (first > 0 && value(first - 1) >= near_top) {
            --first;
        }
        std::size_t last = left;
        while (last + 1 < log_weight_.size() && value(last + 1) >= near_top) {
            ++last;
        }
        Window window{first, std::vector<double>(last - first + 1)};
        double top = -std::numeric_limits<double>::infinity();
        for (std::size_t i = first; i <= last; ++i) {
            window.p[i - first] = value(i);
            top = std::max(top, window.p[i - first]);
        }
        double total = 0;
        for (double& v : window.p) {
            v = std::exp(v - top);
            total += v;
        }
        for (double& v : window.p) {
            v /= total;
        }
        return window;
    }

    double mean(double log_psi) const {
        const Window w = probabilities(log_psi);
        double sum = 0;
        for (std::size_t i = 0; i < w.p.size(); ++i) {
            sum += static_cast<double>(lo_ + static_cast<std::int64_t>(w.first + i)) * w.p[i];
        }
        return sum;
    }

    // P(X <= observed) or, upper, P(X >= observed).
    double tail(double log_psi, bool upper) const {
        const Window w = probabilities(log_psi);
        const auto at = static_cast<std::size_t>(observed_ - lo_);
        double sum = 0;
        for (std::size_t i = 0; i < w.p.size(); ++i) {
            const std::size_t x = w.first + i;
            if (upper ? x >= at : x <= at) {
                sum += w.p[i];
            }
        }
        return sum;
    }

private:
    std::int64_t lo_ = 0;
    std::int64_t hi_ = 0;
    std::int64_t observed_ = 0;
    std::vector<double> log_weight_; // log dhyper(lo + i) - log dhyper(lo)
};

// Two-sided p: the null probabilities no larger than the observed one's,
// with fisher.test()'s relative tolerance for ties.
double two_sided_p(const ConditionalDistribution& dist) {
    const auto null = dist.probabilities(0);
    const auto at = static_cast<std::size_t>(dist.observed() - dist.lo());
    const double observed =
        at >= null.first && at - null.first < null.p.size() ? null.p[at - null.first] : 0.0;
    double p = 0;
    for (const double value : null.p) {
        if (value <= observed * (1 + 1e-7)) {
            p += value;
        }
    }
    return std::min(1.0, p);
}

// The root in log psi of an increasing f, bracketed by doubling away from 0,
// then TOMS 748 to a few ulps: the odds ratio to full relative precision.
template <typename F> double increasing_root(F f) {
    double lo = -1;
    double hi = 1;
    double f_lo = f(lo);
    double f_hi = f(hi);
    while (f_lo > 0 && lo > -4096) {
        hi = lo;
        f_hi = f_lo;
        lo *= 2;
        f_lo = f(lo);
    }
    while (f_hi < 0 && hi < 4096) {
        lo = hi;
        f_lo = f_hi;
        hi *= 2;
        f_hi = f(hi);
    }
    if (f_lo == 0) {
        return lo;
    }
    if (f_hi == 0) {
        return hi;
    }
    const auto close_enough = [](double x, double y) {
        return std::fabs(x - y) <= 4 * std::numeric_limits<double>::epsilon() *
                                       std::max(1.0, std::min(std::fabs(x), std::fabs(y)));
    };
    std::uintmax_t iterations = 200;
    const auto [left, right] =
        boost::math::tools::toms748_solve(f, lo, hi, f_lo, f_hi, close_enough, iterations);
    return left + (right - left) / 2;
}

} // namespace

OddsRatio woolf_odds_ratio(const TwoByTwo& table, double conf_level) {
    const Cells t(table);
    const double z = normal_critical_value(conf_level);
    OddsRatio out;
    if (t.b * t.c > 0) {
        out.estimate = t.a * t.d / (t.b * t.c);
    }
    if (t.a > 0 && t.b > 0 && t.c > 0 && t.d > 0) {
        const double half = z * std::sqrt(1 / t.a + 1 / t.b + 1 / t.c + 1 / t.d);
        out.lower = *out.estimate * std::exp(-half);
        out.upper = *out.estimate * std::exp(half);
    }
    return out;
}

FisherExact fisher_exact(const TwoByTwo& table, double conf_level) {
    const Cells cells(table);
    const double alpha = (1 - conf_level) / 2;
    if (!(alpha > 0 && alpha < 0.5)) {
        throw std::invalid_argument("confidence level must lie strictly between 0 and 1");
    }
    const ConditionalDistribution dist(cells);
    FisherExact out;
    if (dist.lo() == dist.hi()) {
        return out; // a zero margin: one possible table, nothing to estimate
    }
    out.p_value = two_sided_p(dist);

    const std::int64_t x = dist.observed();
    const auto odds = [](double log_psi) { return std::exp(log_psi); };
    if (x == dist.lo()) {
        out.odds_ratio.estimate = 0.0;
        out.odds_ratio.lower = 0.0;
    } else {
        out.odds_ratio.estimate = odds(increasing_root(
            [&](double log_psi) { return dist.mean(log_psi) - static_cast<double>(x); }));
        out.odds_ratio.lower =
            odds(increasing_root([&](double log_psi) { return dist.tail(log_psi, true) - alpha; }));
    }
    if (x != dist.hi()) {
        out.odds_ratio.upper = odds(
            increasing_root([&](double log_psi) { return alpha - dist.tail(log_psi, false); }));
    } else {
        out.odds_ratio.estimate.reset(); // R: Inf
    }
    return out;
}

MantelHaenszel mantel_haenszel(std::span<const TwoByTwo> strata, double conf_level) {
    const double z = normal_critical_value(conf_level);
    MantelHaenszel out;
    double delta = 0;    // sum(a - E a)
    double variance = 0; // sum(m1 m0 n1 n0 / (n^2 (n - 1)))
    double r = 0;        // sum(a d / n)
    double s = 0;        // sum(b c / n)
    double pr = 0;       // Robins–Breslow–Greenland sums: P R, P S + Q R, Q S (over n^2)
    double ps_qr = 0;
    double qs = 0;
    for (const TwoByTwo& stratum : strata) {
        const Cells t(stratum);
        const double n = t.n();
        if (n < 2) {
            continue;
        }
        ++out.strata;
        const double arm = t.a + t.b;
        const double events = t.a + t.c;
        delta += t.a - arm * events / n;
        variance += arm * (t.c + t.d) * events * (t.b + t.d) / (n * n * (n - 1));
        r += t.a * t.d / n;
        s += t.b * t.c / n;
        pr += (t.a + t.d) * t.a * t.d / (n * n);
        ps_qr += ((t.a + t.d) * t.b * t.c + (t.b + t.c) * t.a * t.d) / (n * n);
        qs += (t.b + t.c) * t.b * t.c / (n * n);
    }
    if (s > 0) {
        out.odds_ratio.estimate = r / s;
    }
    if (r > 0 && s > 0) {
        const double sd = std::sqrt(pr / (2 * r * r) + ps_qr / (2 * r * s) + qs / (2 * s * s));
        out.odds_ratio.lower = r / s * std::exp(-z * sd);
        out.odds_ratio.upper = r / s * std::exp(z * sd);
    }
    if (variance > 0) {
        const double yates = std::fabs(delta) >= 0.5 ? 0.5 : 0.0;
        out.chisq = (std::fabs(delta) - yates) * (std::fabs(delta) - yates) / variance;
        out.p_value = chi_squared_upper(*out.chisq);
        out.chisq_uncorrected = delta * delta / variance;
        out.p_value_uncorrected = chi_squared_upper(*out.chisq_uncorrected);
    }
    return out;
}

} // namespace triallens
