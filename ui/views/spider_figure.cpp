#include "views/spider_figure.h"

#include "models/best_response_colours.h"
#include "models/palette.h"
#include "models/tumour_figure_needs.h"
#include "views/km_figure_layout.h"
#include "views/wrapped_text.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>

namespace triallens::ui {

namespace {

const QColor ink(0x22, 0x22, 0x22);

QString unbroken(QString text) {
    return text.replace(QLatin1Char(' '), QChar(0x00A0));
}

double distance_to_segment(const QPointF& p, const QPointF& a, const QPointF& b) {
    const QPointF d = b - a;
    const double length2 = QPointF::dotProduct(d, d);
    const double t =
        length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / length2, 0.0, 1.0) : 0.0;
    const QPointF nearest = a + t * d;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

} // namespace

SpiderLayout layout_spider_figure(const QRectF& rect, const Results& results,
                                  const KmFigureOptions& options,
                                  const TumourFigureOptions& tumour) {
    SpiderLayout layout;
    layout.missing = tumour_figure_missing_text(results, TumourFigure::Spider);
    if (!layout.missing.isEmpty()) {
        return layout;
    }
    const TumourResponse& response = *results.tumour_response;
    double largest = 0;
    double last_time = 0;
    std::size_t without = 0;
    std::map<std::size_t, std::pair<QString, std::size_t>> legend_counts; // by rank or arm
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < response.subjects.size(); ++i) {
        const SubjectTumourResponse& subject = response.subjects[i];
        if (subject.pchg_over_time.size() < 2) {
            ++without;
            continue;
        }
        shown.push_back(i);
        for (const ResponsePoint& point : subject.pchg_over_time) {
            largest = std::max(largest, point.value);
            last_time = std::max(last_time, point.time);
        }
        const bool by_arm = tumour.colour_by == TumourColouring::Arm;
        const std::size_t arm = response.subjects.arm(i);
        auto& [name, count] = legend_counts[by_arm ? arm : best_response_rank(subject.bor)];
        name = by_arm ? QString::fromStdString(response.arms[arm].arm)
                      : best_response_label(subject.bor);
        ++count;
    }
    std::vector<FigureLegendItem> legend;
    for (const auto& [key, entry] : legend_counts) {
        const QString& name = entry.first;
        const QColor colour =
            tumour.colour_by == TumourColouring::Arm
                ? arm_colour(static_cast<int>(key), options.palette)
                : best_response_colour(name == best_response_label("") ? std::string()
                                                                       : name.toStdString(),
                                       options.palette);
        legend.push_back(FigureLegendItem{name + QStringLiteral("   ") +
                                              unbroken(QStringLiteral("n=%1").arg(entry.second)),
                                          colour,
                                          LegendMark::Line,
                                          {},
                                          {}});
    }
    const double top = std::clamp(std::ceil(largest / 20 - 1e-9) * 20, 40.0, 100.0);
    std::size_t beyond = 0;
    for (const std::size_t i : shown) {
        const auto& points = response.subjects[i].pchg_over_time;
        beyond += std::any_of(points.begin(), points.end(),
                              [top](const ResponsePoint& p) { return p.value > top; })
                      ? 1
                      : 0;
    }
    QStringList notes;
    if (without > 0) {
        notes << QStringLiteral("%1 subject%2 without a post-baseline measurement (no line)")
                     .arg(without)
                     .arg(without == 1 ? "" : "s");
    }
    if (beyond > 0) {
        notes << QStringLiteral("%1 line%2 beyond +%3% run off the top")
                     .arg(beyond)
                     .arg(beyond == 1 ? "" : "s")
                     .arg(top);
    }
    layout.frame = layout_tumour_figure_frame(rect, results, options,
                                              QStringLiteral("% change from baseline over time"),
                                              std::move(legend), notes.join(QStringLiteral("; ")));
    const TumourFigureFrame& frame = layout.frame;
    const double em = frame.em;
    const QFontMetricsF metrics(frame.font);
    const QRectF body = frame.body;
    layout.x_title = tumour_time_title(results, QStringLiteral("Time"));
    layout.y_title = QStringLiteral("% change from baseline in %1")
                         .arg(response.param.empty() ? QStringLiteral("the sum of diameters")
                                                     : QString::fromStdString(response.param));
    const NumericAxis probe = numeric_axis(-100, top, 8);
    const double left = body.left() +
                        y_title_width(frame.font, layout.y_title, body.height() * 0.5) + em * 0.4 +
                        widest_tick_label(probe, frame.font) + em * 0.5;
    const double bottom =
        body.bottom() - x_axis_height(frame.font, layout.x_title, body.right() - left);
    layout.plot = QRectF(QPointF(left, body.top() + em * 0.5),
                         QPointF(body.right() - em, std::max(body.top() + em, bottom)));
    layout.y_title_left = body.left();
    layout.y = numeric_axis(
        -100, top, std::max(3, static_cast<int>(layout.plot.height() / (metrics.height() * 2.5))));
    layout.y.from = layout.plot.bottom();
    layout.y.to = layout.plot.top();
    const double widest_time = metrics.horizontalAdvance(QStringLiteral("0000")) + em;
    layout.x = numeric_axis_to_tick(
        0, last_time > 0 ? last_time : 1,
        std::max(2, static_cast<int>(layout.plot.width() / (2 * widest_time))));
    layout.x.from = layout.plot.left();
    layout.x.to = layout.plot.right();

