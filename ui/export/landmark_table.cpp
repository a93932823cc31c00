#include "export/landmark_table.h"

#include "export/table_notes.h"
#include "models/km_figure_text.h"
#include "models/landmark_model.h"

#include <triallens/format/number_format.h>

namespace triallens::ui {

bool has_landmark_estimates(const Results& results) {
    return !results.arms.empty() &&
           (!results.arms.front().landmarks.empty() || results.arms.front().rmst.has_value());
}

ExportTable landmark_table(const Results& results) {
    LandmarkModel model;
    // The model keeps a ResultsPtr; an aliasing pointer that owns nothing
    // lends it the caller's Results for the duration of this call.
    model.setResults(ResultsPtr(ResultsPtr(), &results));

    ExportTable table;
    table.title = QStringLiteral("%1: survival at landmark times and restricted mean survival time")
                      .arg(endpoint_title(results));
    std::vector<HeaderCell> header;
    for (int c = 0; c < model.columnCount(); ++c) {
        header.push_back({model.headerData(c, Qt::Horizontal).toString()});
    }
    for (int r = 0; r < model.rowCount(); ++r) {
        ExportRow row;
        for (int c = 0; c < model.columnCount(); ++c) {
            row.cells << model.index(r, c).data().toString();
        }
        table.rows.push_back(row);
    }
    table.footnotes = data_notes(results);
    if (!model.hasEstimates()) {
        return table;
    }
    table.header.push_back(std::move(header));
    const KmOptions& km = results.arms.front().km.options;
    QString note = QStringLiteral("S(t): Kaplan–Meier estimate, %1 CI by the %2 transform; "
                                  "RMST: area under the Kaplan–Meier curve up to the horizon.")
                       .arg(QString::fromStdString(conf_level_text(km.conf_level)),
                            QString::fromLatin1(conf_type_name(km.conf_type)));
    if (results.cox) {
        note += QStringLiteral(" Differences and ratios against %1: Wald intervals on "
                               "independent arms (the RMST ratio's on the log scale).")
                    .arg(QString::fromStdString(results.cox->reference_arm));
    }
    table.footnotes.insert(0, note);
    return table;
}

} // namespace triallens::ui
