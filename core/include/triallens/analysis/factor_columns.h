#pragma once
// Which subject-level columns a workspace offers as factors: strata,
// subgroups, curves by a variable, level filters, a batch's variable. The
// window's lists and the command line's defaults both ask here.

#include "triallens/analysis/analysis_spec.h"
#include "triallens/data/study.h"

#include <cstddef>
#include <string>
#include <vector>

namespace triallens {

// A text column with more levels than this is an identifier or free text,
// not something to stratify by or tick through: the analysis's default cap
// (AnalysisSpec::max_levels), so the window never offers a column that the
// engine would refuse.
inline constexpr std::size_t max_factor_levels = default_max_levels;

// USUBJID, SUBJID: one level per subject, never a factor.
bool is_identifier(const Variable& variable);

// Categorical, with 1 to max_factor_levels levels, not an identifier.
bool is_factor(const Variable& variable);

// The columns to list as stratification, subgroup and curves-by candidates,
// in the subject table's order: factors with at least two levels, leaving
// out the identifiers, the treatment columns themselves (the analysis's
// `arm_variable` and every arm column candidate, planned or actual) and the
// ADaM numeric companions of a listed text column (AGEGR1N beside AGEGR1,
// RACEN beside RACE: the same groups again, as codes).
std::vector<std::string> factor_columns(const Study& study);

} // namespace triallens
