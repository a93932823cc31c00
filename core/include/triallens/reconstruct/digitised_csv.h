#pragma once
// Reads the coordinates a digitiser made elsewhere, and the number-at-risk
// table, from delimited text (delimited_text.h: comma, semicolon with a
// decimal comma, or tab; UTF-8 or Windows-1252).
//
// points.csv: two columns, time then survival (0–1 or percent: the cleaning
// decides, clean_digitised_curve.h). The header is optional: a first row of
// two numbers is data. Every cell must be a number, and no point garbage
// (clean_digitised_curve.h: digitised_point_problem), named by its line.
//
// risk.csv: a header with a `time` column (any case) and one column per arm,
// named exactly as the arm is (--curve ARM=...); other columns are ignored.
// Times are numbers; numbers at risk whole numbers >= 0; an empty (or NA)
// cell leaves that time out of that arm's table (an arm whose table ends
// earlier).
//
// Errors are DataError naming the file, line and column. Bounded: at most
// max_digitised_points points and max_at_risk_times rows.

#include "triallens/reconstruct/digitised_curve.h"

#include <filesystem>
#include <string>
#include <vector>

namespace triallens {

DigitisedCurve read_digitised_curve(const std::filesystem::path& file);

// One table per arm, in the order of `arms`.
std::vector<AtRiskTable> read_at_risk_tables(const std::filesystem::path& file,
                                             const std::vector<std::string>& arms);

} // namespace triallens
