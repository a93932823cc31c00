#include "triallens/data/study.h"

#include <algorithm>
#include <numeric>

namespace triallens {

std::optional<std::int32_t> Variable::level_code(std::string_view level) const {
    // Levels are in level order, not sorted (study.h): a linear search, made
    // once per named level, never per row.
    const auto it = std::find(levels.begin(), levels.end(), level);
    if (it == levels.end()) {
        return std::nullopt;
    }
    return static_cast<std::int32_t>(it - levels.begin());
}

const Variable* SubjectTable::find(std::string_view name) const {
    for (const auto& variable : variables) {
        if (variable.name == name) {
            return &variable;
        }
    }
    return nullptr;
}

const TimeToEvent* Study::endpoint(std::string_view paramcd) const {
    for (const auto& endpoint : endpoints) {
        if (endpoint.paramcd == paramcd) {
            return &endpoint;
        }
    }
    return nullptr;
}

TimeToEvent::TimeOrdered sort_by_time(const TimeToEvent& endpoint) {
    std::vector<std::uint32_t> order(endpoint.size());
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return endpoint.time[a] < endpoint.time[b];
    });
    TimeToEvent::TimeOrdered sorted;
    sorted.subject.reserve(order.size());
    sorted.time.reserve(order.size());
    sorted.event.reserve(order.size());
    for (const std::uint32_t i : order) {
        sorted.subject.push_back(endpoint.subject[i]);
        sorted.time.push_back(endpoint.time[i]);
        sorted.event.push_back(endpoint.event[i]);
    }
    return sorted;
}

} // namespace triallens
