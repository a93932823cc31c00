#pragma once
// `triallens analyze`: refits the named data and prints a table or JSON.

#include "cli/command_line.h"

namespace triallens::cli {

int run_analyze(const CommandLine& line);

} // namespace triallens::cli
