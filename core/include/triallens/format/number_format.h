#pragma once
// Every number TrialLens shows as text — on screen, in figures, in exported
// tables, in the methods paragraph and in the command line's tables — is made
// here, so one value reads the same everywhere. JSON output is not text: it
// carries the raw numbers and never passes through this module.
//
// The rules, as R's format.pval() and the usual journal style guides (NEJM,
// Lancet, JAMA: p to three decimals, "<0.001" below) set them:
//
//   p value        three decimals: "0.310", "0.042", "0.001"; below 0.001
//                  "<0.001", above 0.999 ">0.999" (a p value never prints
//                  "0.000" or "1.000"); absent or NaN "NE". In a sentence or
//                  a figure annotation the prefixed form: "p = 0.310",
//                  "p < 0.001", "p > 0.999", "p = NE".
//   ratio (HR, OR) two decimals, CI after it in parentheses joined by an en
//                  dash: "0.67 (0.45–0.99)"; large values keep their two
//                  decimals ("17.00 (2.31–125.40)"); from 1e6 on scientific,
//                  "1.00e+06", rather than a line of digits. An absent,
//                  infinite or NaN estimate is "NE" for the whole cell; such a
//                  bound is "NE" in its own place: "2.10 (0.80–NE)".
//   median (time)  at the caller's `decimals` (median_decimals() picks them
//                  for a Results), CI joined by an en dash:
//                  "12.3 (9.8–15.1)"; a median not reached "NR", a bound not
//                  estimable "NE": "NR (12.5–NE)".
//   time           at the caller's `decimals`; time_decimals() gives the
//                  precision the data themselves have, so whole days print
//                  "36", not "36.00".
//   percentage     one decimal, no % sign: "12.5"; count with its
//                  percentage "12 (16.0%)".
//   signed values  (differences) a negative value takes U+2212 MINUS SIGN,
//                  which reads as a sign in a column where a hyphen is too
//                  short: "−3.2". A negative value that rounds to zero keeps
//                  its sign ("−0.0", as sprintf prints it); negative zero
//                  itself prints "0.0". A difference's CI is joined by a
//                  comma, since a dash between signed numbers reads as one
//                  more minus: "−3.2 (−8.1, 1.7)".
//   conf. level    as a percentage with the digits it needs: 0.95 -> "95%",
//                  0.975 -> "97.5%".
//
// Every number is rounded as printf's "%.Nf" rounds (to nearest, ties on the
// binary value). Every function is pure: std::string out, no locale (the
// decimal mark is always "."), no state.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace triallens {

struct Results;

// "NE": not estimable.
inline constexpr std::string_view not_estimable_text = "NE";
// "NR": a median (or other quantile) the curve does not reach.
inline constexpr std::string_view not_reached_text = "NR";

// A finite value to `decimals` places, U+2212 for a negative value; negative
// zero prints as zero ("0.0"); a NaN or infinite value is "NE".
std::string decimal_text(double value, int decimals);

// "0.310", "0.042", "<0.001", ">0.999"; "NE" when absent or NaN. For a
// column headed "p".
std::string p_value_text(std::optional<double> p);

// "p = 0.310", "p < 0.001", "p > 0.999", "p = NE": for annotations and prose.
std::string p_value_label(std::optional<double> p);

// A ratio alone: "0.67", "17.00", "1.00e+06"; "NE" when absent or not
// finite. `decimals` is 2 by the rule; the ties-method comparison, whose
// point is the third decimal, asks for 3.
std::string ratio_text(std::optional<double> ratio, int decimals = 2);

// "0.67 (0.45–0.99)"; "NE" without an estimate; "NE" for a bound that is
// absent or not finite.
std::string ratio_ci_text(std::optional<double> estimate, std::optional<double> lower,
                          std::optional<double> upper);

// "12.3 (9.8–15.1)" at `decimals`; "NR" for a median not reached, "NE" for a
// bound that is absent or not finite: "NR (12.5–NE)".
std::string median_ci_text(std::optional<double> estimate, std::optional<double> lower,
                           std::optional<double> upper, int decimals);

// A time at `decimals`: time_text(36, 0) = "36", time_text(36.5, 1) = "36.5".
std::string time_text(double time, int decimals);

// The decimals the finite values themselves have: 0 when all are whole
// numbers, else the fewest (at most `max_decimals`) that write every one of
// them exactly, up to floating-point noise (a value within 1e-9, relative,
// of its rounding counts as that rounding: 0.1 + 0.2 has 1 decimal, not 17).
// NaN and infinities are skipped; no values: 0. Values finer than
// `max_decimals` (derived ratios) get max_decimals.
int data_decimals(std::span<const double> values, int max_decimals);

// data_decimals() of times, at most 3.
int time_decimals(std::span<const double> values);

// The decimals of a median and its CI: 0 when the time unit is days (or not
// stated) and the data are whole numbers, else 1. `time_unit` is spelled as
// AVALU or the spec spells it ("DAYS", "days", "months"); `data_decimals` is
// time_decimals() of the times and of the medians themselves (a median
// midway between two whole days is 36.5, so it needs its decimal).
int median_decimals(std::string_view time_unit, int data_decimals);

// median_decimals() for everything a Results shows: the times of every curve
// (arms and curve groups) and every median, bound, subgroup median and the
// median follow-up it holds.
int median_decimals(const Results& results);

// A percentage to one decimal: 12.5 -> "12.5" (U+2212 if negative).
std::string percent_text(double percent);

// A count with its percentage: "12 (16.0%)".
std::string count_percent_text(std::size_t count, double percent);

// The same from a count and its denominator; 0 of 0 is "0 (0.0%)".
std::string count_of_text(std::size_t count, std::size_t denominator);

// A difference with its CI, at `decimals`, U+2212 for negatives and a comma
// between the bounds: "−3.2 (−8.1, 1.7)".
std::string difference_ci_text(double estimate, double lower, double upper, int decimals = 1);

// A confidence level as a percentage: 0.95 -> "95%", 0.975 -> "97.5%".
std::string conf_level_text(double conf_level);

} // namespace triallens
