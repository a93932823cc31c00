#pragma once
// `triallens ae`: the adverse-event incidence table, as text or JSON.

#include "cli/command_line.h"

namespace triallens::cli {

int run_ae(const CommandLine& line);

} // namespace triallens::cli
