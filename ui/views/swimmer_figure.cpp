#include "views/swimmer_figure.h"

#include "models/palette.h"
#include "models/swimmer_lanes.h"
#include "models/tumour_figure_needs.h"
#include "views/km_figure_layout.h"
#include "views/wrapped_text.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace triallens::ui {

namespace {

const QColor ink(0x22, 0x22, 0x22);

QString unbroken(QString text) {
    return text.replace(QLatin1Char(' '), QChar(0x00A0));
}

} // namespace

SwimmerLayout layout_swimmer_figure(const QRectF& rect, const Results& results,
                                    const KmFigureOptions& options,
                                    const TumourFigureOptions& tumour) {
    SwimmerLayout layout;
    layout.missing = tumour_figure_missing_text(results, TumourFigure::Swimmer);
    if (!layout.missing.isEmpty()) {
        return layout;
    }
    const TumourResponse& response = *results.tumour_response;
    const SwimmerLanes lanes = swimmer_lanes(response, tumour.responders_only);
    layout.order = swimmer_order(response, lanes);

    std::vector<std::size_t> per_arm(response.arms.size(), 0);
    bool any_response = false;
    bool any_progression = false;
    bool any_death = false;
    bool any_ongoing = false;
    double last = 0;
    for (const SwimmerLane& lane : lanes.lanes) {
        ++per_arm[std::min(response.subjects.arm(lane.entry), per_arm.size() - 1)];
        any_response = any_response || lane.first_response;
        any_progression = any_progression || lane.progression;
        any_death = any_death || lane.death;
        any_ongoing = any_ongoing || lane.ongoing;
        last = std::max({last, lane.end, lane.progression.value_or(0), lane.death.value_or(0),
                         lane.first_response.value_or(0)});
    }
    std::vector<FigureLegendItem> legend;
    for (std::size_t a = 0; a < response.arms.size(); ++a) {
        legend.push_back(FigureLegendItem{QString::fromStdString(response.arms[a].arm) +
                                              QStringLiteral("   ") +
                                              unbroken(QStringLiteral("n=%1").arg(per_arm[a])),
                                          arm_colour(static_cast<int>(a), options.palette),
                                          LegendMark::Box,
                                          {},
                                          {}});
    }
    const std::pair<bool, std::pair<LegendMark, QString>> marks[] = {
        {any_response, {LegendMark::Triangle, QStringLiteral("First response (CR or PR)")}},
        {any_progression, {LegendMark::Diamond, QStringLiteral("Progression")}},
        {any_death, {LegendMark::Cross, QStringLiteral("Death")}},
        {any_ongoing, {LegendMark::Arrow, QStringLiteral("Treatment ongoing at data cut")}}};
    for (const auto& [present, mark] : marks) {
        if (present) {
            legend.push_back(FigureLegendItem{mark.second, ink, mark.first, {}, {}});
        }
    }
    QStringList notes;
    if (lanes.without_days > 0) {
        notes << QStringLiteral("%1 subject%2 without treatment dates (no lane)")
                     .arg(lanes.without_days)
                     .arg(lanes.without_days == 1 ? "" : "s");
    }
    layout.frame = layout_tumour_figure_frame(rect, results, options,
                                              tumour.responders_only
                                                  ? QStringLiteral("Time on treatment, responders")
                                                  : QStringLiteral("Time on treatment"),
                                              std::move(legend), notes.join(QStringLiteral("; ")));
    const TumourFigureFrame& frame = layout.frame;
    const double em = frame.em;
    const QRectF body = frame.body;
    layout.x_title = tumour_time_title(results, QStringLiteral("Time on treatment"));
    const double axis_height = x_axis_height(frame.font, layout.x_title, body.width() * 0.7);
    const double plot_height = std::max(1.0, body.height() - axis_height - em * 0.5);
    const double n = static_cast<double>(std::max<std::size_t>(lanes.lanes.size(), 1));
    const double lane_height = plot_height / n;

    layout.label_font = frame.font;
    layout.label_font.setPixelSize(std::max(1, qRound(em * 0.85)));
    const QFontMetricsF label_metrics(layout.label_font);
    layout.labelled = lane_height >= label_metrics.height() * 0.95;
    double left = body.left();
    if (layout.labelled) {
        double widest = 0;
        for (const SwimmerLane& lane : lanes.lanes) {
            widest = std::max(widest, label_metrics.horizontalAdvance(QString::fromStdString(
                                          response.subjects[lane.entry].usubjid)));
        }
        left += std::min(widest + em * 0.5, body.width() * 0.3);
    } else {
        layout.y_title =
            QStringLiteral("%1 subjects, longest treatment on top").arg(lanes.lanes.size());
        layout.y_title_left = body.left();
        left += y_title_width(frame.font, layout.y_title, plot_height) + em * 0.5;
    }
    layout.plot = QRectF(QPointF(left, body.top() + em * 0.5),
                         QPointF(body.right() - em * 1.2, body.top() + em * 0.5 + plot_height));
    const QFontMetricsF metrics(frame.font);
    const double widest_time = metrics.horizontalAdvance(QStringLiteral("0000")) + em;
    layout.x = numeric_axis_to_tick(
        0, last > 0 ? last : 1,
        std::max(2, static_cast<int>(layout.plot.width() / (2 * widest_time))));
    layout.x.from = layout.plot.left();
    layout.x.to = layout.plot.right();

    const double marker = std::clamp(lane_height * 0.9, 3.0, em * 0.8);
    for (std::size_t k = 0; k < lanes.lanes.size(); ++k) {
        const SwimmerLane& lane = lanes.lanes[k];
        const SubjectTumourResponse& subject = response.subjects[lane.entry];
        SwimmerLaneLayout out;
        out.entry = lane.entry;
        const double top = layout.plot.top() + lane_height * static_cast<double>(k);
        out.lane = QRectF(layout.plot.left(), top, layout.plot.width(), lane_height);
        const double inset = lane_height * 0.15;
        out.bar = QRectF(QPointF(layout.x.map(0), top + inset),
                         QPointF(layout.x.map(lane.end), top + lane_height - inset));
        out.colour =
            arm_colour(static_cast<int>(response.subjects.arm(lane.entry)), options.palette);
        if (layout.labelled) {
            out.label = QString::fromStdString(subject.usubjid);
            out.label_rect =
                QRectF(body.left(), top, layout.plot.left() - body.left() - em * 0.4, lane_height);
        }
        const double mid = top + lane_height / 2;
        const auto box = [&](double x) {
            return QRectF(x - marker / 2, mid - marker / 2, marker, marker);
        };
        if (lane.first_response) {
            out.markers.push_back({LegendMark::Triangle, box(layout.x.map(*lane.first_response))});
        }
        if (lane.progression) {
            out.markers.push_back({LegendMark::Diamond, box(layout.x.map(*lane.progression))});
        }
        if (lane.death) {
            out.markers.push_back({LegendMark::Cross, box(layout.x.map(*lane.death))});
        }
        if (lane.ongoing) {
            out.markers.push_back({LegendMark::Arrow, box(layout.x.map(lane.end) + marker * 0.7)});
        }
        layout.lanes.push_back(std::move(out));
    }
    return layout;
}

