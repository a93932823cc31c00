#pragma once
// Looking up the subject-level columns an analysis names (private to the engine).

#include "triallens/data/study.h"

#include <span>
#include <string>
#include <vector>

namespace triallens {

// The treatment column: `requested`, or else the first of `candidates` the
// study has. Throws SpecError when it is absent or a numeric measurement
// (a numeric factor, TRT01PN coded 0/54/81, is accepted).
const Variable& resolve_arm_column(const Study& study, const std::string& requested,
                                   std::span<const char* const> candidates);

// The reference arm among `arm`'s levels: `requested` (a SpecError naming
// the arms when it is not one), else the study's declared control arm when
// it is one, else the first level. `arm` has at least one level.
std::string resolve_reference_arm(const Study& study, const Variable& arm,
                                  const std::string& requested);

// A categorical column named for a `role` ("stratification", "subgroup"): a
// text column or a numeric factor (numeric_factor.h). Throws SpecError when
// it is absent, or numeric with too many distinct values to be a factor (the
// message counts them and points to a grouped column or a filter).
const Variable& require_categorical(const Study& study, const std::string& name,
                                    const std::string& role);

// Throws SpecError when `variable` has more than `most` levels, naming it,
// its count and its role (`role_takes`: "subgroups take", "the treatment
// column takes"), with the grouped companions the study has (AGEGR1 for AGE):
//   SUBJID has 254 levels; covariates take at most 50: use a grouped column
// Levels are counted over the whole column: the check costs nothing and runs
// before anything is counted or fitted.
void require_few_levels(const Study& study, const Variable& variable, std::size_t most,
                        const std::string& role_takes);

// "a, b, c": names listed in a message.
std::string join(const std::vector<std::string>& items);

} // namespace triallens
