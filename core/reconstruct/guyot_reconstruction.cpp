#include "triallens/reconstruct/guyot_reconstruction.h"

#include "number_text.h"
#include "triallens/reconstruct/reconstruction_error.h"
#include "triallens/stats/event_table.h"
#include "triallens/stats/kaplan_meier.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <set>

namespace triallens {

namespace {

using reconstruct_detail::number_text;

// The table checked against the cleaned curve, cut after its first 0.
AtRiskTable checked_table(const AtRiskTable& table, const DigitisedCurve& cleaned,
                          const std::optional<int>& total_events,
                          std::vector<std::string>& changes) {
    if (table.time.size() != table.n_risk.size()) {
        throw ReconstructionError("the at-risk table has " + std::to_string(table.time.size()) +
                                  " times but " + std::to_string(table.n_risk.size()) + " numbers");
    }
    if (table.size() == 0) {
        throw ReconstructionError("the at-risk table is empty: it needs at least the number at "
                                  "time 0, the arm's n");
    }
    if (table.size() > max_at_risk_times) {
        throw ReconstructionError("the at-risk table has " + std::to_string(table.size()) +
                                  " times; at most " + std::to_string(max_at_risk_times) +
                                  " are read");
    }
    if (table.time.front() != 0) {
        throw ReconstructionError("the at-risk table must start at time 0 (its number there is "
                                  "the arm's n); it starts at " +
                                  number_text(table.time.front()));
    }
    const int n = table.n_risk.front();
    if (n < 1 || n > max_reconstructed_patients) {
        throw ReconstructionError("the number at risk at time 0 (the arm's n) must be 1 to " +
                                  std::to_string(max_reconstructed_patients) + ", got " +
                                  std::to_string(n));
    }
    const double curve_end = cleaned.time.back();
    AtRiskTable out;
    bool ended = false; // a 0 after the curve's end was met
    for (std::size_t i = 0; i < table.size(); ++i) {
        const double t = table.time[i];
        const int at_risk = table.n_risk[i];
        if (!std::isfinite(t)) {
            throw ReconstructionError("at-risk time " + std::to_string(i + 1) + " is not a number");
        }
        if (i > 0 && !(t > table.time[i - 1])) {
            throw ReconstructionError("at-risk time " + number_text(t) +
                                      " does not come after the one before it (" +
                                      number_text(table.time[i - 1]) + ")");
        }
        if (t > curve_end && at_risk > 0) {
            throw ReconstructionError("at-risk time " + number_text(t) +
                                      " lies after the curve's last point (time " +
                                      number_text(curve_end) + ")");
        }
        if (at_risk < 0) {
            throw ReconstructionError("the number at risk at time " + number_text(t) +
                                      " is negative (" + std::to_string(at_risk) + ")");
        }
        if (i > 0 && at_risk > table.n_risk[i - 1]) {
            throw ReconstructionError(
                "the number at risk rises from " + std::to_string(table.n_risk[i - 1]) +
                " at time " + number_text(table.time[i - 1]) + " to " + std::to_string(at_risk) +
                " at time " + number_text(t) + ": numbers at risk can only fall");
        }
        if (!ended && (out.size() == 0 || out.n_risk.back() > 0)) {
            if (t > curve_end) {
                ended = true;
                // A 0 after the curve's end: nobody is left, as the curve says.
                changes.push_back("the at-risk table's 0 at time " + number_text(t) +
                                  ", after the curve's last point, was left out");
            } else {
                out.time.push_back(t);
                out.n_risk.push_back(at_risk);
            }
        }
    }
    if (total_events && (*total_events < 0 || *total_events > n)) {
        throw ReconstructionError("the total events " + std::to_string(*total_events) +
                                  " must lie between 0 and the arm's n (" + std::to_string(n) +
                                  ")");
    }
    return out;
}

// The cleaned curve with a point at each table time it has none at (the
// step's value there: the survival of the point before), and per table time
// the index of its first point.
struct WalkCurve {
    std::vector<double> time;
    std::vector<double> surv;
    std::vector<std::size_t> first; // per table time
};

WalkCurve walk_curve(const DigitisedCurve& cleaned, const AtRiskTable& table) {
    WalkCurve out{cleaned.time, cleaned.survival, {}};
    for (const double t : table.time) {
        const auto at = std::lower_bound(out.time.begin(), out.time.end(), t);
        const auto index = static_cast<std::size_t>(at - out.time.begin());
        if (at == out.time.end() || *at != t) {
            // index > 0: the curve starts at time 0 and t > 0 here.
            const double s = out.surv[index - 1];
            out.time.insert(out.time.begin() + static_cast<std::ptrdiff_t>(index), t);
            out.surv.insert(out.surv.begin() + static_cast<std::ptrdiff_t>(index), s);
        }
        out.first.push_back(index);
    }
    return out;
}

// One pass of step 3 over the points [a, b) from n_start at risk.
struct IntervalWalk {
    int n_end = 0;
    double km_last = 1;
    int deaths = 0;
    std::vector<int> deaths_at;       // per point a..b-1
    std::vector<double> censor_times; // the censorings made
};

IntervalWalk walk_interval(const WalkCurve& curve, std::size_t a, std::size_t b, double end,
                           int n_start, double km_last, int censored) {
    IntervalWalk out;
    out.deaths_at.assign(b - a, 0);
    std::vector<double> censor_times;
    const double start = curve.time[a];
    for (int j = 1; j <= censored; ++j) {
        censor_times.push_back(start + (end - start) * j / (censored + 1));
    }
    int n = n_start;
    double km = km_last;
    std::size_t next_censor = 0;
    for (std::size_t k = a; k < b; ++k) {
        if (n > 0 && km > 0) {
            const double expected = n * (1 - curve.surv[k] / km);
            const int d = std::clamp(static_cast<int>(std::lround(expected)), 0, n);
            if (d > 0) {
                km *= 1 - static_cast<double>(d) / n;
                n -= d;
                out.deaths += d;
                out.deaths_at[k - a] = d;
            }
        }
        const double segment_end =
            k + 1 < b ? curve.time[k + 1] : std::numeric_limits<double>::infinity();
        while (next_censor < censor_times.size() && censor_times[next_censor] < segment_end) {
            if (n > 0) {
                out.censor_times.push_back(censor_times[next_censor]);
                --n;
            }
            ++next_censor;
        }
    }
    out.n_end = n;
    out.km_last = km;
    return out;
}

// Step 4 for an interval with a table number to meet: the walk that came
// closest, and by how much it missed (rebuilt - published).
struct Adjusted {
    IntervalWalk walk;
    int miss = 0;
};

template <typename Miss>
Adjusted adjust(int first_guess, int n_start, int max_adjustments, Miss&& walk_and_miss) {
    std::optional<Adjusted> best;
    std::set<int> tried;
    int censored = std::clamp(first_guess, 0, n_start);
    for (int round = 0; round <= max_adjustments; ++round) {
        if (!tried.insert(censored).second) {
            break;
        }
        auto [walk, miss] = walk_and_miss(censored);
        const bool better = !best || std::abs(miss) < std::abs(best->miss);
        if (better) {
            best = Adjusted{std::move(walk), miss};
        }
        if (miss == 0) {
            break;
        }
        int next = censored + miss;
        if (next < 0) {
            if (censored == 0) {
                break; // too many removed with no censoring left to take back
            }
            next = 0;
        }
        censored = std::min(next, n_start);
    }
    return std::move(*best);
}

std::string patients_text(int count) {
    return std::to_string(count) + (count == 1 ? " patient" : " patients");
}

} // namespace

FitReport fit_report(const std::vector<double>& time, const std::vector<std::uint8_t>& event,
                     const DigitisedCurve& cleaned, const AtRiskTable& at_risk) {
    FitReport fit;
    fit.n = time.size();
    fit.events = static_cast<std::size_t>(std::count(event.begin(), event.end(), 1));
    fit.censored = fit.n - fit.events;
    if (fit.n > 0) {
        const KaplanMeier km = fit_kaplan_meier(tabulate_events(time, event));
        const auto& curve_time = km.curve.time;
        const auto& surv = km.curve.surv;
        double sum_squares = 0;
        for (std::size_t p = 0; p < cleaned.size(); ++p) {
            const double t = cleaned.time[p];
            const auto after = static_cast<std::size_t>(
                std::upper_bound(curve_time.begin(), curve_time.end(), t) - curve_time.begin());
            const auto before = static_cast<std::size_t>(
                std::lower_bound(curve_time.begin(), curve_time.end(), t) - curve_time.begin());
            const double s_at = after == 0 ? 1.0 : surv[after - 1];
            const double s_before = before == 0 ? 1.0 : surv[before - 1];
            const double s = cleaned.survival[p];
            const double distance = s > s_before ? s - s_before : s < s_at ? s_at - s : 0.0;
            fit.max_abs_difference = std::max(fit.max_abs_difference, distance);
            sum_squares += distance * distance;
        }
        fit.points = cleaned.size();
        fit.rms_difference = cleaned.size() == 0
                                 ? 0.0
                                 : std::sqrt(sum_squares / static_cast<double>(cleaned.size()));
    }
    std::vector<double> sorted = time;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < at_risk.size(); ++i) {
        const auto still =
            sorted.end() - std::lower_bound(sorted.begin(), sorted.end(), at_risk.time[i]);
        fit.at_risk.push_back({at_risk.time[i], at_risk.n_risk[i], static_cast<int>(still)});
    }
    return fit;
}

