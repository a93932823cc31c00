#include "triallens/stats/kaplan_meier.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unordered_set>
#include <utility>

namespace triallens {

namespace {

struct Band {
    std::optional<double> lower;
    std::optional<double> upper;
};

// survival:::survfit_confint for one time point; `se` is the SE of -log S.
Band confidence_band(double surv, double se, double z, ConfType type) {
    if (!std::isfinite(se)) {
        return {};
    }
    switch (type) {
    case ConfType::Plain: {
        const double half = z * se * surv;
        return {std::max(surv - half, 0.0), std::min(surv + half, 1.0)};
    }
    case ConfType::Log: {
        if (surv == 0) {
            return {};
        }
        return {std::exp(std::log(surv) - z * se),
                std::min(std::exp(std::log(surv) + z * se), 1.0)};
    }
    case ConfType::LogLog: {
        if (surv == 0 || surv == 1) {
            return {};
        }
        const double log_surv = std::log(surv);
        const double shift = z * se / log_surv;
        return {std::exp(-std::exp(std::log(-log_surv) - shift)),
                std::exp(-std::exp(std::log(-log_surv) + shift))};
    }
    }
    return {};
}

// survival:::findq: where the cumulative curve y (1 - S, or 1 - a band, led
// by 0 at time x[0]) first reaches p, with R's tolerance and its midpoint rule
// for a curve that sits exactly on p.
std::optional<double> find_quantile(const std::vector<double>& x,
                                    const std::vector<std::optional<double>>& y, double p,
                                    double tolerance) {
    double y_max = -std::numeric_limits<double>::infinity();
    for (const auto& value : y) {
        if (value) {
            y_max = std::max(y_max, *value);
        }
    }
    if (y_max < p) {
        return std::nullopt;
    }
    const double x_max = x.back();

    // Keep the first occurrence of each y value (censorings repeat the last
    // one), as duplicated() does; a hash set keeps it linear on long curves.
    std::vector<double> xs;
    std::vector<std::optional<double>> ys;
    std::unordered_set<double> seen;
    bool seen_missing = false;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const bool first = y[i] ? seen.insert(*y[i] == 0 ? 0.0 : *y[i]).second
                                : !std::exchange(seen_missing, true);
        if (first) {
            xs.push_back(x[i]);
            ys.push_back(y[i]);
        }
    }

    // approx(y ± tol, 1:n, p, method = "constant", f = 1): index of the first
    // knot at or above p, undefined outside the knots' range.
    const auto first_index_at_or_above = [&](double offset) -> std::optional<std::size_t> {
        std::vector<std::pair<double, std::size_t>> knots;
        for (std::size_t i = 0; i < ys.size(); ++i) {
            if (ys[i]) {
                knots.emplace_back(*ys[i] + offset, i);
            }
        }
        std::stable_sort(knots.begin(), knots.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });
        if (knots.empty() || p < knots.front().first || p > knots.back().first) {
            return std::nullopt;
        }
        const auto it = std::lower_bound(knots.begin(), knots.end(), p,
                                         [](const auto& knot, double v) { return knot.first < v; });
        return it->second;
    };
    const auto index1 = first_index_at_or_above(tolerance);
    const auto index2 = first_index_at_or_above(-tolerance);

    std::optional<double> quantile;
    if (index1 && index2) {
        quantile = (xs[*index1] + xs[*index2]) / 2;
    }
    if (ys.back() && std::fabs(p - *ys.back()) < tolerance) {
        quantile = index1 ? std::optional<double>((xs[*index1] + x_max) / 2) : std::nullopt;
    }
    return quantile;
}

} // namespace

double normal_critical_value(double conf_level) {
    if (!(conf_level > 0 && conf_level < 1)) {
        throw std::invalid_argument("confidence level must lie strictly between 0 and 1");
    }
    return boost::math::quantile(boost::math::normal_distribution<double>(),
                                 1 - (1 - conf_level) / 2);
}

