#pragma once
// Everything a user has set in the workspace, as one value: the analysis
// spec the settings dock edits and the Filters dock's choices (whose
// expression is the spec's filter). Undo and redo move between such values.

#include "panels/filter_state.h"

#include <triallens/analysis/analysis_spec.h>

namespace triallens::ui {

struct WorkspaceState {
    AnalysisSpec spec;
    FilterState filters;

    bool operator==(const WorkspaceState&) const = default;
};

} // namespace triallens::ui
