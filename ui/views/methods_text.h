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

} // namespace triallens::ui
