#include "triallens/data/value_range.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace triallens {

namespace {

bool whole_at(double x, int decimals) {
    const double scaled = x * std::pow(10.0, decimals);
    return std::abs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::abs(scaled));
}

} // namespace

ValueRange value_range(const Variable& variable) {
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    ValueRange range{nan, nan, 0, 0};
    if (!variable.is_numeric()) {
        range.missing = variable.codes().size();
        return range;
    }
    for (const double x : variable.numbers()) {
        if (std::isnan(x)) {
            ++range.missing;
            continue;
        }
        range.min = std::isnan(range.min) ? x : std::min(range.min, x);
        range.max = std::isnan(range.max) ? x : std::max(range.max, x);
        while (range.decimals < ValueRange::max_decimals && !whole_at(x, range.decimals)) {
            ++range.decimals;
        }
    }
    return range;
}

} // namespace triallens
