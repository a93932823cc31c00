#pragma once
// The one-line verdict of the Delayed effects view and of `analyze`'s text
// summary: do the methods made for delayed effects (the Fleming–Harrington
// tests and MaxCombo, Results::weighted_logrank and maxcombo) reach the same
// conclusion as the log-rank test, and do the data suggest non-proportional
// hazards? For example
//   "Log-rank p = 0.290 (Cox HR 0.78, p = 0.270); FH(0,1) p = 0.084 and
//    MaxCombo p = 0.140 also above 0.05 — no method changes the conclusion;
//    piecewise HRs 0.71 → 1.54 → 0.35 suggest non-proportional hazards."
//
// The rule, stated once:
// - Significance is at 5% two-sided; the reference is the log-rank test
//   (with more than two arms, the global test of all of them — the FH tests
//   and MaxCombo are of Results::delayed_effects_arm against the reference,
//   so the Cox HR of that arm is named beside it).
// - A method "changes the conclusion" when its p lies on the other side of
//   0.05 than the log-rank's (p < 0.05 is significant). FH(0,0) is the
//   log-rank itself and is left out; a test without a p (no variance) is
//   named as not computable and counts for neither side.
// - Non-proportional hazards are suggested when the 95% CIs of two
//   piecewise HRs (Results::piecewise_hr) do not overlap, or when the
//   Schoenfeld test of the arm (Results::ph_test, row "arm") has p < 0.05.
//   Otherwise the line says there is no sign of them, naming what was
//   looked at.
//
// Empty when there is nothing to compare: no log-rank test, or neither FH
// tests nor MaxCombo in the results.

#include <string>

namespace triallens {

struct Results;

inline constexpr double verdict_significance_level = 0.05;

std::string delayed_effects_verdict(const Results& results);

} // namespace triallens
