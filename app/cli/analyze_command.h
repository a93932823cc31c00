#pragma once
// `triallens analyze`: refits the named data and prints a table or JSON; with
// --analysis FILE, the saved analysis, checked first (saved_analysis_source.h).

#include "cli/command_line.h"

namespace triallens::cli {

int run_analyze(const CommandLine& line);

} // namespace triallens::cli
