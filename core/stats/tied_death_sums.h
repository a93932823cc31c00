#pragma once
// What a time with tied deaths adds to the Cox likelihood under Breslow and
// Efron, written over the risk set's totals so that it costs the same for 1
// or 10,000 deaths. With D0 the risk-score total of the risk set without the
// d deaths and D2 the deaths' total, Efron's j-th death (j = 1..d) sees
//   den_j = D0 + (j / d) D2
// and Breslow's every death sees D0 + D2. The likelihood, score and
// information need only
//   log_sum = sum log den_j,  s0 = sum 1/den_j,  s1 = sum (j/d)/den_j,
//   s00 = sum 1/den_j^2,  s01 = sum (j/d)/den_j^2,  s11 = sum (j/d)^2/den_j^2
// (Breslow: the same with all d terms at den = D0 + D2, j/d = 1).
// Efron's sums come from coxfit6's one-death-at-a-time loop for a few deaths,
// and in closed form for many: with u = d D0 / D2 and den_j = (D2/d)(u + j),
//   sum log(u + j) = lgamma(u + d + 1) - lgamma(u + 1),
//   sum 1/(u + j) = digamma(u + d + 1) - digamma(u + 1),
//   sum 1/(u + j)^2 = trigamma(u + 1) - trigamma(u + d + 1),
// evaluated in long double, which keeps the differences that cancel (e.g.
// d - u sum 1/(u + j) when u >> d) correct far beyond the 1e-6 at stake.

namespace triallens {

struct TieSums {
    double log_sum = 0;
    double s0 = 0;
    double s1 = 0;
    double s00 = 0;
    double s01 = 0;
    double s11 = 0;
};

TieSums breslow_tie_sums(double d0, double d2, double deaths);

// closed_form = false always loops, as coxfit6 does.
TieSums efron_tie_sums(double d0, double d2, double deaths, bool closed_form);

} // namespace triallens
