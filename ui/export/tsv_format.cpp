#include "export/tsv_format.h"

#include "export/spreadsheet_cell.h"
#include "export/table_grid.h"

namespace triallens::ui {

QString tsv_text(std::span<const ExportTable> tables) {
    QString text;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        if (t > 0) {
            text += u'\n';
        }
        for (const QStringList& record : table_grid(tables[t])) {
            QStringList fields;
            for (const QString& cell : record) {
                QString field = spreadsheet_safe(cell);
                field.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
                field.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
                fields << field;
            }
            text += fields.join(u'\t') + QStringLiteral("\n");
        }
    }
    return text;
}

} // namespace triallens::ui
