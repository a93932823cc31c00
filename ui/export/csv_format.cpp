#include "export/csv_format.h"

#include "export/spreadsheet_cell.h"
#include "export/table_grid.h"

namespace triallens::ui {

namespace {

QString csv_field(const QString& cell) {
    const QString text = spreadsheet_safe(cell);
    const bool quoted =
        text.contains(u',') || text.contains(u'"') || text.contains(u'\r') || text.contains(u'\n');
    if (!quoted) {
        return text;
    }
    QString escaped = text;
    escaped.replace(u'"', QStringLiteral("\"\""));
    return QStringLiteral("\"") + escaped + QStringLiteral("\"");
}

} // namespace

QByteArray csv_document(std::span<const ExportTable> tables) {
    QString text;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        if (t > 0) {
            text += QStringLiteral("\r\n");
        }
        for (const QStringList& record : table_grid(tables[t])) {
            QStringList fields;
            for (const QString& field : record) {
                fields << csv_field(field);
            }
            text += fields.join(u',') + QStringLiteral("\r\n");
        }
    }
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace triallens::ui
