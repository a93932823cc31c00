#pragma once
// The efficacy summary: one block per endpoint (PFS, OS, …), as a slide or
// a CSR's first table shows it. A bold endpoint row with its records, events
// and the log-rank p; then one indented row per arm with its n, events and
// median (CI), and for each arm but the reference the hazard ratio against
// the reference (Cox, Wald CI) and its Wald p. The same text as the GUI:
// every number as triallens/format/number_format.h writes it.
//
// Columns: "Endpoint / arm", "n", "Events", "Median, <unit> (95% CI)",
// "HR (95% CI)", "p (Wald)", "Log-rank p".

#include "export/export_table.h"

#include <triallens/analysis/analysis_spec.h>
#include <triallens/analysis/results.h>
#include <triallens/data/study.h>

#include <vector>

namespace triallens::ui {

// One Results per endpoint, in the order given; a null entry is skipped.
// From a command: summary_table(workspace_endpoints(study, spec)) (core's
// triallens/analysis/workspace.h).
ExportTable summary_table(const std::vector<ResultsPtr>& per_endpoint);

} // namespace triallens::ui
