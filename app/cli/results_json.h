#pragma once
// Results as the JSON document of the contract (schema triallens.analyze/1).
// Undefined numbers (a limit not reached, an SE once S = 0) are null.

#include <triallens/analysis/results.h>

#include <QJsonObject>

namespace triallens::cli {

QJsonObject analyze_json(const Results& results);

} // namespace triallens::cli
