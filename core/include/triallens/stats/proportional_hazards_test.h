#pragma once
// Test of the proportional-hazards assumption of a fitted Cox model, matching
// R's survival::cox.zph() (survival >= 3.0, R/cox.zph.R and src/zph1.c).
//
// The test is the exact score test for adding the time-dependent terms
// X_j g(t) to the model, i.e. beta_j(t) = beta_j + gamma_j g(t), evaluated at
// (beta = the fitted coefficients, gamma = 0) (Therneau & Grambsch 2000, ch. 6;
// Grambsch & Therneau 1994, Biometrika 81:515). Over the event times t_i, with
// xbar(t) and V(t) the risk-weighted mean and variance of X over the risk set
// (Efron or Breslow, exactly as the fit, strata resetting the risk set):
//   U_gamma      = sum_i g(t_i) (x_i - xbar(t_i))
//   I_beta,beta  = sum_i V(t_i),  I_beta,gamma = sum_i g(t_i) V(t_i),
//   I_gamma,gamma = sum_i g(t_i)^2 V(t_i)
// and U_beta is taken as 0 (beta is the fitted value; R does the same even
// when the fit stopped short of convergence). For a term with columns J,
//   chisq_J = u' I_sub^-1 u,  u = (0_p, U_gamma[J]),  I_sub the rows and
//   columns (all beta, gamma[J]) of the 2p x 2p information,
// with |J| degrees of freedom; GLOBAL uses all 2p rows, with p degrees of
// freedom. p-values are upper chi-square tails.
//
// g(t), R's `transform =`, is computed on the times after timefix (the times
// coxph keeps in fit$y), then centred by its mean over the event rows:
//   Km        1 - S(t-), S the left-continuous Kaplan–Meier of all rows pooled
//             (strata ignored) — R's default "km";
//   Identity  t;
//   Rank      the average rank of t among all rows (censored ones included);
//   Log       log t (every event time must be positive).
//
// R's quirk matched on purpose: cox.zph passes `method == "efron"` to zph1.c,
// so a fit with ties = "exact" is tested with the Breslow information at the
// exact-likelihood coefficients. Here every ties method other than Efron is
// treated as Breslow, which is what R does.
//
// Edges (R stops with an error in each; here the row is reported as not
// estimable — chisq and p std::nullopt — and `problems` says why):
//   - no events, or transform Log with an event at t <= 0;
//   - an aliased coefficient (fit.aliased, R's NA from a singular X) or one
//     that is not finite: its column is left out of the model, as cox.zph
//     drops it, and a term left with no column gets df = 0;
//   - an information (sub)matrix that is numerically singular: its 1-norm
//     reciprocal condition number is below machine epsilon, the rule of R's
//     solve() (computed here on the centred and scaled covariates, so the
//     boundary can differ from R's in the last digits of a near-singular
//     case) — for example when all events share one time, so g is 0 there
//     after centring.
// Inputs of inconsistent length throw std::invalid_argument, as fit_cox does.
//
// Not covered (CoxInput has none of it): case weights, (start, stop] data
// (zph2.c), penalised/frailty terms, a user transform function, singledf, and
// the scaled Schoenfeld residuals cox.zph returns for plotting.

#include "triallens/stats/cox_regression.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace triallens {

enum class ZphTransform { Km, Identity, Rank, Log };

struct ZphOptions {
    ZphTransform transform = ZphTransform::Km;
    // term_of_column[j] is the term of covariate column j (0, 1, ...; each
    // term's columns together, as a factor's dummy columns are) — R's
    // fit$assign. Empty: each column is its own term.
    std::vector<std::size_t> term_of_column;
};

struct ZphTerm {
    std::optional<double> chisq; // nullopt: not estimable (see `problems`)
    std::size_t df = 0;
    std::optional<double> p;
};

struct ZphResult {
    std::vector<ZphTerm> terms; // one per term, in term order
    ZphTerm global;
    std::vector<std::string> problems; // why a row is not estimable
};

// `fit` is fit_cox's result on the same `input` (its `coef` is what is used);
// `ties` the method it was fitted with.
ZphResult test_proportional_hazards(const CoxInput& input, const CoxFit& fit, Ties ties,
                                    const ZphOptions& options = {});
// The same for a model given as counts and pattern covariates.
ZphResult test_proportional_hazards(const PatternCoxInput& input, const CoxFit& fit, Ties ties,
                                    const ZphOptions& options = {});

} // namespace triallens
