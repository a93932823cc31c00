#pragma once
// A table as a reader or generator produces it: named, typed columns of equal
// length, before any study-level meaning is attached. Numeric cells use NaN
// for a missing value; text cells use the empty string.
//
// Text is stored once per distinct value: a row holds a 4-byte code into the
// column's levels, whose first entry is always "" (missing). Trial data
// repeat few values (arms, sites, terms, flags) over many rows, so a million
// rows cost megabytes, not hundreds of them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

enum class ColumnType { Number, Text };

struct RawColumn {
    std::string name;
    std::string label;
    ColumnType type = ColumnType::Text;
    std::vector<double> numbers;         // when type == Number; NaN = missing
    std::vector<std::uint32_t> codes;    // when type == Text: index into levels
    std::vector<std::string> levels{""}; // when type == Text: distinct values, levels[0] = ""
    std::string format{}; // SAS display format as the file gave it (e.g. "DATE9"), else ""

    std::size_t size() const { return type == ColumnType::Number ? numbers.size() : codes.size(); }
    // The text of a Text cell ("" when missing).
    const std::string& text(std::size_t row) const { return levels[codes[row]]; }
    // The cell as text (numbers in shortest round-trip form, missing as "").
    std::string cell_text(std::size_t row) const;
};

// One file's rows within a table stacked from several files.
struct SourcePart {
    std::string file;
    std::size_t first_row = 0;
};

struct RawTable {
    std::string source; // file name, or "demo:ADSL" for generated data
    std::vector<RawColumn> columns;
    std::vector<long> lines; // source line of each row; empty = row + 2 (a header line, then rows)
    // When the rows were stacked from several files (one per site): each
    // file and its first row, in row order. Empty = every row is from `source`.
    std::vector<SourcePart> parts{};

    long line_of(std::size_t row) const {
        return lines.empty() ? static_cast<long>(row) + 2 : lines[row];
    }
    // The file a row was read from.
    const std::string& source_of(std::size_t row) const;
    std::size_t row_count() const { return columns.empty() ? 0 : columns.front().size(); }
    const RawColumn* find(std::string_view name) const;
    bool has(std::string_view name) const { return find(name) != nullptr; }
};

// Builds a Text column one cell at a time, interning repeated values.
class TextColumnBuilder {
public:
    void push_back(std::string_view value);
    std::size_t size() const { return codes_.size(); }
    // Expects `rows` cells: reserves them, and once the first few thousand
    // show a column of mostly distinct values (identifiers), room for as many
    // distinct values, so the dictionary is not rehashed twenty times.
    void reserve(std::size_t rows);
    RawColumn finish(std::string name, std::string label) &&;

private:
    void grow(std::size_t levels);

    // Open addressing over the levels themselves: a slot holds a level's
    // code + 1 (0 = empty), so the dictionary keeps no second copy of the text.
    std::vector<std::uint32_t> slots_;
    std::vector<std::string> levels_{""};
    std::vector<std::uint32_t> codes_;
    std::size_t expected_rows_ = 0;
};

RawColumn number_column(std::string name, std::string label, std::vector<double> values);
RawColumn text_column(std::string name, std::string label, const std::vector<std::string>& values);
RawColumn text_column(std::string name, std::string label, TextColumnBuilder&& values);

} // namespace triallens
