#pragma once
// What a reconstruction starts from, per arm: the survival curve as points
// read off a published Kaplan–Meier figure (by a digitiser, by tracing, or
// from a CSV made elsewhere) and the figure's number-at-risk table.
//
// Both are plain values in the figure's own time unit; nothing here is
// checked: clean_digitised_curve.h and guyot_reconstruction.h check them and
// say what is wrong.

#include <cstddef>
#include <vector>

namespace triallens {

// Points (time, survival) of one arm's curve, in any order, survival on the
// 0–1 scale or in percent (clean_digitised_curve detects which).
struct DigitisedCurve {
    std::vector<double> time;
    std::vector<double> survival;

    std::size_t size() const { return time.size(); }
};

// The published numbers at risk of one arm at the table's times. The first
// time is 0 and its number the arm's size n.
struct AtRiskTable {
    std::vector<double> time;
    std::vector<int> n_risk;

    std::size_t size() const { return time.size(); }
};

// Bounds on the input, so that the work is bounded whatever is given: a
// figure read at one point per pixel has a few thousand points; tables have
// a few dozen times; published trials have at most tens of thousands of
// patients.
inline constexpr std::size_t max_digitised_points = 100'000;
inline constexpr std::size_t max_at_risk_times = 1'000;
inline constexpr int max_reconstructed_patients = 1'000'000;

} // namespace triallens
