#pragma once
// The observed range of a numeric subject-level variable and the decimals
// that write its values exactly, so a range filter can start at the data's
// own bounds (R's range(x, na.rm = TRUE)) with a step that suits them.

#include "triallens/data/study.h"

#include <cstddef>

namespace triallens {

struct ValueRange {
    double min = 0; // NaN when every value is missing (or the variable is text)
    double max = 0;
    std::size_t missing = 0;
    // The fewest decimals (0..max_decimals) at which every value is a whole
    // number of steps to within 1e-9 of its size: 0 for ages, 1 for 25.3.
    // Values finer than that (derived ratios) get max_decimals.
    int decimals = 0;

    static constexpr int max_decimals = 4;
};

ValueRange value_range(const Variable& variable);

} // namespace triallens
