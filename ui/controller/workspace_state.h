#pragma once
// Everything a user has set in the workspace, as one value: the analysis
// spec the settings dock edits. Undo and redo move between such values.

#include <triallens/analysis/analysis_spec.h>

namespace triallens::ui {

struct WorkspaceState {
    AnalysisSpec spec;

    bool operator==(const WorkspaceState&) const = default;
};

} // namespace triallens::ui
