#pragma once
// A table as a reader or generator produces it: named, typed columns of equal
// length, before any study-level meaning is attached. Numeric cells use NaN
// for a missing value; text cells use the empty string.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

enum class ColumnType { Number, Text };

struct RawColumn {
    std::string name;
    std::string label;
    ColumnType type = ColumnType::Text;
    std::vector<double> numbers;    // when type == Number; NaN = missing
    std::vector<std::string> texts; // when type == Text; "" = missing

    std::size_t size() const { return type == ColumnType::Number ? numbers.size() : texts.size(); }
    // The cell as text (numbers in shortest round-trip form, missing as "").
    std::string cell_text(std::size_t row) const;
};

struct RawTable {
    std::string source; // file name, or "demo:ADSL" for generated data
    std::vector<RawColumn> columns;
    std::vector<long> lines; // source line of each row; empty = row + 2 (a header line, then rows)

    long line_of(std::size_t row) const {
        return lines.empty() ? static_cast<long>(row) + 2 : lines[row];
    }
    std::size_t row_count() const { return columns.empty() ? 0 : columns.front().size(); }
    const RawColumn* find(std::string_view name) const;
    bool has(std::string_view name) const { return find(name) != nullptr; }
};

RawColumn number_column(std::string name, std::string label, std::vector<double> values);
RawColumn text_column(std::string name, std::string label, std::vector<std::string> values);

} // namespace triallens
