#pragma once
// The workspace a command line asks for: its analysis flags, its AE toggles,
// and where a flag is left out the defaults the window uses (core's
// default_spec.h), so a command and the window given the same choices
// compute the same Results with the same core call.

#include "cli/command_line.h"

#include <triallens/analysis/workspace.h>
#include <triallens/data/study.h>

namespace triallens::cli {

// `export --figure forest` without --subgroups draws the window's default
// forest (default_subgroups); every other command leaves subgroups out
// unless asked, as the contract says. --focus must name a categorical
// subject column and one of its levels (UsageError otherwise).
WorkspaceSpec workspace_from_flags(const Study& study, const CommandLine& line);

} // namespace triallens::cli
