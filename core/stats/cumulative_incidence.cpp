#include "triallens/stats/cumulative_incidence.h"

#include "competing_risks_checks.h"

#include "triallens/stats/kaplan_meier.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>

namespace triallens {

namespace {

// Log-log limits F^exp(∓z·se/(F·log F)); log F < 0, so the minus gives the lower.
void set_limits(double estimate, double variance, double z, double& lower, double& upper) {
    if (estimate <= 0) {
        lower = upper = 0;
        return;
    }
    if (estimate >= 1) {
        lower = upper = 1;
        return;
    }
    const double a = z * std::sqrt(std::max(variance, 0.0)) / (estimate * std::log(estimate));
    lower = std::pow(estimate, std::exp(-a));
    upper = std::pow(estimate, std::exp(a));
}

// Gray's variance is v1 + F²·v3 − 2F·v2, the three sums running over every
// event time of any cause (cmprsk's cinc). At a time with no event of the
// cause the increments cancel for the current F, so the curve needs points
// only where the cause itself has events.
struct CauseWalk {
    CumulativeIncidence curve;
    double v1 = 0;
    double v2 = 0;
    double v3 = 0;

    void add(double t6, double t3, double t4) {
        v1 += t4 * t4 * t6;
        v2 += t3 * t4 * t6;
        v3 += t3 * t3 * t6;
    }
};

// The share of the tied count that Gray's variance keeps: 1 − (d − 1)/(n − 1).
double tie_factor(double d, double at_risk) {
    return d > 1 ? 1 - (d - 1) / (at_risk - 1) : 1;
}

void walk_group(std::span<const double> time, std::span<const std::int32_t> status,
                std::vector<std::size_t>& rows, std::vector<CauseWalk>& causes) {
    const auto earlier = [&](std::size_t a, std::size_t b) { return time[a] < time[b]; };
    if (!std::is_sorted(rows.begin(), rows.end(), earlier)) {
        std::stable_sort(rows.begin(), rows.end(), earlier);
    }
    const std::size_t n = rows.size();
    if (n == 0) {
        return;
    }
    std::vector<double> deaths(causes.size());
    double survival = 1; // all-cause Kaplan–Meier just before the current time
    std::size_t first = 0;
    while (first < n) {
        const double t = time[rows[first]];
        std::size_t last = first;
        std::fill(deaths.begin(), deaths.end(), 0.0);
        double all = 0;
        for (; last < n && time[rows[last]] == t; ++last) {
            const std::int32_t s = status[rows[last]];
            if (s > 0) {
                deaths[static_cast<std::size_t>(s - 1)] += 1;
                all += 1;
            }
        }
        const double at_risk = static_cast<double>(n - first);
        if (all > 0) {
            const double survival_after = survival * (at_risk - all) / at_risk;
            for (std::size_t k = 0; k < causes.size(); ++k) {
                CauseWalk& walk = causes[k];
                const double own = deaths[k];
                const double other = all - own;
                double estimate = walk.curve.estimate.back();
                if (own > 0) {
                    estimate += survival * own / at_risk;
                }
                if (other > 0 && survival_after > 0) {
                    const double t6 = survival * survival * tie_factor(other, at_risk) * other /
                                      (at_risk * at_risk);
                    walk.add(t6, 1 / survival_after, estimate / survival_after);
                }
                if (own > 0) {
                    const double t6 =
                        survival * survival * tie_factor(own, at_risk) * own / (at_risk * at_risk);
                    const double t3 = survival_after > 0 ? 1 / survival_after : 0;
                    walk.add(t6, t3, 1 + t3 * estimate);
                    walk.curve.time.push_back(t);
                    walk.curve.estimate.push_back(estimate);
                    walk.curve.variance.push_back(walk.v1 + estimate * estimate * walk.v3 -
                                                  2 * estimate * walk.v2);
                }
            }
            survival = survival_after;
        }
        first = last;
    }
    for (CauseWalk& walk : causes) {
        walk.curve.last_time = time[rows.back()];
    }
}

} // namespace

std::vector<CumulativeIncidence> cumulative_incidence(const CompetingRisksData& data,
                                                      double conf_level) {
    check_competing_risks(data, "cumulative_incidence");
    const auto n_groups = static_cast<std::size_t>(data.n_groups);
    const auto n_causes = static_cast<std::size_t>(data.n_causes);
    std::vector<std::vector<std::size_t>> rows(n_groups);
    for (std::size_t i = 0; i < data.time.size(); ++i) {
        rows[static_cast<std::size_t>(data.group[i])].push_back(i);
    }
    const double z = normal_critical_value(conf_level);
    std::vector<CumulativeIncidence> out;
    out.reserve(n_groups * n_causes);
    for (std::size_t g = 0; g < n_groups; ++g) {
        std::vector<CauseWalk> causes(n_causes);
        for (std::size_t k = 0; k < n_causes; ++k) {
            CumulativeIncidence& curve = causes[k].curve;
            curve.group = static_cast<std::int32_t>(g);
            curve.cause = static_cast<std::int32_t>(k + 1);
            curve.time = {0};
            curve.estimate = {0};
            curve.variance = {0};
        }
        walk_group(data.time, data.status, rows[g], causes);
        for (CauseWalk& walk : causes) {
            CumulativeIncidence& curve = walk.curve;
            curve.lower.resize(curve.time.size());
            curve.upper.resize(curve.time.size());
            for (std::size_t i = 0; i < curve.time.size(); ++i) {
                set_limits(curve.estimate[i], curve.variance[i], z, curve.lower[i], curve.upper[i]);
            }
            out.push_back(std::move(curve));
        }
    }
    return out;
}

std::optional<IncidenceAt> incidence_at(const CumulativeIncidence& curve, double time,
                                        double conf_level) {
    if (curve.time.empty() || !(time >= 0) || time > curve.last_time) {
        return std::nullopt;
    }
    const auto after = std::upper_bound(curve.time.begin(), curve.time.end(), time);
    const auto i = static_cast<std::size_t>(after - curve.time.begin()) - 1;
    IncidenceAt at;
    at.time = time;
    at.estimate = curve.estimate[i];
    at.variance = curve.variance[i];
    at.std_err = std::sqrt(std::max(at.variance, 0.0));
    set_limits(at.estimate, at.variance, normal_critical_value(conf_level), at.lower, at.upper);
    return at;
}

} // namespace triallens
