#pragma once
// `triallens ae`: the adverse-event incidence table, as text or JSON.

#include "cli/command_line.h"

#include <triallens/analysis/adverse_event_report.h>

namespace triallens::cli {

int run_ae(const CommandLine& line);

// The AE table's spec from the flags: --arm, --ref, --conf-level, the event
// filters (--treatment-emergent, --related, --serious) and --filter.
AeSpec ae_spec(const CommandLine& line);

} // namespace triallens::cli
