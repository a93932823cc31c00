#pragma once
// Tables as tab-separated text, the plain-text flavour of the clipboard: a
// paste into Excel or a text editor gives one cell per field. Laid out as
// table_grid.h says, records ending in LF, tables separated by an empty
// line. TSV has no quoting, so a tab or line break inside a cell becomes a
// space.

#include "export/export_table.h"

#include <QString>

#include <span>

namespace triallens::ui {

QString tsv_text(std::span<const ExportTable> tables);
inline QString tsv_text(const ExportTable& table) {
    return tsv_text(std::span(&table, 1));
}

} // namespace triallens::ui
