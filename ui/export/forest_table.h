#pragma once
// The forest plot's rows as a table, exactly as ui/models/forest_model.h
// shows them (the builder reads that model, so the text is the screen's):
// "All patients" first, then per subgroup variable a bold row with its
// interaction p, then its levels indented. Columns: subgroup; per arm
// (reference, then compared, each arm's name spanning its two columns)
// "n/events" and "median (CI)"; "HR (95% CI)"; "interaction p".
//
// Needs one Results refitted with the subgroups in its spec
// (AnalysisSpec::subgroups, `analyze --subgroups`); without subgroups the
// table has the "All patients" row only. From a command:
//   forest_table(refit(study, resolve_spec(study, spec)))
// The Results only needs to live for the call.

#include "export/export_table.h"

#include <triallens/analysis/results.h>

namespace triallens::ui {

ExportTable forest_table(const Results& results);

} // namespace triallens::ui
