#include "views/tumour_figure_frame.h"

#include "models/palette.h"
#include "views/km_figure_layout.h"
#include "views/wrapped_text.h"

#include <triallens/format/data_caveat.h>

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace triallens::ui {

namespace {

const QColor ink(0x22, 0x22, 0x22);

QFont sized(QFont font, int pixels) {
    font.setPixelSize(std::max(1, pixels));
    return font;
}

} // namespace

TumourFigureFrame layout_tumour_figure_frame(const QRectF& rect, const Results& results,
                                             const KmFigureOptions& options, const QString& title,
                                             std::vector<FigureLegendItem> legend,
                                             const QString& note) {
    TumourFigureFrame frame;
    frame.figure = rect;
    frame.font = km_figure_font(options);
    frame.em = frame.font.pixelSize();
    frame.title_font = sized(frame.font, qRound(frame.em * 1.2));
    frame.title_font.setBold(true);
    const double em = frame.em;
    const QRectF content = rect.adjusted(em, em * 0.75, -em, -em * 0.5);
    const QFontMetricsF metrics(frame.font);
    const double line = metrics.height();

    double y = content.top();
    frame.title = title;
    const QSizeF title_size = wrapped_text_size(title, frame.title_font, content.width());
    frame.title_rect = QRectF(content.left(), y, content.width(), title_size.height());
    y = frame.title_rect.bottom();
    if (const std::string caveat = data_caveat(results.synthetic, results.reconstructed);
        !caveat.empty()) {
        // Whole, never elided: beside the title's last line, else wrapped under it.
        frame.caveat_label = QString::fromStdString(caveat);
        const double width = metrics.horizontalAdvance(frame.caveat_label) + 1;
        const QStringList lines = wrapped_lines(title, frame.title_font, content.width());
        const QFontMetricsF title_metrics(frame.title_font);
        const double last = lines.isEmpty() ? 0 : title_metrics.horizontalAdvance(lines.back());
        if (!lines.isEmpty() && last + em + width <= content.width()) {
            frame.caveat_rect = QRectF(
                content.left() + last + em,
                y - title_metrics.height() + (title_metrics.height() - line) / 2, width, line);
        } else {
            const QSizeF size = wrapped_text_size(frame.caveat_label, frame.font, content.width());
            frame.caveat_rect = QRectF(content.left(), y, size.width() + 1, size.height());
            y = frame.caveat_rect.bottom();
        }
    }
    y += em * 0.4;

    // The legend flows left to right; an entry too wide for what is left of
    // its line starts a new one, and wraps within the content's width.
    const double swatch_width = em * 1.6;
    const double gap = em * 0.4;
    double x = content.left();
    double row_bottom = y;
    for (FigureLegendItem& item : legend) {
        const double sample = item.mark == LegendMark::None ? 0.0 : swatch_width + gap;
        const double natural = metrics.horizontalAdvance(item.text) + 1;
        double width = std::min(natural, content.width() - sample);
        if (x > content.left() && (item.new_line || x + sample + width > content.right())) {
            x = content.left();
            y = row_bottom + em * 0.2;
        }
        width = std::min(width, content.right() - x - sample);
        const QSizeF size = wrapped_text_size(item.text, frame.font, width);
        item.swatch = item.mark == LegendMark::None
                          ? QRectF()
                          : QRectF(x, y + (line - em) / 2, swatch_width, em);
        item.text_rect = QRectF(x + sample, y, width, size.height());
        row_bottom = std::max(row_bottom, item.text_rect.bottom());
        x = item.text_rect.right() + em * 1.2;
    }
    frame.legend = std::move(legend);
    if (!frame.legend.empty()) {
        y = row_bottom + em * 0.3;
    }
    frame.note = note;
    if (!note.isEmpty()) {
        const QSizeF size = wrapped_text_size(note, frame.font, content.width());
        frame.note_rect = QRectF(content.left(), y, content.width(), size.height());
        y = frame.note_rect.bottom() + em * 0.3;
    }
    frame.body = QRectF(content.left(), y + em * 0.4, content.width(),
                        std::max(1.0, content.bottom() - y - em * 0.4));
    return frame;
}

bool begin_tumour_figure(QPainter& painter, const QRectF& rect, const KmFigureOptions& options,
                         const QString& missing, const TumourFigureFrame& frame) {
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (!missing.isEmpty()) {
        paint_figure_words(painter, rect, options, missing);
        return false;
    }
    paint_tumour_figure_frame(painter, frame, options.palette);
    return true;
}

void paint_figure_words(QPainter& painter, const QRectF& rect, const KmFigureOptions& options,
                        const QString& text) {
    painter.save();
    painter.fillRect(rect, Qt::white);
    const QFont font = km_figure_font(options);
    const double pad = font.pixelSize();
    draw_wrapped_text(painter, text, font, rect.adjusted(pad, pad, -pad, -pad), ink);
    painter.restore();
}

void paint_legend_mark(QPainter& painter, LegendMark mark, const QColor& colour,
                       const QRectF& box) {
    painter.save();
    const double size = std::min(box.width(), box.height());
    const QPointF c = box.center();
    const double r = size / 2;
    const double pen = std::max(1.0, size / 6);
    const QPen halo(Qt::white, std::max(1.0, size / 5));
    switch (mark) {
    case LegendMark::None:
        break;
    case LegendMark::Box:
        painter.fillRect(box.adjusted(0, box.height() * 0.15, 0, -box.height() * 0.15), colour);
        break;
    case LegendMark::Line:
        painter.setPen(QPen(colour, std::max(2.0, size / 5), Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(box.left(), c.y()), QPointF(box.right(), c.y()));
        break;
    case LegendMark::Triangle: {
        QPainterPath path;
        path.moveTo(c.x(), c.y() - r);
        path.lineTo(c.x() + r, c.y() + r * 0.8);
        path.lineTo(c.x() - r, c.y() + r * 0.8);
        path.closeSubpath();
        painter.strokePath(path, halo); // apart from a dark bar under it
        painter.fillPath(path, colour);
        break;
    }
    case LegendMark::Diamond: {
        QPainterPath path;
        path.moveTo(c.x(), c.y() - r);
        path.lineTo(c.x() + r, c.y());
        path.lineTo(c.x(), c.y() + r);
        path.lineTo(c.x() - r, c.y());
        path.closeSubpath();
        painter.strokePath(path, halo);
        painter.fillPath(path, colour);
        break;
    }
    case LegendMark::Cross:
        painter.setPen(QPen(colour, pen * 1.3, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(c.x() - r * 0.8, c.y() - r * 0.8),
                         QPointF(c.x() + r * 0.8, c.y() + r * 0.8));
        painter.drawLine(QPointF(c.x() - r * 0.8, c.y() + r * 0.8),
                         QPointF(c.x() + r * 0.8, c.y() - r * 0.8));
        break;
    case LegendMark::Dot:
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawEllipse(c, r * 0.75, r * 0.75);
        break;
    case LegendMark::Arrow: {
        QPainterPath path;
        path.moveTo(c.x() + r, c.y());
        path.lineTo(c.x() - r * 0.2, c.y() - r * 0.8);
        path.lineTo(c.x() - r * 0.2, c.y() + r * 0.8);
        path.closeSubpath();
        painter.fillPath(path, colour);
        painter.setPen(QPen(colour, pen, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(c.x() - r, c.y()), QPointF(c.x(), c.y()));
        break;
    }
    }
    painter.restore();
}

void paint_tumour_figure_frame(QPainter& painter, const TumourFigureFrame& frame, Palette palette) {
    painter.fillRect(frame.figure, Qt::white);
    draw_wrapped_text(painter, frame.title, frame.title_font, frame.title_rect, ink);
    if (!frame.caveat_label.isEmpty()) {
        draw_wrapped_text(painter, frame.caveat_label, frame.font, frame.caveat_rect,
                          alert_colour(palette));
    }
    for (const FigureLegendItem& item : frame.legend) {
        paint_legend_mark(painter, item.mark, item.colour, item.swatch);
        draw_wrapped_text(painter, item.text, frame.font, item.text_rect, ink);
    }
    if (!frame.note.isEmpty()) {
        draw_wrapped_text(painter, frame.note, frame.font, frame.note_rect, ink);
    }
}

NumericAxis numeric_axis(double lo, double hi, int max_ticks) {
    NumericAxis axis;
    axis.lo = lo;
    axis.hi = hi > lo ? hi : lo + 1;
    const double span = axis.hi - axis.lo;
    const double raw = span / std::max(1, max_ticks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (const double factor : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (factor * magnitude >= raw * (1 - 1e-9)) {
            step = factor * magnitude;
            break;
        }
    }
    for (double t = std::ceil(axis.lo / step - 1e-9) * step; t <= axis.hi + step * 1e-9;
         t += step) {
        axis.ticks.push_back(std::abs(t) < step * 1e-9 ? 0.0 : t);
    }
    const double decimals = std::ceil(-std::log10(step) - 1e-9);
    axis.decimals = std::clamp(static_cast<int>(decimals), 0, 3);
    if (std::abs(step * std::pow(10.0, axis.decimals) -
                 std::round(step * std::pow(10.0, axis.decimals))) > 1e-6) {
        axis.decimals = std::min(3, axis.decimals + 1); // 2.5, 0.25
    }
    return axis;
}

NumericAxis numeric_axis_to_tick(double lo, double hi, int max_ticks) {
    NumericAxis axis = numeric_axis(lo, hi, max_ticks);
    if (axis.ticks.size() >= 2 && axis.ticks.back() < axis.hi) {
        const double step = axis.ticks[1] - axis.ticks[0];
        axis.ticks.push_back(axis.ticks.back() + step);
        axis.hi = axis.ticks.back();
    }
    return axis;
}

QString tick_label(double value, int decimals) {
    QString text = QString::number(std::abs(value), 'f', decimals);
    const bool negative = value < 0 && text.toDouble() != 0;
    return negative ? QChar(0x2212) + text : text;
}

double widest_tick_label(const NumericAxis& axis, const QFont& font) {
    const QFontMetricsF metrics(font);
    double widest = 0;
    for (const double tick : axis.ticks) {
        widest = std::max(widest, metrics.horizontalAdvance(tick_label(tick, axis.decimals)));
    }
    return widest;
}

void paint_y_axis(QPainter& painter, const QRectF& plot, const NumericAxis& axis, const QFont& font,
                  const QString& title, double title_left) {
    painter.save();
    const QFontMetricsF metrics(font);
    const double em = font.pixelSize();
    painter.setPen(QPen(ink, 1));
    painter.drawLine(plot.topLeft(), plot.bottomLeft());
    painter.setFont(font);
    for (const double tick : axis.ticks) {
        const double y = axis.map(tick);
        painter.drawLine(QPointF(plot.left() - em * 0.3, y), QPointF(plot.left(), y));
        const QRectF label(plot.left() - em * 0.45 - 200, y - metrics.height() / 2, 200,
                           metrics.height());
        painter.drawText(label, Qt::AlignRight | Qt::AlignVCenter, tick_label(tick, axis.decimals));
    }
    painter.restore();
    paint_y_title(painter, plot, font, title, title_left);
}

void paint_y_title(QPainter& painter, const QRectF& plot, const QFont& font, const QString& title,
                   double title_left) {
    painter.save();
    const QFontMetricsF metrics(font);
    painter.setFont(font);
    painter.setPen(ink);
    painter.translate(title_left, plot.bottom());
    painter.rotate(-90);
    double y = 0;
    for (const QString& line : wrapped_lines(title, font, plot.height())) {
        const double width = metrics.horizontalAdvance(line);
        painter.drawText(QPointF((plot.height() - width) / 2, y + metrics.ascent()), line);
        y += metrics.height();
    }
    painter.restore();
}

void paint_x_axis(QPainter& painter, const QRectF& plot, const NumericAxis& axis, const QFont& font,
                  const QString& title) {
    painter.save();
    const QFontMetricsF metrics(font);
    const double em = font.pixelSize();
    painter.setPen(QPen(ink, 1));
    painter.setFont(font);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    for (const double tick : axis.ticks) {
        const double x = axis.map(tick);
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + em * 0.3));
        painter.drawText(QRectF(x - 100, plot.bottom() + em * 0.35, 200, metrics.height()),
                         Qt::AlignHCenter | Qt::AlignTop, tick_label(tick, axis.decimals));
    }
    const QSizeF size = wrapped_text_size(title, font, plot.width());
    draw_wrapped_text(painter, title, font,
                      QRectF(plot.center().x() - size.width() / 2,
                             plot.bottom() + em * 0.45 + metrics.height(), size.width() + 1,
                             size.height()),
                      ink, Qt::AlignHCenter);
    painter.restore();
}

double x_axis_height(const QFont& font, const QString& title, double width) {
    const QFontMetricsF metrics(font);
    return font.pixelSize() * 0.55 + metrics.height() +
           wrapped_text_size(title, font, width).height();
}

double y_title_width(const QFont& font, const QString& title, double height) {
    return wrapped_text_size(title, font, height).height();
}

void paint_reference_line(QPainter& painter, const QRectF& plot, double y) {
    painter.save();
    QPen pen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine, Qt::FlatCap);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
    painter.restore();
}

void paint_snapped_bars(QPainter& painter, const std::vector<QRectF>& bars,
                        const std::vector<QColor>& colours) {
    const QTransform to_device = painter.deviceTransform();
    painter.save();
    painter.resetTransform();
    // What is left of the device transform (a device pixel ratio) maps back.
    const QTransform from_device = painter.deviceTransform().inverted();
    painter.setRenderHint(QPainter::Antialiasing, false);
    for (std::size_t i = 0; i < bars.size() && i < colours.size(); ++i) {
        const QRectF device = to_device.mapRect(bars[i]);
        const double left = std::round(device.left());
        const double top = std::round(device.top());
        const double right = std::max(left + 1, std::round(device.right()));
        const double bottom = std::max(top + 1, std::round(device.bottom()));
        painter.fillRect(from_device.mapRect(QRectF(QPointF(left, top), QPointF(right, bottom))),
                         colours[i]);
    }
    painter.restore();
}

QString tumour_time_title(const Results& results, const QString& what) {
    const std::string& unit =
        results.tumour_response ? results.tumour_response->time_unit : results.time_unit;
    return QStringLiteral("%1 (%2)").arg(
        what, unit.empty() ? QStringLiteral("days") : QString::fromStdString(unit).toLower());
}

} // namespace triallens::ui
