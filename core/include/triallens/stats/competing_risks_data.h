#pragma once
// Competing-risks records as cmprsk takes them: per record a time, a status
// (0 = censored, k = failed from cause k, 1 ≤ k ≤ n_causes), a group (the
// arm, 0 … n_groups − 1) and, for Gray's test only, a stratum.

#include <cstdint>
#include <span>

namespace triallens {

struct CompetingRisksData {
    std::span<const double> time;          // finite, not negative
    std::span<const std::int32_t> status;  // 0 = censored, 1 … n_causes
    std::span<const std::int32_t> group;   // 0 … n_groups − 1
    std::span<const std::int32_t> stratum; // empty = one stratum; else 0 … n_strata − 1
    std::int32_t n_groups = 1;
    std::int32_t n_causes = 1;
    std::int32_t n_strata = 1;
};

} // namespace triallens
