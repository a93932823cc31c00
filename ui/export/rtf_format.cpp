#include "export/rtf_format.h"

#include "export/table_layout.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <vector>

namespace triallens::ui {

namespace {

// Twips (1/1440 inch).
constexpr int page_long = 15840;  // 11 in
constexpr int page_short = 12240; // 8.5 in
constexpr int margin = 1440;
constexpr int cell_gap = 90; // \trgaph: half the space between cell texts
// About the advance of a digit of Arial 9 pt (0.56 em), with room for bold.
constexpr int twips_per_char = 104;

QByteArray rtf_text(const QString& text) {
    QByteArray out;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\\' || u == u'{' || u == u'}') {
            out += '\\';
            out += static_cast<char>(u);
        } else if (u == u'\n') {
            out += "\\line ";
        } else if (u == u'\t') {
            out += "\\tab ";
        } else if (u == u'\r') {
            continue;
        } else if (u >= 0x20 && u < 0x80) {
            out += static_cast<char>(u);
        } else if (u < 0x20) {
            out += ' ';
        } else {
            // \uN takes a signed 16-bit N; "?" is what readers without
            // Unicode show (\uc1 skips exactly one character after it).
            out += "\\u" + QByteArray::number(static_cast<qint16>(u)) + "?";
        }
    }
    return out;
}

// The natural width of each column in twips.
// `half_points`: the font size (\fsN), 18 = 9 pt.
std::vector<int> natural_widths(const ExportTable& table, int half_points = 18) {
    std::vector<int> widths;
    for (const qsizetype c : column_chars(table)) {
        widths.push_back(static_cast<int>(c) * twips_per_char * half_points / 18 + 2 * cell_gap +
                         40);
    }
    return widths;
}

int total(const std::vector<int>& widths) {
    int sum = 0;
    for (const int w : widths) {
        sum += w;
    }
    return sum;
}

const char* const border = "\\brdrs\\brdrw10\\brdrcf1";

QByteArray cell_borders() {
    QByteArray out;
    for (const char* side : {"\\clbrdrt", "\\clbrdrl", "\\clbrdrb", "\\clbrdrr"}) {
        out += side;
        out += border;
    }
    return out;
}

QByteArray row_start(bool heading) {
    return QByteArray("\\trowd\\trgaph") + QByteArray::number(cell_gap) + "\\trleft0" +
           (heading ? "\\trhdr" : "") + "\\trkeep\n";
}

QByteArray heading_row(const std::vector<HeaderCell>& heading, const std::vector<int>& edges,
                       const QByteArray& font) {
    QByteArray out = row_start(true);
    int column = 0;
    for (const HeaderCell& cell : heading) {
        column += cell.span;
        out += "\\clvertalb\\clcbpat2" + cell_borders() + "\\cellx" +
               QByteArray::number(edges[static_cast<std::size_t>(column - 1)]) + "\n";
    }
    for (std::size_t c = 0; c < heading.size(); ++c) {
        out += QByteArray("\\pard\\plain\\intbl") + (c == 0 ? "\\ql" : "\\qc") + font + "\\b " +
               rtf_text(heading[c].text) + "\\cell\n";
    }
    return out + "\\row\n";
}

QByteArray body_row(const ExportRow& row, const std::vector<int>& edges, const QByteArray& font) {
    QByteArray out = row_start(false);
    for (const int edge : edges) {
        out += "\\clvertalt" + cell_borders() + "\\cellx" + QByteArray::number(edge) + "\n";
    }
    for (std::size_t c = 0; c < edges.size(); ++c) {
        const QString text = static_cast<qsizetype>(c) < row.cells.size()
                                 ? row.cells[static_cast<qsizetype>(c)]
                                 : QString();
        out += "\\pard\\plain\\intbl";
        out += c == 0 ? "\\ql\\li" + QByteArray::number(200 * row.level) : QByteArray("\\qr");
        out += font;
        out += row.bold ? "\\b " : " ";
        out += rtf_text(text) + "\\cell\n";
    }
    return out + "\\row\n";
}

QByteArray table_rtf(const ExportTable& table, int available) {
    QByteArray out;
    if (!table.title.isEmpty()) {
        out +=
            "\\pard\\plain\\keepn\\sb240\\sa120\\f0\\fs22\\b " + rtf_text(table.title) + "\\par\n";
    }
    // A table too wide for the page at 9 pt, even with its labels wrapped,
    // is set smaller (down to 7 pt) before its numbers would wrap.
    int half_points = 18;
    std::vector<int> natural = natural_widths(table);
    const int label_min = natural.empty() ? 0 : std::min(natural.front(), available / 4);
    const int needed = total(natural) - (natural.empty() ? 0 : natural.front()) + label_min;
    if (needed > available) {
        half_points = std::max(14, 18 * available / needed);
        natural = natural_widths(table, half_points);
    }
    const QByteArray font = "\\f0\\fs" + QByteArray::number(half_points);
    std::vector<int> widths;
    for (const double w :
         fitted_widths(std::vector<double>(natural.begin(), natural.end()), available)) {
        widths.push_back(static_cast<int>(w));
    }
    std::vector<int> edges;
    int edge = 0;
    for (const int w : widths) {
        edge += w;
        edges.push_back(edge);
    }
    for (const std::vector<HeaderCell>& heading : table.header) {
        out += heading_row(heading, edges, font);
    }
    for (const ExportRow& row : table.rows) {
        out += body_row(row, edges, font);
    }
    for (const QString& footnote : table.footnotes) {
        out += "\\pard\\plain\\sb40\\f0\\fs16 " + rtf_text(footnote) + "\\par\n";
    }
    return out;
}

} // namespace

QByteArray rtf_document(std::span<const ExportTable> tables) {
    int widest = 0;
    for (const ExportTable& table : tables) {
        widest = std::max(widest, total(natural_widths(table)));
    }
    const bool landscape = widest > page_short - 2 * margin;
    const int width = landscape ? page_long : page_short;
    const int height = landscape ? page_short : page_long;
    QByteArray out = "{\\rtf1\\ansi\\ansicpg1252\\deff0\\uc1\n"
                     "{\\fonttbl{\\f0\\fswiss\\fcharset0 Arial;}}\n"
                     "{\\colortbl;\\red128\\green128\\blue128;\\red242\\green242\\blue242;}\n";
    out += "\\paperw" + QByteArray::number(width) + "\\paperh" + QByteArray::number(height) +
           "\\margl" + QByteArray::number(margin) + "\\margr" + QByteArray::number(margin) +
           "\\margt" + QByteArray::number(margin) + "\\margb" + QByteArray::number(margin) +
           (landscape ? "\\landscape" : "") + "\n";
    const int available = width - 2 * margin;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        out += table_rtf(tables[t], available);
    }
    return out + "\\pard\\par\n}\n";
}

} // namespace triallens::ui
