#pragma once
// The marks of the Kaplan–Meier figure a pointer can be on: a censor mark
// (the "+" at a censored time, on the curve's level there) or an event step
// (the vertical drop at an event time, from the level before to the level
// after). Read off the same layout the figure is painted from, so a point
// found here is where the figure draws the mark.

#include "document/km_figure_options.h"
#include "views/km_figure_layout.h"

#include <triallens/analysis/results.h>

#include <QPointF>

#include <cstddef>
#include <optional>

namespace triallens::ui {

struct KmFigureMark {
    std::size_t curve = 0; // index into figure_curves()
    double time = 0;       // the curve's time, exactly as KaplanMeier holds it
    bool event = false;    // an event step; false: a censor mark
};

// Where (time, survival) is drawn in the figure's coordinates: the chart's
// plot area spans 0..time_maximum and the y axis's range (km_y_value()).
QPointF km_figure_point(const KmFigureLayout& layout, const KmFigureOptions& options, double time,
                        double survival);

// The mark nearest `position` within `tolerance` pixels, or nullopt. Censor
// marks only count while the figure shows them; a point on both a mark and a
// step takes the nearer. Times past the axis's end are not drawn, so not found.
std::optional<KmFigureMark> km_mark_at(const KmFigureLayout& layout, const Results& results,
                                       const KmFigureOptions& options, QPointF position,
                                       double tolerance);

} // namespace triallens::ui
