#include "triallens/format/adverse_event_grade_text.h"

namespace triallens {

std::string severe_heading(std::string_view grade_variable) {
    return grade_variable == "AESEV" ? "Severe" : "\u2265 3";
}

std::string grade_note(std::string_view grade_variable) {
    if (grade_variable == "AESEV") {
        return "Grade from AESEV: severe counted as grade \u2265 3";
    }
    if (grade_variable.empty()) {
        return "No grade: neither AETOXGR nor AESEV graded an event, so no event counts as "
               "\u2265 3";
    }
    return "Grade from " + std::string(grade_variable) + ": \u2265 3 counts grades 3 to 5";
}

} // namespace triallens
