#include "triallens/io/column_typing.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string_view>
#include <unordered_map>

namespace triallens {

namespace {

constexpr std::size_t max_findings_per_column = 20;
constexpr const char* date_format = "E8601DA10.";

std::string_view trimmed(std::string_view cell) {
    while (!cell.empty() && cell.front() == ' ') {
        cell.remove_prefix(1);
    }
    while (!cell.empty() && cell.back() == ' ') {
        cell.remove_suffix(1);
    }
    return cell;
}

// Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic
// Gregorian date.
long days_from_civil(long year, long month, long day) {
    year -= month <= 2 ? 1 : 0;
    const long era = (year >= 0 ? year : year - 399) / 400;
    const long year_of_era = year - era * 400;
    const long day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

bool contains(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

// What the dataset's hints and the column's CDISC name say about a column.
struct ColumnRules {
    bool duration = false;
    bool must_be_number = false;
    bool must_be_text = false;
};

ColumnRules rules_of(const std::string& name, const ColumnHints& hints) {
    ColumnRules rules;
    rules.duration = contains(hints.durations, name);
    rules.must_be_number = rules.duration || contains(hints.numeric, name);
    rules.must_be_text =
        !rules.must_be_number && (contains(hints.text, name) || is_character_by_name(name));
    return rules;
}

// Judges one file's column cell by cell into `out`: its counts, the rows
// findings name, and its numbers. `duration`: the column holds durations, so
// its dates and date-times are counted (in `dates`, from `first_date_row`) as
// neither numbers nor text.
void scan_column(const DelimitedText& file, std::size_t column, bool all_text_rows, bool duration,
                 FileColumn& out) {
    const std::size_t rows = file.row_count();
    std::vector<double> numbers;
    numbers.reserve(rows);
    for (std::size_t row = 0; row < rows; ++row) {
        const std::string_view cell = trimmed(file.cell(row, column));
        if (is_missing_token(cell)) {
            numbers.push_back(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        if (const auto number = parse_number(cell, file.decimal_mark)) {
            numbers.push_back(*number);
            ++out.numeric;
            continue;
        }
        if (duration && (parse_iso_date(cell) || is_iso_date_time(cell))) {
            numbers.push_back(std::numeric_limits<double>::quiet_NaN());
            ++out.dates;
            if (!out.first_date_row) {
                out.first_date_row = row;
                out.first_date_cell = std::string(file.cell(row, column));
            }
            continue;
        }
        if (const auto day = parse_iso_date(cell)) {
            numbers.push_back(*day);
            ++out.numeric;
            ++out.dates;
            continue;
        }
        numbers.push_back(std::numeric_limits<double>::quiet_NaN());
        ++out.text;
        if (all_text_rows || out.text_rows.size() < max_findings_per_column) {
            out.text_rows.push_back(row);
        }
        if (out.text_cells.size() < max_findings_per_column) {
            out.text_cells.emplace_back(file.cell(row, column));
        }
    }
    out.column = number_column(file.header[column], {}, std::move(numbers));
}

// A text column of `rows` missing cells, as text_column_of makes it.
RawColumn missing_text(const std::string& name, std::size_t rows) {
    RawColumn column;
    column.name = name;
    column.type = ColumnType::Text;
    column.codes.assign(rows, 0);
    return column;
}

} // namespace

bool is_missing_token(std::string_view cell) {
    return cell.empty() || cell == "NA" || cell == "na" || cell == "." || cell == "NULL" ||
           cell == "null";
}

std::optional<double> parse_number(std::string_view cell, char decimal_mark) {
    cell = trimmed(cell);
    if (!cell.empty() && cell.front() == '+') {
        cell.remove_prefix(1);
    }
    if (cell.empty() || cell.size() > 64) {
        return std::nullopt;
    }
    char buffer[64];
    std::copy(cell.begin(), cell.end(), buffer);
    if (decimal_mark == ',') {
        // A decimal comma file may still hold a point (SAS writes 19725.000000);
        // a cell with both is a grouped number we do not guess at.
        const bool has_comma = cell.find(',') != std::string_view::npos;
        if (has_comma && cell.find('.') != std::string_view::npos) {
            return std::nullopt;
        }
        std::replace(buffer, buffer + cell.size(), ',', '.');
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(buffer, buffer + cell.size(), value);
    if (ec != std::errc{} || end != buffer + cell.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parse_iso_date(std::string_view cell) {
    cell = trimmed(cell);
    if (cell.size() != 10 || cell[4] != '-' || cell[7] != '-') {
        return std::nullopt;
    }
    const auto field = [&](std::size_t at, std::size_t length) -> long {
        long value = 0;
        for (std::size_t i = at; i < at + length; ++i) {
            if (cell[i] < '0' || cell[i] > '9') {
                return -1;
            }
            value = value * 10 + (cell[i] - '0');
        }
        return value;
    };
    const long year = field(0, 4);
    const long month = field(5, 2);
    const long day = field(8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1) {
        return std::nullopt;
    }
    constexpr long month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (day > month_days[month - 1] || (month == 2 && day == 29 && !leap)) {
        return std::nullopt;
    }
    return static_cast<double>(days_from_civil(year, month, day) - days_from_civil(1960, 1, 1));
}

bool is_iso_date_time(std::string_view cell) {
    cell = trimmed(cell);
    if (cell.size() < 16 || !parse_iso_date(cell.substr(0, 10)) ||
        (cell[10] != 'T' && cell[10] != ' ') || cell[13] != ':') {
        return false;
    }
    const auto digits = [&](std::size_t at) {
        return cell[at] >= '0' && cell[at] <= '9' && cell[at + 1] >= '0' && cell[at + 1] <= '9';
    };
    return digits(11) && digits(14);
}

bool is_character_by_name(std::string_view column) {
    if (column.ends_with("ID") || column.ends_with("DTC") || column.ends_with("CD") ||
        column.ends_with("FL")) {
        return true;
    }
    // ADaM grouping variables: AGEGR1, SITEGR1, ... (their numeric twins end in N).
    std::size_t digits = 0;
    while (digits < column.size() && column[column.size() - 1 - digits] >= '0' &&
           column[column.size() - 1 - digits] <= '9') {
        ++digits;
    }
    return digits > 0 && column.substr(0, column.size() - digits).ends_with("GR");
}

RawColumn text_column_of(const DelimitedText& file, std::size_t column) {
    TextColumnBuilder builder;
    builder.reserve(file.row_count());
    for (std::size_t row = 0; row < file.row_count(); ++row) {
        const std::string_view cell = file.cell(row, column);
        builder.push_back(is_missing_token(trimmed(cell)) ? std::string_view{} : cell);
    }
    return std::move(builder).finish(file.header[column], {});
}

TypedFile type_file_columns(const DelimitedText& file, const ColumnHints& hints,
                            bool all_text_rows) {
    TypedFile typed;
    typed.source = file.source;
    typed.header = file.header;
    typed.lines = file.lines;
    typed.rows = file.row_count();
    typed.columns.resize(file.column_count());
    for (std::size_t c = 0; c < file.column_count(); ++c) {
        const ColumnRules rules = rules_of(file.header[c], hints);
        FileColumn& out = typed.columns[c];
        if (rules.must_be_text) {
            out.column = text_column_of(file, c);
            continue;
        }
        scan_column(file, c, rules.must_be_number && all_text_rows, rules.duration, out);
        if (!rules.must_be_number && out.text > 0) {
            // Text here makes the column text in every file of the dataset.
            out.column = text_column_of(file, c);
        }
    }
    return typed;
}

std::vector<RawTable>
type_columns(std::vector<TypedFile> files, const ColumnHints& hints, std::vector<Finding>& findings,
             std::vector<std::vector<bool>>* invalid_rows,
             const std::function<RawColumn(std::size_t, std::size_t)>& text_of) {
    std::vector<RawTable> tables(files.size());
    if (invalid_rows != nullptr) {
        invalid_rows->resize(files.size());
        for (std::size_t f = 0; f < files.size(); ++f) {
            (*invalid_rows)[f].assign(files[f].rows, false);
        }
    }
    for (std::size_t f = 0; f < files.size(); ++f) {
        tables[f].source = files[f].source;
        tables[f].columns.resize(files[f].header.size());
    }
    if (files.empty()) {
        return tables;
    }
    // Every file of a dataset has the same columns (in any order), found by
    // hash: a header of 200,000 columns must not cost 200,000 searches.
    std::vector<std::unordered_map<std::string_view, std::size_t>> position(files.size());
    for (std::size_t f = 1; f < files.size(); ++f) {
        const auto& header = files[f].header;
        position[f].reserve(header.size());
        for (std::size_t c = 0; c < header.size(); ++c) {
            position[f].emplace(header[c], c);
        }
    }
    for (std::size_t c = 0; c < files.front().header.size(); ++c) {
        const std::string& name = files.front().header[c];
        std::vector<std::size_t> index(files.size(), c);
        for (std::size_t f = 1; f < files.size(); ++f) {
            index[f] = position[f].at(name);
        }
        const ColumnRules rules = rules_of(name, hints);
        const auto scan = [&](std::size_t f) -> FileColumn& { return files[f].columns[index[f]]; };
        std::size_t numeric = 0;
        std::size_t dates = 0;
        std::size_t text = 0;
        for (std::size_t f = 0; f < files.size(); ++f) {
            numeric += scan(f).numeric;
            dates += scan(f).dates;
            text += scan(f).text;
        }
        const bool as_number =
            rules.must_be_number || (!rules.must_be_text && text == 0 && numeric > 0);
        if (rules.duration && dates > 0) {
            // About the column, not a row: a time column of dates is the wrong column.
            for (std::size_t f = 0; f < files.size(); ++f) {
                if (const auto row = scan(f).first_date_row) {
                    findings.push_back(
                        {Severity::Error,
                         {files[f].source, files[f].lines[*row], name},
                         "holds dates, not durations: " +
                             quoted_cell(trimmed(scan(f).first_date_cell)) + " (" +
                             std::to_string(dates) + (dates == 1 ? " cell is" : " cells are") +
                             " dates; the time column must hold times since a start, such as "
                             "days)"});
                    break;
                }
            }
        }
        if (rules.must_be_number && text > 0) {
            std::size_t reported = 0;
            for (std::size_t f = 0; f < files.size(); ++f) {
                const FileColumn& column = scan(f);
                for (std::size_t i = 0; i < column.text_rows.size(); ++i) {
                    const std::size_t row = column.text_rows[i];
                    if (invalid_rows != nullptr) {
                        (*invalid_rows)[f][row] = true;
                    }
                    if (reported < max_findings_per_column) {
                        // i <= reported: the file kept this cell's text.
                        ++reported;
                        findings.push_back(
                            {Severity::Error,
                             {files[f].source, files[f].lines[row], name},
                             "text in a numeric column: " + quoted_cell(column.text_cells[i]),
                             true});
                    }
                }
            }
            if (text > reported) {
                findings.push_back(
                    {Severity::Error,
                     {files.front().source, 0, name},
                     std::to_string(text - reported) + " more cells of text in this numeric column",
                     true});
            }
        } else if (!as_number && !rules.must_be_text && numeric >= 9 * text && text > 0) {
            for (std::size_t f = 0; f < files.size(); ++f) {
                if (!scan(f).text_rows.empty()) {
                    const std::size_t row = scan(f).text_rows.front();
                    findings.push_back({Severity::Warning,
                                        {files[f].source, files[f].lines[row], name},
                                        "a column of numbers holds the text " +
                                            quoted_cell(scan(f).text_cells.front()) +
                                            "; the column is read as text"});
                    break;
                }
            }
        }
        for (std::size_t f = 0; f < files.size(); ++f) {
            FileColumn& file_column = scan(f);
            RawColumn column;
            if (as_number) {
                column = number_column(name, {}, std::move(file_column.column.numbers));
                if (dates > 0 && !rules.duration) {
                    column.format = date_format;
                }
            } else if (file_column.column.type == ColumnType::Text) {
                column = std::move(file_column.column);
            } else if (file_column.numeric == 0) {
                column = missing_text(name, files[f].rows);
            } else {
                // Numbers here, text in another file: the cells as written.
                column = text_of(f, index[f]);
            }
            tables[f].columns[index[f]] = std::move(column);
            file_column = {};
        }
    }
    for (std::size_t f = 0; f < files.size(); ++f) {
        tables[f].lines = std::move(files[f].lines);
    }
    return tables;
}

std::vector<RawTable> type_columns(const std::vector<DelimitedText>& files,
                                   const ColumnHints& hints, std::vector<Finding>& findings,
                                   std::vector<std::vector<bool>>* invalid_rows) {
    std::vector<TypedFile> typed;
    typed.reserve(files.size());
    for (const auto& file : files) {
        typed.push_back(type_file_columns(file, hints, invalid_rows != nullptr));
    }
    return type_columns(std::move(typed), hints, findings, invalid_rows,
                        [&files](std::size_t file, std::size_t column) {
                            return text_column_of(files[file], column);
                        });
}

} // namespace triallens
