#pragma once
// Which subject-level columns the workspace offers as factors (strata,
// subgroups, curves by, level filters, a batch's variable): categorical ones
// with at most max_factor_levels levels that are not subject identifiers.

#include <triallens/data/study.h>

#include <cstddef>

namespace triallens::ui {

// More levels than this is an identifier or free text, not a factor.
inline constexpr std::size_t max_factor_levels = 50;

inline bool is_identifier(const Variable& variable) {
    return variable.name == "USUBJID" || variable.name == "SUBJID";
}

inline bool is_factor(const Variable& variable) {
    return variable.categorical && !variable.levels.empty() &&
           variable.levels.size() <= max_factor_levels && !is_identifier(variable);
}

} // namespace triallens::ui
