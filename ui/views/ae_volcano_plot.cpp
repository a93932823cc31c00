#include "views/ae_volcano_plot.h"

#include "models/palette.h"
#include "views/ae_dot_plot.h"
#include "views/wrapped_text.h"

#include <triallens/format/number_format.h>

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace triallens::ui {

namespace {

const QColor ink(0x22, 0x22, 0x22);
const QColor neutral(0x99, 0x99, 0x99);

QString text_of(const std::string& value) {
    return QString::fromStdString(value);
}

double minus_log10_p(const AeRelativeRisk& risk) {
    return -std::log10(std::clamp(risk.fisher_p, 1e-300, 1.0));
}

// Whether a label's box would hide much of a disc: more than its rim.
bool covers(const QRectF& box, const AeVolcanoPoint& point) {
    const double r = point.radius * 0.6;
    return box.intersects(QRectF(point.centre.x() - r, point.centre.y() - r, 2 * r, 2 * r));
}

// Places labels for the extreme terms: the candidates in order of priority,
// each tried at eight spots around its point; the first spot inside the
// plot that overlaps no placed label and hides no disc wins.
void place_labels(std::vector<AeVolcanoPoint>& points, const QRectF& plot, const QFont& font,
                  double em) {
    std::vector<std::size_t> order(points.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto p_of = [&](std::size_t i) { return points[i].term.relative_risk->fisher_p; };
    const auto reach = [&](std::size_t i) {
        return points[i].term.risk_difference ? std::abs(points[i].term.risk_difference->estimate)
                                              : 0.0;
    };
    std::vector<std::size_t> by_p = order;
    std::stable_sort(by_p.begin(), by_p.end(),
                     [&](std::size_t a, std::size_t b) { return p_of(a) < p_of(b); });
    std::vector<std::size_t> by_reach = order;
    std::stable_sort(by_reach.begin(), by_reach.end(),
                     [&](std::size_t a, std::size_t b) { return reach(a) > reach(b); });
    // Alternately the next smallest p and the next largest difference.
    std::vector<std::size_t> candidates;
    for (std::size_t k = 0; k < points.size(); ++k) {
        for (const std::size_t i : {by_p[k], by_reach[k]}) {
            if (std::find(candidates.begin(), candidates.end(), i) == candidates.end()) {
                candidates.push_back(i);
            }
        }
    }
    const QFontMetricsF metrics(font);
    std::vector<QRectF> placed;
    std::size_t labelled = 0;
    for (const std::size_t i : candidates) {
        if (labelled >= ae_volcano_max_labels) {
            break;
        }
        AeVolcanoPoint& point = points[i];
        const QString text = metrics.elidedText(point.term.pt, Qt::ElideRight, em * 16);
        const QSizeF size(metrics.horizontalAdvance(text) + 2, metrics.height());
        const double r = point.radius + em * 0.2;
        const QPointF c = point.centre;
        const std::vector<QPointF> spots{
            {c.x() + r, c.y() - size.height() / 2},                // right
            {c.x() - r - size.width(), c.y() - size.height() / 2}, // left
            {c.x() - size.width() / 2, c.y() - r - size.height()}, // above
            {c.x() - size.width() / 2, c.y() + r},                 // below
            {c.x() + r * 0.7, c.y() - r * 0.7 - size.height()},    // above right
            {c.x() - r * 0.7 - size.width(), c.y() - r * 0.7 - size.height()},
            {c.x() + r * 0.7, c.y() + r * 0.7}, // below right
            {c.x() - r * 0.7 - size.width(), c.y() + r * 0.7},
        };
        for (const QPointF& spot : spots) {
            const QRectF box(spot, size);
            if (!plot.contains(box)) {
                continue;
            }
            const bool clash =
                std::any_of(placed.begin(), placed.end(),
                            [&](const QRectF& other) { return other.intersects(box); }) ||
                std::any_of(points.begin(), points.end(),
                            [&](const AeVolcanoPoint& other) { return covers(box, other); });
            if (!clash) {
                point.label = text;
                point.label_rect = box;
                placed.push_back(box);
                ++labelled;
                break;
            }
        }
    }
}

} // namespace

AeVolcanoLayout layout_ae_volcano_plot(const QRectF& rect, const Results& results,
                                       const KmFigureOptions& options, const AeFigureOptions& ae) {
    AeVolcanoLayout layout;
    layout.missing = ae_figure_missing_text(results, true);
    if (!layout.missing.isEmpty()) {
        return layout;
    }
    const AeTable& table = *results.adverse_events;
    layout.compared = *ae_compared_arm(table, ae.compared_arm);
    layout.reference = *table.reference_arm;
    const QString compared = text_of(table.arms[layout.compared]);
    const QString reference = text_of(table.arms[layout.reference]);
    const QColor more = arm_colour(static_cast<int>(layout.compared), options.palette);
    const QColor less = arm_colour(static_cast<int>(layout.reference), options.palette);

    std::vector<AeFigureTerm> terms = ae_figure_terms(table, layout.compared);
    std::erase_if(terms, [](const AeFigureTerm& term) {
        return !term.relative_risk || !term.risk_difference;
    });
    std::vector<FigureLegendItem> legend{
        {QStringLiteral("More frequent with %1").arg(compared), more, LegendMark::Dot, {}, {}},
        {QStringLiteral("More frequent with %1").arg(reference), less, LegendMark::Dot, {}, {}},
        {QStringLiteral("Point area: events in the two arms"), QColor(), LegendMark::None, {}, {}},
    };
    layout.frame =
        layout_tumour_figure_frame(rect, results, options,
                                   QStringLiteral("Adverse events: %1 vs %2, %3 preferred terms")
                                       .arg(compared, reference)
                                       .arg(terms.size()),
                                   std::move(legend), QString());
    const TumourFigureFrame& frame = layout.frame;
    const double em = frame.em;
    const QRectF body = frame.body;

    double reach = 1;
    double top = -std::log10(0.05);
    std::size_t most_events = 1;
    for (const AeFigureTerm& term : terms) {
        reach = std::max(reach, std::abs(term.risk_difference->estimate));
        top = std::max(top, minus_log10_p(*term.relative_risk));
        most_events = std::max(most_events, term.events);
    }
    layout.x_title =
        QStringLiteral("Risk difference, % points (%1 \u2212 %2)").arg(compared, reference);
    layout.y_title = QStringLiteral("\u2212log10 p (Fisher's exact test)");
    layout.y_title_left = body.left();
    const double largest_radius = em * 1.1;
    const QFontMetricsF metrics(frame.font);
    // The y axis's ticks follow from the plot's height, the plot's left
    // from their labels' width, and the x title's lines from the plot's
    // width: twice round settles them.
    double plot_left = body.left();
    double plot_height = body.height();
    for (int pass = 0; pass < 2; ++pass) {
        const double x_height =
            x_axis_height(frame.font, layout.x_title, std::max(1.0, body.right() - plot_left));
        plot_height = std::max(1.0, body.height() - x_height);
        layout.y = numeric_axis_to_tick(
            0, top * 1.05, std::max(3, static_cast<int>(plot_height / (metrics.height() * 2.5))));
        plot_left = body.left() + y_title_width(frame.font, layout.y_title, plot_height) +
                    em * 0.4 + widest_tick_label(layout.y, frame.font) + em * 0.5;
    }
    layout.plot =
        QRectF(plot_left, body.top(), std::max(1.0, body.right() - plot_left), plot_height);
    // Room above and beside the outermost points for their discs.
    layout.y.from = layout.plot.bottom() - largest_radius * 0.5;
    layout.y.to = layout.plot.top() + largest_radius;
    layout.x =
        symmetric_axis(reach * 1.05, std::max(3, static_cast<int>(layout.plot.width() / (em * 4))));
    layout.x.from = layout.plot.left() + largest_radius;
    layout.x.to = layout.plot.right() - largest_radius;
    layout.p05_y = layout.y.map(-std::log10(0.05));

    for (const AeFigureTerm& term : terms) {
        AeVolcanoPoint point;
        point.term = term;
        point.centre = QPointF(layout.x.map(term.risk_difference->estimate),
                               layout.y.map(minus_log10_p(*term.relative_risk)));
        point.radius =
            em * 0.22 + (largest_radius - em * 0.22) * std::sqrt(static_cast<double>(term.events) /
                                                                 static_cast<double>(most_events));
        const double d = term.risk_difference->estimate;
        point.colour = d > 0 ? more : d < 0 ? less : neutral;
        layout.points.push_back(std::move(point));
    }
    // Larger discs first, so small ones stay visible on top.
    std::stable_sort(
        layout.points.begin(), layout.points.end(),
        [](const AeVolcanoPoint& a, const AeVolcanoPoint& b) { return a.radius > b.radius; });
    place_labels(layout.points, layout.plot, frame.font, em);
    return layout;
}

void paint_ae_volcano_plot(QPainter& painter, const QRectF& rect, const Results& results,
                           const KmFigureOptions& options, const AeFigureOptions& ae) {
    const AeVolcanoLayout layout = layout_ae_volcano_plot(rect, results, options, ae);
    painter.save();
    if (!begin_tumour_figure(painter, rect, options, layout.missing, layout.frame)) {
        painter.restore();
        return;
    }
    const TumourFigureFrame& frame = layout.frame;
    const double em = frame.em;
    painter.setPen(QPen(QColor(0xDD, 0xDD, 0xDD), 0.8));
    const double zero = layout.x.map(0);
    painter.drawLine(QPointF(zero, layout.plot.top()), QPointF(zero, layout.plot.bottom()));
    paint_reference_line(painter, layout.plot, layout.p05_y);
    painter.setFont(frame.font);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    const QFontMetricsF metrics(frame.font);
    painter.drawText(QRectF(layout.plot.left() + em * 0.3, layout.p05_y - metrics.height(), em * 6,
                            metrics.height()),
                     Qt::AlignLeft | Qt::AlignBottom, QStringLiteral("p = 0.05"));
    for (const AeVolcanoPoint& point : layout.points) {
        QColor fill = point.colour;
        fill.setAlphaF(0.7f);
        painter.setPen(QPen(point.colour.darker(130), 0.8));
        painter.setBrush(fill);
        painter.drawEllipse(point.centre, point.radius, point.radius);
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(ink);
    for (const AeVolcanoPoint& point : layout.points) {
        if (!point.label.isEmpty()) {
            painter.drawText(point.label_rect, Qt::AlignCenter, point.label);
        }
    }
    paint_x_axis(painter, layout.plot, layout.x, frame.font, layout.x_title);
    paint_y_axis(painter, layout.plot, layout.y, frame.font, layout.y_title, layout.y_title_left);
    painter.restore();
}

const AeVolcanoPoint* ae_volcano_point_at(const AeVolcanoLayout& layout, const QPointF& point) {
    const AeVolcanoPoint* best = nullptr;
    for (const AeVolcanoPoint& candidate : layout.points) {
        const QPointF d = point - candidate.centre;
        const double reach = candidate.radius + 3;
        if (d.x() * d.x() + d.y() * d.y() <= reach * reach &&
            (!best || candidate.radius < best->radius)) {
            best = &candidate;
        }
    }
    if (best) {
        return best;
    }
    for (const AeVolcanoPoint& candidate : layout.points) { // or its label
        if (!candidate.label.isEmpty() && candidate.label_rect.contains(point)) {
            return &candidate;
        }
    }
    return nullptr;
}

} // namespace triallens::ui
