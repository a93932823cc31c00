#pragma once
// The waterfall plot: one bar per subject with a best % change from
// baseline (waterfall_bars.h: largest increase left, deepest shrinkage
// right), coloured by best overall response (best_response_colours.h) or by
// arm, in one panel per arm side by side (each as wide as its bars, so bars
// are equally wide in every panel) or one panel interleaved. Dashed
// reference lines at +20 % (RECIST progression) and −30 % (partial
// response), a solid line at 0. The y axis runs from −100 % to the next
// 20 % past the largest increase, at least +40 % and at most +100 %: a bar
// beyond is cut at the top and marked with a small triangle, and the panel's
// note counts them. Thousands of subjects stay readable: bars touch once
// they are narrower than 3 px, no bar has a label, and each is painted at
// least one device pixel wide, so a dense panel is filled, never empty. The
// legend lists each colour with its count and each arm with n and ORR; each
// panel's note counts its subjects without a post-baseline measurement.

#include "document/km_figure_options.h"
#include "document/tumour_figure_options.h"
#include "views/tumour_figure_frame.h"

#include <triallens/analysis/results.h>

#include <QColor>
#include <QRectF>
#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

struct WaterfallPanelLayout {
    std::optional<std::size_t> arm; // nullopt: every arm interleaved
    QString header;                 // the arm's name; "" interleaved
    QRectF header_rect;
    QRectF plot;
    std::vector<std::size_t> entries; // index into TumourResponse::subjects, left to right
    std::vector<QRectF> bars;         // from the 0 line to the value (cut at the top)
    std::vector<QColor> colours;
    std::vector<bool> beyond; // cut at the axis's top
    QString note;
    QRectF note_rect;
};

struct WaterfallLayout {
    QString missing; // not "": the figure is this text (tumour_figure_needs.h)
    TumourFigureFrame frame;
    NumericAxis y;
    QString y_title;
    double y_title_left = 0;
    std::vector<WaterfallPanelLayout> panels;
    std::vector<std::int32_t> order; // the subjects left to right, panel after panel
};

WaterfallLayout layout_waterfall_figure(const QRectF& rect, const Results& results,
                                        const KmFigureOptions& options,
                                        const TumourFigureOptions& tumour);

void paint_waterfall_figure(QPainter& painter, const QRectF& rect, const Results& results,
                            const KmFigureOptions& options, const TumourFigureOptions& tumour);

// The subject (SubjectTable row) whose bar's column holds `point`.
std::optional<std::int32_t> waterfall_subject_at(const WaterfallLayout& layout,
                                                 const Results& results, const QPointF& point);

} // namespace triallens::ui
