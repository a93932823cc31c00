#include "digitise/traced_curve.h"

namespace triallens::ui {

DigitisedCurve digitised_curve(const TracedCurve& traced) {
    DigitisedCurve curve;
    curve.time.reserve(traced.points.size());
    curve.survival.reserve(traced.points.size());
    for (const CurvePoint& point : traced.points) {
        curve.time.push_back(point.time);
        curve.survival.push_back(point.survival);
    }
    return curve;
}

double step_survival_at(const std::vector<CurvePoint>& corners, double time) {
    if (corners.empty()) {
        return 1;
    }
    double level = corners.front().survival;
    for (const CurvePoint& point : corners) {
        if (point.time > time) {
            break;
        }
        level = point.survival;
    }
    return level;
}

std::vector<double> step_drop_times(const std::vector<CurvePoint>& corners) {
    std::vector<double> times;
    for (std::size_t i = 1; i < corners.size(); ++i) {
        if (corners[i].time == corners[i - 1].time &&
            corners[i].survival < corners[i - 1].survival) {
            times.push_back(corners[i].time);
        }
    }
    return times;
}

std::vector<CurvePoint> step_corners(const std::vector<CurvePoint>& levels, double end) {
    std::vector<CurvePoint> corners;
    for (const CurvePoint& level : levels) {
        if (corners.empty()) {
            corners.push_back(level);
            continue;
        }
        if (level.survival >= corners.back().survival) {
            continue;
        }
        const double before = corners.back().survival;
        corners.push_back({level.time, before});
        corners.push_back(level);
    }
    if (!corners.empty() && end > corners.back().time) {
        corners.push_back({end, corners.back().survival});
    }
    return corners;
}

} // namespace triallens::ui
