#pragma once
// Results as the JSON document of the contract (schema triallens.analyze/1).
// Undefined numbers (a limit not reached, an SE once S = 0) are null.

#include <triallens/analysis/results.h>
#include <triallens/data/reconstructed_subjects.h>

#include <QJsonObject>

namespace triallens::cli {

QJsonObject analyze_json(const Results& results);

// `analyze --json`'s "reconstructed": how many subjects are pseudo-patients
// rebuilt from a publication (0 for a trial's own data) and the sources,
// {"subjects": 86, "sources": ["Doe 2024, Fig. 2"]}.
QJsonObject reconstructed_json(const ReconstructedSubjects& reconstructed);

} // namespace triallens::cli
