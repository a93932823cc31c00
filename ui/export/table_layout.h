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

// Widths (any unit) narrowed to `available` when their sum exceeds it: the
// label column (the first) gives way first, down to a quarter of the room,
// as labels wrap well and numbers do not; then every column in proportion.
std::vector<double> fitted_widths(std::vector<double> widths, double available);

} // namespace triallens::ui
