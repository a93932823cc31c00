#include "triallens/data/raw_table.h"

#include <charconv>
#include <cmath>
#include <utility>

namespace triallens {

std::string RawColumn::cell_text(std::size_t row) const {
    if (type == ColumnType::Text) {
        return texts[row];
    }
    const double value = numbers[row];
    if (std::isnan(value)) {
        return {};
    }
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc{} ? std::string(buffer, end) : std::string{};
}

const RawColumn* RawTable::find(std::string_view name) const {
    for (const auto& column : columns) {
        if (column.name == name) {
            return &column;
        }
    }
    return nullptr;
}

RawColumn number_column(std::string name, std::string label, std::vector<double> values) {
    RawColumn column{std::move(name), std::move(label), ColumnType::Number, std::move(values), {}};
    return column;
}

RawColumn text_column(std::string name, std::string label, std::vector<std::string> values) {
    RawColumn column{std::move(name), std::move(label), ColumnType::Text, {}, std::move(values)};
    return column;
}

} // namespace triallens
