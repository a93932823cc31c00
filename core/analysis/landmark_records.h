#pragma once
// Conditional survival from a landmark (AnalysisSpec::from), private to the
// engine: the one selection of the records a refit analyses after `from`,
// shared by refit and by the figure's subjects (curve_subjects.h) so that a
// click on a curve finds the records the curve was drawn from.

#include "triallens/data/study.h"

#include <string>

namespace triallens {

// The records event-free and under follow-up at `from` (time > from), with
// time - from: survfit(Surv(time - from, status) ~ arm, subset = time > from).
// Throws SpecError when no record is left.
TimeToEvent records_from(const TimeToEvent& endpoint, double from);

// A time as the spec's messages quote it ("%g": 6, 12.5, 1e+06).
std::string spec_number_text(double value);

} // namespace triallens
