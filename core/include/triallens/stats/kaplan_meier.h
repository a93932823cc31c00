#pragma once
// Kaplan–Meier estimate with Greenwood standard errors and pointwise
// confidence intervals, and its quantiles with confidence intervals, matching
// R's survival::survfit() and quantile.survfit() (survival 3.5).
//
//   S(t)        = prod_{t_i <= t} (1 - d_i / n_i)
//   se(-log S)  = sqrt( sum_{t_i <= t} d_i / (n_i (n_i - d_i)) )     (Greenwood)
//   SE of S(t)  = S(t) * se(-log S)                                  (what summary() shows)
//
// Confidence transforms (z = qnorm(1 - (1 - level)/2), se = se(-log S)):
//   plain    S ± z se S, clipped to [0, 1]
//   log      exp(log S ± z se), upper capped at 1; undefined where S = 0
//   log-log  S^exp(± z se / log S); undefined where S = 0 or 1
// Undefined limits are std::nullopt (R's NA).
//
// Quantiles follow quantile.survfit(): the p-quantile is the first time the
// curve falls to 1 - p or below within sqrt(eps); where the curve sits exactly
// on 1 - p over a stretch, the midpoint of that stretch. Its confidence limits
// are the same rule applied to the lower and upper bands. "Not reached" is
// std::nullopt.

#include "triallens/stats/event_table.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace triallens {

enum class ConfType { Plain, Log, LogLog };

// "plain", "log", "log-log": survfit()'s names for the transforms.
const char* conf_type_name(ConfType type);
std::optional<ConfType> conf_type_from_name(std::string_view name);

struct KmOptions {
    ConfType conf_type = ConfType::Log; // R's default
    double conf_level = 0.95;

    bool operator==(const KmOptions&) const = default;
};

// One row per distinct time (events or censorings), as
// summary(survfit(...), censored = TRUE) lists them.
struct SurvivalCurve {
    std::vector<double> time;
    std::vector<std::size_t> n_risk;
    std::vector<std::size_t> n_event;
    std::vector<std::size_t> n_censor;
    std::vector<double> surv;
    std::vector<std::optional<double>> std_err; // SE of S(t); undefined once n = d sends S to 0
    std::vector<std::optional<double>> lower;
    std::vector<std::optional<double>> upper;

    std::size_t size() const { return time.size(); }
};

struct QuantileEstimate {
    double probability = 0.5;
    std::optional<double> estimate;
    std::optional<double> lower;
    std::optional<double> upper;
};

struct KaplanMeier {
    std::size_t n = 0;
    std::size_t n_events = 0;
    KmOptions options;
    SurvivalCurve curve;
    std::vector<double> cumhaz_se; // se(-log S) at each curve time (survfit's $std.err)
};

KaplanMeier fit_kaplan_meier(const EventTable& events, const KmOptions& options = {});

// The curve at a landmark time, as summary(fit, times = t) reports it: S, its
// SE and CI at the last curve time at or before t (S = 1, SE 0 and limits 1
// before the first, as R reports it for every transform), and the number still at risk at t. Beyond
// the last curve time nothing is estimable (R drops such times): all std::nullopt.
struct SurvivalAt {
    double time = 0;
    std::size_t n_risk = 0;
    std::optional<double> surv;
    std::optional<double> std_err;
    std::optional<double> lower;
    std::optional<double> upper;
};

SurvivalAt survival_at(const KaplanMeier& km, double time);

// The p-quantile of survival time (p = 0.5: the median) with its CI.
QuantileEstimate survival_quantile(const KaplanMeier& km, double p);

// Two-sided standard-normal critical value for a confidence level.
double normal_critical_value(double conf_level);

} // namespace triallens
