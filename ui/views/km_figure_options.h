#pragma once
// What the Kaplan–Meier figure shows: a value the view, the exporters and the
// command line fill in and hand to paint_km_figure(). Changing it never needs
// a refit: everything it toggles is already in Results.

#include "models/palette.h"

#include <QString>

namespace triallens::ui {

struct KmFigureOptions {
    bool ci_bands = false;     // translucent stepped pointwise CI per curve
    bool median_lines = true;  // dashed drop lines at S = 0.5 for each reached median
    bool censor_marks = true;  // "+" at times with a censoring
    bool at_risk_row = true;   // the number-at-risk table under the plot
    bool censored_row = false; // cumulative censored, per curve
    bool events_row = false;   // cumulative events, per curve
    // Base font of everything in the figure (axes, legend, table, annotation);
    // 0 and "" take the application font's size and family.
    double font_point_size = 0;
    QString font_family;
    // Curve colours and line styles (palette.h); the screen uses Default.
    Palette palette = Palette::Default;

    friend bool operator==(const KmFigureOptions&, const KmFigureOptions&) = default;
};

} // namespace triallens::ui
