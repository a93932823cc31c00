#pragma once
// `triallens analyze`: refits the named data and prints a table or JSON; with
// --analysis FILE, the saved analysis, checked first (saved_analysis_source.h).

#include "cli/command_line.h"

#include <triallens/analysis/results.h>
#include <triallens/data/reconstructed_subjects.h>

namespace triallens::cli {

int run_analyze(const CommandLine& line);

// The workspace's results for the command line: of the saved analysis
// (--analysis), else of FILE... and the flags.
Results command_line_results(const CommandLine& line);

// The same, with which of the study's subjects are pseudo-patients rebuilt
// from a publication, for the caveat every output carries (data_caveat.h).
struct CommandLineAnalysis {
    Results results;
    ReconstructedSubjects reconstructed;
};
CommandLineAnalysis command_line_analysis(const CommandLine& line);

} // namespace triallens::cli
