#pragma once
// `triallens baseline`: Table 1 (baseline characteristics by arm and in
// total) and the disposition of patients, as aligned terminal tables or
// JSON (schema triallens.baseline/1).

#include "cli/command_line.h"

#include <triallens/analysis/baseline_table.h>
#include <triallens/analysis/disposition.h>

#include <QJsonObject>

namespace triallens::cli {

int run_baseline(const CommandLine& line);

// The contract's document; null where a value is not defined. Counts are
// keyed by the column names (the arms, then "Total").
QJsonObject baseline_json(const BaselineTable& table, const Disposition* disposition);

// Table 1, then the disposition, as terminal tables.
std::string baseline_text(const BaselineTable& table, const Disposition* disposition);

} // namespace triallens::cli
