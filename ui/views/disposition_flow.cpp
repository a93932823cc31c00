#include "views/disposition_flow.h"

#include "views/wrapped_text.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace triallens::ui {

namespace {

const QColor ink(0x22, 0x22, 0x22);
const QColor box_fill(0xf7, 0xf7, 0xf7);
constexpr int smallest_font_pixels = 6;

// Which box a stage goes in: allocation, treated, treatment status, study status.
std::size_t group_of(const std::string& stage) {
    if (stage == "Randomised") {
        return 0;
    }
    if (stage == "Treated") {
        return 1;
    }
    return stage.find("treatment") != std::string::npos ? 2 : 3;
}

// "n = 30" kept on one line (no-break spaces), as the text builders join.
QString count_text(std::size_t n) {
    return QStringLiteral("n\u00A0=\u00A0%1").arg(n);
}

struct Content {
    std::vector<DispositionFlowLine> top;
    std::vector<std::vector<std::vector<DispositionFlowLine>>> rows; // [group][arm]
};

// The boxes' words: the last column is the total, the others the arms.
Content content_of(const Disposition& disposition) {
    Content content;
    const std::size_t arms = disposition.columns.size() > 1 ? disposition.columns.size() - 1 : 0;
    std::vector<std::vector<std::vector<DispositionFlowLine>>> groups(
        4, std::vector<std::vector<DispositionFlowLine>>(arms));
    for (const DispositionRow& row : disposition.rows) {
        const std::size_t group = group_of(row.stage);
        if (row.reason.empty() && group == 0 && !row.counts.empty()) {
            content.top = {{QStringLiteral("Randomised"), true, false, true, {}},
                           {count_text(row.counts.back()), false, false, true, {}}};
        }
        for (std::size_t a = 0; a < arms && a < row.counts.size(); ++a) {
            if (!row.reason.empty() && row.counts[a] == 0) {
                continue; // a reason this arm does not have
            }
            const QString text =
                row.reason.empty()
                    ? QStringLiteral("%1 (%2)").arg(QString::fromStdString(row.stage),
                                                    count_text(row.counts[a]))
                    : QStringLiteral("%1 (%2)").arg(QString::fromStdString(row.reason),
                                                    count_text(row.counts[a]));
            groups[group][a].push_back({text, false, !row.reason.empty(), false, {}});
        }
    }
    for (std::size_t a = 0; a < arms; ++a) {
        // The allocation box names its arm, even without a Randomised stage.
        groups[0][a].insert(
            groups[0][a].begin(),
            {QString::fromStdString(disposition.columns[a]), true, false, false, {}});
    }
    for (auto& group : groups) {
        const bool empty = std::all_of(group.begin(), group.end(),
                                       [](const auto& lines) { return lines.empty(); });
        if (!empty) {
            content.rows.push_back(std::move(group));
        }
    }
    return content;
}

// Places `lines` in a box at `left`, `top`, `width` wide; the box's natural
// height (padding included).
double place_lines(std::vector<DispositionFlowLine>& lines, double left, double top, double width,
                   const QFont& font, double pad) {
    QFont bold = font;
    bold.setBold(true);
    const double indent = font.pixelSize();
    double y = top + pad;
    for (DispositionFlowLine& line : lines) {
        const double x = left + pad + (line.reason ? indent : 0.0);
        const double text_width = std::max(1.0, left + width - pad - x);
        const QSizeF size = wrapped_text_size(line.text, line.bold ? bold : font, text_width);
        line.rect = QRectF(x, y, text_width, size.height());
        y += size.height();
    }
    return y + pad - top;
}

QPolygonF arrow(QPointF from, QPointF to) {
    return QPolygonF{from, to};
}

// The layout at one box font size; fits says whether it ends above `body`'s bottom.
DispositionFlowLayout layout_at(const QRectF& body, const Content& content, const QFont& font) {
    DispositionFlowLayout layout;
    layout.font = font;
    const double em = font.pixelSize();
    const double pad = std::round(0.4 * em);
    const double gap = std::round(1.6 * em); // between rows, for the arrows
    const std::size_t arms = content.rows.empty() ? 0 : content.rows.front().size();
    const double column_gap = em;
    const double column_width = arms == 0
                                    ? body.width()
                                    : (body.width() - column_gap * static_cast<double>(arms - 1)) /
                                          static_cast<double>(arms);
    const auto column_left = [&](std::size_t a) {
        return body.left() + static_cast<double>(a) * (column_width + column_gap);
    };

    double y = body.top();
    if (!content.top.empty()) {
        DispositionFlowBox box;
        box.lines = content.top;
        QFont bold = font;
        bold.setBold(true);
        double natural = 0;
        for (const DispositionFlowLine& line : box.lines) {
            natural = std::max(natural,
                               QFontMetricsF(line.bold ? bold : font).horizontalAdvance(line.text));
        }
        const double width = std::min(body.width(), std::max(column_width, natural + 2 * pad + 2));
        const double left = body.center().x() - width / 2;
        const double height = place_lines(box.lines, left, y, width, font, pad);
        box.rect = QRectF(left, y, width, height);
        layout.top.push_back(box);
        y = box.rect.bottom() + gap;
    }
    for (const auto& group : content.rows) {
        std::vector<DispositionFlowBox> row(arms);
        double height = 0;
        for (std::size_t a = 0; a < arms; ++a) {
            row[a].lines = group[a];
            height = std::max(
                height, place_lines(row[a].lines, column_left(a), y, column_width, font, pad));
        }
        for (std::size_t a = 0; a < arms; ++a) {
            row[a].rect = QRectF(column_left(a), y, column_width, height);
        }
        layout.rows.push_back(std::move(row));
        y += height + gap;
    }
    const double bottom = y - gap;
    layout.fits = bottom <= body.bottom() + 0.5;

    // From the top box down to a bar, and from it to each arm's first box;
    // then each box to the next below it.
    if (!layout.top.empty() && !layout.rows.empty()) {
        const QRectF& top = layout.top.front().rect;
        const double bar = top.bottom() + gap / 2;
        for (const DispositionFlowBox& box : layout.rows.front()) {
            layout.arrows.push_back(QPolygonF{QPointF(top.center().x(), top.bottom()),
                                              QPointF(top.center().x(), bar),
                                              QPointF(box.rect.center().x(), bar),
                                              QPointF(box.rect.center().x(), box.rect.top())});
        }
    }
    for (std::size_t r = 1; r < layout.rows.size(); ++r) {
        for (std::size_t a = 0; a < arms; ++a) {
            const QRectF& above = layout.rows[r - 1][a].rect;
            const QRectF& below = layout.rows[r][a].rect;
            layout.arrows.push_back(arrow(QPointF(above.center().x(), above.bottom()),
                                          QPointF(below.center().x(), below.top())));
        }
    }
    return layout;
}

void paint_arrow(QPainter& painter, const QPolygonF& line, double em) {
    painter.drawPolyline(line);
    if (line.size() < 2) {
        return;
    }
    const QPointF tip = line.back();
    const QPointF from = line[line.size() - 2];
    QLineF back(tip, from);
    if (back.length() <= 0) {
        return;
    }
    const double size = std::max(3.0, 0.45 * em);
    back.setLength(size);
    QLineF left = back;
    left.setAngle(back.angle() + 25);
    QLineF right = back;
    right.setAngle(back.angle() - 25);
    QPainterPath head;
    head.moveTo(tip);
    head.lineTo(left.p2());
    head.lineTo(right.p2());
    head.closeSubpath();
    painter.fillPath(head, ink);
}

} // namespace

