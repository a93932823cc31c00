#pragma once
// Tables as RTF, the format pharma reports are assembled in: a real RTF
// table (\trowd … \cellx … \cell … \row per row) that Word and LibreOffice
// open as a table. Heading rows repeat on each page (\trhdr), are bold on
// grey, and a heading spanning several columns is one wide cell (as Word
// itself writes horizontally merged cells). Labels are left-aligned and
// indented by their level, numbers right-aligned; section rows bold. Text
// outside ASCII is written as \uN? (UTF-16 code units, so any character).
//
// Column widths follow the longest cell of each column (headings may wrap),
// scaled down to the page when they would not fit: US Letter, 1 inch
// margins, landscape when the widest table does not fit portrait. Arial
// 9 pt in the table (smaller, down to 7 pt, for a table that would not fit), the title 11 pt bold
// above it, footnotes 8 pt below.

#include "export/export_table.h"

#include <QByteArray>

#include <span>

namespace triallens::ui {

QByteArray rtf_document(std::span<const ExportTable> tables);
inline QByteArray rtf_document(const ExportTable& table) {
    return rtf_document(std::span(&table, 1));
}

} // namespace triallens::ui
