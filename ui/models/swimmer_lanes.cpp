#include "models/swimmer_lanes.h"

#include <algorithm>

namespace triallens::ui {

SwimmerLanes swimmer_lanes(const TumourResponse& response, bool responders_only) {
    SwimmerLanes result;
    for (std::size_t i = 0; i < response.subjects.size(); ++i) {
        const SubjectTumourResponse& subject = response.subjects[i];
        if (responders_only && !subject.responder) {
            continue;
        }
        if (!subject.treatment_days) {
            ++result.without_days;
            continue;
        }
        SwimmerLane lane{i,
                         *subject.treatment_days,
                         std::nullopt,
                         subject.progression_time,
                         subject.death_time,
                         subject.ongoing};
        for (const VisitResponse& visit : subject.visits) {
            if ((visit.response == "CR" || visit.response == "PR") &&
                (!lane.first_response || visit.time < *lane.first_response)) {
                lane.first_response = visit.time;
            }
        }
        if (!lane.first_response && subject.responder) {
            lane.first_response = subject.ttr; // a BOR record without per-visit responses
        }
        result.lanes.push_back(lane);
    }
    std::stable_sort(result.lanes.begin(), result.lanes.end(),
                     [](const SwimmerLane& a, const SwimmerLane& b) { return a.end > b.end; });
    return result;
}

std::vector<std::int32_t> swimmer_order(const TumourResponse& response, const SwimmerLanes& lanes) {
    std::vector<std::int32_t> order;
    for (const SwimmerLane& lane : lanes.lanes) {
        order.push_back(response.subjects[lane.entry].subject);
    }
    return order;
}

} // namespace triallens::ui
