#pragma once
// Writes tables as RFC 4180 CSV (UTF-8, comma, CRLF-free "\n" line ends,
// fields quoted only when they hold a comma, quote or line break). A number
// column whose format is a SAS date or date-time format (sas_date_format.h)
// is written as ISO 8601 text, as column_typing reads it back: the same
// numbers with a date format, so a written table round-trips.

#include "triallens/data/raw_table.h"

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace triallens {

void write_csv(std::ostream& out, const RawTable& table);

// Splits a table by the text of `column` and writes one file per value,
// named `<prefix>_site<value>.csv` in `dir`. Returns the paths written.
std::vector<std::filesystem::path> write_csv_split(const RawTable& table, const std::string& column,
                                                   const std::filesystem::path& dir,
                                                   const std::string& prefix);

} // namespace triallens
