#pragma once
// Results as a plain-text summary table for the terminal: per arm n, events
// and median (CI), then the hazard ratio.

#include <triallens/analysis/results.h>

#include <string>

namespace triallens::cli {

std::string summary_table(const Results& results);

} // namespace triallens::cli
