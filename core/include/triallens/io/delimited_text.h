#pragma once
// Reads a delimited text file (CSV, semicolon CSV, TSV) into its cells as
// text, before any column is typed: types are inferred later across all the
// files of a dataset (see column_typing.h).
//
// Parsing is libcsv's (RFC 4180, strict mode): quoted fields may hold the
// delimiter, doubled quotes and line breaks. A row on one line without a
// quote is split here instead, as libcsv would split it (a field loses the
// spaces around it), without libcsv's two callbacks a character. Around it this reader decodes
// the bytes (text_encoding.h), picks the delimiter (tab for .tsv; otherwise
// whichever of `,` `;` tab `|` the header line holds most of, outside quotes),
// takes `;` files as European Excel's, with a decimal comma, accepts LF, CRLF
// and lone-CR line ends, skips blank lines and records the line each row
// starts on. A ragged row, an unterminated quote, malformed quoting or a
// duplicate column name throws DataError with file, line and column; the
// reader never returns part of a file. Only when asked (RaggedRows::Skip, for
// a load that excludes invalid rows) are ragged rows left out instead, each
// listed as a row-level error in `ragged_rows`.

#include "triallens/data/finding.h"
#include "triallens/io/file_bytes.h"
#include "triallens/io/load_progress.h"
#include "triallens/io/text_encoding.h"

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

struct DelimitedText {
    std::string source;
    char delimiter = ',';
    char decimal_mark = '.';
    TextEncoding encoding = TextEncoding::Utf8;
    std::vector<std::string> header;
    std::vector<long> lines; // the line each row starts on (the header is line 1 or later)
    std::string cells;       // every cell's text, row by row, back to back
    std::vector<std::size_t> cell_ends; // end of each cell in `cells`, row-major
    std::vector<Finding> ragged_rows;   // rows left out (RaggedRows::Skip only)

    std::size_t column_count() const { return header.size(); }
    std::size_t row_count() const { return header.empty() ? 0 : cell_ends.size() / header.size(); }
    std::string_view cell(std::size_t row, std::size_t column) const {
        const std::size_t index = row * header.size() + column;
        const std::size_t begin = index == 0 ? 0 : cell_ends[index - 1];
        return std::string_view(cells).substr(begin, cell_ends[index] - begin);
    }
};

enum class RaggedRows { Refuse, Skip };

// `source` names the file in errors; `file_name` (its extension) picks tab
// for .tsv. Reports progress in bytes of `bytes`.
DelimitedText parse_delimited_text(std::string_view bytes, const std::string& source,
                                   const LoadProgress& progress = {},
                                   RaggedRows ragged = RaggedRows::Refuse);

DelimitedText read_delimited_text(const std::filesystem::path& file,
                                  const LoadProgress& progress = {},
                                  RaggedRows ragged = RaggedRows::Refuse);

} // namespace triallens
