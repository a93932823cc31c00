#pragma once
// A table as a plain value, between the builders that make one from core
// results (summary_table.h, forest_table.h, adverse_event_table.h,
// response_table.h) and the writers that print any of them (csv_format.h,
// html_format.h, rtf_format.h, tsv_format.h). So each table is built once and
// each format written once.
//
// Cells hold the text exactly as the GUI shows it (the builders use the
// models' own formatting). The first column is the label column (left
// aligned, indented by `level`); the others hold numbers (right aligned).

#include <QString>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace triallens::ui {

// A heading spanning `span` columns, e.g. an arm's name over its two count
// columns.
struct HeaderCell {
    QString text;
    int span = 1;
};

struct ExportRow {
    QStringList cells; // one per column; may be shorter (missing cells are empty)
    int level = 0;     // indent of the label cell: 0, or 1 for a PT under its SOC
    bool bold = false; // section rows (an endpoint, a SOC, a subgroup variable)
};

struct ExportTable {
    QString title;
    // One or two heading rows (two when arms span several columns); the
    // spans of each row add up to columnCount().
    std::vector<std::vector<HeaderCell>> header;
    std::vector<ExportRow> rows;
    QStringList footnotes;

    // The width of the first heading row, else of the widest row.
    int columnCount() const {
        int columns = 0;
        if (!header.empty()) {
            for (const HeaderCell& cell : header.front()) {
                columns += cell.span;
            }
            return columns;
        }
        for (const ExportRow& row : rows) {
            columns = std::max(columns, static_cast<int>(row.cells.size()));
        }
        return columns;
    }
};

} // namespace triallens::ui
