#include "subject_columns.h"

#include "triallens/analysis/refit.h"
#include "triallens/data/numeric_factor.h"

namespace triallens {

std::string join(const std::vector<std::string>& items) {
    std::string text;
    for (const auto& item : items) {
        text += (text.empty() ? "" : ", ") + item;
    }
    return text;
}

const Variable& resolve_arm_column(const Study& study, const std::string& requested,
                                   std::span<const char* const> candidates) {
    const Variable* arm = nullptr;
    if (!requested.empty()) {
        arm = study.subjects.find(requested);
        for (const auto& unusable : study.unusable_treatments) {
            if (arm == nullptr && unusable.name == requested) {
                throw SpecError(unusable.reason);
            }
        }
        if (arm == nullptr) {
            throw SpecError("no column " + requested + " in the subject-level data");
        }
    } else {
        std::string names;
        for (std::size_t i = 0; i < candidates.size() && arm == nullptr; ++i) {
            arm = study.subjects.find(candidates[i]);
        }
        for (std::size_t i = 0; i < candidates.size(); ++i) {
            names += (i == 0 ? "" : i + 1 == candidates.size() ? " or " : ", ");
            names += candidates[i];
        }
        if (arm == nullptr) {
            throw SpecError("no treatment column (" + names + "); name one with --arm");
        }
    }
    if (!arm->is_categorical()) {
        throw SpecError("treatment column " + arm->name() + " is numeric; name a text column");
    }
    return *arm;
}

namespace {

// The grouped companions of a column (AGE -> AGEGR1), the usual remedy in ADaM.
std::vector<std::string> grouped_columns(const Study& study, const std::string& name) {
    std::vector<std::string> grouped;
    for (const Variable& other : study.subjects.variables()) {
        if (other.is_categorical() && !other.is_numeric() &&
            other.name().starts_with(name + "GR")) {
            grouped.push_back(other.name());
        }
    }
    return grouped;
}

std::string grouped_remedy(const std::vector<std::string>& grouped) {
    return grouped.empty() ? std::string("a grouped column")
                           : "a grouped column such as " + join(grouped);
}

} // namespace

void require_few_levels(const Study& study, const Variable& variable, std::size_t most,
                        const std::string& role_takes) {
    const std::size_t levels = variable.levels().size();
    if (levels > most) {
        throw SpecError(variable.name() + " has " + std::to_string(levels) + " levels; " +
                        role_takes + " at most " + std::to_string(most) + ": use " +
                        grouped_remedy(grouped_columns(study, variable.name())));
    }
}

const Variable& require_categorical(const Study& study, const std::string& name,
                                    const std::string& role) {
    const Variable* variable = study.subjects.find(name);
    if (variable == nullptr) {
        throw SpecError("no " + role + " column " + name + " in the subject-level data");
    }
    if (!variable->is_categorical()) {
        const std::size_t distinct = count_distinct(variable->numbers());
        if (distinct == 0) {
            throw SpecError(role + " column " + name + " holds no values");
        }
        throw SpecError(role + " column " + name + " has " + std::to_string(distinct) +
                        " distinct values: too many for a factor (at most " +
                        std::to_string(max_numeric_factor_levels) + "); use " +
                        grouped_remedy(grouped_columns(study, name)) + ", or a filter");
    }
    return *variable;
}

std::string resolve_reference_arm(const Study& study, const Variable& arm,
                                  const std::string& requested) {
    if (requested.empty()) {
        const bool declared = !study.control_arm.empty() && arm.level_code(study.control_arm);
        return declared ? study.control_arm : arm.levels().front();
    }
    if (!arm.level_code(requested)) {
        throw SpecError("no arm \"" + requested + "\" in " + arm.name() +
                        " (arms: " + join(arm.levels()) + ")");
    }
    return requested;
}

} // namespace triallens
