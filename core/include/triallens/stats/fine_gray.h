#pragma once
// The Fine–Gray (1999) proportional subdistribution hazards model of one
// cause, as cmprsk::crr (2.2) fits it: censoring weights from the
// Kaplan–Meier of the censoring distribution, Newton–Raphson to crr's
// convergence, and crr's sandwich (robust) variance. Unstratified, as crr
// is; R:
//   crr(time, status, cov1 = model.matrix(~ arm)[, -1], failcode = cause,
//       cencode = 0)

#include "triallens/stats/competing_risks_data.h"

#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace triallens {

struct FineGrayTerm {
    double coef = 0;
    double se = 0; // robust, crr's sqrt(diag(var))
    double hr = 1;
    double lower = 0;
    double upper = 0;
    double p = 1; // two-sided Wald
};

struct FineGrayFit {
    std::int32_t cause = 1;
    std::vector<FineGrayTerm> terms; // one per covariate column
    bool converged = false;
    int iterations = 0;
};

// `covariates` has one row per record of `data` and one column per term
// (for the arm: one 0/1 column per non-reference group). data.group and
// data.stratum are not used.
FineGrayFit fine_gray(const CompetingRisksData& data, const Eigen::MatrixXd& covariates,
                      std::int32_t cause, double conf_level = 0.95);

} // namespace triallens
