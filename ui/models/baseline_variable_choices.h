#pragma once
// The subject-level columns Table 1 can summarise, in the subject table's
// order: measurements (continuous) and categorical columns with 1 to
// max_factor_levels levels, leaving out the identifiers (USUBJID, SUBJID)
// and dates (a SAS date or date-time format), which a mean or a level count
// would not describe. What the Baseline tab's variable chooser lists.

#include <triallens/data/study.h>

#include <QString>

#include <vector>

namespace triallens::ui {

struct BaselineVariableChoice {
    QString name;
    QString label; // display_label: "Age", "Sex"
    bool continuous = false;
};

std::vector<BaselineVariableChoice> baseline_variable_choices(const Study& study);

} // namespace triallens::ui
