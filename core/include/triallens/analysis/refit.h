#pragma once
// The analysis engine: one call computes every number a spec asks for.
// Pure: the same study and spec always give the same Results.

#include "triallens/analysis/analysis_spec.h"
#include "triallens/analysis/results.h"
#include "triallens/data/study.h"

#include <stdexcept>
#include <string>

namespace triallens {

// A spec that cannot be applied to the study (unknown parameter or column).
class SpecError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Resolves the spec's defaults against the study (parameter, arm column,
// reference arm); throws SpecError when one cannot be resolved.
AnalysisSpec resolve_spec(const Study& study, AnalysisSpec spec);

// How a refit counts the records. The defaults are the fast path; the plain
// one (records gathered, timefixed and sorted per analysis, each record its
// own pattern in the Cox fits) is kept to check it against.
struct RefitOptions {
    bool presorted = true;      // one linear pass when the records are in time order
    bool group_patterns = true; // Cox fits over covariate patterns
};

Results refit(const Study& study, const AnalysisSpec& spec, const RefitOptions& options = {});

} // namespace triallens
