#pragma once
// The adverse-event table of a study: incidence by SOC and PT per arm over
// the safety population (SAFFL == "Y" where the study has SAFFL, otherwise
// every subject with an arm).

#include "triallens/data/study.h"
#include "triallens/stats/adverse_event_incidence.h"

#include <string>

namespace triallens {

struct AeSpec {
    // Empty: the first of TRT01A, TRTA, TRT01P, ARM, TRTP present (actual
    // treatment first, as safety tables are by treatment received).
    std::string arm_variable;
    AeFilter filter;
    std::string
        filter_expression; // subject filter (subject_filter.h), applied before the population
};

// Throws SpecError (triallens/analysis/refit.h) for an unknown arm column.
AeTable adverse_event_table(const Study& study, const AeSpec& spec);

} // namespace triallens
