#include "triallens/data/value_range.h"

#include "triallens/format/number_format.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace triallens {

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
    }
    range.decimals = data_decimals(variable.numbers(), ValueRange::max_decimals);
    return range;
}

} // namespace triallens
