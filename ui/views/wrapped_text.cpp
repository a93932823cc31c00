#include "views/wrapped_text.h"

#include <QPainter>
#include <QTextLayout>
#include <QTextOption>

#include <algorithm>
#include <memory>

namespace triallens::ui {

namespace {

// Lays `text` out in lines no wider than `width`; returns the size used.
QSizeF lay_out(QTextLayout& layout, double width) {
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(option);
    layout.setCacheEnabled(true);
    double height = 0;
    double widest = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(std::max(1.0, width));
        line.setPosition(QPointF(0, height));
        height += line.height();
        widest = std::max(widest, line.naturalTextWidth());
    }
    layout.endLayout();
    return {widest, height};
}

} // namespace

QSizeF wrapped_text_size(const QString& text, const QFont& font, double width) {
    QTextLayout layout(text, font);
    return lay_out(layout, width);
}

void draw_wrapped_text(QPainter& painter, const QString& text, const QFont& font,
                       const QRectF& rect, const QColor& colour) {
    QTextLayout layout(text, font);
    lay_out(layout, rect.width());
    painter.save();
    painter.setPen(colour);
    layout.draw(&painter, rect.topLeft());
    painter.restore();
}

} // namespace triallens::ui
