#pragma once
// The duration-of-response figure in the terms the Kaplan–Meier figure's
// layout draws (km_figure_layout.h), so that it has the KM figure's options,
// number-at-risk table and layout rules: per arm with responders, the
// core's Kaplan–Meier of the responders' durations (TumourResponse's `dor`)
// and its median as the curve; the title "Duration of response", a legend of
// each arm with its responders, events and median (CI), and an annotation
// saying where the durations come from. Repackaging, not estimating: every
// number is read off Results.

#include "models/km_figure_text.h"

#include <triallens/analysis/results.h>

namespace triallens::ui {

struct DurationOfResponsePanel {
    Results results; // arms: one curve per arm with a `dor`
    KmFigureText text;
};

DurationOfResponsePanel duration_of_response_panel(const Results& results);

// Whether any arm has a duration-of-response curve to draw.
bool has_duration_of_response(const Results& results);

} // namespace triallens::ui
