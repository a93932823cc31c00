#pragma once
// How wide each column of an ExportTable wants to be, in characters, for the
// writers that must say it (RTF always; HTML for Word and LibreOffice, which
// otherwise squeeze number columns until their digits wrap): the longest
// line of any body cell (the label column counting its indent), and of the
// one-column headings at least their longest word, as headings may wrap.

#include "export/export_table.h"

#include <QtGlobal>

#include <vector>

namespace triallens::ui {

std::vector<qsizetype> column_chars(const ExportTable& table);

} // namespace triallens::ui
