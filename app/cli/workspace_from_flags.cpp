#include "cli/workspace_from_flags.h"

#include <triallens/analysis/default_spec.h>

#include <algorithm>

namespace triallens::cli {

namespace {

// The focus names a categorical subject column and one of its levels, as a
// forest row does; anything else is a usage error before anything is fitted
// (a level that matches no subject would analyse nobody).
void check_focus(const Study& study, const SubgroupFocus& focus) {
    const Variable* variable = study.subjects.find(focus.variable);
    if (!variable) {
        throw UsageError("--focus: no column " + focus.variable + " in the subject-level data");
    }
    if (!variable->is_categorical()) {
        throw UsageError("--focus: column " + focus.variable +
                         " is numeric; name a categorical one");
    }
    const auto& levels = variable->levels();
    if (std::find(levels.begin(), levels.end(), focus.level) == levels.end()) {
        std::string known;
        for (const std::string& level : levels) {
            known += (known.empty() ? "" : ", ") + level;
        }
        throw UsageError("--focus: " + focus.variable + " has no level \"" + focus.level +
                         "\" (its levels: " + known + ")");
    }
}

} // namespace

WorkspaceSpec workspace_from_flags(const Study& study, const CommandLine& line) {
    WorkspaceSpec spec;
    spec.analysis = line.spec;
    spec.adverse_events = line.ae_filter;
    spec.baseline = line.baseline;
    if (line.focus) {
        check_focus(study, *line.focus);
        spec.focus = line.focus;
    }
    if (line.command == Command::Export && line.figure.figure == "forest" &&
        spec.analysis.subgroups.empty()) {
        spec.analysis.subgroups = default_subgroups(study);
    }
    return spec;
}

} // namespace triallens::cli
