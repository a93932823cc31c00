#pragma once
// How an adverse-event table words its severe column, from the column that
// graded the events (AeTable::grade_variable), so the window, the exported
// tables and `triallens ae` say the same:
//
//   grade_variable  severe heading  note
//   "AETOXGR"       "≥ 3"           "Grade from AETOXGR: ≥ 3 counts grades 3 to 5"
//   "AESEV"         "Severe"        "Grade from AESEV: severe counted as grade ≥ 3"
//   "" (none)       "≥ 3"           "No grade: neither AETOXGR nor AESEV graded an
//                                    event, so no event counts as ≥ 3"
//
// The any-grade column is "Any" whatever the grading.

#include <string>
#include <string_view>

namespace triallens {

std::string severe_heading(std::string_view grade_variable);
std::string grade_note(std::string_view grade_variable);

} // namespace triallens
