#pragma once
// The k-sample log-rank test and its Fleming–Harrington G(rho, gamma) family,
// optionally stratified, matching R's survival::survdiff() (survdiff2.c).
//
// At each distinct event time t of a stratum, with n at risk and d events of
// which d_k in group k (n_k at risk), and weight w = S(t-)^rho (1 - S(t-))^gamma
// where S is the pooled Kaplan–Meier of the stratum, left-continuous:
//   O_k += w d_k,   E_k += w d n_k / n,
//   V_kj += w^2 d (n - d) / (n - 1) · n_k / n · (δ_kj - n_j / n)     (n > 1)
// O, E and V are summed over strata. Groups with E_k = 0 are dropped; the
// statistic is (O - E)' V^- (O - E) on the remaining groups less the first,
// with that many degrees of freedom. rho = 1, gamma = 0 is Peto–Peto as
// survdiff(rho = 1). Times pass through R's timefix first.

#include "triallens/stats/risk_set_counts.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace triallens {

struct LogRankOptions {
    double rho = 0;
    double gamma = 0; // beyond survdiff, which has rho only
};

struct LogRank {
    std::vector<std::size_t> n;   // subjects per group
    std::vector<double> observed; // weighted, summed over strata
    std::vector<double> expected;
    std::vector<double> variance; // groups × groups, row-major
    double chisq = 0;
    std::size_t df = 0;
    double p = 1;
    // False when there is nothing to test: fewer than two groups with
    // anything expected (no events), or a singular variance (R's survdiff
    // then reports chisq 0 on df -1, or stops with an error).
    bool defined = false;
};

// `group` holds 0 .. groups-1; `stratum` may be empty (one stratum).
LogRank log_rank_test(std::span<const double> time, std::span<const std::uint8_t> event,
                      std::span<const std::int32_t> group, std::size_t groups,
                      std::span<const std::int32_t> stratum = {},
                      const LogRankOptions& options = {});

// The same from counts (risk_set_counts.h): the patterns are the groups, the
// times have been through timefix.
LogRank log_rank_test(const RiskSetCounts& counts, const LogRankOptions& options = {});

// Upper tail of the chi-square distribution (1 when df = 0).
double chisq_upper_tail(double chisq, std::size_t df);

} // namespace triallens
