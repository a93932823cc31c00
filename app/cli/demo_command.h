#pragma once
// `triallens demo --out DIR`: writes the demo study as one CSV per dataset per site.

#include "cli/command_line.h"

namespace triallens::cli {

int run_demo(const CommandLine& line);

} // namespace triallens::cli
