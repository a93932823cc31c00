#pragma once
// Confidence intervals for a binomial proportion x/n and for the difference
// of two independent proportions.
//   Clopper–Pearson  qbeta(a/2, x, n-x+1), qbeta(1-a/2, x+1, n-x)  (0, 1 at the edges);
//                    R's binom.test()$conf.int
//   Wilson           the score interval without continuity correction;
//                    R's prop.test(x, n, correct = FALSE)$conf.int
//   Jeffreys         qbeta(a/2, x+1/2, n-x+1/2), qbeta(1-a/2, ...); 0 when x = 0, 1 when x = n
//   Newcombe         the hybrid score interval for p1 - p2 from the two Wilson
//                    intervals (Newcombe 1998, method 10)
//   Miettinen–Nurminen
//                    the score interval for p1 - p2 (Miettinen & Nurminen 1985;
//                    Newcombe 1998, method 6; SAS PROC FREQ RISKDIFF(CL=MN)):
//                    every d with Z(d)^2 <= z^2, where
//                      Z(d) = (p1^ - p2^ - d) / sqrt(V(d)),
//                      V(d) = [q1 (1 - q1) / n1 + q2 (1 - q2) / n2] * N / (N - 1),  N = n1 + n2,
//                    and q1 = q2 + d are the maximum-likelihood p1, p2 under
//                    p1 - p2 = d, the root of the likelihood cubic taken in closed
//                    form (Farrington & Manning 1990, trigonometric solution).
//                    Z decreases in d, so each limit is the one root of Z(d) = +-z
//                    on its side of p1^ - p2^, found by bisection to the last bit.
//                    The limits are -1 exactly when x1 = 0 and x2 = n2, +1 exactly
//                    when x1 = n1 and x2 = 0, and otherwise lie inside (-1, 1);
//                    both arms at 0 (or both full) give an interval around 0.
//                    Base R has no function for it (DescTools::BinomDiffCI(method =
//                    "mn") computes it); the goldens come from an independent R
//                    implementation checked against Newcombe 1998, Table II.
//
// Every function throws std::invalid_argument unless 0 <= x <= n and n > 0.

#include <cstddef>

namespace triallens {

struct Interval {
    double lower = 0;
    double upper = 1;
};

Interval clopper_pearson(std::size_t x, std::size_t n, double conf_level = 0.95);
Interval wilson(std::size_t x, std::size_t n, double conf_level = 0.95);
Interval jeffreys(std::size_t x, std::size_t n, double conf_level = 0.95);
Interval newcombe_difference(std::size_t x1, std::size_t n1, std::size_t x2, std::size_t n2,
                             double conf_level = 0.95);
Interval miettinen_nurminen_difference(std::size_t x1, std::size_t n1, std::size_t x2,
                                       std::size_t n2, double conf_level = 0.95);

} // namespace triallens
