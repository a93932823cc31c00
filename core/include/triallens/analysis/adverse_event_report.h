#pragma once
// The adverse-event table of a study: incidence by SOC and PT per arm over
// the safety population (SAFFL == "Y" where the study has SAFFL, otherwise
// every subject with an arm), with each arm's risk difference against the
// reference arm. The reference is chosen as the analysis side chooses it
// (AnalysisSpec::reference_arm): the one asked for, else the study's declared
// control arm, else the first arm in sort order; it is listed first, the
// other arms follow in sort order.

#include "triallens/analysis/adverse_event_overview.h"
#include "triallens/analysis/analysis_spec.h"
#include "triallens/data/study.h"
#include "triallens/stats/adverse_event_incidence.h"

#include <cstddef>
#include <string>

namespace triallens {

struct AeSpec {
    // Empty: the first of TRT01A, TRTA, TRT01P, ARM, TRTP present (actual
    // treatment first, as safety tables are by treatment received).
    std::string arm_variable;
    // Empty: the declared control arm when it has subjects in the population,
    // else the first arm present in sort order.
    std::string reference_arm;
    double conf_level = 0.95; // of the risk-difference intervals
    AeFilter filter;
    std::string
        filter_expression; // subject filter (subject_filter.h), applied before the population
    // A treatment column with more levels is refused (a column per arm):
    // the analysis's AnalysisSpec::max_levels.
    std::size_t max_levels = default_max_levels;
};

// Throws SpecError (triallens/analysis/refit.h) for an unknown arm column,
// one with more than max_levels levels, and for a requested reference arm that is not a level of it
// or has no subject in the population.
// The table has each arm's patient-years where the study has treatment
// durations (treatment_exposure.h).
AeTable adverse_event_table(const Study& study, const AeSpec& spec);

// The table and the safety overview of the same subjects (the overview
// ignores spec.filter: adverse_event_overview.h); throws as the table.
struct AeReport {
    AeTable table;
    AeOverview overview;
};
AeReport adverse_event_report(const Study& study, const AeSpec& spec);

} // namespace triallens
