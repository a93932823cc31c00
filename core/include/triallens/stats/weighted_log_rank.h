#pragma once
// Two-sample weighted log-rank tests of the Fleming–Harrington family
// FH(rho, gamma), stratified, for a reference group (0) and a compared
// group (1).
//
// At each death time t of a stratum, with n at risk (n_1 of the compared
// group), d deaths (d_1 of the compared group) and S(t-) the pooled
// Kaplan–Meier of the stratum taken left-continuous:
//   w   = S(t-)^rho (1 - S(t-))^gamma                 (0^0 = 1)
//   U  += w (d_1 - d n_1 / n)                          the compared group's O - E
//   V  += w^2 d (n - d) / (n - 1) · n_1 (n - n_1) / n^2     (n > 1)
//   z   = U / sqrt(V),   chisq = z^2 on 1 df,   p = P(chisq_1 >= z^2).
// U and V are summed over strata; S restarts at 1 in each stratum. z < 0
// favours the compared group (fewer deaths than expected), the sign of
// survdiff's O - E of that group.
//
// R: survival::survdiff(rho = rho) computes exactly this for gamma = 0 —
// survdiff2.c builds its left-continuous KM afresh within each stratum from
// all records of the stratum, not over all strata — and FH(0, 0) is the
// log-rank test (log_rank.h; the same walk over the counts). survdiff has no
// gamma; FH(rho, gamma) with gamma > 0 follows the same definition, as
// simtrial's wlr()/fh_weight() and nphRCT's wlrt() do.

#include "triallens/stats/risk_set_counts.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace triallens {

struct FhWeight {
    double rho = 0;
    double gamma = 0;

    bool operator==(const FhWeight&) const = default;
};

// The weight-free terms of every FH test at each death time, in walk order
// (strata, then time): all a set of FH tests and their covariances need.
struct TwoSampleDeathTerms {
    std::vector<double> survival_before;         // S(t-), pooled KM of the stratum
    std::vector<double> observed_minus_expected; // d_1 - d n_1 / n
    std::vector<double> variance;                // d (n - d) / (n - 1) n_1 n_0 / n^2
};

// From counts with two patterns: 0 the reference group, 1 the compared one.
TwoSampleDeathTerms two_sample_death_terms(const RiskSetCounts& counts);

struct WeightedLogRank {
    FhWeight weight;
    double score = 0;    // U, the weighted O - E of the compared group
    double variance = 0; // V
    double z = 0;
    double chisq = 0;
    double p = 1;
    // False when V = 0 (no death time with both groups at risk, or every
    // weight zero, as FH(0, gamma > 0) with a single death time): z, chisq
    // and p are then 0, 0 and 1 and mean nothing.
    bool defined = false;
};

// Throws std::invalid_argument when rho or gamma is negative or not finite.
WeightedLogRank weighted_log_rank(const TwoSampleDeathTerms& terms, FhWeight weight);

// Record-level: `group` 0 (reference) or 1 (compared), `stratum` may be
// empty; times go through R's timefix first.
WeightedLogRank weighted_log_rank_test(std::span<const double> time,
                                       std::span<const std::uint8_t> event,
                                       std::span<const std::int32_t> group,
                                       std::span<const std::int32_t> stratum, FhWeight weight);

// The same terms from records (timefix applied), for weighted_log_rank and
// maxcombo_test.
TwoSampleDeathTerms two_sample_death_terms(std::span<const double> time,
                                           std::span<const std::uint8_t> event,
                                           std::span<const std::int32_t> group,
                                           std::span<const std::int32_t> stratum);

} // namespace triallens