void paint_swimmer_figure(QPainter& painter, const QRectF& rect, const Results& results,
                          const KmFigureOptions& options, const TumourFigureOptions& tumour) {
    const SwimmerLayout layout = layout_swimmer_figure(rect, results, options, tumour);
    painter.save();
    if (!begin_tumour_figure(painter, rect, options, layout.missing, layout.frame)) {
        painter.restore();
        return;
    }
    std::vector<QRectF> bars;
    std::vector<QColor> colours;
    for (const SwimmerLaneLayout& lane : layout.lanes) {
        bars.push_back(lane.bar);
        colours.push_back(lane.colour);
    }
    paint_snapped_bars(painter, bars, colours);
    painter.setFont(layout.label_font);
    for (const SwimmerLaneLayout& lane : layout.lanes) {
        if (!lane.label.isEmpty()) {
            painter.setPen(ink);
            painter.drawText(lane.label_rect, Qt::AlignRight | Qt::AlignVCenter, lane.label);
        }
        for (const SwimmerMarker& marker : lane.markers) {
            paint_legend_mark(painter, marker.mark, ink, marker.box);
        }
    }
    paint_x_axis(painter, layout.plot, layout.x, layout.frame.font, layout.x_title);
    if (!layout.y_title.isEmpty()) {
        paint_y_title(painter, layout.plot, layout.frame.font, layout.y_title, layout.y_title_left);
    }
    painter.restore();
}

std::optional<std::int32_t> swimmer_subject_at(const SwimmerLayout& layout, const Results& results,
                                               const QPointF& point) {
    if (!results.tumour_response || layout.lanes.empty() || point.y() < layout.plot.top() ||
        point.y() >= layout.plot.bottom() || point.x() < layout.frame.body.left() ||
        point.x() > layout.plot.right() + layout.frame.em) {
        return std::nullopt;
    }
    const double lane_height = layout.lanes.front().lane.height();
    const auto k =
        std::min(layout.lanes.size() - 1,
                 static_cast<std::size_t>((point.y() - layout.plot.top()) / lane_height));
    return results.tumour_response->subjects[layout.lanes[k].entry].subject;
}

} // namespace triallens::ui
