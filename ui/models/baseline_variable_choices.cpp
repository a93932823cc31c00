#include "models/baseline_variable_choices.h"

#include <triallens/analysis/factor_columns.h>
#include <triallens/data/adam_labels.h>
#include <triallens/data/sas_date_format.h>

namespace triallens::ui {

std::vector<BaselineVariableChoice> baseline_variable_choices(const Study& study) {
    std::vector<BaselineVariableChoice> choices;
    for (const Variable& variable : study.subjects.variables()) {
        if (is_identifier(variable) || sas_date_kind(variable.format()) != SasDateKind::NotADate) {
            continue;
        }
        const bool continuous = !variable.is_categorical();
        if (!continuous && !is_factor(variable)) {
            continue; // free text: more levels than a table can list
        }
        choices.push_back({QString::fromStdString(variable.name()),
                           QString::fromStdString(display_label(variable)), continuous});
    }
    return choices;
}

} // namespace triallens::ui
