#pragma once
// The Fine–Gray (1999) proportional subdistribution hazards model of one
// cause, as cmprsk::crr (2.2) fits it: censoring weights from the
// Kaplan–Meier of the censoring distribution, Newton–Raphson to crr's
// convergence, and crr's sandwich (robust) variance. Unstratified, as crr
// is; R:
//   crr(time, status, cov1 = model.matrix(~ arm)[, -1], failcode = cause,
//       cencode = 0)
//
// What crr does, and so this:
//   - weights: G, the Kaplan–Meier of the censoring distribution (censorings
//     are its events, everyone with time ≥ t at risk), read at t− (crr's
//     approx() at t (1 − 100 eps): at t = 0 it is G(0)). At a failure time
//     t_k of the cause, a record still followed (time ≥ t_k) weighs
//     exp(x'b), one that failed from another cause at t < t_k weighs
//     exp(x'b) G(t_k−) / G(t−), a censored one has left. Ties: Breslow.
//   - Newton–Raphson from b = 0 on minus the log pseudo-likelihood f, done
//     when max_j |∂f/∂b_j| · max(|b_j|, 1) < max(|f|, 1) · 1e-6 (gtol), at
//     most 10 steps (maxiter), each halved until f falls by Armijo's 1e-4
//     (more than 20 halvings: stop, not converged). crr stops there, not at
//     full convergence, and so does this. `iterations` is the number of
//     Newton steps taken (crr's loop counter when it stopped).
//   - se: the square roots of crr's `var`, the sandwich I⁻¹ (Σ u_i u_i') I⁻¹
//     whose u_i adds to each record's score residual the term for the
//     estimated censoring weights (Fine & Gray 1999, section 4) — what
//     summary.crr reports. CI exp(coef ± z se), p = 2 Φ(−|coef / se|).
//
// Bad input throws std::invalid_argument naming what is wrong: covariate
// rows ≠ records, no covariate column, a constant column or one that is a
// linear combination of the others (the information would be singular), a
// cause with no event in the data, a negative or non-finite time, a negative
// status, a non-finite covariate. A fit that stops before crr's criterion
// (10 steps, or no step that lowers f) is returned with converged = false.

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
    int iterations = 0; // Newton steps taken
};

// `covariates` has one row per record of `data` and one column per term
// (for the arm: one 0/1 column per non-reference group). data.group and
// data.stratum are not used.
FineGrayFit fine_gray(const CompetingRisksData& data, const Eigen::MatrixXd& covariates,
                      std::int32_t cause, double conf_level = 0.95);

} // namespace triallens
