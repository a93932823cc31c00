#include "triallens/analysis/workspace.h"

#include "triallens/analysis/adverse_event_report.h"
#include "triallens/analysis/default_spec.h"
#include "triallens/analysis/subject_filter.h"
#include "triallens/data/adam_labels.h"

#include <algorithm>
#include <exception>
#include <future>
#include <memory>
#include <utility>

namespace triallens {

namespace {

const ArmSurvival* find_arm(const Results& results, const std::string& name) {
    const auto arm = std::find_if(results.arms.begin(), results.arms.end(),
                                  [&](const ArmSurvival& a) { return a.arm == name; });
    return arm != results.arms.end() ? &*arm : nullptr;
}

// The forest's first row: the compared arm against the reference over every
// subject the forest is of, its hazard ratio the arm model's contrast (with
// the analysis's strata, ties and covariates).
std::optional<SubgroupRow> all_patients_row(const Results& forest, const std::string& reference,
                                            const std::string& compared) {
    const ArmSurvival* arms[2] = {find_arm(forest, reference), find_arm(forest, compared)};
    if (arms[0] == nullptr || arms[1] == nullptr) {
        return std::nullopt;
    }
    SubgroupRow row;
    for (const ArmSurvival* arm : arms) {
        row.arms.push_back({arm->arm, arm->km.n, arm->km.n_events, arm->median});
        row.n += arm->km.n;
        row.events += arm->km.n_events;
    }
    if (forest.cox) {
        const auto& terms = forest.cox->terms;
        const auto term = std::find_if(terms.begin(), terms.end(),
                                       [&](const HazardRatio& t) { return t.arm == compared; });
        if (term != terms.end()) {
            row.hr = term->hr;
            row.lower = term->lower;
            row.upper = term->upper;
        }
    }
    return row;
}

AnalysisSpec focused(AnalysisSpec analysis, const std::optional<SubgroupFocus>& focus) {
    if (focus) {
        analysis.filter = filter_with_level(analysis.filter, focus->variable, focus->level);
        analysis.subgroups.clear();
    }
    return analysis;
}

} // namespace

WorkspaceAdverseEvents workspace_adverse_events(const Study& study, const WorkspaceSpec& spec) {
    WorkspaceAdverseEvents out;
    if (study.adverse_events.size() == 0) {
        return out;
    }
    const AeSpec ae =
        adverse_event_spec(study, focused(spec.analysis, spec.focus), spec.adverse_events);
    out.arm_variable = ae.arm_variable;
    try {
        AeReport report = adverse_event_report(study, ae);
        out.table = std::move(report.table);
        out.overview = std::move(report.overview);
    } catch (const std::exception& error) {
        out.error = error.what();
    }
    return out;
}

Results compute_workspace(const Study& study, const WorkspaceSpec& spec,
                          const RefitOptions& options) {
    WorkspaceSpec complete = spec;
    complete.analysis = complete_spec(study, spec.analysis);
    const AnalysisSpec& analysis = complete.analysis;

    // The AE table reads nothing the refit writes: it runs beside it.
    std::future<WorkspaceAdverseEvents> adverse_events =
        std::async(std::launch::async, [&] { return workspace_adverse_events(study, complete); });

    Results results = refit(study, focused(analysis, spec.focus), options);
    results.filter = analysis.filter;
    results.focus = spec.focus;
    results.compared_arm = analysis.compare_arm;
    if (spec.focus) {
        const Results forest = refit(study, analysis, options);
        results.subgroups = forest.subgroups;
        results.forest_subjects = forest.subjects;
        results.all_patients =
            all_patients_row(forest, analysis.reference_arm, analysis.compare_arm);
    } else {
        results.forest_subjects = results.subjects;
        results.all_patients =
            all_patients_row(results, analysis.reference_arm, analysis.compare_arm);
    }

    WorkspaceAdverseEvents ae = adverse_events.get();
    results.adverse_events = std::move(ae.table);
    results.ae_overview = std::move(ae.overview);
    results.ae_arm_variable = std::move(ae.arm_variable);
    results.ae_error = std::move(ae.error);
    for (const Variable& variable : study.subjects.variables()) {
        results.variable_labels.emplace(variable.name(), display_label(variable));
    }
    return results;
}

std::vector<ResultsPtr> workspace_endpoints(const Study& study, const WorkspaceSpec& spec) {
    std::vector<ResultsPtr> per_endpoint;
    for (const TimeToEvent& endpoint : study.endpoints) {
        WorkspaceSpec one = spec;
        one.analysis.paramcd = endpoint.paramcd();
        one.analysis.subgroups.clear();
        one.analysis.curves_by.clear();
        one.adverse_events = {};
        per_endpoint.push_back(std::make_shared<const Results>(compute_workspace(study, one)));
    }
    return per_endpoint;
}

} // namespace triallens
