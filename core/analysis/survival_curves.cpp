#include "survival_curves.h"

#include "triallens/stats/kaplan_meier.h"
#include "triallens/stats/restricted_mean.h"

namespace triallens {

ArmSurvival summarise_curve(std::string arm, std::string level, const EventTable& events,
                            const AnalysisSpec& spec) {
    ArmSurvival survival;
    survival.arm = std::move(arm);
    survival.level = std::move(level);
    survival.km = fit_kaplan_meier(events, spec.km);
    for (const double p : {0.25, 0.5, 0.75}) {
        survival.quartiles.push_back(survival_quantile(survival.km, p));
    }
    survival.median = survival.quartiles[1];
    for (const double landmark : spec.landmarks) {
        survival.landmarks.push_back(survival_at(survival.km, landmark));
    }
    if (spec.tau) {
        survival.rmst = restricted_mean(survival.km, *spec.tau);
    }
    return survival;
}

std::vector<ArmSurvival>
curve_groups(const Variable& arm, const Variable& by, std::span<const std::int32_t> arm_order,
             std::span<const double> time, std::span<const std::uint8_t> event,
             std::span<const std::int32_t> arm_code, std::span<const std::size_t> subject,
             const AnalysisSpec& spec, std::vector<std::string>& warnings) {
    const std::size_t levels = by.levels().size();
    // Record indices per (arm code, level) cell; the times are already fixed
    // over all analysed records, as the arms' curves use them.
    std::vector<std::vector<std::size_t>> cells(arm.levels().size() * levels);
    std::size_t missing = 0;
    for (std::size_t i = 0; i < time.size(); ++i) {
        const std::int32_t level = by.codes()[subject[i]];
        if (level < 0) {
            ++missing;
            continue;
        }
        cells[static_cast<std::size_t>(arm_code[i]) * levels + static_cast<std::size_t>(level)]
            .push_back(i);
    }
    if (missing > 0) {
        warnings.push_back(std::to_string(missing) + " records with a missing " + by.name() +
                           " are left out of the curves by " + by.name());
    }
    std::vector<ArmSurvival> groups;
    for (const std::int32_t code : arm_order) {
        for (std::size_t level = 0; level < levels; ++level) {
            const auto& rows = cells[static_cast<std::size_t>(code) * levels + level];
            if (rows.empty()) {
                continue;
            }
            std::vector<double> cell_time;
            std::vector<std::uint8_t> cell_event;
            for (const std::size_t i : rows) {
                cell_time.push_back(time[i]);
                cell_event.push_back(event[i]);
            }
            groups.push_back(summarise_curve(arm.levels()[static_cast<std::size_t>(code)],
                                             by.levels()[level],
                                             tabulate_events(cell_time, cell_event, false), spec));
        }
    }
    return groups;
}

} // namespace triallens
