#pragma once
// The adverse-event dot plot (Amit, Heiberger & Lane 2008, "Graphical
// approaches to the analysis of safety data from clinical trials", Pharm
// Stat 7:20–35; HH's ae.dotplot): one row per preferred term
// (ae_figure_terms.h: incidence ≥ a threshold in some arm, or the top N),
// the term at the left; the left panel has each arm's incidence (% of its
// subjects) as a dot in the arm's colour; the right panel the compared arm
// against the reference — the risk difference in percentage points with
// its confidence interval, or the relative risk with its interval on a log
// axis — with a dashed line at no difference, rows sorted by it, largest at
// the top. Terms too long for a third of the width are cut with "…" (the
// window's tooltip and the AE table give them whole). When more rows are
// chosen than fit at a readable height, the most frequent that fit are
// drawn and the note says how many were left out.
//
// A pure layout of the rectangle, painted exactly, into any QPainter: the
// window and the exports (figure_export.h) draw the same figure.

#include "document/ae_figure_options.h"
#include "document/km_figure_options.h"
#include "models/ae_figure_terms.h"
#include "views/tumour_figure_frame.h"

#include <triallens/analysis/results.h>

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

struct AeDotPlotRow {
    AeFigureTerm term;
    QString label; // the term, cut with "…" when too long
    QRectF band;   // the row across the labels and both panels
    double y = 0;
    std::vector<QPointF> dots; // per arm, in the incidence panel
    bool has_estimate = false;
    double estimate_x = 0;
    double lower_x = 0;
    double upper_x = 0;
    bool lower_cut = false; // the interval runs past the axis
    bool upper_cut = false;
};

struct AeDotPlotLayout {
    QString missing; // not "": the figure is this text
    TumourFigureFrame frame;
    AeRiskScale scale = AeRiskScale::Difference;
    std::size_t compared = 0;
    std::size_t reference = 0;
    QRectF labels; // the terms' column
    QRectF incidence_plot;
    QRectF risk_plot;
    NumericAxis incidence_axis;
    NumericAxis risk_axis; // log10 of the ratio on the ratio scale
    QString incidence_title;
    QString risk_title;
    double no_difference_x = 0;
    std::vector<AeDotPlotRow> rows;
};

AeDotPlotLayout layout_ae_dot_plot(const QRectF& rect, const Results& results,
                                   const KmFigureOptions& options, const AeFigureOptions& ae);

void paint_ae_dot_plot(QPainter& painter, const QRectF& rect, const Results& results,
                       const KmFigureOptions& options, const AeFigureOptions& ae);

// The row whose band holds `point`, or nullptr.
const AeDotPlotRow* ae_dot_plot_row_at(const AeDotPlotLayout& layout, const QPointF& point);

// An axis symmetric about 0 reaching at least ±`reach`, ending on ticks:
// the risk-difference axes of both AE figures, so "more with the compared
// arm" always reads to the right of the centre.
NumericAxis symmetric_axis(double reach, int max_ticks);

// What the AE figures say instead of drawing: no AE table (and why), one
// arm, or no relative risks (`needs_p`: the volcano); "" when they can draw.
QString ae_figure_missing_text(const Results& results, bool needs_p);

} // namespace triallens::ui
