#include "triallens/reconstruct/digitised_csv.h"

#include "triallens/data/data_error.h"
#include "triallens/io/column_typing.h"
#include "triallens/io/delimited_text.h"
#include "triallens/io/file_bytes.h"
#include "triallens/io/text_encoding.h"
#include "triallens/reconstruct/clean_digitised_curve.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace triallens {

namespace {

std::string file_text(const std::filesystem::path& file) {
    if (const auto problem = file_problem(file)) {
        throw DataError({file.string(), 0, {}}, *problem);
    }
    std::string text = decode_to_utf8(read_file_bytes(file), file.string()).utf8;
    if (text.starts_with("\xEF\xBB\xBF")) {
        text.erase(0, 3);
    }
    return text;
}

std::string_view first_line(std::string_view text) {
    while (!text.empty() && (text.front() == '\n' || text.front() == '\r')) {
        text.remove_prefix(1);
    }
    return text.substr(0, std::min(text.find_first_of("\r\n"), text.size()));
}

std::string_view trimmed(std::string_view cell) {
    while (!cell.empty() && std::isspace(static_cast<unsigned char>(cell.front()))) {
        cell.remove_prefix(1);
    }
    while (!cell.empty() && std::isspace(static_cast<unsigned char>(cell.back()))) {
        cell.remove_suffix(1);
    }
    if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
        cell = cell.substr(1, cell.size() - 2);
    }
    return cell;
}

// Whether a line is two numbers: a headerless points file. Its delimiter is
// picked here, as the reader's guess is made for header lines: semicolon
// first (a decimal comma makes commas outnumber it), then tab, then comma.
bool is_two_numbers(std::string_view line, char& delimiter) {
    delimiter = line.find(';') != std::string_view::npos    ? ';'
                : line.find('\t') != std::string_view::npos ? '\t'
                                                            : ',';
    const std::size_t split = line.find(delimiter);
    if (split == std::string_view::npos || line.find(delimiter, split + 1) != line.npos) {
        return false;
    }
    const char decimal_mark = delimiter == ';' ? ',' : '.';
    return parse_number(trimmed(line.substr(0, split)), decimal_mark) &&
           parse_number(trimmed(line.substr(split + 1)), decimal_mark);
}

double number_cell(const DelimitedText& table, std::size_t row, std::size_t column,
                   long line_offset) {
    const std::string_view cell = table.cell(row, column);
    const auto value = parse_number(cell, table.decimal_mark);
    if (!value || !std::isfinite(*value)) {
        throw DataError({table.source, table.lines[row] - line_offset, table.header[column]},
                        cell.empty() ? std::string("the cell is empty; a number is needed")
                                     : "\"" + std::string(cell) + "\" is not a number");
    }
    return *value;
}

std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

DigitisedCurve read_digitised_curve(const std::filesystem::path& file) {
    std::string text = file_text(file);
    char delimiter = ',';
    long line_offset = 0;
    if (is_two_numbers(first_line(text), delimiter)) {
        // A headerless file: give it one, and take its line back off.
        text.insert(0, std::string("time") + delimiter + "survival\n");
        line_offset = 1;
    }
    const DelimitedText table = parse_delimited_text(text, file.string());
    if (table.column_count() != 2) {
        throw DataError({table.source, 1, {}},
                        "a curve's points file has two columns, time and survival; this one has " +
                            std::to_string(table.column_count()));
    }
    if (table.row_count() == 0) {
        throw DataError({table.source, 0, {}}, "no points: the file has no rows of numbers");
    }
    if (table.row_count() > max_digitised_points) {
        throw DataError({table.source, 0, {}},
                        std::to_string(table.row_count()) + " points; at most " +
                            std::to_string(max_digitised_points) + " are read per curve");
    }
    DigitisedCurve curve;
    curve.time.reserve(table.row_count());
    curve.survival.reserve(table.row_count());
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        curve.time.push_back(number_cell(table, row, 0, line_offset));
        curve.survival.push_back(number_cell(table, row, 1, line_offset));
    }
    // Garbage named by its line here, where there is one (the cleaning can
    // only name the point).
    const bool percent = survival_in_percent(curve.survival);
    const double last_time = *std::max_element(curve.time.begin(), curve.time.end());
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        const std::string problem =
            digitised_point_problem(curve.time[row], curve.survival[row], percent, last_time);
        if (!problem.empty()) {
            const bool time_problem = problem.starts_with("its time");
            throw DataError(
                {table.source, table.lines[row] - line_offset, table.header[time_problem ? 0 : 1]},
                "this point is unusable: " + problem);
        }
    }
    return curve;
}

std::vector<AtRiskTable> read_at_risk_tables(const std::filesystem::path& file,
                                             const std::vector<std::string>& arms) {
    const DelimitedText table = parse_delimited_text(file_text(file), file.string());
    std::optional<std::size_t> time_column;
    for (std::size_t c = 0; c < table.column_count(); ++c) {
        if (lower(std::string(trimmed(table.header[c]))) == "time") {
            time_column = c;
        }
    }
    std::string columns;
    for (const auto& name : table.header) {
        columns += (columns.empty() ? "" : ", ") + name;
    }
    if (!time_column) {
        throw DataError({table.source, 1, {}},
                        "an at-risk table needs a column named time (its columns: " + columns +
                            ")");
    }
    if (table.row_count() == 0) {
        throw DataError({table.source, 0, {}}, "the at-risk table has no rows");
    }
    if (table.row_count() > max_at_risk_times) {
        throw DataError({table.source, 0, {}},
                        std::to_string(table.row_count()) + " rows; at most " +
                            std::to_string(max_at_risk_times) + " at-risk times are read");
    }
    std::vector<AtRiskTable> tables;
    for (const std::string& arm : arms) {
        const auto found =
            std::find_if(table.header.begin(), table.header.end(),
                         [&](const std::string& name) { return trimmed(name) == arm; });
        if (found == table.header.end()) {
            throw DataError({table.source, 1, {}},
                            "no column for the arm \"" + arm + "\" (its columns: " + columns + ")");
        }
        const auto column = static_cast<std::size_t>(found - table.header.begin());
        AtRiskTable arm_table;
        for (std::size_t row = 0; row < table.row_count(); ++row) {
            const std::string_view cell = table.cell(row, column);
            if (cell.empty() || is_missing_token(cell)) {
                continue;
            }
            const double time = number_cell(table, row, *time_column, 0);
            const double n_risk = number_cell(table, row, column, 0);
            if (!(n_risk >= 0 && n_risk <= max_reconstructed_patients) ||
                n_risk != std::floor(n_risk)) {
                throw DataError({table.source, table.lines[row], table.header[column]},
                                "\"" + std::string(cell) +
                                    "\" is not a number at risk (a whole number from 0 to " +
                                    std::to_string(max_reconstructed_patients) + ")");
            }
            arm_table.time.push_back(time);
            arm_table.n_risk.push_back(static_cast<int>(n_risk));
        }
        tables.push_back(std::move(arm_table));
    }
    return tables;
}

} // namespace triallens
