#pragma once
// Where everything of the Kaplan–Meier figure goes in a rectangle: title,
// annotation, legend, the chart and its plot area, and the number-at-risk
// table whose columns sit under the time axis's ticks. A pure function of the
// rectangle, the results and the options, so the widget, the exports and the
// tests read one layout; paint_km_figure() draws exactly this.
//
// Top to bottom: title (endpoint; wrapped at spaces, never elided) with the
// synthetic-data label, annotation (hazard_ratio_text), legend (one entry per
// curve, wrapped; two columns when every entry fits on one line there), the
// plot, the time axis, then the table's sections ("Number at risk", or
// "Number at risk (cumulative events)" with cells "112 (35)", optionally
// "Cumulative events" and "Cumulative censored"), one row per curve labelled
// with its name in the curve's colour. The KMunicate table has instead a
// section per curve, titled with its name in its colour, with rows "At risk",
// "Censored" and "Events" (KmRiskTable, km_figure_options.h). Text wraps at plain
// spaces only (wrapped_text.h) and is never cut: numbers stay with their
// labels and CIs stay whole, and arm names are never elided.
//
// The one rule for room, at every size:
//  1. The plot area keeps at least 45% of the figure's height
//     (km_minimum_plot_share).
//  2. To make room, first the table's font shrinks, a pixel at a time, to its
//     floor (70% of the base font, at least 7 px); then optional sections are
//     dropped, last first (cumulative censored, then cumulative events; a
//     KMunicate table gives way to one row per curve of "86 (7) [3]", at
//     risk (cumulative events) [cumulative censored], then to "86 (7)"); then
//     the annotation's and legend's font shrinks to the same floor; then the
//     legend keeps only the curves' names (n, events and median go; the
//     names stay whole); then, when the table's labels are on lines of their
//     own (3.), the legend moves into the table: each label gets its curve's
//     line sample and the legend above the plot goes; then, with several
//     arms compared, the annotation gives way to the overall test alone
//     (hazard_ratio_short_text: the arms' hazard ratios go before the
//     number at risk does). Only if all that is not enough does the number
//     at risk go (the annotation whole again if that leaves it room), and
//     the plot takes what is left.
//  3. The table's row labels sit left of the plot area when the widest fits
//     on one line in 30% of the width (km_maximum_label_share); otherwise
//     each label goes on its own line above its row, wrapped, and the plot
//     takes the full width.
//  4. The time axis ends at the x-limit or where km_axis_maximum() says
//     (km_time_axis, km_chart.h); its ticks thin out (a wider step, a whole
//     multiple of a break interval the user set) until their labels, and
//     the table's numbers 0.8 em apart, fit between them; the table's columns
//     are centred on the ticks.
//  5. The y axis (survival or cumulative incidence, as a proportion or in
//     percent) keeps ticks every 0.2 (20%) while they are 1.5 lines apart,
//     else every 0.25 (25%) — never fewer. Its default title shortens
//     ("Survival") before it goes; a title the user typed is whole or gone.
// Coordinates are the painter's logical pixels; fonts have pixel sizes (the
// base font's points at 96 dpi) so the layout is the same on every device.

#include "document/km_figure_options.h"
#include "models/km_figure_text.h"

#include <triallens/analysis/results.h>

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace triallens::ui {

struct KmLegendEntry {
    QString text; // arm_legend_text() (or curve_name()), whole
    QColor colour;
    Qt::PenStyle style = Qt::SolidLine; // the curve's line style
    QRectF swatch;                      // the line sample, drawn across its vertical middle
    QRectF text_rect;                   // holds the text word-wrapped in layout.font
};

inline constexpr double km_minimum_plot_share = 0.45;
inline constexpr double km_maximum_label_share = 0.30;

struct KmTableRow {
    QString label; // the curve's name, whole
    QColor colour;
    // Right-aligned to the plot area's left edge on the row's line, or (when
    // KmFigureLayout::labels_above) on lines of its own above the row, wrapped.
    QRectF label_rect;
    QRectF swatch; // with legend_in_table: the curve's line sample before the label
    Qt::PenStyle style = Qt::SolidLine;
    QRectF rect;                    // the row's band of numbers across the figure
    std::vector<QString> cells;     // one per tick
    std::vector<QRectF> cell_rects; // each centred on its column_x
};

struct KmTableSection {
    QString title;       // whole; wrapped in the table font, bold, to title_rect's width
    QColor title_colour; // the curve's, for a KMunicate section; invalid: ink
    QRectF title_rect;
    std::vector<KmTableRow> rows;
};

struct KmFigureLayout {
    QRectF figure;
    QFont font;       // the base font: axes
    QFont text_font;  // annotation and legend (the base font unless shrunk for room)
    QFont title_font; // bold, a little larger
    QFont table_font;
    QString title; // km_figure_title(), whole; wrapped in title_font to title_rect's width
    QRectF title_rect;
    QString caveat_label; // data_caveat.h, wrapped in caveat_rect; "" for a trial's own data
    QRectF caveat_rect;
    QString annotation; // hazard_ratio_text(), or its short form (annotation_short)
    QRectF annotation_rect;
    std::vector<KmLegendEntry> legend;
    QRectF chart_rect; // the chart's geometry (scene = figure coordinates)
    QRectF plot_area;
    std::vector<double> ticks;    // time values of the x axis's ticks
    int tick_decimals = 0;        // of their labels
    double time_maximum = 1;      // where the time axis ends (an x-limit, or past the last tick)
    std::vector<double> tick_x;   // their x, from the chart's own mapping
    std::vector<double> column_x; // centres of the table's columns
    std::vector<KmTableSection> table;
    int dropped_sections = 0;       // optional sections left out for lack of room
    bool table_simplified = false;  // not the table asked for: sections dropped, or
                                    // a KMunicate table given way (rule 2)
    bool labels_above = false;      // the table's row labels on lines above their rows
    bool legend_names_only = false; // the legend shows curve_name(), not arm_legend_text()
    bool legend_in_table = false;   // no legend: the table's labels carry the line samples
    bool annotation_short = false;  // hazard_ratio_short_text(): the arms' HRs gave way (rule 2)
    int y_tick_count = 6;           // 6: every 0.2; 5: every 0.25
};

// The figure's base font: the options' size and family, else the application's.
QFont km_figure_font(const KmFigureOptions& options);

// Lays out `chart` (built by build_km_chart with km_figure_font(options)):
// sets its geometry and plot area, and reads the tick positions from it.
// `text`, when given, replaces the KM figure's title, annotation and legend
// (one entry per curve) under the same rules.
KmFigureLayout layout_km_figure(QChart& chart, const QRectF& rect, const Results& results,
                                const KmFigureOptions& options, const KmFigureText* text = nullptr);

// The same with a chart of its own, for callers that only need the geometry.
KmFigureLayout layout_km_figure(const QRectF& rect, const Results& results,
                                const KmFigureOptions& options, const KmFigureText* text = nullptr);

} // namespace triallens::ui
