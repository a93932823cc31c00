#include "export/disposition_table.h"

#include "export/table_notes.h"
#include "models/disposition_model.h"

namespace triallens::ui {

ExportTable disposition_table(const Results& results) {
    DispositionModel model;
    // The model keeps a ResultsPtr; an aliasing pointer that owns nothing
    // lends it the caller's Results for the duration of this call.
    model.setResults(ResultsPtr(ResultsPtr(), &results));

    ExportTable table;
    table.title = QStringLiteral("Disposition of patients");
    if (model.columnCount() > 0) {
        std::vector<HeaderCell> header;
        for (int c = 0; c < model.columnCount(); ++c) {
            header.push_back({model.headerData(c, Qt::Horizontal).toString()});
        }
        table.header.push_back(std::move(header));
    }
    for (int r = 0; r < model.rowCount(); ++r) {
        ExportRow row;
        for (int c = 0; c < model.columnCount(); ++c) {
            row.cells << model.index(r, c).data(DispositionModel::LabelRole).toString();
        }
        const bool reason = model.index(r, 0).data(DispositionModel::IsReasonRole).toBool();
        row.bold = !reason;
        row.level = reason ? 1 : 0;
        table.rows.push_back(row);
    }
    if (results.disposition) {
        table.footnotes = disposition_footnotes(*results.disposition);
    } else if (!results.baseline_error.empty()) {
        table.footnotes << QStringLiteral("No disposition: %1")
                               .arg(QString::fromStdString(results.baseline_error));
    }
    table.footnotes += data_notes(results);
    return table;
}

} // namespace triallens::ui
