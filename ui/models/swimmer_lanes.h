#pragma once
// The swimmer plot's lanes, read off Results::tumour_response: one per
// subject with treatment days, the longest on top (ties in the subjects'
// order), with where its markers go — the first CR or PR visit, the first
// progression, death — and whether treatment is ongoing at the data cut.
// Responders only (CR or PR) on request. Ordering and reading only.

#include <triallens/analysis/results.h>

#include <cstddef>
#include <optional>
#include <vector>

namespace triallens::ui {

struct SwimmerLane {
    std::size_t entry = 0;                // index into TumourResponse::subjects
    double end = 0;                       // treatment_days
    std::optional<double> first_response; // the first CR or PR visit's time
    std::optional<double> progression;
    std::optional<double> death;
    bool ongoing = false;
};

struct SwimmerLanes {
    std::vector<SwimmerLane> lanes;
    std::size_t without_days = 0; // subjects shown if they had treatment days
};

SwimmerLanes swimmer_lanes(const TumourResponse& response, bool responders_only);

std::vector<std::int32_t> swimmer_order(const TumourResponse& response, const SwimmerLanes& lanes);

} // namespace triallens::ui
