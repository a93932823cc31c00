#include "views/km_figure.h"

#include "models/palette.h"
#include "views/wrapped_text.h"

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QPainter>

#include <algorithm>

namespace triallens::ui {

namespace {

const QColor ink(0x22, 0x22, 0x22);

void paint_table(QPainter& painter, const KmFigureLayout& layout) {
    QFont title_font = layout.table_font;
    title_font.setBold(true);
    const QFontMetricsF metrics(layout.table_font);
    for (const KmTableSection& section : layout.table) {
        painter.setFont(title_font);
        painter.setPen(ink);
        painter.drawText(section.title_rect, Qt::AlignLeft | Qt::AlignVCenter, section.title);
        painter.setFont(layout.table_font);
        for (const KmTableRow& row : section.rows) {
            painter.setPen(row.colour);
            painter.drawText(row.label_rect, Qt::AlignRight | Qt::AlignVCenter, row.label);
            painter.setPen(ink);
            for (std::size_t t = 0; t < row.cells.size() && t < layout.column_x.size(); ++t) {
                // A box centred on the tick, wide enough for any number.
                const double width = metrics.horizontalAdvance(row.cells[t]) + 4;
                const QRectF cell(layout.column_x[t] - width / 2, row.rect.top(), width,
                                  row.rect.height());
                painter.drawText(cell, Qt::AlignHCenter | Qt::AlignVCenter, row.cells[t]);
            }
        }
    }
}

} // namespace

void paint_km_figure(QPainter& painter, const QRectF& rect, const Results& results,
                     const KmFigureOptions& options) {
    // A scene, not a widget: the chart renders the same with or without a display.
    QGraphicsScene scene;
    QChart* chart = build_km_chart(results, options, km_figure_font(options));
    scene.addItem(chart); // the scene owns the chart
    const KmFigureLayout layout = layout_km_figure(*chart, rect, results, options);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(rect, Qt::white);

    painter.setFont(layout.title_font);
    painter.setPen(ink);
    painter.drawText(layout.title_rect, Qt::AlignLeft | Qt::AlignVCenter, layout.title);
    if (!layout.synthetic_label.isEmpty()) {
        painter.setFont(layout.font);
        painter.setPen(alert_colour(options.palette));
        painter.drawText(layout.synthetic_rect, Qt::AlignLeft | Qt::AlignVCenter,
                         layout.synthetic_label);
    }
    if (!layout.annotation.isEmpty()) {
        draw_wrapped_text(painter, layout.annotation, layout.font, layout.annotation_rect, ink);
    }
    const double line_width = km_curve_width(layout.font);
    for (const KmLegendEntry& entry : layout.legend) {
        painter.setPen(QPen(entry.colour, line_width, entry.style, Qt::FlatCap));
        const double mid = entry.swatch.center().y();
        painter.drawLine(QPointF(entry.swatch.left(), mid), QPointF(entry.swatch.right(), mid));
        draw_wrapped_text(painter, entry.text, layout.font, entry.text_rect, ink);
    }

    scene.render(&painter, layout.chart_rect, layout.chart_rect);
    paint_table(painter, layout);
    painter.restore();
}

QImage render_km_figure(const Results& results, QSize size, qreal scale,
                        const KmFigureOptions& options) {
    QImage image((QSizeF(size) * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter painter(&image);
    paint_km_figure(painter, QRectF(QPointF(0, 0), QSizeF(size)), results, options);
    return image;
}

} // namespace triallens::ui
