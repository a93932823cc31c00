#include "adverse_event_actions.h"

#include <limits>

namespace triallens::demo {

AeActions draw_adverse_event_actions(std::span<const AeActionInput> records,
                                     std::span<const std::string_view> end_reason,
                                     RandomStream& random) {
    constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
    std::vector<std::size_t> withdrawn(end_reason.size(), none); // record per subject
    std::vector<std::size_t> fatal(end_reason.size(), none);
    for (std::size_t i = 0; i < records.size(); ++i) {
        const AeActionInput& r = records[i];
        if (!r.treatment_emergent) {
            continue;
        }
        if (end_reason[r.subject] == "ADVERSE EVENT" &&
            (withdrawn[r.subject] == none || records[withdrawn[r.subject]].grade < r.grade)) {
            withdrawn[r.subject] = i;
        }
        if (end_reason[r.subject] == "DEATH" && r.grade == 4 && fatal[r.subject] == none) {
            fatal[r.subject] = i;
        }
    }
    AeActions actions;
    for (std::size_t i = 0; i < records.size(); ++i) {
        const AeActionInput& r = records[i];
        const double draw = random.uniform();
        actions.action.emplace_back(withdrawn[r.subject] == i ? "DRUG WITHDRAWN"
                                    : draw < 0.8              ? "DOSE NOT CHANGED"
                                    : draw < 0.9              ? "DOSE REDUCED"
                                                              : "DRUG INTERRUPTED");
        actions.outcome.emplace_back(fatal[r.subject] == i ? "FATAL"
                                     : r.resolved          ? "RECOVERED/RESOLVED"
                                                           : "NOT RECOVERED/NOT RESOLVED");
    }
    return actions;
}

} // namespace triallens::demo
