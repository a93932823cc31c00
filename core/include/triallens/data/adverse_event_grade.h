#pragma once
// The grade of an adverse-event record, as safety tables count "grade >= 3",
// read from ADAE's AETOXGR (the CTCAE grade) or AESEV (severity/intensity).
// Either column may hold the grade as a number or as CTCAE's words, in any
// case, with blanks around ignored:
//   1..5, "GRADE 3" (also "Grade 3", "GR 3", "G3")
//   MILD = 1, MODERATE = 2, SEVERE = 3 (the CDISC codelist for AESEV),
//   LIFE THREATENING or LIFE-THREATENING = 4, FATAL or DEATH = 5 (CTCAE's
//   words for grades 4 and 5).
// Anything else is no grade: the loader warns about every such value with
// its count and first line (study_validation.h), so a spelling it does not
// know is never a silent zero in the grade >= 3 counts.

#include <cstdint>
#include <optional>
#include <string_view>

namespace triallens {

// 1 to 5, or nullopt for an empty or unrecognised text.
std::optional<std::int32_t> adverse_event_grade(std::string_view text);

} // namespace triallens