KaplanMeier fit_kaplan_meier(const EventTable& events, const KmOptions& options) {
    const double z = normal_critical_value(options.conf_level);
    KaplanMeier km;
    km.n = events.n;
    km.options = options;
    SurvivalCurve& curve = km.curve;

    std::size_t at_risk = events.n;
    double surv = 1;
    double cumulative_variance = 0; // Greenwood sum for -log S
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::size_t d = events.n_event[i];
        if (d > 0) {
            surv *= 1 - static_cast<double>(d) / static_cast<double>(at_risk);
            cumulative_variance = at_risk > d
                                      ? cumulative_variance + static_cast<double>(d) /
                                                                  (static_cast<double>(at_risk) *
                                                                   static_cast<double>(at_risk - d))
                                      : std::numeric_limits<double>::infinity();
        }
        const double se = std::sqrt(cumulative_variance);
        const Band band = confidence_band(surv, se, z, options.conf_type);

        curve.time.push_back(events.time[i]);
        curve.n_risk.push_back(at_risk);
        curve.n_event.push_back(d);
        curve.n_censor.push_back(events.n_censor[i]);
        curve.surv.push_back(surv);
        curve.std_err.push_back(std::isfinite(se) ? std::optional<double>(se * surv)
                                                  : std::nullopt);
        curve.lower.push_back(band.lower);
        curve.upper.push_back(band.upper);
        km.cumhaz_se.push_back(se);

        km.n_events += d;
        at_risk -= d + events.n_censor[i];
    }
    return km;
}

SurvivalAt survival_at(const KaplanMeier& km, double time) {
    const SurvivalCurve& curve = km.curve;
    SurvivalAt at;
    at.time = time;
    if (curve.size() == 0 || time > curve.time.back()) {
        return at;
    }
    // Curve rows at or before `time`; the first row after it starts the risk set.
    const auto after = static_cast<std::size_t>(
        std::upper_bound(curve.time.begin(), curve.time.end(), time) - curve.time.begin());
    const auto first_at_or_after = static_cast<std::size_t>(
        std::lower_bound(curve.time.begin(), curve.time.end(), time) - curve.time.begin());
    at.n_risk = curve.n_risk[first_at_or_after];
    if (after == 0) {
        // Before the first time R reports the start of the curve: S = 1 with
        // limits 1 whatever the transform.
        at.surv = 1;
        at.std_err = 0;
        at.lower = 1;
        at.upper = 1;
        return at;
    }
    const std::size_t row = after - 1;
    at.surv = curve.surv[row];
    at.std_err = curve.std_err[row];
    at.lower = curve.lower[row];
    at.upper = curve.upper[row];
    return at;
}

QuantileEstimate survival_quantile(const KaplanMeier& km, double p) {
    QuantileEstimate result;
    result.probability = p;
    const SurvivalCurve& curve = km.curve;
    if (curve.size() == 0) {
        return result;
    }
    const double tolerance = std::sqrt(std::numeric_limits<double>::epsilon());
    std::vector<double> x{0.0};
    x.insert(x.end(), curve.time.begin(), curve.time.end());

    const auto cumulative = [&](auto value_at) {
        std::vector<std::optional<double>> y{0.0};
        for (std::size_t i = 0; i < curve.size(); ++i) {
            const std::optional<double> value = value_at(i);
            y.push_back(value ? std::optional<double>(1 - *value) : std::nullopt);
        }
        return y;
    };
    result.estimate = find_quantile(
        x, cumulative([&](std::size_t i) { return std::optional<double>(curve.surv[i]); }), p,
        tolerance);
    // The lower band reaches 1 - p first, so it bounds the quantile from below.
    result.lower =
        find_quantile(x, cumulative([&](std::size_t i) { return curve.lower[i]; }), p, tolerance);
    result.upper =
        find_quantile(x, cumulative([&](std::size_t i) { return curve.upper[i]; }), p, tolerance);
    return result;
}

const char* conf_type_name(ConfType type) {
    switch (type) {
    case ConfType::Plain:
        return "plain";
    case ConfType::LogLog:
        return "log-log";
    case ConfType::Log:
        break;
    }
    return "log";
}

std::optional<ConfType> conf_type_from_name(std::string_view name) {
    for (const ConfType type : {ConfType::Log, ConfType::LogLog, ConfType::Plain}) {
        if (name == conf_type_name(type)) {
            return type;
        }
    }
    return std::nullopt;
}

} // namespace triallens
