#pragma once
// The CDISC pilot's Placebo arm (time to first dermatologic event, TTDE) as a
// publication's figure would give it back: its subjects' times in months
// (365.25 / 12 days each), as reconstructed arms. Added beside the pilot,
// it must compare with the real Placebo arm as two copies of one arm do.

#include "cdisc_pilot.h"

#include <triallens/reconstruct/reconstructed_study.h>

namespace cdisc_pilot {

inline constexpr double days_per_month = 365.25 / 12;

inline triallens::NamedArm placebo_as_published() {
    const triallens::Study& pilot = study();
    const triallens::TimeToEvent& tte = *pilot.endpoint("TTDE");
    const triallens::Variable& trt = *pilot.subjects.find("TRT01P");
    const std::int32_t placebo = *trt.level_code("Placebo");
    triallens::NamedArm arm{"Placebo", {}};
    for (std::size_t r = 0; r < tte.size(); ++r) {
        if (trt.codes()[static_cast<std::size_t>(tte.subject()[r])] == placebo) {
            arm.arm.time.push_back(tte.time()[r] / days_per_month);
            arm.arm.event.push_back(tte.event()[r]);
        }
    }
    return arm;
}

} // namespace cdisc_pilot
