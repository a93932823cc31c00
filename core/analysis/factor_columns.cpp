#include "triallens/analysis/factor_columns.h"

#include "triallens/data/build_study.h"

#include <algorithm>
#include <iterator>

namespace triallens {

bool is_identifier(const Variable& variable) {
    return variable.name() == "USUBJID" || variable.name() == "SUBJID";
}

bool is_factor(const Variable& variable) {
    return variable.is_categorical() && !variable.levels().empty() &&
           variable.levels().size() <= max_factor_levels && !is_identifier(variable);
}

std::vector<std::string> factor_columns(const Study& study) {
    const auto is_treatment = [](const std::string& name) {
        return std::any_of(std::begin(arm_column_candidates), std::end(arm_column_candidates),
                           [&](const char* arm) { return name == arm; }) ||
               name == "ACTARM" || name == "TRT01AN" || name == "TRT01PN";
    };
    const auto listed = [&](const Variable& variable) {
        return is_factor(variable) && variable.levels().size() >= 2 &&
               !is_treatment(variable.name());
    };
    const auto is_companion = [&](const Variable& variable) {
        const std::string& name = variable.name();
        if (name.size() < 2 || name.back() != 'N' || !variable.is_numeric()) {
            return false;
        }
        const Variable* text =
            study.subjects.find(std::string_view(name).substr(0, name.size() - 1));
        return text != nullptr && !text->is_numeric() && listed(*text);
    };
    std::vector<std::string> names;
    for (const Variable& variable : study.subjects.variables()) {
        if (listed(variable) && !is_companion(variable)) {
            names.push_back(variable.name());
        }
    }
    return names;
}

} // namespace triallens
