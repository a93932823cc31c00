#pragma once
// The Cox partial log-likelihood, its score vector and information matrix at
// one beta, over rows sorted by cox_sorted_data.h. Tied event times follow
// the chosen method:
//   Breslow  every death at a time sees the whole risk set;
//   Efron    the d tied deaths leave the risk set in d equal parts
//            (coxfit6.c's sweep);
//   Exact    the exact conditional (discrete) likelihood, SAS TIES=DISCRETE:
//            the deaths' risk product over the sum of that product across
//            every d-subset of the risk set — the elementary symmetric
//            polynomial of degree d of the risk scores, built incrementally
//            as the risk set grows (Gail, Lubin & Rubinstein 1981; R's
//            coxexact.c).

#include "cox_sorted_data.h"

#include <Eigen/Dense>

namespace triallens {

struct CoxEvaluation {
    double loglik = 0;
    Eigen::VectorXd score;
    Eigen::MatrixXd information;

    bool finite() const {
        return std::isfinite(loglik) && score.allFinite() && information.allFinite();
    }
};

// Most deaths tied at one time within a stratum: the degree the exact
// likelihood needs.
int most_tied_deaths(const CoxSortedData& data);

CoxEvaluation evaluate_cox_likelihood(const CoxSortedData& data, const Eigen::VectorXd& beta,
                                      Ties ties);

} // namespace triallens
