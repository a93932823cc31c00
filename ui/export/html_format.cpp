#include "export/html_format.h"

#include "export/table_layout.h"

#include <QStringList>

#include <vector>

namespace triallens::ui {

namespace {

const QString font = QStringLiteral("font-family:Arial,Helvetica,sans-serif;");
// About the mean advance of a character of Arial 9 pt, and a cell's padding,
// in points: column widths that keep numbers on one line.
constexpr double points_per_char = 4.9;
constexpr double cell_padding = 12;
// The text width of a landscape A4 page with 2 cm margins (the @page rule
// below; US Letter landscape is wider), in points.
constexpr double page_points = 728;

QString escaped(const QString& text) {
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

QString heading_cell(const HeaderCell& cell, bool label_column) {
    const QString colspan =
        cell.span > 1 ? QStringLiteral(" colspan=\"%1\"").arg(cell.span) : QString();
    return QStringLiteral("<th%1 style=\"%2font-size:9pt;font-weight:bold;"
                          "background-color:#f2f2f2;border:1px solid #808080;"
                          "padding:2pt 6pt;vertical-align:bottom;text-align:%3\">%4</th>")
        .arg(colspan, font, label_column ? QStringLiteral("left") : QStringLiteral("center"),
             escaped(cell.text));
}

QString body_cell(const QString& text, const ExportRow& row, bool label_column) {
    // Labels wrap (long SOC names); numbers stay on one line.
    const QString layout =
        label_column
            ? QStringLiteral("text-align:left;padding:1pt 6pt 1pt %1pt;").arg(6 + 12 * row.level)
            : QStringLiteral("text-align:right;padding:1pt 6pt;white-space:nowrap;");
    // The nowrap attribute too: LibreOffice ignores white-space.
    return QStringLiteral("<td%1 style=\"%2font-size:9pt;%3border:1px solid #bfbfbf;"
                          "vertical-align:top;%4\">%5</td>")
        .arg(label_column ? QString() : QStringLiteral(" nowrap"), font, layout,
             row.bold ? QStringLiteral("font-weight:bold;") : QStringLiteral("font-weight:normal;"),
             escaped(text));
}

QString table_html(const ExportTable& table) {
    QString html;
    if (!table.title.isEmpty()) {
        html += QStringLiteral("<p style=\"%1font-size:11pt;font-weight:bold;margin:12pt 0 "
                               "4pt 0\">%2</p>\n")
                    .arg(font, escaped(table.title));
    }
    // Explicit widths, the table's too: Word and LibreOffice otherwise
    // stretch the table to the page, give the label column the room and
    // wrap the numbers digit by digit.
    QString column_widths;
    double table_points = 0;
    std::vector<double> natural;
    for (const qsizetype chars : column_chars(table)) {
        natural.push_back(static_cast<double>(chars) * points_per_char + cell_padding);
    }
    for (const double points : fitted_widths(natural, page_points)) {
        table_points += points;
        column_widths += QStringLiteral("<col width=\"%1\" style=\"width:%2pt\">")
                             .arg(qRound(points * 96 / 72))
                             .arg(qRound(points));
    }
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"%1\" "
                           "style=\"border-collapse:collapse;border:1px solid #808080;"
                           "width:%2pt;%3\">\n")
                .arg(qRound(table_points * 96 / 72))
                .arg(qRound(table_points))
                .arg(font);
    html += QStringLiteral("<colgroup>") + column_widths;
    html += QStringLiteral("</colgroup>\n");
    if (!table.header.empty()) {
        html += QStringLiteral("<thead>\n");
        for (const std::vector<HeaderCell>& heading : table.header) {
            html += QStringLiteral("<tr>");
            for (std::size_t c = 0; c < heading.size(); ++c) {
                html += heading_cell(heading[c], c == 0);
            }
            html += QStringLiteral("</tr>\n");
        }
        html += QStringLiteral("</thead>\n");
    }
    html += QStringLiteral("<tbody>\n");
    const int columns = table.columnCount();
    for (const ExportRow& row : table.rows) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < columns; ++c) {
            html += body_cell(c < row.cells.size() ? row.cells[c] : QString(), row, c == 0);
        }
        html += QStringLiteral("</tr>\n");
    }
    html += QStringLiteral("</tbody>\n</table>\n");
    for (const QString& footnote : table.footnotes) {
        html += QStringLiteral("<p style=\"%1font-size:8pt;margin:2pt 0 0 0\">%2</p>\n")
                    .arg(font, escaped(footnote));
    }
    return html;
}

} // namespace

QString html_fragment(std::span<const ExportTable> tables) {
    QString html;
    for (const ExportTable& table : tables) {
        html += table_html(table);
    }
    return html;
}

QString html_document(std::span<const ExportTable> tables) {
    const QString title = tables.empty() ? QString() : tables.front().title;
    return QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>%1</title>\n<style>@page { size: landscape; margin: 2cm; "
                          "}</style>\n</head>\n<body>\n%2</body>\n</html>\n")
        .arg(escaped(title), html_fragment(tables));
}

} // namespace triallens::ui
