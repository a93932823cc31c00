#include "export/table_grid.h"

namespace triallens::ui {

std::vector<QStringList> table_grid(const ExportTable& table) {
    const int columns = table.columnCount();
    std::vector<QStringList> grid;
    if (!table.title.isEmpty()) {
        grid.push_back({table.title});
    }
    for (const std::vector<HeaderCell>& heading : table.header) {
        QStringList record;
        for (const HeaderCell& cell : heading) {
            record << cell.text;
            for (int spanned = 1; spanned < cell.span; ++spanned) {
                record << QString();
            }
        }
        grid.push_back(record);
    }
    for (const ExportRow& row : table.rows) {
        QStringList record = row.cells;
        while (record.size() < columns) {
            record << QString();
        }
        grid.push_back(record);
    }
    for (const QString& footnote : table.footnotes) {
        grid.push_back({footnote});
    }
    return grid;
}

} // namespace triallens::ui
