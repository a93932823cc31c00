#pragma once
// The workspace: everything a user has chosen, as one value, and the one
// call that turns it and a study into everything any view or command shows.
// The window's refit controller and every command-line command call
// compute_workspace and nothing else, so the two cannot disagree.

#include "triallens/analysis/analysis_spec.h"
#include "triallens/analysis/baseline_table.h"
#include "triallens/analysis/disposition.h"
#include "triallens/analysis/refit.h"
#include "triallens/analysis/results.h"
#include "triallens/data/study.h"
#include "triallens/stats/adverse_event_incidence.h"

#include <optional>
#include <string>
#include <vector>

namespace triallens {

struct WorkspaceSpec {
    AnalysisSpec analysis;   // endpoint, arms, filter, strata, subgroups, methods
    AeFilter adverse_events; // treatment-emergent, related, serious
    // A forest row in focus: every panel but the forest shows its subjects
    // (the analysis's filter and variable == level); the forest keeps showing
    // every subgroup of the filtered subjects, so the user can click on.
    std::optional<SubgroupFocus> focus;
    BaselineSpec baseline; // Table 1's variables, quantile type, p-values

    bool operator==(const WorkspaceSpec&) const = default;
};

// The adverse-event table of the workspace: the subjects of its filter and
// focus, counted by actual treatment (default_spec.h adverse_event_spec),
// with the column it counts by. No table (and no error) when the study has
// no adverse events; no table and the reason in `error` when it cannot be
// made (no treatment column for it, a reference arm without subjects). Needs
// no time-to-event data, so a study of ADSL and ADAE alone has its table.
struct WorkspaceAdverseEvents {
    std::optional<AeTable> table;
    std::optional<AeOverview> overview;
    std::string arm_variable;
    std::string error;
};
WorkspaceAdverseEvents workspace_adverse_events(const Study& study, const WorkspaceSpec& spec);

// Table 1 and the disposition of the workspace: the subjects of its filter
// and focus, by the analysis's treatment column (planned: TRT01P first, as
// the survival analysis), in the analysis's arm order. Table 1 is of the
// randomised (ITTFL "Y", else RANDFL "Y", where the study has either);
// the disposition starts from every subject with an arm. Needs no
// time-to-event data. Throws nothing: what cannot be made is absent and
// `error` says why.
struct WorkspaceBaseline {
    std::optional<BaselineTable> table;
    std::optional<Disposition> disposition;
    std::string error;
};
WorkspaceBaseline workspace_baseline(const Study& study, const WorkspaceSpec& spec);

// Survival, comparisons, methods and response of the focused subjects; the
// forest (its all-patients row included) of the filtered subjects; the AE
// table of the focused subjects by actual treatment (adverse_event_spec).
// Results::focus names the focus, Results::subjects counts the subjects the
// panels show and Results::forest_subjects those the forest shows. An AE
// table that cannot be made (no treatment column for it) leaves
// Results::adverse_events empty and says why in ae_error; the survival
// analysis is unaffected. Throws SpecError as refit does.
Results compute_workspace(const Study& study, const WorkspaceSpec& spec,
                          const RefitOptions& options = {});

// The efficacy summary's rows: the workspace computed for every
// time-to-event endpoint of the study in the study's order, with the
// workspace's other choices (arms, filter, focus, strata, methods, unit);
// subgroups and curves by are left out, as the summary shows neither and
// the forest's models are the costly part. Throws SpecError as
// compute_workspace does.
std::vector<ResultsPtr> workspace_endpoints(const Study& study, const WorkspaceSpec& spec);

} // namespace triallens
