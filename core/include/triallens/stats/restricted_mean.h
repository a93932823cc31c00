#pragma once
// Restricted mean survival time: the area under the Kaplan–Meier curve from 0
// to a horizon tau, with its standard error, as R's print(survfit, rmean = tau)
// computes it (survival:::survmean):
//   RMST     = sum of the rectangles under S up to tau
//   Var      = sum over curve times t_i <= tau of A_i^2 d_i / (n_i (n_i - d_i)),
// where A_i is the area under S from t_i to tau (terms with n_i = d_i are 0,
// and there is no n/(n-1) correction).

#include "triallens/stats/kaplan_meier.h"

namespace triallens {

struct RestrictedMean {
    double tau = 0;
    double estimate = 0;
    double std_err = 0;
};

RestrictedMean restricted_mean(const KaplanMeier& km, double tau);

} // namespace triallens
