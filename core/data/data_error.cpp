#include "triallens/data/data_error.h"

#include "triallens/data/finding.h"

#include <utility>

namespace triallens {

std::string located_message(const DataLocation& where, const std::string& what) {
    // Appends one piece at a time: GCC 12 warns (-Wrestrict, falsely) on
    // `":" + std::to_string(...)` at -O2, and CI treats warnings as errors.
    std::string text = where.file;
    if (where.line > 0) {
        text.append(":").append(std::to_string(where.line));
    }
    if (!where.column.empty()) {
        text.append(": column ").append(capped_text(where.column));
    }
    if (text.empty()) {
        return what;
    }
    return text.append(": ").append(what);
}

DataError::DataError(DataLocation where, const std::string& what)
    : std::runtime_error(located_message(where, what)), where_(std::move(where)), message_(what) {}

} // namespace triallens
