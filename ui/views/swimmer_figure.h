#pragma once
// The swimmer plot: one lane per subject (swimmer_lanes.h), the longest
// treatment on top, a bar from 0 to the subject's treatment days in its
// arm's colour, and markers in ink that differ by shape: a triangle at the
// first CR or PR, a diamond at progression, a cross at death, an arrow past
// the bar's end while treatment is ongoing at the data cut. Responders only
// on request. With few subjects each lane is labelled with its USUBJID;
// when the lanes get thinner than a line of text the labels go and the y
// axis says how many subjects there are. Bars are painted at least one
// device pixel high (paint_snapped_bars), so hundreds of lanes stay visible.

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

struct SwimmerMarker {
    LegendMark mark = LegendMark::Triangle; // Triangle, Diamond, Cross or Arrow
    QRectF box;
};

struct SwimmerLaneLayout {
    std::size_t entry = 0; // index into TumourResponse::subjects
    QRectF lane;           // the lane's band across the plot
    QRectF bar;
    QColor colour;
    QString label; // USUBJID when labelled
    QRectF label_rect;
    std::vector<SwimmerMarker> markers;
};

struct SwimmerLayout {
    QString missing; // not "": the figure is this text (tumour_figure_needs.h)
    TumourFigureFrame frame;
    QRectF plot;
    NumericAxis x;
    QString x_title;
    QString y_title; // "" when the lanes are labelled
    double y_title_left = 0;
    bool labelled = false;
    QFont label_font;
    std::vector<SwimmerLaneLayout> lanes; // top to bottom
    std::vector<std::int32_t> order;
};

SwimmerLayout layout_swimmer_figure(const QRectF& rect, const Results& results,
                                    const KmFigureOptions& options,
                                    const TumourFigureOptions& tumour);

void paint_swimmer_figure(QPainter& painter, const QRectF& rect, const Results& results,
                          const KmFigureOptions& options, const TumourFigureOptions& tumour);

// The subject whose lane (its label included) holds `point`.
std::optional<std::int32_t> swimmer_subject_at(const SwimmerLayout& layout, const Results& results,
                                               const QPointF& point);

} // namespace triallens::ui