    for (const std::size_t i : shown) {
        const SubjectTumourResponse& subject = response.subjects[i];
        SpiderLine line;
        line.entry = i;
        for (const ResponsePoint& point : subject.pchg_over_time) {
            line.points << QPointF(layout.x.map(point.time), layout.y.map(point.value));
        }
        const std::size_t arm = response.subjects.arm(i);
        line.layer =
            tumour.colour_by == TumourColouring::Arm ? arm : best_response_rank(subject.bor);
        line.colour = tumour.colour_by == TumourColouring::Arm
                          ? arm_colour(static_cast<int>(arm), options.palette)
                          : best_response_colour(subject.bor, options.palette);
        layout.lines.push_back(std::move(line));
        layout.order.push_back(subject.subject);
    }
    return layout;
}

void paint_spider_figure(QPainter& painter, const QRectF& rect, const Results& results,
                         const KmFigureOptions& options, const TumourFigureOptions& tumour) {
    const SpiderLayout layout = layout_spider_figure(rect, results, options, tumour);
    painter.save();
    if (!begin_tumour_figure(painter, rect, options, layout.missing, layout.frame)) {
        painter.restore();
        return;
    }
    // Many lines: thinner and a little transparent, so the bundle shows its density.
    const double width = layout.lines.size() > 200 ? 0.8 : 1.4;
    painter.save();
    painter.setClipRect(layout.plot.adjusted(0, -1, 1, 1));
    std::vector<const SpiderLine*> drawn;
    for (const SpiderLine& line : layout.lines) {
        drawn.push_back(&line);
    }
    std::stable_sort(drawn.begin(), drawn.end(),
                     [](const SpiderLine* a, const SpiderLine* b) { return a->layer > b->layer; });
    for (const SpiderLine* drawn_line : drawn) {
        const SpiderLine& line = *drawn_line;
        QColor colour = line.colour;
        if (layout.lines.size() > 200) {
            colour.setAlphaF(0.6f);
        }
        painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(line.points);
    }
    painter.restore();
    paint_reference_line(painter, layout.plot, layout.y.map(20));
    paint_reference_line(painter, layout.plot, layout.y.map(-30));
    painter.setPen(QPen(ink, 1));
    painter.drawLine(QPointF(layout.plot.left(), layout.y.map(0)),
                     QPointF(layout.plot.right(), layout.y.map(0)));
    paint_y_axis(painter, layout.plot, layout.y, layout.frame.font, layout.y_title,
                 layout.y_title_left);
    paint_x_axis(painter, layout.plot, layout.x, layout.frame.font, layout.x_title);
    painter.restore();
}

std::optional<std::int32_t> spider_subject_at(const SpiderLayout& layout, const Results& results,
                                              const QPointF& point) {
    if (!results.tumour_response || !layout.plot.adjusted(-4, -4, 4, 4).contains(point)) {
        return std::nullopt;
    }
    double best = layout.frame.em * 0.5;
    std::optional<std::int32_t> found;
    for (const SpiderLine& line : layout.lines) {
        for (qsizetype k = 0; k + 1 < line.points.size(); ++k) {
            const double d = distance_to_segment(point, line.points[k], line.points[k + 1]);
            if (d <= best) {
                best = d;
                found = results.tumour_response->subjects[line.entry].subject;
            }
        }
    }
    return found;
}

} // namespace triallens::ui
