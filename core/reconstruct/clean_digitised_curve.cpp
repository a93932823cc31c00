#include "triallens/reconstruct/clean_digitised_curve.h"

#include "number_text.h"
#include "triallens/reconstruct/reconstruction_error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace triallens {

namespace {

using reconstruct_detail::number_text;

// How far outside its scale a survival may be read and still be a click on
// the axis (clamped), and how far below 0 a time may (relative to the last).
constexpr double survival_slack = 0.05;
constexpr double time_slack = 0.005;

std::string points_text(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " point" : " points");
}

const char* were(std::size_t count) {
    return count == 1 ? "was" : "were";
}

} // namespace

bool survival_in_percent(std::span<const double> survival) {
    return std::any_of(survival.begin(), survival.end(), [](double s) { return s > 1.5; });
}

std::string digitised_point_problem(double time, double survival, bool percent, double last_time) {
    if (!std::isfinite(time)) {
        return "its time is not a number";
    }
    if (!std::isfinite(survival)) {
        return "its survival is not a number";
    }
    if (time < -time_slack * std::max(last_time, 0.0)) {
        return "its time " + number_text(time) + " is negative";
    }
    const double scale = percent ? 100.0 : 1.0;
    if (survival < -survival_slack * scale || survival > (1 + survival_slack) * scale) {
        return "its survival " + number_text(survival) + " lies outside " +
               (percent ? "0-100 %" : "0-1");
    }
    return {};
}

CleanedCurve clean_digitised_curve(const DigitisedCurve& points,
                                   const CurveCleaningOptions& options) {
    if (points.time.size() != points.survival.size()) {
        throw ReconstructionError("the curve has " + std::to_string(points.time.size()) +
                                  " times but " + std::to_string(points.survival.size()) +
                                  " survival values");
    }
    if (points.size() == 0) {
        throw ReconstructionError("the curve has no points");
    }
    if (points.size() > max_digitised_points) {
        throw ReconstructionError("the curve has " + std::to_string(points.size()) +
                                  " points; at most " + std::to_string(max_digitised_points) +
                                  " are read");
    }
    const bool percent = survival_in_percent(points.survival);
    double last_time = 0;
    for (const double t : points.time) {
        last_time = std::isfinite(t) ? std::max(last_time, t) : last_time;
    }
    for (std::size_t i = 0; i < points.size(); ++i) {
        const std::string problem =
            digitised_point_problem(points.time[i], points.survival[i], percent, last_time);
        if (!problem.empty()) {
            throw ReconstructionError("point " + std::to_string(i + 1) + " (time " +
                                      number_text(points.time[i]) + ", survival " +
                                      number_text(points.survival[i]) + "): " + problem);
        }
    }

    CleanedCurve out;
    std::vector<double> time = points.time;
    std::vector<double> surv = points.survival;
    if (percent) {
        for (double& s : surv) {
            s /= 100.0;
        }
        out.changes.push_back("survival read as a percentage (a value above 1.5) and divided by "
                              "100");
    }
    std::size_t moved_to_zero = 0;
    for (double& t : time) {
        if (t < 0) {
            t = 0;
            ++moved_to_zero;
        }
    }
    if (moved_to_zero > 0) {
        out.changes.push_back(points_text(moved_to_zero) + " slightly before time 0 " +
                              were(moved_to_zero) + " moved to time 0");
    }
    std::size_t clamped = 0;
    for (double& s : surv) {
        if (s < 0 || s > 1) {
            s = std::clamp(s, 0.0, 1.0);
            ++clamped;
        }
    }
    if (clamped > 0) {
        out.changes.push_back(points_text(clamped) + " slightly outside survival 0-1 " +
                              were(clamped) + " clamped into it");
    }

    std::vector<std::size_t> order(time.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    if (options.end_time) {
        const auto past =
            std::erase_if(order, [&](std::size_t i) { return time[i] > *options.end_time; });
        if (past > 0) {
            out.changes.push_back(points_text(past) + " after the time axis end " +
                                  number_text(*options.end_time) + " " + were(past) + " dropped");
        }
        if (order.empty()) {
            throw ReconstructionError("every point lies after the time axis end " +
                                      number_text(*options.end_time));
        }
    }
    const auto before = [&](std::size_t a, std::size_t b) {
        return time[a] < time[b] || (time[a] == time[b] && surv[a] > surv[b]);
    };
    if (!std::is_sorted(order.begin(), order.end(), before)) {
        std::stable_sort(order.begin(), order.end(), before);
        out.changes.push_back("points sorted by time (a vertical step read from top to bottom)");
    }
    std::size_t duplicates = 0;
    DigitisedCurve& curve = out.curve;
    for (const std::size_t i : order) {
        if (!curve.time.empty() && curve.time.back() == time[i] &&
            curve.survival.back() == surv[i]) {
            ++duplicates;
            continue;
        }
        curve.time.push_back(time[i]);
        curve.survival.push_back(surv[i]);
    }
    if (duplicates > 0) {
        out.changes.push_back(points_text(duplicates) + " repeating another exactly " +
                              were(duplicates) + " dropped");
    }
    if (!(curve.time.front() == 0 && curve.survival.front() == 1)) {
        curve.time.insert(curve.time.begin(), 0.0);
        curve.survival.insert(curve.survival.begin(), 1.0);
        out.changes.push_back("the start (0, 1) was added");
    }
    std::size_t lowered = 0;
    double largest_rise = 0;
    double running_min = 1;
    for (double& s : curve.survival) {
        if (s > running_min) {
            largest_rise = std::max(largest_rise, s - running_min);
            s = running_min;
            ++lowered;
        }
        running_min = s;
    }
    if (lowered > 0) {
        out.changes.push_back(points_text(lowered) + " rose" + " above an earlier point by up to " +
                              number_text(largest_rise) + " and " + were(lowered) +
                              " lowered to it");
    }
    // Lowering can make neighbours equal: drop the repeats it made, so that
    // each remaining point says something.
    std::size_t kept = 1;
    for (std::size_t i = 1; i < curve.size(); ++i) {
        if (curve.time[i] == curve.time[kept - 1] &&
            curve.survival[i] == curve.survival[kept - 1]) {
            continue;
        }
        curve.time[kept] = curve.time[i];
        curve.survival[kept] = curve.survival[i];
        ++kept;
    }
    curve.time.resize(kept);
    curve.survival.resize(kept);
    return out;
}

} // namespace triallens
