#include "export/response_table.h"

#include "export/table_notes.h"
#include "models/best_response_model.h"

namespace triallens::ui {

namespace {

// The model keeps a ResultsPtr; an aliasing pointer that owns nothing lends
// it the caller's Results for the duration of a builder's call.
ResultsPtr borrowed(const Results& results) {
    return ResultsPtr(ResultsPtr(), &results);
}

} // namespace

ExportTable response_table(const Results& results, ResponseModel::RateInterval rate_interval,
                           ResponseModel::DifferenceInterval difference_interval) {
    ResponseModel model;
    model.setRateInterval(rate_interval);
    model.setDifferenceInterval(difference_interval);
    model.setResults(borrowed(results));

    ExportTable table;
    table.title = QStringLiteral("Objective response and disease control");
    std::vector<int> columns;
    for (int c = 0; c < model.columnCount(); ++c) {
        const bool cmh = c == ResponseModel::CmhOddsRatioColumn || c == ResponseModel::CmhPColumn;
        if (!cmh || model.hasCmh()) {
            columns.push_back(c);
        }
    }
    std::vector<HeaderCell> heading;
    for (const int c : columns) {
        heading.push_back({model.headerData(c, Qt::Horizontal).toString()});
    }
    table.header.push_back(heading);
    for (int r = 0; r < model.rowCount(); ++r) {
        ExportRow row;
        for (const int c : columns) {
            row.cells << model.index(r, c).data().toString();
        }
        const bool section =
            model.index(r, 0).data(ResponseModel::RowKindRole).value<ResponseModel::RowKind>() ==
            ResponseModel::RowKind::Header;
        row.bold = section;
        row.level = section ? 0 : 1;
        table.rows.push_back(row);
    }
    if (model.hasResponses()) {
        table.footnotes
            << QStringLiteral(
                   "Rates in percent; subjects without a best overall response count as "
                   "non-responders. Differences in percentage points against %1; odds ratios "
                   "with Woolf's CI; p by Fisher's exact test%2.")
                   .arg(QString::fromStdString(results.response->arms.front().arm),
                        model.hasCmh() ? QStringLiteral("; CMH: Mantel–Haenszel odds ratio "
                                                        "and Cochran–Mantel–Haenszel test "
                                                        "over the strata")
                                       : QString());
    }
    table.footnotes += data_notes(results);
    return table;
}

ExportTable best_response_table(const Results& results) {
    BestResponseModel model;
    model.setResults(borrowed(results));
    ExportTable table;
    table.title = QStringLiteral("Best overall response");
    std::vector<HeaderCell> heading;
    for (int c = 0; c < model.columnCount(); ++c) {
        heading.push_back({model.headerData(c, Qt::Horizontal).toString()});
    }
    if (!heading.empty()) {
        table.header.push_back(heading);
    }
    for (int r = 0; r < model.rowCount(); ++r) {
        ExportRow row;
        for (int c = 0; c < model.columnCount(); ++c) {
            row.cells << model.index(r, c).data().toString();
        }
        table.rows.push_back(row);
    }
    table.footnotes += data_notes(results);
    return table;
}

std::vector<ExportTable> response_tables(const Results& results,
                                         ResponseModel::RateInterval rate_interval,
                                         ResponseModel::DifferenceInterval difference_interval) {
    return {response_table(results, rate_interval, difference_interval),
            best_response_table(results)};
}

} // namespace triallens::ui
