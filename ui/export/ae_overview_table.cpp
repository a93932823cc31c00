#include "export/ae_overview_table.h"

#include "models/ae_overview_model.h"

#include <memory>

namespace triallens::ui {

ExportTable ae_overview_table(const AeOverview& overview, const AeTable* table,
                              bool exposure_adjusted) {
    AeOverviewModel model;
    // Aliasing pointers that own nothing lend the model the caller's values
    // for the duration of this call.
    model.setOverview(
        std::shared_ptr<const AeOverview>(std::shared_ptr<const AeOverview>(), &overview),
        table ? std::shared_ptr<const AeTable>(std::shared_ptr<const AeTable>(), table) : nullptr);
    model.setExposureAdjusted(exposure_adjusted);

    ExportTable out;
    out.title = model.hasExposure() && exposure_adjusted
                    ? QStringLiteral("Overview of adverse events, with exposure-adjusted rates")
                    : QStringLiteral("Overview of adverse events");
    std::vector<HeaderCell> groups;
    std::vector<HeaderCell> captions;
    for (int c = 0; c < model.columnCount(); ++c) {
        const QString group =
            model.headerData(c, Qt::Horizontal, AeOverviewModel::GroupRole).toString();
        captions.push_back({model.headerData(c, Qt::Horizontal).toString()});
        if (c > 0 && !group.isEmpty() && groups.back().text == group) {
            ++groups.back().span;
        } else {
            groups.push_back({group});
        }
    }
    out.header = {groups, captions};
    for (int r = 0; r < model.rowCount(); ++r) {
        ExportRow row;
        for (int c = 0; c < model.columnCount(); ++c) {
            row.cells << model.index(r, c).data().toString();
        }
        out.rows.push_back(row);
    }
    out.footnotes = model.notes();
    return out;
}

} // namespace triallens::ui
