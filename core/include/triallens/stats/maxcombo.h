#pragma once
// The MaxCombo test: the largest |z| over a set of Fleming–Harrington tests
// (weighted_log_rank.h) of one two-sample comparison, referred to the joint
// normal distribution of their z statistics (Lin et al. 2020, "Alternative
// analysis methods for time to event endpoints under nonproportional
// hazards: a comparative analysis", Stat Biopharm Res 12:187–198; as
// simtrial's maxcombo() and nphRCT's wlrt(..., method = "max")).
//
// With w_j(t) the weight of test j at death time t and v_t the
// hypergeometric variance term there,
//   Sigma_jk = sum_t w_j(t) w_k(t) v_t,   R_jk = Sigma_jk / sqrt(Sigma_jj Sigma_kk),
// (w_j w_k = the weight of FH((rho_j + rho_k)/2, (gamma_j + gamma_k)/2)
// squared, which is how simtrial computes it). z_max = max_k |z_k| and the
// two-sided p = P(max_k |Z_k| >= z_max) = 1 - P(|Z_k| < z_max for all k)
// with Z ~ N(0, R), by Genz's method (multivariate_normal.h) to an absolute
// error of maxcombo_p_error (1e-6, the precision a p-value is read to; 1e-7
// cost up to 2.5 s with four highly correlated tests): deterministic. Tests that are
// the same (R_jk = 1) are handled: the probability is then of one of them.
// simtrial's pvalue_maxcombo() is one-sided (the lower tail of min z); this
// is the two-sided p the contract asks for.

#include "triallens/stats/weighted_log_rank.h"

#include <cstddef>
#include <span>
#include <vector>

namespace triallens {

inline constexpr std::size_t maxcombo_max_tests = 10;
inline constexpr double maxcombo_p_error = 1e-6;

// FH(0,0), FH(0,1), FH(1,0), FH(1,1): Lin et al. 2020's combination, the default.
std::vector<FhWeight> maxcombo_default_tests();
// FH(0,0), FH(0,1), FH(1,1): the default of simtrial's maxcombo() (rho =
// c(0, 0, 1), gamma = c(0, 1, 1)), and of its simfix()/pMaxCombo examples.
std::vector<FhWeight> maxcombo_simtrial_tests();

struct MaxCombo {
    std::vector<WeightedLogRank> tests;
    std::vector<double> correlation; // tests x tests, row-major
    double z_max = 0;
    double p = 1;
    double p_error = 0; // the MVN integration's error estimate
    // False when any test is undefined (zero variance): then z_max and p
    // mean nothing.
    bool defined = false;
};

// Throws std::invalid_argument for no test, more than maxcombo_max_tests,
// or a weight weighted_log_rank refuses.
MaxCombo maxcombo_test(const TwoSampleDeathTerms& terms, std::span<const FhWeight> tests);

} // namespace triallens
