#pragma once
// The spider plot: each subject's % change from baseline over time
// (SubjectTumourResponse::pchg_over_time, from 0 % at time 0) as a line,
// coloured by best overall response (best_response_colours.h) or by arm,
// dashed reference lines at +20 % and −30 %, time in the results' unit. The
// y axis follows the waterfall's rule (−100 % to at most +100 %); lines
// beyond run off the top, clipped, and the note says how many. Subjects
// without a post-baseline measurement have no line and are counted in the
// note. The legend lists each colour with its count of lines.

#include "document/km_figure_options.h"
#include "document/tumour_figure_options.h"
#include "views/tumour_figure_frame.h"

#include <triallens/analysis/results.h>

#include <QColor>
#include <QPolygonF>

#include <cstdint>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

struct SpiderLine {
    std::size_t entry = 0; // index into TumourResponse::subjects
    QPolygonF points;      // unclipped: values beyond the axis lie above the plot
    QColor colour;
    // Drawn from the highest layer down, so the deepest responses (CR, then
    // PR …) are on top of the many progressing lines; by arm, the first arm on top.
    std::size_t layer = 0;
};

struct SpiderLayout {
    QString missing; // not "": the figure is this text (tumour_figure_needs.h)
    TumourFigureFrame frame;
    QRectF plot;
    NumericAxis x;
    NumericAxis y;
    QString x_title;
    QString y_title;
    double y_title_left = 0;
    std::vector<SpiderLine> lines;   // in the subjects' order
    std::vector<std::int32_t> order; // the subjects of the lines
};

SpiderLayout layout_spider_figure(const QRectF& rect, const Results& results,
                                  const KmFigureOptions& options,
                                  const TumourFigureOptions& tumour);

void paint_spider_figure(QPainter& painter, const QRectF& rect, const Results& results,
                         const KmFigureOptions& options, const TumourFigureOptions& tumour);

// The subject whose line passes nearest `point`, within half an em.
std::optional<std::int32_t> spider_subject_at(const SpiderLayout& layout, const Results& results,
                                              const QPointF& point);

} // namespace triallens::ui