ReconstructedArm reconstruct_arm(const DigitisedCurve& curve, const AtRiskTable& at_risk,
                                 const GuyotOptions& options) {
    CleanedCurve cleaned = clean_digitised_curve(curve, options.cleaning);
    ReconstructedArm arm;
    arm.changes = std::move(cleaned.changes);
    const AtRiskTable table =
        checked_table(at_risk, cleaned.curve, options.total_events, arm.changes);
    const WalkCurve walk = walk_curve(cleaned.curve, table);
    const std::size_t points = walk.time.size();
    const double curve_end = walk.time.back();

    if (table.size() < at_risk.size() && table.n_risk.back() == 0) {
        arm.changes.push_back("the at-risk table reaches 0 at time " +
                              number_text(table.time.back()) + "; its later times were left out");
    }
    std::vector<int> deaths(points, 0);
    std::vector<double> censor_times;
    int n = table.n_risk.front();
    double km_last = 1;
    int deaths_so_far = 0;
    const auto take = [&](const IntervalWalk& done, std::size_t a) {
        std::copy(done.deaths_at.begin(), done.deaths_at.end(),
                  deaths.begin() + static_cast<std::ptrdiff_t>(a));
        censor_times.insert(censor_times.end(), done.censor_times.begin(), done.censor_times.end());
        n = done.n_end;
        km_last = done.km_last;
        deaths_so_far += done.deaths;
    };

    for (std::size_t i = 0; i + 1 < table.size(); ++i) {
        const std::size_t a = walk.first[i];
        const std::size_t b = walk.first[i + 1];
        const int published = table.n_risk[i + 1];
        const double s_a = walk.surv[a];
        const double s_b = walk.surv[b];
        const int first_guess =
            s_a > 0 ? static_cast<int>(std::lround(n * s_b / s_a)) - published : 0;
        const Adjusted best = adjust(first_guess, n, options.max_adjustments, [&](int censored) {
            IntervalWalk done = walk_interval(walk, a, b, walk.time[b], n, km_last, censored);
            const int miss = done.n_end - published;
            return std::pair{std::move(done), miss};
        });
        const int rebuilt = best.walk.n_end;
        const int tolerance = std::max(2, static_cast<int>(std::ceil(0.05 * published)));
        const std::string where = "between times " + number_text(table.time[i]) + " and " +
                                  number_text(table.time[i + 1]);
        if (std::abs(best.miss) > tolerance) {
            throw ReconstructionError(
                "the at-risk table cannot be met " + where + ": from " + std::to_string(n) +
                " at risk the curve falls from " + number_text(s_a) + " to " + number_text(s_b) +
                ", which leaves at " + (best.miss < 0 ? "most " : "least ") +
                std::to_string(rebuilt) + " at risk at " + number_text(table.time[i + 1]) +
                ", but the table says " + std::to_string(published) +
                " (check the curve's points and the table's numbers)");
        }
        if (best.miss != 0) {
            arm.changes.push_back(
                "the at-risk table was missed by " + patients_text(std::abs(best.miss)) + " " +
                where + " (best fit: " + std::to_string(rebuilt) + " at risk at " +
                number_text(table.time[i + 1]) + ", published " + std::to_string(published) + ")");
        }
        take(best.walk, a);
    }

    // The last interval: no table number to meet.
    const std::size_t a = walk.first.back();
    const double last_time = table.time.back();
    if (options.total_events) {
        const int needed = *options.total_events - deaths_so_far;
        const Adjusted best = adjust(0, n, options.max_adjustments, [&](int censored) {
            IntervalWalk done = walk_interval(walk, a, points, curve_end, n, km_last, censored);
            const int miss = done.deaths - needed;
            return std::pair{std::move(done), miss};
        });
        if (best.miss != 0) {
            arm.changes.push_back(
                "the total events " + std::to_string(*options.total_events) +
                " could not be met: the curve's drops give " +
                std::to_string(deaths_so_far + best.walk.deaths) +
                (best.miss < 0 ? " (no deaths are invented where the curve is flat)" : ""));
        }
        take(best.walk, a);
    } else {
        const int censored_before = static_cast<int>(censor_times.size());
        const double rate = last_time > 0 ? censored_before / last_time : 0.0;
        const int censored =
            std::min(n, static_cast<int>(std::lround(rate * (curve_end - walk.time[a]))));
        take(walk_interval(walk, a, points, curve_end, n, km_last, censored), a);
    }

    for (std::size_t k = 0; k < points; ++k) {
        arm.time.insert(arm.time.end(), static_cast<std::size_t>(deaths[k]), walk.time[k]);
        arm.event.insert(arm.event.end(), static_cast<std::size_t>(deaths[k]), std::uint8_t{1});
    }
    censor_times.insert(censor_times.end(), static_cast<std::size_t>(n), curve_end);
    arm.time.insert(arm.time.end(), censor_times.begin(), censor_times.end());
    arm.event.insert(arm.event.end(), censor_times.size(), std::uint8_t{0});
    // Ascending time, an event before a censoring at the same time (as KM
    // counts them).
    std::vector<std::size_t> order(arm.time.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return arm.time[x] < arm.time[y] ||
               (arm.time[x] == arm.time[y] && arm.event[x] > arm.event[y]);
    });
    std::vector<double> time(order.size());
    std::vector<std::uint8_t> event(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        time[i] = arm.time[order[i]];
        event[i] = arm.event[order[i]];
    }
    arm.time = std::move(time);
    arm.event = std::move(event);
    arm.fit = fit_report(arm.time, arm.event, cleaned.curve, table);
    arm.fit.total_events_published = options.total_events;
    return arm;
}

} // namespace triallens
