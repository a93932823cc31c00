#pragma once
// Tables for the clipboard: text/html (html_fragment, so a paste into Word,
// PowerPoint or Outlook makes a real table) and text/plain (tsv_text, so a
// paste into Excel or an editor gives one cell per field).
//
// Returned as a unique_ptr; hand it over with
// `QGuiApplication::clipboard()->setMimeData(table_mime_data(t).release())`
// (the clipboard takes ownership).

#include "export/export_table.h"

#include <QMimeData>

#include <memory>
#include <span>

namespace triallens::ui {

std::unique_ptr<QMimeData> table_mime_data(std::span<const ExportTable> tables);
inline std::unique_ptr<QMimeData> table_mime_data(const ExportTable& table) {
    return table_mime_data(std::span(&table, 1));
}

} // namespace triallens::ui
