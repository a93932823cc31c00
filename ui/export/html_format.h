#pragma once
// Tables as HTML that pastes into Word and PowerPoint as a real table: a
// <table> with the heading rows in <thead> (an arm's heading spans its
// columns with colspan) and one <tr> per body row in <tbody>. Every style is
// inline (a style attribute on each element, plus border/cellpadding
// attributes for PowerPoint, which drops much CSS): cell borders, bold grey
// headings, numbers right-aligned, labels left-aligned and indented by
// their level, bold section rows. The title is a bold paragraph above the
// table, the footnotes small paragraphs below it.

#include "export/export_table.h"

#include <QString>

#include <span>

namespace triallens::ui {

// A standalone UTF-8 document (<!DOCTYPE html>, <head> with a <meta
// charset> and <title>, the tables in <body>), for a .html file.
QString html_document(std::span<const ExportTable> tables);
inline QString html_document(const ExportTable& table) {
    return html_document(std::span(&table, 1));
}

// The same tables without <html>, <head> and <body>, for the clipboard's
// text/html (Qt wraps it for the platform's clipboard format).
QString html_fragment(std::span<const ExportTable> tables);
inline QString html_fragment(const ExportTable& table) {
    return html_fragment(std::span(&table, 1));
}

} // namespace triallens::ui
