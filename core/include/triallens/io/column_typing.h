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

#include <cstddef>
#include <functional>
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

// One delimited file's columns typed as far as the file alone says, so that
// its text can be let go before the dataset's other files are read (a load
// types each file as soon as it is parsed, on the thread that parsed it).
// Each column keeps what the dataset's decision can need: its numbers while
// every cell is a number, date or missing, else its text; the counts; and
// the rows (with their cells' text) that findings name.
struct FileColumn {
    std::size_t numeric = 0; // cells that are numbers or dates
    std::size_t dates = 0;
    std::size_t text = 0;
    std::vector<std::size_t> text_rows;          // the first few rows holding text, or all of them
    std::vector<std::string> text_cells;         // the cells of the first few of text_rows
    std::optional<std::size_t> first_date_row{}; // in a duration column
    std::string first_date_cell{};
    // Numbers (Number: NaN for missing and text) or text (Text: missing
    // tokens as ""). A column of numbers whose dataset turns out to be text
    // elsewhere has to be read again (type_columns' `text_of`).
    RawColumn column{};
};

struct TypedFile {
    std::string source;
    std::vector<std::string> header;
    std::vector<long> lines;
    std::size_t rows = 0;
    std::vector<FileColumn> columns; // in the header's order
};

// `all_text_rows`: keep every row holding text in a numeric column (for
// invalid_rows), not only the first few.
TypedFile type_file_columns(const DelimitedText& file, const ColumnHints& hints,
                            bool all_text_rows);

// The text of one column of one file, cells as read (missing tokens as ""):
// what type_columns asks for when a column of numbers in one file is text
// in another.
RawColumn text_column_of(const DelimitedText& file, std::size_t column);

// type_columns over files typed one by one (type_file_columns), with the
// same tables and findings. `text_of(file, column)` gives a column's text
// (text_column_of) when a file held only numbers in a column that another
// file makes text; it may read the file again.
std::vector<RawTable>
type_columns(std::vector<TypedFile> files, const ColumnHints& hints, std::vector<Finding>& findings,
             std::vector<std::vector<bool>>* invalid_rows,
             const std::function<RawColumn(std::size_t file, std::size_t column)>& text_of);

// One typed table per file, in the files' order, each with its own column
// order. Errors (text in a numeric column: row-level, the cell reads as NaN)
// and warnings (a column of numbers with a few text cells, read as text) are
// appended to `findings`. `invalid_rows`, when given, gets per file the rows
// holding text in a numeric column, all of them (findings list 20).
std::vector<RawTable> type_columns(const std::vector<DelimitedText>& files,
                                   const ColumnHints& hints, std::vector<Finding>& findings,
                                   std::vector<std::vector<bool>>* invalid_rows = nullptr);

} // namespace triallens
