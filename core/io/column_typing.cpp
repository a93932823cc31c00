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

enum class Kind { Missing, Number, Date, Text };

// What one file's column holds, judged cell by cell.
struct ColumnScan {
    std::vector<double> numbers; // while every cell so far is a number, date or missing
    std::size_t numeric = 0;     // cells that are numbers or dates
    std::size_t dates = 0;
    std::vector<std::size_t> text_rows; // the first few rows holding text, or all of them
    std::size_t text = 0;
    std::optional<std::size_t> first_date_row{}; // in a duration column
};

// `duration`: the column holds durations, so its dates and date-times are
// counted (in `dates`, from `first_date_row`) as neither numbers nor text.
ColumnScan scan_column(const DelimitedText& file, std::size_t column, bool all_text_rows,
                       bool duration) {
    ColumnScan scan;
    const std::size_t rows = file.row_count();
    scan.numbers.reserve(rows);
    for (std::size_t row = 0; row < rows; ++row) {
        const std::string_view cell = trimmed(file.cell(row, column));
        if (is_missing_token(cell)) {
            scan.numbers.push_back(std::numeric_limits<double>::quiet_NaN());
            continue;
        }
        if (const auto number = parse_number(cell, file.decimal_mark)) {
            scan.numbers.push_back(*number);
            ++scan.numeric;
            continue;
        }
        if (duration && (parse_iso_date(cell) || is_iso_date_time(cell))) {
            scan.numbers.push_back(std::numeric_limits<double>::quiet_NaN());
            ++scan.dates;
            if (!scan.first_date_row) {
                scan.first_date_row = row;
            }
            continue;
        }
        if (const auto day = parse_iso_date(cell)) {
            scan.numbers.push_back(*day);
            ++scan.numeric;
            ++scan.dates;
            continue;
        }
        scan.numbers.push_back(std::numeric_limits<double>::quiet_NaN());
        ++scan.text;
        if (all_text_rows || scan.text_rows.size() < max_findings_per_column) {
            scan.text_rows.push_back(row);
        }
    }
    return scan;
}

RawColumn text_cells(const DelimitedText& file, std::size_t column) {
    TextColumnBuilder builder;
    builder.reserve(file.row_count());
    for (std::size_t row = 0; row < file.row_count(); ++row) {
        const std::string_view cell = file.cell(row, column);
        builder.push_back(is_missing_token(trimmed(cell)) ? std::string_view{} : cell);
    }
    return std::move(builder).finish(file.header[column], {});
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

std::vector<RawTable> type_columns(const std::vector<DelimitedText>& files,
                                   const ColumnHints& hints, std::vector<Finding>& findings,
                                   std::vector<std::vector<bool>>* invalid_rows) {
    std::vector<RawTable> tables(files.size());
    if (invalid_rows != nullptr) {
        invalid_rows->resize(files.size());
        for (std::size_t f = 0; f < files.size(); ++f) {
            (*invalid_rows)[f].assign(files[f].row_count(), false);
        }
    }
    for (std::size_t f = 0; f < files.size(); ++f) {
        tables[f].source = files[f].source;
        tables[f].lines = files[f].lines;
        tables[f].columns.resize(files[f].column_count());
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
    for (std::size_t c = 0; c < files.front().column_count(); ++c) {
        const std::string& name = files.front().header[c];
        std::vector<std::size_t> index(files.size(), c);
        for (std::size_t f = 1; f < files.size(); ++f) {
            index[f] = position[f].at(name);
        }
        const bool duration = contains(hints.durations, name);
        const bool must_be_number = duration || contains(hints.numeric, name);
        const bool must_be_text =
            !must_be_number && (contains(hints.text, name) || is_character_by_name(name));
        std::vector<ColumnScan> scans;
        std::size_t numeric = 0;
        std::size_t dates = 0;
        std::size_t text = 0;
        if (!must_be_text) {
            for (std::size_t f = 0; f < files.size(); ++f) {
                scans.push_back(scan_column(files[f], index[f],
                                            must_be_number && invalid_rows != nullptr, duration));
                numeric += scans.back().numeric;
                dates += scans.back().dates;
                text += scans.back().text;
            }
        }
        const bool as_number = must_be_number || (!must_be_text && text == 0 && numeric > 0);
        if (duration && dates > 0) {
            // About the column, not a row: a time column of dates is the wrong column.
            for (std::size_t f = 0; f < files.size(); ++f) {
                if (const auto row = scans[f].first_date_row) {
                    findings.push_back(
                        {Severity::Error,
                         {files[f].source, files[f].lines[*row], name},
                         "holds dates, not durations: " +
                             quoted_cell(trimmed(files[f].cell(*row, index[f]))) + " (" +
                             std::to_string(dates) + (dates == 1 ? " cell is" : " cells are") +
                             " dates; the time column must hold times since a start, such as "
                             "days)"});
                    break;
                }
            }
        }
        if (must_be_number && text > 0) {
            std::size_t reported = 0;
            for (std::size_t f = 0; f < files.size(); ++f) {
                for (const std::size_t row : scans[f].text_rows) {
                    if (invalid_rows != nullptr) {
                        (*invalid_rows)[f][row] = true;
                    }
                    if (reported < max_findings_per_column) {
                        ++reported;
                        findings.push_back({Severity::Error,
                                            {files[f].source, files[f].lines[row], name},
                                            "text in a numeric column: " +
                                                quoted_cell(files[f].cell(row, index[f])),
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
        } else if (!as_number && !must_be_text && numeric >= 9 * text && text > 0) {
            for (std::size_t f = 0; f < files.size(); ++f) {
                if (!scans[f].text_rows.empty()) {
                    const std::size_t row = scans[f].text_rows.front();
                    findings.push_back({Severity::Warning,
                                        {files[f].source, files[f].lines[row], name},
                                        "a column of numbers holds the text " +
                                            quoted_cell(files[f].cell(row, index[f])) +
                                            "; the column is read as text"});
                    break;
                }
            }
        }
        for (std::size_t f = 0; f < files.size(); ++f) {
            RawColumn column = as_number ? number_column(name, {}, std::move(scans[f].numbers))
                                         : text_cells(files[f], index[f]);
            if (as_number && dates > 0 && !duration) {
                column.format = date_format;
            }
            tables[f].columns[index[f]] = std::move(column);
        }
    }
    return tables;
}

} // namespace triallens
