#include "export/forest_table.h"

#include "export/table_notes.h"
#include "models/forest_model.h"
#include "models/km_figure_text.h"

namespace triallens::ui {

ExportTable forest_table(const Results& results) {
    ForestModel model;
    // The model keeps a ResultsPtr; an aliasing pointer that owns nothing
    // lends it the caller's Results for the duration of this call.
    model.setResults(ResultsPtr(ResultsPtr(), &results));

    ExportTable table;
    table.title = QStringLiteral("%1: hazard ratio by subgroup").arg(endpoint_title(results));
    const auto caption = [&](int column) { return model.columnCaption(column); };
    using Column = ForestModel::Column;
    table.header.push_back({{QString()},
                            {model.referenceArm(), 2},
                            {model.comparedArm(), 2},
                            {QString()},
                            {QString()}});
    table.header.push_back({{caption(Column::SubgroupColumn)},
                            {caption(Column::ReferenceCountsColumn)},
                            {caption(Column::ReferenceMedianColumn)},
                            {caption(Column::ComparedCountsColumn)},
                            {caption(Column::ComparedMedianColumn)},
                            {caption(Column::HazardRatioColumn)},
                            {caption(Column::InteractionColumn)}});
    for (int r = 0; r < model.rowCount(); ++r) {
        ExportRow row;
        for (int c = 0; c < model.columnCount(); ++c) {
            row.cells << model.index(r, c).data().toString();
        }
        const auto kind =
            model.index(r, 0).data(ForestModel::RowKindRole).value<ForestModel::RowKind>();
        row.bold = kind != ForestModel::RowKind::Level;
        row.level = kind == ForestModel::RowKind::Level ? 1 : 0;
        table.rows.push_back(row);
    }
    table.footnotes = survival_notes(results, false, Population::Forest);
    if (!results.subgroups.empty()) {
        table.footnotes.insert(1, QStringLiteral("Within each subgroup: %1 against %2, Cox model "
                                                 "with the analysis's strata and ties; "
                                                 "interaction p: likelihood-ratio test of arm × "
                                                 "subgroup.")
                                      .arg(model.comparedArm(), model.referenceArm()));
    }
    return table;
}

} // namespace triallens::ui
