#pragma once
// The plot part of the Kaplan–Meier figure as a Qt Charts chart: a step curve
// per curve, optional translucent stepped CI bands, "+" censor marks, dashed
// median drop lines, and the axes. The chart has no title and no legend: the
// figure draws those itself (Qt Charts truncates long legend text), together
// with the number-at-risk table under the time axis (km_figure.h).

#include "document/km_figure_options.h"

#include <triallens/analysis/results.h>

#include <QColor>
#include <QFont>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace triallens::ui {

// The curves the figure draws: Results::curve_groups when filled, else the arms.
const std::vector<ArmSurvival>& figure_curves(const Results& results);

// How curve `index` of figure_curves() is drawn. Arms: curve_colour() and
// curve_pen_style() by the arm's place. Curve groups (arm × level): the
// colour of their arm (arm_colour() by the arm's place in Results::arms) and
// a line style per level (solid, dash, dot, dash-dot, dash-dot-dot, in the
// order the levels first appear), so the curves group by arm.
struct KmCurveStyle {
    QColor colour;
    Qt::PenStyle line = Qt::SolidLine;
};
KmCurveStyle km_curve_style(const Results& results, std::size_t index, Palette palette);

// The last time any curve of the figure reaches (0 without curves).
double km_last_time(const Results& results);

// Where the time axis ends for ticks every `step`: the first tick at or past
// `last_time`. A last time past a tick by less than 0.5% of the axis (36.04
// months at a tick of 36: a 0.1% sliver, under a pixel at any figure size)
// counts as at it, rather than adding a whole empty interval. The one place
// the axis's end is decided, for a later x-limit option to override.
double km_axis_maximum(double last_time, double step);

// The time axis: from 0 to options.x_limit when set, else to
// km_axis_maximum() of the data's last time; ticks every step from the anchor
// 0. The step is options.break_by, or the smallest whole multiple of it that
// gives at most `max_intervals` intervals; without break_by it is 1, 2, 3, 6
// or 12 × a power of ten (then 24, 30, 60) giving at most `max_intervals`
// intervals (12; the figure's layout asks for fewer when the labels would not
// fit a narrow plot, as at a journal column's width). Labels have as many
// decimals as the step needs (at most 3).
struct KmTimeAxis {
    double step = 1;
    double maximum = 1;
    int decimals = 0;
    std::vector<double> ticks;
};
KmTimeAxis km_time_axis(const Results& results, const KmFigureOptions& options = {},
                        int max_intervals = 12);

// A tick's label as the time axis shows it.
QString km_tick_label(const KmTimeAxis& axis, double tick);

// A survival probability where the y axis puts it: 1 − S for the cumulative
// incidence, × 100 in percent (km_figure_options.h).
double km_y_value(const KmFigureOptions& options, double survival);

// Object names of the chart's series, to tell them apart.
inline constexpr const char* km_curve_series = "curve";
inline constexpr const char* km_censor_series = "censor marks";
inline constexpr const char* km_band_series = "ci band";
inline constexpr const char* km_median_series = "median line";

// The width of the curves' lines, which follows the font so that a figure
// exported with a larger font keeps its proportions.
double km_curve_width(const QFont& font);

// A new chart (the caller owns it) with every text in `font`. Curve series are
// named by arm_legend_text() (the figure's legend, not the chart's, shows it).
QChart* build_km_chart(const Results& results, const KmFigureOptions& options, const QFont& font);

} // namespace triallens::ui
