#include "triallens/analysis/workspace.h"

#include "subject_columns.h"
#include "triallens/analysis/adverse_event_report.h"
#include "triallens/analysis/default_spec.h"
#include "triallens/analysis/subject_filter.h"
#include "triallens/data/adam_labels.h"
#include "triallens/data/build_study.h"

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

WorkspaceBaseline workspace_baseline(const Study& study, const WorkspaceSpec& spec) {
    WorkspaceBaseline out;
    try {
        const AnalysisSpec analysis = focused(spec.analysis, spec.focus);
        // The analysis's arm column and order (refit's: the reference, then
        // the rest in level order), resolved without an endpoint.
        const Variable& arm =
            resolve_arm_column(study, analysis.arm_variable, arm_column_candidates);
        require_few_levels(study, arm, analysis.max_levels, "the treatment column takes");
        if (arm.levels().empty()) {
            throw SpecError("treatment column " + arm.name() + " is empty");
        }
        const std::string reference = resolve_reference_arm(study, arm, analysis.reference_arm);
        std::vector<std::int32_t> position(arm.levels().size(), -1);
        std::vector<std::string> arms;
        if (const auto code = arm.level_code(reference)) {
            position[static_cast<std::size_t>(*code)] = 0;
            arms.push_back(reference);
        }
        for (std::size_t code = 0; code < arm.levels().size(); ++code) {
            if (position[code] < 0) {
                position[code] = static_cast<std::int32_t>(arms.size());
                arms.push_back(arm.levels()[code]);
            }
        }
        const std::vector<std::uint8_t> kept = evaluate_filter(study.subjects, analysis.filter);
        std::vector<std::int32_t> subject_arm(study.subjects.size(), -1);
        for (std::size_t s = 0; s < subject_arm.size(); ++s) {
            const std::int32_t code = arm.codes()[s];
            subject_arm[s] = kept[s] && code >= 0 ? position[static_cast<std::size_t>(code)] : -1;
        }
        out.disposition = disposition_table(study, subject_arm, arms, arm.name());

        // Table 1 is of the randomised: ITTFL, else RANDFL, where the study has one.
        std::string population = "All subjects with an arm";
        for (const auto& [name, called] : {std::pair{"ITTFL", "ITT"}, {"RANDFL", "Randomised"}}) {
            const Variable* flag = study.subjects.find(name);
            if (flag == nullptr || !flag->is_categorical()) {
                continue;
            }
            const std::optional<std::int32_t> yes = flag->level_code("Y");
            for (std::size_t s = 0; s < subject_arm.size(); ++s) {
                if (!yes || flag->codes()[s] != *yes) {
                    subject_arm[s] = -1;
                }
            }
            population = std::string(called) + " population (" + name + " = \"Y\")";
            break;
        }
        if (!analysis.filter.empty()) {
            population += "; filter: " + analysis.filter;
        }
        out.table = baseline_table(study, subject_arm, std::move(arms), arm.name(),
                                   std::move(population), spec.baseline, analysis.max_levels);
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

    // The AE tables and Table 1 read nothing the refit writes: they run
    // beside it, one after the other (two threads on two cores).
    std::future<std::pair<WorkspaceAdverseEvents, WorkspaceBaseline>> beside =
        std::async(std::launch::async, [&] {
            return std::pair{workspace_adverse_events(study, complete),
                             workspace_baseline(study, complete)};
        });

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

    auto [ae, baseline] = beside.get();
    results.adverse_events = std::move(ae.table);
    results.ae_overview = std::move(ae.overview);
    results.ae_arm_variable = std::move(ae.arm_variable);
    results.ae_error = std::move(ae.error);
    results.baseline = std::move(baseline.table);
    results.disposition = std::move(baseline.disposition);
    results.baseline_error = std::move(baseline.error);
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
