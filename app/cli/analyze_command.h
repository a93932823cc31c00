#pragma once
// `triallens analyze`: refits the named data and prints a table or JSON; with
// --analysis FILE, the saved analysis, checked first (saved_analysis_source.h).

#include "cli/command_line.h"

#include <triallens/analysis/results.h>

namespace triallens::cli {

int run_analyze(const CommandLine& line);

// The workspace's results for the command line: of the saved analysis
// (--analysis), else of FILE... and the flags.
Results command_line_results(const CommandLine& line);

} // namespace triallens::cli
