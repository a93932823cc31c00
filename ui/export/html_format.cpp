#include "export/html_format.h"

#include <QStringList>

namespace triallens::ui {

namespace {

const QString font = QStringLiteral("font-family:Arial,Helvetica,sans-serif;");

QString escaped(const QString& text) {
    return text.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>"));
}

QString heading_cell(const HeaderCell& cell, bool label_column) {
    const QString colspan =
        cell.span > 1 ? QStringLiteral(" colspan=\"%1\"").arg(cell.span) : QString();
    return QStringLiteral("<th%1 style=\"%2font-size:10pt;font-weight:bold;"
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
    return QStringLiteral("<td style=\"%1font-size:10pt;%2border:1px solid #bfbfbf;"
                          "vertical-align:top;%3\">%4</td>")
        .arg(font, layout,
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
    html += QStringLiteral("<table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                           "style=\"border-collapse:collapse;border:1px solid #808080;%1\">\n")
                .arg(font);
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
                          "<title>%1</title>\n</head>\n<body>\n%2</body>\n</html>\n")
        .arg(escaped(title), html_fragment(tables));
}

} // namespace triallens::ui
