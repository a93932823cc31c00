#include "export/baseline_characteristics_table.h"

#include "export/table_notes.h"
#include "models/baseline_model.h"

namespace triallens::ui {

ExportTable baseline_characteristics_table(const Results& results) {
    BaselineModel model;
    // The model keeps a ResultsPtr; an aliasing pointer that owns nothing
    // lends it the caller's Results for the duration of this call.
    model.setResults(ResultsPtr(ResultsPtr(), &results));

    ExportTable table;
    table.title = QStringLiteral("Baseline characteristics");
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
            row.cells << model.index(r, c).data(BaselineModel::LabelRole).toString();
        }
        const bool variable =
            model.index(r, 0).data(BaselineModel::RowKindRole).value<BaselineModel::RowKind>() ==
            BaselineModel::RowKind::Variable;
        row.bold = variable;
        row.level = variable ? 0 : 1;
        table.rows.push_back(row);
    }
    if (results.baseline) {
        table.footnotes = baseline_footnotes(*results.baseline);
    } else if (!results.baseline_error.empty()) {
        table.footnotes << QStringLiteral("No baseline table: %1")
                               .arg(QString::fromStdString(results.baseline_error));
    }
    table.footnotes += data_notes(results);
    return table;
}

} // namespace triallens::ui
