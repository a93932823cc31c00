#include "triallens/analysis/default_spec.h"

#include "triallens/analysis/factor_columns.h"
#include "triallens/analysis/refit.h"
#include "triallens/data/build_study.h"
#include "triallens/stats/maxcombo.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace triallens {

std::vector<std::string> default_subgroups(const Study& study) {
    constexpr std::size_t most = 4;
    std::vector<std::string> chosen;
    for (const char* name :
         {"SEX", "AGEGR1", "RACE", "ECOGBL", "PDL1STAT", "LIVBRNFL", "REGION1"}) {
        const Variable* variable = study.subjects.find(name);
        if (variable != nullptr && is_factor(*variable) && variable->levels().size() >= 2 &&
            chosen.size() < most) {
            chosen.emplace_back(name);
        }
    }
    return chosen;
}

AnalysisSpec complete_spec(const Study& study, AnalysisSpec spec) {
    // The arms first: the compared arm is named against the resolved reference.
    AnalysisSpec arms = spec;
    arms.subgroups.clear();
    arms.compare_arm.clear();
    // What needs a compared arm is left out too, or three arms would refuse it.
    arms.fh_tests.clear();
    arms.maxcombo.reset();
    arms.hr_cuts.clear();
    arms = resolve_spec(study, arms);
    if (spec.compare_arm.empty()) {
        for (const auto& level : study.subjects.find(arms.arm_variable)->levels()) {
            if (level != arms.reference_arm) {
                spec.compare_arm = level;
                break;
            }
        }
    }
    return resolve_spec(study, std::move(spec));
}

AnalysisSpec default_spec(const Study& study, const std::string& paramcd) {
    AnalysisSpec spec;
    if (!study.endpoints.empty()) {
        // Duration of response is of responders only: never the default.
        const auto first = std::find_if(
            study.endpoints.begin(), study.endpoints.end(), [](const TimeToEvent& endpoint) {
                return endpoint.paramcd() != "DURRSP" && endpoint.paramcd() != "DOR";
            });
        const bool kept = study.endpoint(paramcd) != nullptr;
        spec.paramcd =
            kept ? paramcd
                 : (first != study.endpoints.end() ? *first : study.endpoints.front()).paramcd();
    }
    spec.subgroups = default_subgroups(study);
    try {
        spec = complete_spec(study, spec);
        if (study.subjects.find(spec.arm_variable)->levels().size() >= 2) {
            spec.fh_tests = maxcombo_default_tests();
            spec.maxcombo = maxcombo_default_tests();
        }
        spec.cause_of_interest = std::string();
        return spec;
    } catch (const SpecError&) {
        return spec;
    }
}

AeSpec adverse_event_spec(const Study& study, const AnalysisSpec& analysis,
                          const AeFilter& events) {
    static constexpr std::pair<const char*, const char*> actual_of[] = {
        {"TRT01P", "TRT01A"}, {"TRTP", "TRTA"}, {"ARM", "ACTARM"}};
    AeSpec spec;
    spec.filter = events;
    spec.filter_expression = analysis.filter;
    spec.conf_level = analysis.km.conf_level;
    spec.arm_variable = analysis.arm_variable;
    if (spec.arm_variable.empty()) {
        const auto present =
            std::find_if(std::begin(arm_column_candidates), std::end(arm_column_candidates),
                         [&](const char* name) { return study.subjects.find(name) != nullptr; });
        if (present != std::end(arm_column_candidates)) {
            spec.arm_variable = *present;
        }
    }
    for (const auto& [planned, actual] : actual_of) {
        if (spec.arm_variable == planned && study.subjects.find(actual) != nullptr) {
            spec.arm_variable = actual;
        }
    }
    spec.reference_arm = analysis.reference_arm;
    spec.max_levels = analysis.max_levels;
    return spec;
}

} // namespace triallens
