#pragma once
// A Cox model as the fitters walk it: the records' counts by (stratum, time,
// covariate pattern) and each pattern's covariates, centred and scaled as
// coxfit6 does (by the mean absolute deviation; coxexact.fit uses the
// standard deviation). Scaling changes the iteration path, not the answer.
// Shared by the Newton–Raphson fit and the proportional-hazards test.

#include "triallens/stats/cox_regression.h"
#include "triallens/stats/risk_set_counts.h"

#include <Eigen/Dense>

namespace triallens {

enum class CovariateScale { MeanAbsoluteDeviation, StandardDeviation };

struct CoxModel {
    RiskSetCounts counts;
    Eigen::MatrixXd x;     // patterns × p, centred and scaled
    Eigen::VectorXd scale; // multiply a raw column by this to scale it
    // Efron's tied deaths in closed form when many die at one time; false
    // keeps coxfit6's one-death-at-a-time sweep (the plain computation).
    bool closed_form_ties = true;
};

// Timefix, sort, and the records grouped into patterns of equal covariates
// when options.group_patterns allows it and the patterns are few; otherwise
// every record is its own pattern. Throws std::invalid_argument when the
// inputs differ in length.
CoxModel prepare_cox_model(const CoxInput& input, const CoxOptions& options, CovariateScale scale);

// The same from counts already made: `covariates` is column-major, term j of
// pattern g at j * counts.patterns + g.
CoxModel prepare_cox_model(const PatternCoxInput& input, CovariateScale scale);

} // namespace triallens
