#pragma once
// The Kaplan–Meier figure a statistician puts on a slide: the plot (step
// curves, optional CI bands, censor marks, median drop lines; Qt Charts),
// title with the synthetic-data label, the hazard-ratio annotation, a legend
// that is never truncated, and the number-at-risk table aligned with the time
// axis. One routine draws it into any QPainter at any rectangle, so the
// widget, the PNG export (and SVG/PDF) share every pixel of the layout
// (km_figure_layout.h).

#include "document/km_figure_options.h"
#include "models/km_figure_text.h"
#include "views/km_chart.h"
#include "views/km_figure_layout.h"

#include <triallens/analysis/results.h>

#include <QImage>
#include <QRectF>
#include <QSize>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

// Draws the whole figure into `rect` (in the painter's logical coordinates),
// white background included. Needs a QGuiApplication. `text` replaces the
// title, annotation and legend (layout_km_figure).
void paint_km_figure(QPainter& painter, const QRectF& rect, const Results& results,
                     const KmFigureOptions& options = {}, const KmFigureText* text = nullptr);

// Draws the figure offscreen (needs a QApplication): laid out at `size` in
// device-independent pixels, rendered at `scale` times that many pixels.
QImage render_km_figure(const Results& results, QSize size, qreal scale = 1,
                        const KmFigureOptions& options = {});

} // namespace triallens::ui
