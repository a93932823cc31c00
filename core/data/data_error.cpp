#include "triallens/data/data_error.h"

#include <utility>

namespace triallens {

namespace {
std::string describe(const DataLocation& where, const std::string& what) {
    std::string text = where.file;
    if (where.line > 0) {
        text += ":" + std::to_string(where.line);
    }
    if (!where.column.empty()) {
        text += ": column " + where.column;
    }
    return text.empty() ? what : text + ": " + what;
}
} // namespace

DataError::DataError(DataLocation where, const std::string& what)
    : std::runtime_error(describe(where, what)), where_(std::move(where)) {}

} // namespace triallens
