#pragma once
// The CONSORT-style flow of patients (Results::disposition, disposition.h):
// a box with every randomised subject at the top, arrows to one column per
// arm, and in each column a box per group of stages, top to bottom —
// randomised (headed by the arm), treated, treatment status (ongoing,
// completed, discontinued with its reasons listed), study status (the same
// for the study) — each stage with "n = …", a reason only where the arm has
// it. Boxes of one group share a height across arms, so the rows line up.
// Text wraps at its spaces (wrapped_text.h) inside boxes as wide as the
// arms' columns allow, and when the whole does not fit the height the font
// steps down (to 6 px at the least) rather than clip, so three arms and
// 40-character reasons fit a journal column. A pure layout of the
// rectangle; painting draws exactly it, on screen and in every export.

#include "document/km_figure_options.h"
#include "views/tumour_figure_frame.h"

#include <triallens/analysis/results.h>

#include <QFont>
#include <QPolygonF>
#include <QRectF>
#include <QString>

#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

struct DispositionFlowLine {
    QString text;
    bool bold = false;
    bool reason = false;  // indented under its stage
    bool centred = false; // the top box's words
    QRectF rect;          // the text wrapped to its width
};

struct DispositionFlowBox {
    QRectF rect;
    std::vector<DispositionFlowLine> lines;
};

struct DispositionFlowLayout {
    QString missing; // not "": the figure is this text
    TumourFigureFrame frame;
    QFont font;                          // the boxes' text, maybe smaller than the frame's
    bool fits = true;                    // false: even the smallest font overflows the body
    std::vector<DispositionFlowBox> top; // every randomised subject (none without the stage)
    // rows[group][arm]: a group of stages, one box per arm.
    std::vector<std::vector<DispositionFlowBox>> rows;
    std::vector<QPolygonF> arrows; // each ends at the box it points to
};

DispositionFlowLayout layout_disposition_flow(const QRectF& rect, const Results& results,
                                              const KmFigureOptions& options);

void paint_disposition_flow(QPainter& painter, const QRectF& rect, const Results& results,
                            const KmFigureOptions& options);

} // namespace triallens::ui
