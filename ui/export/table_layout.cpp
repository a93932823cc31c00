#include "export/table_layout.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace triallens::ui {

namespace {

// Headings wrap at spaces, but not narrower than this many characters.
constexpr qsizetype heading_min_chars = 12;
// Characters of indent per level of a label.
constexpr qsizetype indent_chars = 3;

qsizetype longest_line(const QString& text) {
    qsizetype longest = 0;
    for (const QString& line : text.split(u'\n')) {
        longest = std::max(longest, line.size());
    }
    return longest;
}

qsizetype longest_word(const QString& text) {
    static const QRegularExpression space(QStringLiteral("\\s+"));
    qsizetype longest = 0;
    for (const QString& word : text.split(space)) {
        longest = std::max(longest, word.size());
    }
    return longest;
}

} // namespace

std::vector<qsizetype> column_chars(const ExportTable& table) {
    const int columns = table.columnCount();
    std::vector<qsizetype> chars(static_cast<std::size_t>(columns), 1);
    for (const ExportRow& row : table.rows) {
        for (int c = 0; c < columns && c < row.cells.size(); ++c) {
            const qsizetype indent = c == 0 ? indent_chars * row.level : 0;
            auto& width = chars[static_cast<std::size_t>(c)];
            width = std::max(width, longest_line(row.cells[c]) + indent);
        }
    }
    for (const std::vector<HeaderCell>& heading : table.header) {
        int column = 0;
        for (const HeaderCell& cell : heading) {
            if (cell.span == 1 && column < columns) {
                const qsizetype plain = std::max(
                    longest_word(cell.text), std::min(longest_line(cell.text), heading_min_chars));
                // Headings are bold: about a fifth wider than body text.
                const qsizetype wanted = plain + (plain + 4) / 5;
                auto& width = chars[static_cast<std::size_t>(column)];
                width = std::max(width, wanted);
            }
            column += cell.span;
        }
    }
    return chars;
}

std::vector<double> fitted_widths(std::vector<double> widths, double available) {
    double natural = 0;
    for (const double w : widths) {
        natural += w;
    }
    if (natural <= available || widths.empty()) {
        return widths;
    }
    const double others = natural - widths.front();
    const double label_min = std::min(widths.front(), available / 4);
    if (others + label_min <= available) {
        widths.front() = available - others;
        return widths;
    }
    for (double& w : widths) {
        w *= available / natural;
    }
    return widths;
}

} // namespace triallens::ui
