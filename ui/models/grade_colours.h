#pragma once
// The colours of adverse-event grades, one sequential ramp from mild to
// fatal so that a darker bar is always a worse event: grade 1 pale yellow,
// 2 orange, 3 vermillion, 4 dark red, 5 black; an unknown grade (0) grey.
// AESEV's mild, moderate and severe are grades 1 to 3 (study.h), so they
// take the same colours. Plain colour data, beside palette.h.

#include <QColor>
#include <QString>

namespace triallens::ui {

inline constexpr int max_adverse_event_grade = 5;

QColor grade_colour(int grade);

// The legend's words: "Grade 3"; "Unknown grade" for 0. Under AESEV
// (`severity`) the three levels as ADAE spells them: "Mild", "Moderate",
// "Severe".
QString grade_label(int grade, bool severity = false);

} // namespace triallens::ui
