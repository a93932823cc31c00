#pragma once
// Gives the columns of a dataset's delimited files their types, inferred per
// column across all the files (the sites' files of one dataset), so a column
// is a number in every site's table or text in every one.
//
// A cell is missing when it is empty, "NA", "na", ".", "NULL" or "null". A
// column whose other cells are all numbers is numeric; a decimal comma is
// read in files whose dialect has one (`;`-delimited). ISO 8601 dates
// (YYYY-MM-DD) are read as SAS day numbers (days since 1960-01-01), so a
// date column may mix ISO dates from one site with SAS day numbers from
// another; such a column gets the format "E8601DA10.". Columns whose CDISC
// names say they are character stay text whatever they hold: identifiers
// (*ID), ISO date-time text (*DTC), codes (*CD), flags (*FL) and grouping
// variables (*GR1, *GR2, ...), as they are in the SAS transport files.

#include "triallens/data/finding.h"
#include "triallens/data/raw_table.h"
#include "triallens/io/delimited_text.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

struct ColumnHints {
    // Columns that must hold numbers: a text cell there is an error finding
    // naming its file, line and column (e.g. AVAL, CNSR, --time, --event).
    std::vector<std::string> numeric;
    // Columns that are text whatever they hold (e.g. the treatment column).
    std::vector<std::string> text;
    // Columns that hold durations (the time column): an ISO 8601 date or
    // date-time there is an error finding, "holds dates, not durations", at
    // its first such cell, never a day number (2024-03-01 is day 23436).
    std::vector<std::string> durations{};
};

bool is_missing_token(std::string_view cell);

// The cell as a number (decimal mark '.' or ','); nullopt when it is not one.
std::optional<double> parse_number(std::string_view cell, char decimal_mark);

// The SAS day number of an ISO 8601 date YYYY-MM-DD; nullopt when it is not one.
std::optional<double> parse_iso_date(std::string_view cell);

// An ISO 8601 date-time: YYYY-MM-DDThh:mm, then optional seconds, fraction
// and zone ("2024-03-01T10:00", "2024-03-01 10:00:05Z").
bool is_iso_date_time(std::string_view cell);

bool is_character_by_name(std::string_view column);

// One typed table per file, in the files' order, each with its own column
// order. Errors (text in a numeric column: row-level, the cell reads as NaN)
// and warnings (a column of numbers with a few text cells, read as text) are
// appended to `findings`. `invalid_rows`, when given, gets per file the rows
// holding text in a numeric column, all of them (findings list 20).
std::vector<RawTable> type_columns(const std::vector<DelimitedText>& files,
                                   const ColumnHints& hints, std::vector<Finding>& findings,
                                   std::vector<std::vector<bool>>* invalid_rows = nullptr);

} // namespace triallens