DispositionFlowLayout layout_disposition_flow(const QRectF& rect, const Results& results,
                                              const KmFigureOptions& options) {
    if (!results.disposition || results.disposition->rows.empty() ||
        results.disposition->columns.size() < 2) {
        DispositionFlowLayout layout;
        layout.missing = results.baseline_error.empty()
                             ? QStringLiteral("No disposition of patients in these data")
                             : QStringLiteral("No disposition of patients: %1")
                                   .arg(QString::fromStdString(results.baseline_error));
        return layout;
    }
    const TumourFigureFrame frame = layout_tumour_figure_frame(
        rect, results, options, QStringLiteral("Disposition of patients"), {}, QString());
    const Content content = content_of(*results.disposition);
    QFont font = frame.font;
    DispositionFlowLayout layout;
    for (int pixels = font.pixelSize();; --pixels) {
        font.setPixelSize(pixels);
        layout = layout_at(frame.body, content, font);
        if (layout.fits || pixels <= smallest_font_pixels) {
            break;
        }
    }
    layout.frame = frame;
    return layout;
}

void paint_disposition_flow(QPainter& painter, const QRectF& rect, const Results& results,
                            const KmFigureOptions& options) {
    const DispositionFlowLayout layout = layout_disposition_flow(rect, results, options);
    painter.save();
    if (!begin_tumour_figure(painter, rect, options, layout.missing, layout.frame)) {
        painter.restore();
        return;
    }
    const double em = layout.font.pixelSize();
    QFont bold = layout.font;
    bold.setBold(true);
    painter.setPen(QPen(ink, std::max(1.0, em / 12)));
    for (const QPolygonF& line : layout.arrows) {
        paint_arrow(painter, line, em);
    }
    const auto paint_box = [&](const DispositionFlowBox& box) {
        painter.setPen(QPen(ink, std::max(1.0, em / 12)));
        painter.setBrush(box_fill);
        painter.drawRect(box.rect);
        for (const DispositionFlowLine& line : box.lines) {
            draw_wrapped_text(painter, line.text, line.bold ? bold : layout.font, line.rect, ink,
                              line.centred ? Qt::AlignHCenter : Qt::AlignLeft);
        }
    };
    for (const DispositionFlowBox& box : layout.top) {
        paint_box(box);
    }
    for (const auto& row : layout.rows) {
        for (const DispositionFlowBox& box : row) {
            paint_box(box);
        }
    }
    painter.restore();
}

} // namespace triallens::ui
