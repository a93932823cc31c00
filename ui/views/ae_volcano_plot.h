#pragma once
// The adverse-event volcano plot: one point per preferred term
// (ae_figure_terms.h) — x the risk difference of the compared arm against
// the reference in percentage points, y −log10 of Fisher's exact p — its
// area proportional to the events (records) of the two arms, its colour the
// direction (the compared arm's colour when the term is more frequent with
// it, the reference's when less, grey at no difference), a dashed line at
// p = 0.05. The most extreme terms are labelled (smallest p first, then
// largest |difference|), each label beside its point where it overlaps no
// other label and stays inside the plot; a term that finds no such place is
// left unlabelled rather than drawn over another.
//
// A pure layout of the rectangle, painted exactly, into any QPainter.

#include "document/ae_figure_options.h"
#include "document/km_figure_options.h"
#include "models/ae_figure_terms.h"
#include "views/tumour_figure_frame.h"

#include <triallens/analysis/results.h>

#include <QColor>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

struct AeVolcanoPoint {
    AeFigureTerm term;
    QPointF centre;
    double radius = 0;
    QColor colour;
    QString label;     // "" when not labelled
    QRectF label_rect; // where the label is drawn
};

struct AeVolcanoLayout {
    QString missing;
    TumourFigureFrame frame;
    std::size_t compared = 0;
    std::size_t reference = 0;
    QRectF plot;
    NumericAxis x;
    NumericAxis y;
    QString x_title;
    QString y_title;
    double y_title_left = 0;
    double p05_y = 0;                   // the dashed line at p = 0.05
    std::vector<AeVolcanoPoint> points; // drawn in this order: larger first
};

// At most this many labels, so the plot never becomes a page of words.
inline constexpr std::size_t ae_volcano_max_labels = 12;

AeVolcanoLayout layout_ae_volcano_plot(const QRectF& rect, const Results& results,
                                       const KmFigureOptions& options, const AeFigureOptions& ae);

void paint_ae_volcano_plot(QPainter& painter, const QRectF& rect, const Results& results,
                           const KmFigureOptions& options, const AeFigureOptions& ae);

// The point under `point` (the smallest whose disc, a few pixels wider, holds
// it), or nullptr.
const AeVolcanoPoint* ae_volcano_point_at(const AeVolcanoLayout& layout, const QPointF& point);

} // namespace triallens::ui
