#pragma once
// Writes tables to a file whose extension picks the format: .csv
// (csv_format.h), .html or .htm (html_format.h), .rtf (rtf_format.h); any
// case. Atomic (QSaveFile): a failed write leaves no partial file. On failure
// returns false and, when `error` is given, sets it to one line naming the
// file ("…: unknown table format '.xlsx' (use .csv, .html or .rtf)").

#include "export/export_table.h"

#include <QString>

#include <span>

namespace triallens::ui {

bool write_tables(const QString& path, std::span<const ExportTable> tables, QString* error);

inline bool write_table(const QString& path, const ExportTable& table, QString* error) {
    return write_tables(path, std::span(&table, 1), error);
}

// Whether write_tables knows the file's extension.
bool is_table_file(const QString& path);

} // namespace triallens::ui
