#include "triallens/data/study.h"

#include <algorithm>

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

} // namespace triallens
