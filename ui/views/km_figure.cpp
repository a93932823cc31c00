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
    for (const KmTableSection& section : layout.table) {
        draw_wrapped_text(painter, section.title, title_font, section.title_rect,
                          section.title_colour.isValid() ? section.title_colour : ink);
        for (const KmTableRow& row : section.rows) {
            if (!row.swatch.isEmpty()) {
                painter.setPen(
                    QPen(row.colour, km_curve_width(layout.table_font), row.style, Qt::FlatCap));
                const double mid = row.swatch.center().y();
                painter.drawLine(QPointF(row.swatch.left(), mid), QPointF(row.swatch.right(), mid));
            }
            draw_wrapped_text(painter, row.label, layout.table_font, row.label_rect, row.colour,
                              layout.labels_above ? Qt::AlignLeft : Qt::AlignRight);
            painter.setFont(layout.table_font);
            painter.setPen(ink);
            for (std::size_t t = 0; t < row.cells.size() && t < row.cell_rects.size(); ++t) {
                painter.drawText(row.cell_rects[t],
                                 Qt::AlignHCenter | Qt::AlignVCenter | Qt::TextDontClip,
                                 row.cells[t]);
            }
        }
    }
}

} // namespace

void paint_km_figure(QPainter& painter, const QRectF& rect, const Results& results,
                     const KmFigureOptions& options, const KmFigureText* text) {
    // A scene, not a widget: the chart renders the same with or without a display.
    QGraphicsScene scene;
    QChart* chart = build_km_chart(results, options, km_figure_font(options));
    scene.addItem(chart); // the scene owns the chart
    const KmFigureLayout layout = layout_km_figure(*chart, rect, results, options, text);

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.fillRect(rect, Qt::white);

    draw_wrapped_text(painter, layout.title, layout.title_font, layout.title_rect, ink);
    if (!layout.caveat_label.isEmpty()) {
        draw_wrapped_text(painter, layout.caveat_label, layout.font, layout.caveat_rect,
                          alert_colour(options.palette));
    }
    if (!layout.annotation.isEmpty()) {
        draw_wrapped_text(painter, layout.annotation, layout.text_font, layout.annotation_rect,
                          ink);
    }
    const double line_width = km_curve_width(layout.font);
    for (const KmLegendEntry& entry : layout.legend) {
        painter.setPen(QPen(entry.colour, line_width, entry.style, Qt::FlatCap));
        const double mid = entry.swatch.center().y();
        painter.drawLine(QPointF(entry.swatch.left(), mid), QPointF(entry.swatch.right(), mid));
        draw_wrapped_text(painter, entry.text, layout.text_font, entry.text_rect, ink);
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
