#include "triallens/data/raw_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <iterator>
#include <string_view>
#include <utility>

namespace triallens {

std::string RawColumn::cell_text(std::size_t row) const {
    if (type == ColumnType::Text) {
        return text(row);
    }
    const double value = numbers[row];
    if (std::isnan(value)) {
        return {};
    }
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return ec == std::errc{} ? std::string(buffer, end) : std::string{};
}

const std::string& RawTable::source_of(std::size_t row) const {
    if (parts.empty()) {
        return source;
    }
    const auto after =
        std::upper_bound(parts.begin(), parts.end(), row,
                         [](std::size_t r, const SourcePart& part) { return r < part.first_row; });
    return after == parts.begin() ? source : std::prev(after)->file;
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
    RawColumn column;
    column.name = std::move(name);
    column.label = std::move(label);
    column.type = ColumnType::Number;
    column.numbers = std::move(values);
    return column;
}

void TextColumnBuilder::reserve(std::size_t rows) {
    expected_rows_ = rows;
    codes_.reserve(rows);
}

void TextColumnBuilder::grow(std::size_t levels) {
    std::size_t size = 16;
    while (size < 2 * levels) {
        size *= 2;
    }
    slots_.assign(size, 0);
    const std::size_t mask = size - 1;
    for (std::size_t code = 0; code < levels_.size(); ++code) {
        std::size_t at = std::hash<std::string_view>{}(levels_[code]) & mask;
        while (slots_[at] != 0) {
            at = (at + 1) & mask;
        }
        slots_[at] = static_cast<std::uint32_t>(code + 1);
    }
}

void TextColumnBuilder::push_back(std::string_view value) {
    // Trial columns repeat a value over runs of rows (a study, a site, an
    // arm, a parameter per file): the run costs a comparison, not a hash.
    if (!codes_.empty() && levels_[codes_.back()] == value) {
        codes_.push_back(codes_.back());
        return;
    }
    constexpr std::size_t sample = 4096;
    if (codes_.size() == sample && expected_rows_ > sample && levels_.size() > sample / 2) {
        grow(expected_rows_);
        levels_.reserve(expected_rows_);
    }
    if (2 * levels_.size() >= slots_.size()) {
        grow(2 * levels_.size());
    }
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = std::hash<std::string_view>{}(value)&mask;; at = (at + 1) & mask) {
        const std::uint32_t slot = slots_[at];
        if (slot == 0) {
            slots_[at] = static_cast<std::uint32_t>(levels_.size() + 1);
            codes_.push_back(static_cast<std::uint32_t>(levels_.size()));
            levels_.emplace_back(value);
            return;
        }
        if (levels_[slot - 1] == value) {
            codes_.push_back(slot - 1);
            return;
        }
    }
}

RawColumn TextColumnBuilder::finish(std::string name, std::string label) && {
    RawColumn column;
    column.name = std::move(name);
    column.label = std::move(label);
    column.type = ColumnType::Text;
    column.codes = std::move(codes_);
    column.levels = std::move(levels_);
    return column;
}

RawColumn text_column(std::string name, std::string label, const std::vector<std::string>& values) {
    TextColumnBuilder builder;
    for (const auto& value : values) {
        builder.push_back(value);
    }
    return std::move(builder).finish(std::move(name), std::move(label));
}

RawColumn text_column(std::string name, std::string label, TextColumnBuilder&& values) {
    return std::move(values).finish(std::move(name), std::move(label));
}

} // namespace triallens
