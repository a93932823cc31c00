#pragma once
// The demo's action taken with the study drug (AEACN) and outcome (AEOUT) of
// each adverse event, so its safety overview has discontinuations and
// deaths:
//   - each subject whose treatment ended for an ADVERSE EVENT (DCTREAS) has
//     its treatment-emergent AE of the highest grade (the first of them)
//     "DRUG WITHDRAWN"; every other AE is "DOSE NOT CHANGED" (80%), "DOSE
//     REDUCED" or "DRUG INTERRUPTED" (10% each);
//   - each subject whose treatment ended in DEATH and who had a grade 4
//     treatment-emergent AE has the first such AE "FATAL"; every other AE is
//     "RECOVERED/RESOLVED" when it has an end day, else "NOT RECOVERED/NOT
//     RESOLVED".
// Drawn from a stream of their own, so nothing generated before changes.

#include "random_stream.h"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace triallens::demo {

struct AeActionInput {
    std::size_t subject = 0; // index into the subjects' end reasons
    int grade = 0;
    bool treatment_emergent = true;
    bool resolved = true; // has an end day
};

struct AeActions {
    std::vector<std::string> action;  // AEACN, per record
    std::vector<std::string> outcome; // AEOUT, per record
};

AeActions draw_adverse_event_actions(std::span<const AeActionInput> records,
                                     std::span<const std::string_view> end_reason,
                                     RandomStream& random);

} // namespace triallens::demo
