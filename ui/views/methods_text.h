#pragma once
// A plain-language methods paragraph for one analysis, written from its
// Results alone (and their warnings), for the Methods tab and, as a
// footnote, for exported figures: Kaplan–Meier with Greenwood's variance and
// the CI transform and level, Brookmeyer–Crowley median CIs, the (stratified)
// log-rank test, the Cox model's ties method, strata and Wald CIs, the
// proportional-hazards test, response statistics when present, the filter,
// the subjects and events, and that R survival's conventions were matched.

#include <triallens/analysis/results.h>

#include <QString>

namespace triallens::ui {

QString methods_paragraph(const Results& results);

// The short form for a figure's footnote, in the paragraph's words: the
// Kaplan–Meier CI (level, transform), the test and its strata, the Cox model's
// ties and strata, the filter (n of N subjects) and the study, e.g.
// "Kaplan–Meier estimates with 95% pointwise CIs (log transform); log-rank
// test; hazard ratios from a Cox model with Efron's method for ties. Study:
// CDISCPILOT01." The files' data cut is not in Results: callers that know
// it append it.
QString methods_footnote(const Results& results);

} // namespace triallens::ui
