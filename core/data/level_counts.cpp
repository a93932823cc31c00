#include "triallens/data/level_counts.h"

#include <cmath>

namespace triallens {

LevelCounts count_levels(const Variable& variable) {
    LevelCounts counts;
    if (!variable.is_categorical()) {
        for (const double x : variable.numbers()) {
            counts.missing += std::isnan(x) ? 1 : 0;
        }
        return counts;
    }
    counts.subjects.assign(variable.levels().size(), 0);
    for (const std::int32_t code : variable.codes()) {
        if (code < 0) {
            ++counts.missing;
        } else {
            ++counts.subjects[static_cast<std::size_t>(code)];
        }
    }
    return counts;
}

} // namespace triallens
