#pragma once
// Numeric subject-level columns that are factors. A column coded 0/1/2
// (ECOGBL, a node-count group, a site export's flags) is a grouping, not a
// measurement: R's survival functions take it as a factor wherever it names
// strata or groups. TrialLens makes every numeric column with at most
// max_numeric_factor_levels distinct non-missing values a factor, its levels
// in numeric order and spelled as R's as.character() spells a double, so the
// forest, the strata and the filters read "0", "1", "2.5" as in R.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace triallens {

// More distinct values than this and a numeric column stays a measurement
// (AGE, a lab value): too many groups for a stratum or a forest.
inline constexpr std::size_t max_numeric_factor_levels = 12;

// A double as R 4.x's as.character() writes it: 15 significant digits, the
// shortest spelling that keeps them, fixed notation unless scientific is
// narrower (R's rule with scipen = 0, a tie going to fixed):
//   0 -> "0", 2.5 -> "2.5", 10000 -> "10000", 100000 -> "1e+05",
//   1e-04 -> "1e-04", 0.001 -> "0.001", 1/3 -> "0.333333333333333".
// NaN gives "NA", infinities "Inf" and "-Inf".
std::string r_number_text(double value);

// The distinct non-missing (non-NaN) values of `numbers`, ascending; empty
// when there are none, or as soon as there are more than `at_most`.
std::vector<double> distinct_values(std::span<const double> numbers, std::size_t at_most);

// How many distinct non-missing values `numbers` holds.
std::size_t count_distinct(std::span<const double> numbers);

} // namespace triallens
