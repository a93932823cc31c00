#pragma once
// Tables as CSV (RFC 4180): fields separated by commas and records by CRLF;
// a field holding a comma, a double quote, CR or LF is quoted with its
// quotes doubled. UTF-8 with a byte-order mark, so Excel reads "≥", "–" and
// accented arm names right. A cell a spreadsheet would run as a formula gets
// a leading apostrophe first (spreadsheet_cell.h); numbers are untouched.
//
// Each table is laid out as table_grid.h says (title, heading rows, body
// rows, footnotes); several tables are separated by an empty record. Cells
// are the formatted text the GUI shows ("0.70 (0.46–1.06)"); there are no
// separate raw-number columns: for numbers to compute with, use
// `triallens analyze --json`.

#include "export/export_table.h"

#include <QByteArray>

#include <span>

namespace triallens::ui {

QByteArray csv_document(std::span<const ExportTable> tables);
inline QByteArray csv_document(const ExportTable& table) {
    return csv_document(std::span(&table, 1));
}

} // namespace triallens::ui
