#pragma once
// The cumulative-incidence figure of competing risks: one panel per cause
// (the cause of interest first), each the arms' Aalen–Johansen curves with
// the KM figure's options and layout rules — CI bands, censor marks, the
// number-at-risk table and its styles, axis limits and breaks, percent, the
// 45% plot rule (incidence_panel.h says what each panel shows). Panels sit
// side by side or stacked. Without competing risks in the results, the
// figure says how to ask for them. One routine for the widget and the exports.

#include "document/cif_arrangement.h"
#include "document/km_figure_options.h"
#include "models/incidence_panel.h"

#include <triallens/analysis/results.h>

#include <QRectF>
#include <QString>
#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

// Where each panel goes in `rect`, in panel order (incidence_panel_causes).
std::vector<QRectF> cif_panel_rects(const QRectF& rect, std::size_t panels,
                                    CifArrangement arrangement);

// The options each panel is drawn with: `options` with the y axis on the
// cumulative scale and no median lines (the panels have none).
KmFigureOptions cif_panel_options(const KmFigureOptions& options);

// The panels as drawn in cif_panel_rects(): side by side, their plots start
// level (KmFigureText::plot_top_at_least at the lowest of their own tops).
std::vector<IncidencePanel> cif_panels(const QRectF& rect, const Results& results,
                                       const KmFigureOptions& options, CifArrangement arrangement);

// What the figure says when the results hold no competing risks.
QString cif_missing_text(const Results& results);

// Draws the figure into `rect` (logical coordinates), white background
// included. The options' y scale and median lines are overridden: the
// panels plot cumulative incidence and have no median.
void paint_cif_figure(QPainter& painter, const QRectF& rect, const Results& results,
                      const KmFigureOptions& options = {},
                      CifArrangement arrangement = CifArrangement::SideBySide);

} // namespace triallens::ui
