#pragma once
// Reads SAS datasets, as sponsors send ADaM data, through ReadStat: SAS
// transport v5 (.xpt, the FDA submission format) and .sas7bdat. Variable
// labels and formats are kept on the columns; numeric missing values
// (. and .A-.Z) are NaN, character values lose SAS's trailing blanks, and
// text that is not UTF-8 is decoded as Windows-1252. A row's "line" is its
// observation number (1-based). A file ReadStat cannot parse throws
// DataError naming the file; the reader never returns part of a file.

#include "triallens/data/raw_table.h"
#include "triallens/io/load_progress.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace triallens {

enum class SasFileFormat { Transport, Sas7bdat };

RawTable parse_sas(std::string_view bytes, SasFileFormat format, const std::string& source,
                   const LoadProgress& progress = {});

// The format is taken from the extension: .xpt (or .xport) or .sas7bdat.
RawTable read_sas(const std::filesystem::path& file, const LoadProgress& progress = {});

} // namespace triallens
