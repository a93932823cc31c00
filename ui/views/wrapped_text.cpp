#include "views/wrapped_text.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace triallens::ui {

namespace {

// `word` cut into pieces no wider than `width` (at least one character each).
QStringList split_long_word(const QString& word, const QFontMetricsF& metrics, double width) {
    QStringList pieces;
    QString piece;
    for (const QChar c : word) {
        if (!piece.isEmpty() && metrics.horizontalAdvance(piece + c) > width) {
            pieces << piece;
            piece.clear();
        }
        piece += c;
    }
    if (!piece.isEmpty()) {
        pieces << piece;
    }
    return pieces;
}

} // namespace

QStringList wrapped_lines(const QString& text, const QFont& font, double width) {
    const QFontMetricsF metrics(font);
    QStringList lines;
    for (const QString& paragraph : text.split(QLatin1Char('\n'))) {
        QString line;
        for (const QString& word : paragraph.split(QLatin1Char(' '))) {
            const QString joined = line.isEmpty() ? word : line + QLatin1Char(' ') + word;
            if (line.isEmpty() && metrics.horizontalAdvance(word) <= width) {
                line = word;
            } else if (!line.isEmpty() && metrics.horizontalAdvance(joined) <= width) {
                line = joined;
            } else {
                if (!line.isEmpty()) {
                    lines << line;
                    line.clear();
                }
                if (metrics.horizontalAdvance(word) <= width) {
                    line = word;
                } else {
                    QStringList pieces = split_long_word(word, metrics, width);
                    line = pieces.takeLast();
                    lines << pieces;
                }
            }
        }
        lines << line;
    }
    return lines;
}

QSizeF wrapped_text_size(const QString& text, const QFont& font, double width) {
    const QFontMetricsF metrics(font);
    const QStringList lines = wrapped_lines(text, font, width);
    double widest = 0;
    for (const QString& line : lines) {
        widest = std::max(widest, metrics.horizontalAdvance(line));
    }
    return {widest, static_cast<double>(lines.size()) * metrics.height()};
}

void draw_wrapped_text(QPainter& painter, const QString& text, const QFont& font,
                       const QRectF& rect, const QColor& colour, Qt::Alignment alignment) {
    const QFontMetricsF metrics(font);
    painter.save();
    painter.setFont(font);
    painter.setPen(colour);
    double y = rect.top();
    for (const QString& line : wrapped_lines(text, font, rect.width())) {
        painter.drawText(
            QRectF(rect.left(), y, rect.width(), metrics.height()),
            (alignment & Qt::AlignHorizontal_Mask) | Qt::AlignVCenter | Qt::TextDontClip, line);
        y += metrics.height();
    }
    painter.restore();
}

} // namespace triallens::ui
