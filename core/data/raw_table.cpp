#include "triallens/data/raw_table.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
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

void TextColumnBuilder::push_back(std::string_view value) {
    constexpr std::size_t sample = 4096;
    if (codes_.size() == sample && expected_rows_ > sample && levels_.size() > sample / 2) {
        index_.reserve(expected_rows_);
        levels_.reserve(expected_rows_);
    }
    // Trial columns repeat a value over runs of rows (a study, a site, an
    // arm, a parameter per file): the run costs a comparison, not a hash.
    if (!codes_.empty() && levels_[codes_.back()] == value) {
        codes_.push_back(codes_.back());
        return;
    }
    auto it = index_.find(value);
    if (it == index_.end()) {
        it = index_.emplace(std::string(value), static_cast<std::uint32_t>(levels_.size())).first;
        levels_.emplace_back(value);
    }
    codes_.push_back(it->second);
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
