#pragma once
// Numbers in reconstruction messages: six significant digits, no trailing
// zeros ("0.012", "24", "1e-05"), as a user reads them off a figure.

#include <cstdio>
#include <string>

namespace triallens::reconstruct_detail {

inline std::string number_text(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

} // namespace triallens::reconstruct_detail
