#pragma once
// Fisher's exact test of independence in an r × c table, as R's fisher.test
// two-sided: with the margins fixed, the tables have the multivariate
// hypergeometric probability
//   P = prod_i r_i! prod_j c_j! / (N! prod_ij n_ij!),
// and p = the sum of P over every table with P <= P_observed (1 + 1e-7)
// (R's relErr, so tables as likely as the observed one count despite
// rounding). The tables are enumerated column by column (the last column and
// each column's last row are fixed by the margins) with a bound on the work;
// R's FEXACT network algorithm gets the same sum faster, not differently.

#include "triallens/stats/contingency_table.h"

#include <cstddef>
#include <optional>

namespace triallens {

// The most partial tables the enumeration visits before it gives up.
inline constexpr std::size_t fisher_exact_max_visits = 20'000'000;

// The two-sided p; std::nullopt when the enumeration would visit more than
// `max_visits` partial tables (the caller then reports a chi-square test).
// A table with fewer than two non-empty rows or columns has p = 1.
std::optional<double> fisher_exact_table(const ContingencyTable& table,
                                         std::size_t max_visits = fisher_exact_max_visits);

} // namespace triallens
