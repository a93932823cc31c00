#pragma once
// The four tumour-response figures behind one call, as the tab and the
// exports draw them (TumourFigureOptions::figure picks one): the waterfall,
// spider and swimmer plots (waterfall_figure.h, spider_figure.h,
// swimmer_figure.h) and duration of response, the Kaplan–Meier figure of
// the responders' durations by arm with its number-at-risk table
// (paint_km_figure over duration_of_response_panel.h). A figure the results
// cannot draw says what data it needs (tumour_figure_needs.h).

#include "document/km_figure_options.h"
#include "document/tumour_figure_options.h"

#include <triallens/analysis/results.h>

#include <QPointF>
#include <QRectF>

#include <cstdint>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

// Draws the figure into `rect` (logical coordinates), white background included.
void paint_tumour_response_figure(QPainter& painter, const QRectF& rect, const Results& results,
                                  const KmFigureOptions& options,
                                  const TumourFigureOptions& tumour);

// The subject (row in the study's SubjectTable) under `point` of the figure
// drawn in `rect`: a waterfall bar's column, a swimmer lane, the spider line
// nearest. Duration of response has none.
std::optional<std::int32_t> tumour_figure_subject_at(const QRectF& rect, const Results& results,
                                                     const KmFigureOptions& options,
                                                     const TumourFigureOptions& tumour,
                                                     const QPointF& point);

// The figure's subjects in display order (left to right, top to bottom).
std::vector<std::int32_t> tumour_figure_order(const QRectF& rect, const Results& results,
                                              const KmFigureOptions& options,
                                              const TumourFigureOptions& tumour);

} // namespace triallens::ui
