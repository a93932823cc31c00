#pragma once
// Everything a user has set in the workspace, as one value: the analysis
// spec the settings dock edits, the Filters dock's choices (whose
// expression is the spec's filter), the AE tab's event toggles and the
// forest row in focus and Table 1's choices. Undo and redo move between such values, so a click
// on a forest row is undone like any other step.

#include "document/filter_state.h"

#include <triallens/analysis/analysis_spec.h>
#include <triallens/analysis/workspace.h>
#include <triallens/stats/adverse_event_incidence.h>

#include <optional>

namespace triallens::ui {

struct WorkspaceState {
    AnalysisSpec spec;
    FilterState filters;
    AeFilter adverse_events;            // treatment-emergent, related, serious
    std::optional<SubgroupFocus> focus; // nullopt: every tab shows all (filtered) patients
    BaselineSpec baseline;              // Table 1's variables, quantile type, p-values

    // What the core computes for this state (compute_workspace).
    WorkspaceSpec workspace() const { return {spec, adverse_events, focus, baseline}; }

    bool operator==(const WorkspaceState&) const = default;
};

} // namespace triallens::ui
