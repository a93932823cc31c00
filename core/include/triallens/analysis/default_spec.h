#pragma once
// The workspace's defaults, decided once for the window and the command line
// alike: which endpoint, treatment column, reference and compared arm, which
// subgroup variables the forest shows, and by which treatment column the
// safety tables count.

#include "triallens/analysis/adverse_event_report.h"
#include "triallens/analysis/analysis_spec.h"
#include "triallens/data/study.h"
#include "triallens/stats/adverse_event_incidence.h"

#include <string>
#include <vector>

namespace triallens {

// The forest's variables when none are asked for: the first four of SEX,
// AGEGR1, RACE, ECOGBL, PDL1STAT, LIVBRNFL, REGION1 that the study has as
// factors with at least two levels.
std::vector<std::string> default_subgroups(const Study& study);

// `spec` with what it leaves open filled in as the engine resolves it
// (parameter, arm column, reference arm: resolve_spec), and the compared arm
// named: the one asked for, else the first arm after the reference in level
// order — so a three-arm study still has a forest. Throws SpecError as
// resolve_spec does.
AnalysisSpec complete_spec(const Study& study, AnalysisSpec spec);

// What a study is first shown with: `paramcd` when the study has it (the
// endpoint kept from the study shown before), else its first endpoint that is
// not a duration of response (DURRSP, DOR: of responders only), the
// default subgroups, the rest as complete_spec resolves it. With two or more
// arms the delayed-effects tests run from the start, so the Delayed effects
// view answers "does the method change the conclusion?" without a setting:
// fh_tests and maxcombo are both maxcombo_default_tests() (FH(0,0), FH(0,1),
// FH(1,0), FH(1,1), Lin et al. 2020); no hr_cuts, no `from` (cut points and
// a landmark are the user's choice, never guessed). Never throws:
// a spec the engine cannot resolve is returned unresolved, and the refit
// says what is wrong.
// Competing risks are on wherever the endpoint's events have two or more
// causes: cause_of_interest is "" (the most frequent cause).
AnalysisSpec default_spec(const Study& study, const std::string& paramcd = {});

// The adverse-event table of an analysis, by the rule stated once: safety
// tables count by actual treatment, as ADaM does. The analysis's treatment
// column (when empty, the first arm column candidate present, as for the
// survival analysis) maps to its actual counterpart where the study has it
// (TRT01P -> TRT01A, TRTP -> TRTA, ARM -> ACTARM); any other column is used
// as it is. The reference arm is the analysis's (an arm the AE column lacks is
// an error, as for the analysis), else the AE table's own default. Subjects: the analysis's filter;
// the interval level: the analysis's.
AeSpec adverse_event_spec(const Study& study, const AnalysisSpec& analysis, const AeFilter& events);

} // namespace triallens
