#pragma once
// Everything a user has set in the workspace, as one value: the analysis
// spec the settings dock edits, the Filters dock's choices (whose
// expression is the spec's filter) and the AE tab's event toggles. Undo and
// redo move between such values.

#include "controller/filter_state.h"

#include <triallens/analysis/analysis_spec.h>
#include <triallens/stats/adverse_event_incidence.h>

namespace triallens::ui {

struct WorkspaceState {
    AnalysisSpec spec;
    FilterState filters;
    AeFilter adverse_events; // treatment-emergent, related, serious

    bool operator==(const WorkspaceState&) const = default;
};

} // namespace triallens::ui
