#pragma once
// Text wrapped to a width: at word boundaries, and inside a word only when the
// word alone is longer than a line (a 60-character arm name in a narrow
// figure), so text is never truncated. Measuring and drawing lay the text out
// the same way, so what was measured is what is drawn.

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

// The size `text` takes in `font` wrapped to `width`: the widest line's
// natural width, and the lines' total height.
QSizeF wrapped_text_size(const QString& text, const QFont& font, double width);

// Draws `text` wrapped to `rect`'s width from its top-left corner.
void draw_wrapped_text(QPainter& painter, const QString& text, const QFont& font,
                       const QRectF& rect, const QColor& colour);

} // namespace triallens::ui
