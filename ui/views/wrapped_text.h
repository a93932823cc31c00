#pragma once
// Text wrapped to a width at its plain spaces (U+0020) only, so that what the
// text builders join with a no-break space (U+00A0) — "p = 0.084", "HR 0.69",
// "(95% CI 0.44–1.06)" — and every word with a hyphen or a dash stays on one
// line. Only a word longer than a whole line (a 60-character arm name in a
// narrow figure) is broken inside, so text is never truncated. Measuring and
// drawing use the same lines, so what was measured is what is drawn.

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

// The lines `text` takes in `font` wrapped to `width`. A line break at a space
// drops that space: joined with " ", lines broken only at spaces give `text`.
QStringList wrapped_lines(const QString& text, const QFont& font, double width);

// The size `text` takes in `font` wrapped to `width`: the widest line's
// natural width, and the lines' total height.
QSizeF wrapped_text_size(const QString& text, const QFont& font, double width);

// Draws `text` wrapped to `rect`'s width from its top-left corner.
void draw_wrapped_text(QPainter& painter, const QString& text, const QFont& font,
                       const QRectF& rect, const QColor& colour,
                       Qt::Alignment alignment = Qt::AlignLeft);

} // namespace triallens::ui
