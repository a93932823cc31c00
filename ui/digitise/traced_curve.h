#pragma once
// A curve read off a published Kaplan–Meier figure, in data units: what a
// digitiser exports and what the reconstruction (Guyot et al. 2012) takes.
// The points are the step function's corners, left to right: the start,
// then for each drop two points at its time (the level before, then the
// level after), then the end of the last level. Time never decreases and
// survival (0–1) never increases along them.

#include <triallens/reconstruct/digitised_curve.h>

#include <QString>

#include <vector>

namespace triallens::ui {

struct CurvePoint {
    double time = 0;
    double survival = 1; // 0–1, whatever the figure's axis showed (0–1 or %)
};

// The points, or why there are none (error non-empty: then points is empty).
struct TracedCurve {
    std::vector<CurvePoint> points;
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// The points as the reconstruction takes them (core's DigitisedCurve:
// triallens/reconstruct/digitised_curve.h); empty for a curve with an error.
DigitisedCurve digitised_curve(const TracedCurve& traced);

// The step function the corners describe, right-continuous as a KM curve is:
// at a drop's time the level after it. Before the first point: the first
// point's level; after the last: the last level. 1 for no points.
double step_survival_at(const std::vector<CurvePoint>& corners, double time);

// The times of the drops (each pair of points at one time with a lower
// level after), in order.
std::vector<double> step_drop_times(const std::vector<CurvePoint>& corners);

// Corners from a sequence of levels: `levels` are (start time, survival) of
// successive horizontal runs, non-increasing; `end` is where the last run
// ends. A run no lower than the one before is merged into it.
std::vector<CurvePoint> step_corners(const std::vector<CurvePoint>& levels, double end);

} // namespace triallens::ui
