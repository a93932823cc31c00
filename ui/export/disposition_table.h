#pragma once
// The disposition of patients as a table, read from the Baseline tab's
// model (disposition_model.h) so the text is the screen's: a bold row per
// stage, its reasons indented under it, "n (%)" per arm and in total; the
// footnotes give the percentages' base, the columns read and whose
// subjects the table shows.
//
// Needs a Results with a disposition (Results::disposition); without one
// the table has no rows and its footnote says why. From a command:
//   disposition_table(compute_workspace(study, spec))

#include "export/export_table.h"

#include <triallens/analysis/results.h>

namespace triallens::ui {

ExportTable disposition_table(const Results& results);

} // namespace triallens::ui
