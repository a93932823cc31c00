#pragma once
// `triallens ae`: the adverse-event incidence table, as text or JSON.

#include "cli/command_line.h"

#include <triallens/analysis/workspace.h>
#include <triallens/data/study.h>
#include <triallens/stats/adverse_event_incidence.h>

namespace triallens::cli {

int run_ae(const CommandLine& line);

// The workspace's AE table for the flags (--arm, --ref, --conf-level, the
// event filters --treatment-emergent, --related, --serious, and --filter),
// counted by actual treatment as the window counts it (default_spec.h
// adverse_event_spec). Throws when the study has none or it cannot be made.
AeTable adverse_event_table_of(const Study& study, const CommandLine& line);
// The same for a workspace already made (a saved analysis's).
AeTable adverse_event_table_of(const Study& study, const WorkspaceSpec& workspace);

} // namespace triallens::cli
