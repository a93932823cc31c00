#pragma once
// Cleans a digitised Kaplan–Meier curve before it is reconstructed, and says
// in words what it changed. Digitised points are never a clean step
// function: a click lands a pixel above the previous one, the curve is read
// twice, the scale is in percent, the start (0, 1) was not clicked. Tools
// that crash or invent deaths on such points are the known pain this avoids.
//
// In order:
//   1. Garbage is an error naming the point (1-based, in the order given):
//      a time or survival that is not a finite number, a time below 0 by
//      more than 0.5 % of the last time, a survival far outside its scale
//      (below -0.05 or above 1.05 on the 0–1 scale; -5 and 105 in percent).
//      No points, or more than max_digitised_points, is an error too.
//   2. Scale: any survival above 1.5 means the points are in percent; all
//      are divided by 100 (said).
//   3. A time slightly below 0 (a click on the axis) becomes 0; a survival
//      slightly outside [0, 1] is clamped into it (counted and said).
//   4. Points after `end_time` (the figure's time axis end, when the caller
//      knows it) are dropped (said).
//   5. Sorted by time, and at equal times by survival from high to low: a
//      vertical step read top then bottom (said when the order changed).
//   6. Exact duplicates (same time and survival) are dropped (counted).
//   7. Anchored: (0, 1) is added when no point is there (said). A curve whose
//      first point is (0, S < 1) then drops at time 0, as a KM curve with
//      events at time 0 does.
//   8. Monotone: a point above the running minimum of the points before it
//      is lowered to it; how many and the largest rise are said.

#include "triallens/reconstruct/digitised_curve.h"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace triallens {

struct CurveCleaningOptions {
    // The end of the figure's time axis: points after it are dropped. Absent:
    // no point is dropped for its time.
    std::optional<double> end_time;
};

struct CleanedCurve {
    DigitisedCurve curve;             // sorted, 0–1, monotone, starting at (0, 1)
    std::vector<std::string> changes; // each change made, as a sentence
};

// Whether survival values are in percent: any of them above 1.5.
bool survival_in_percent(std::span<const double> survival);

// What makes one point garbage (step 1 above), or "" when it is usable.
// `last_time` is the largest time of the curve (for the tolerance below 0).
std::string digitised_point_problem(double time, double survival, bool percent, double last_time);

// Throws ReconstructionError (reconstruction_error.h) for garbage.
CleanedCurve clean_digitised_curve(const DigitisedCurve& points,
                                   const CurveCleaningOptions& options = {});

} // namespace triallens
