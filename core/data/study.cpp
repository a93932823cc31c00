#include "triallens/data/study.h"

#include <algorithm>
#include <numeric>

namespace triallens {

std::optional<std::int32_t> Variable::level_code(std::string_view level) const {
    const auto it = std::lower_bound(levels.begin(), levels.end(), level);
    if (it == levels.end() || *it != level) {
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

std::vector<std::uint32_t> time_order(const std::vector<double>& time) {
    std::vector<std::uint32_t> order(time.size());
    std::iota(order.begin(), order.end(), std::uint32_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return time[a] < time[b]; });
    return order;
}

} // namespace triallens
