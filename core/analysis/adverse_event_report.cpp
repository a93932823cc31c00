#include "triallens/analysis/adverse_event_report.h"

#include "subject_columns.h"
#include "triallens/analysis/refit.h"
#include "triallens/analysis/subject_filter.h"
#include "triallens/analysis/treatment_exposure.h"

#include <algorithm>

namespace triallens {

namespace {

// Safety tables are by treatment received, so actual treatment comes first.
constexpr const char* safety_arm_candidates[] = {"TRT01A", "TRTA", "TRT01P", "ARM", "TRTP"};

// The population's arm per subject (-1 outside), and the arms' names.
struct AePopulation {
    std::vector<std::int32_t> subject_arm;
    std::vector<std::string> arms;
};

AePopulation ae_population(const Study& study, const AeSpec& spec) {
    const Variable& arm = resolve_arm_column(study, spec.arm_variable, safety_arm_candidates);
    require_few_levels(study, arm, spec.max_levels, "the treatment column takes");
    const Variable* saffl = study.subjects.find("SAFFL");
    const auto safety_yes =
        saffl != nullptr && saffl->is_categorical() ? saffl->level_code("Y") : std::nullopt;

    // Arms in the population, the declared control first, then in sort order.
    const std::vector<std::uint8_t> kept = evaluate_filter(study.subjects, spec.filter_expression);
    std::vector<std::int32_t> in_population(study.subjects.size(), -1);
    std::vector<bool> present(arm.levels().size(), false);
    for (std::size_t i = 0; i < study.subjects.size(); ++i) {
        const bool safety = saffl == nullptr || (safety_yes && saffl->codes()[i] == *safety_yes);
        if (safety && kept[i] && arm.codes()[i] >= 0) {
            in_population[i] = arm.codes()[i];
            present[static_cast<std::size_t>(arm.codes()[i])] = true;
        }
    }
    std::vector<std::int32_t> order;
    if (!spec.reference_arm.empty()) {
        const auto reference = arm.level_code(spec.reference_arm);
        if (!reference) {
            throw SpecError("no arm \"" + spec.reference_arm + "\" in " + arm.name() +
                            " (arms: " + join(arm.levels()) + ")");
        }
        if (!present[static_cast<std::size_t>(*reference)]) {
            throw SpecError("the reference arm \"" + spec.reference_arm +
                            "\" has no subject in the safety population");
        }
        order.push_back(*reference);
    } else if (const auto control = arm.level_code(study.control_arm);
               control && present[static_cast<std::size_t>(*control)]) {
        order.push_back(*control);
    }
    for (std::int32_t code = 0; code < static_cast<std::int32_t>(arm.levels().size()); ++code) {
        if (present[static_cast<std::size_t>(code)] &&
            std::find(order.begin(), order.end(), code) == order.end()) {
            order.push_back(code);
        }
    }
    std::vector<std::int32_t> position(arm.levels().size(), -1);
    std::vector<std::string> names;
    for (std::size_t p = 0; p < order.size(); ++p) {
        position[static_cast<std::size_t>(order[p])] = static_cast<std::int32_t>(p);
        names.push_back(arm.levels()[static_cast<std::size_t>(order[p])]);
    }
    for (auto& code : in_population) {
        code = code < 0 ? -1 : position[static_cast<std::size_t>(code)];
    }
    return {std::move(in_population), std::move(names)};
}

AeTable table_of(const Study& study, const AeSpec& spec, const AePopulation& population) {
    const TreatmentExposure exposure = treatment_exposure(study);
    AeTable table = tabulate_adverse_events(study.adverse_events, population.subject_arm,
                                            population.arms, spec.filter,
                                            {.reference_arm = 0,
                                             .conf_level = spec.conf_level,
                                             .treatment_days = exposure.days,
                                             .exposure_source = exposure.source});
    table.grade_variable = study.adverse_events.grade_variable;
    return table;
}

} // namespace

AeTable adverse_event_table(const Study& study, const AeSpec& spec) {
    return table_of(study, spec, ae_population(study, spec));
}

AeReport adverse_event_report(const Study& study, const AeSpec& spec) {
    const AePopulation population = ae_population(study, spec);
    AeReport report;
    report.table = table_of(study, spec, population);
    report.overview =
        adverse_event_overview(study.adverse_events, population.subject_arm, report.table);
    return report;
}

} // namespace triallens
