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

} // namespace triallens
