#pragma once
// The Survival tab's landmark and RMST table as a table, exactly as
// ui/models/landmark_model.h shows it (the builder reads that model, so the
// text is the screen's): one row per arm; per landmark S(t) with its CI,
// the number at risk and the difference from the reference arm; at the
// horizon tau the RMST (SE), its difference and ratio against the
// reference. Footnotes name the methods and, as every table's do, the
// population (filter, subgroup in focus) and the data.
//
// Needs one Results whose spec names landmarks or tau
// (AnalysisSpec::landmarks, AnalysisSpec::tau; `--landmarks`, `--tau`);
// without either the table has no rows. From a command:
//   landmark_table(compute_workspace(study, spec))

#include "export/export_table.h"

#include <triallens/analysis/results.h>

namespace triallens::ui {

ExportTable landmark_table(const Results& results);

// Whether the results hold landmark estimates or an RMST (the spec named
// landmarks or tau), so that landmark_table() has rows.
bool has_landmark_estimates(const Results& results);

} // namespace triallens::ui
