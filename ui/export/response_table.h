#pragma once
// The Response tab as two tables, read from its models (response_model.h,
// best_response_model.h) so the text is the screen's:
//  - response_table: objective response (CR or PR) and disease control (CR,
//    PR, SD or NON-CR/NON-PD), each a bold row followed by one indented row
//    per arm: n, responders, rate (%), its CI, the difference against the
//    reference in percentage points with its CI, the odds ratio (Woolf CI),
//    Fisher's exact p and, only when the analysis has strata, the
//    Mantel–Haenszel odds ratio and CMH p (as the tab hides them without).
//  - best_response_table: one row per best overall response category, one
//    "n (%)" column per arm.
// response_tables gives both, for one file or one clipboard copy.
//
// Needs a Results of a study with best overall responses (ADRS PARAMCD
// "BOR"); without them both tables have no rows. From a command:
//   response_tables(refit(study, resolve_spec(study, spec)))
// The intervals are the tab's choices (defaults: Clopper–Pearson,
// Miettinen–Nurminen).

#include "export/export_table.h"
#include "models/response_model.h"

#include <triallens/analysis/results.h>

#include <vector>

namespace triallens::ui {

ExportTable response_table(
    const Results& results,
    ResponseModel::RateInterval rate_interval = ResponseModel::RateInterval::ClopperPearson,
    ResponseModel::DifferenceInterval difference_interval =
        ResponseModel::DifferenceInterval::MiettinenNurminen);

ExportTable best_response_table(const Results& results);

std::vector<ExportTable> response_tables(
    const Results& results,
    ResponseModel::RateInterval rate_interval = ResponseModel::RateInterval::ClopperPearson,
    ResponseModel::DifferenceInterval difference_interval =
        ResponseModel::DifferenceInterval::MiettinenNurminen);

} // namespace triallens::ui
