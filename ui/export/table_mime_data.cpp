#include "export/table_mime_data.h"

#include "export/html_format.h"
#include "export/tsv_format.h"

namespace triallens::ui {

std::unique_ptr<QMimeData> table_mime_data(std::span<const ExportTable> tables) {
    auto mime = std::make_unique<QMimeData>();
    mime->setHtml(html_fragment(tables));
    mime->setText(tsv_text(tables));
    return mime;
}

} // namespace triallens::ui
