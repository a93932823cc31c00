#pragma once
// Stacks the files of one dataset split by site (same columns, in any order)
// into one table. Rows keep their file and line (RawTable::parts, lines), so
// every later error still names the site's file. Columns follow the first
// file's order; a column that is numeric in one file and text in another
// (a .xpt next to a CSV) becomes text, its numbers written as cell_text does.

#include "triallens/data/raw_table.h"

#include <vector>

namespace triallens {

// Throws std::invalid_argument when the files do not have the same columns.
RawTable stack_tables(std::vector<RawTable> files);

} // namespace triallens
