#pragma once
// Where everything of the Kaplan–Meier figure goes in a rectangle: title,
// annotation, legend, the chart and its plot area, and the number-at-risk
// table whose columns sit under the time axis's ticks. A pure function of the
// rectangle, the results and the options, so the widget, the exports and the
// tests read one layout; paint_km_figure() draws exactly this.
//
// Top to bottom: title (endpoint, and the synthetic-data label), annotation
// (hazard_ratio_text), legend (arm_legend_text per curve, wrapped rather than
// truncated; two columns when every entry fits on one line there), the plot,
// the time axis, then the table's sections ("Number at risk", optionally
// "Cumulative events" and "Cumulative censored"), one row per curve labelled
// in the curve's colour left of the plot area. When the table would squeeze
// the plot below a quarter of the figure, its font shrinks (to 70% of the
// base, at least 7 px), then optional sections are dropped, last first.
// Coordinates are the painter's logical pixels; fonts have pixel sizes (the
// base font's points at 96 dpi) so the layout is the same on every device.

#include "views/km_figure_options.h"

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
    QString text; // arm_legend_text(), whole
    QColor colour;
    Qt::PenStyle style = Qt::SolidLine; // the curve's line style
    QRectF swatch;                      // the line sample, drawn across its vertical middle
    QRectF text_rect;                   // holds the text word-wrapped in layout.font
};

struct KmTableRow {
    QString label; // the curve's name (elided when it would take over the figure)
    QColor colour;
    QRectF label_rect;          // right-aligned to the plot area's left edge
    QRectF rect;                // the row's band across the figure
    std::vector<QString> cells; // one per tick, centred on column_x
};

struct KmTableSection {
    QString title;
    QRectF title_rect;
    std::vector<KmTableRow> rows;
};

struct KmFigureLayout {
    QRectF figure;
    QFont font;       // axes, legend, annotation
    QFont title_font; // bold, a little larger
    QFont table_font;
    QString title;
    QRectF title_rect;
    QString synthetic_label; // "" unless the data are synthetic
    QRectF synthetic_rect;
    QString annotation;
    QRectF annotation_rect;
    std::vector<KmLegendEntry> legend;
    QRectF chart_rect; // the chart's geometry (scene = figure coordinates)
    QRectF plot_area;
    std::vector<double> ticks;    // time values of the x axis's ticks
    std::vector<double> tick_x;   // their x, from the chart's own mapping
    std::vector<double> column_x; // centres of the table's columns
    std::vector<KmTableSection> table;
    int dropped_sections = 0; // optional sections left out for lack of room
};

// The figure's base font: the options' size and family, else the application's.
QFont km_figure_font(const KmFigureOptions& options);

// Lays out `chart` (built by build_km_chart with km_figure_font(options)):
// sets its geometry and plot area, and reads the tick positions from it.
KmFigureLayout layout_km_figure(QChart& chart, const QRectF& rect, const Results& results,
                                const KmFigureOptions& options);

// The same with a chart of its own, for callers that only need the geometry.
KmFigureLayout layout_km_figure(const QRectF& rect, const Results& results,
                                const KmFigureOptions& options);

} // namespace triallens::ui
