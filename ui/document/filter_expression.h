#pragma once
// A FilterState rendered in the core's filter grammar (subject_filter.h), so
// evaluate_filter() keeps exactly the subjects the Filters dock shows as
// kept. Clauses follow the study's column order, joined by `and`:
//   population switched on      SAFFL == "Y"
//   some levels unchecked       RACE in ("ASIAN", "WHITE")   (the kept ones)
//                               or SEX != "F" when fewer are unchecked than kept
//   no level checked            RACE in ()                   (keeps nobody)
//   "(missing)" kept as well    (RACE in ("ASIAN") or RACE is missing)
//   only "(missing)" unchecked  RACE is not missing
//   range narrowed              AGE >= 40 and AGE <= 70      (only the narrowed side)
//   range and missing kept      (AGE >= 40 or AGE is missing)
// A variable the study lacks, or of the other kind, is skipped. An empty
// string keeps everyone.

#include "document/filter_state.h"

#include <triallens/data/study.h>

#include <string>
#include <string_view>

namespace triallens::ui {

std::string filter_expression(const FilterState& state, const Study& study);

} // namespace triallens::ui
