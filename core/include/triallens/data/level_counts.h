#pragma once
// Subjects per level of a categorical subject-level variable: a tally of the
// codes, as R's table(x, useNA = "ifany") counts a factor. The filter panel
// shows these next to each level ("F (53)").

#include "triallens/data/study.h"

#include <cstddef>
#include <vector>

namespace triallens {

struct LevelCounts {
    std::vector<std::size_t> subjects; // per level, in the variable's level order
    std::size_t missing = 0;           // code -1 (numeric: NaN)
};

// For a numeric variable `subjects` is empty and `missing` counts the NaNs.
LevelCounts count_levels(const Variable& variable);

} // namespace triallens
