#pragma once
// Table 1 — the baseline characteristics by arm and in total — as a table,
// read from the Baseline tab's model (baseline_model.h) so the text is the
// screen's: a bold row per variable, its statistics or levels indented
// under it; the footnotes say the population, the quantile type and the
// tests behind the p-values, then whose subjects the table shows.
//
// Needs a Results with a baseline table (Results::baseline); without one
// the table has no rows and its footnote says why. From a command:
//   baseline_characteristics_table(compute_workspace(study, spec))

#include "export/export_table.h"

#include <triallens/analysis/results.h>

namespace triallens::ui {

ExportTable baseline_characteristics_table(const Results& results);

} // namespace triallens::ui
