#pragma once
// What the plain-text writers (CSV, TSV) share: an ExportTable laid out as a
// grid of fields, one record per line.
//
// Records: the title (one field, when there is one); each heading row with a
// spanning heading in its first column and the columns it spans after it
// empty; each body row padded to the column count (the cells exactly as the
// table holds them: no indent added); each footnote (one field).

#include "export/export_table.h"

#include <QStringList>

#include <vector>

namespace triallens::ui {

std::vector<QStringList> table_grid(const ExportTable& table);

} // namespace triallens::ui
