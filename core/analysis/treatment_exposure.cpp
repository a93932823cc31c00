#include "triallens/analysis/treatment_exposure.h"

#include "triallens/analysis/treatment_dates.h"

#include <cmath>
#include <limits>

namespace triallens {

TreatmentExposure treatment_exposure(const Study& study) {
    TreatmentExposure exposure;
    const Variable* duration = nullptr;
    for (const char* name : {"TRTDURD", "TRTDUR"}) {
        const Variable* column = study.subjects.find(name);
        if (column != nullptr && column->is_numeric()) {
            duration = column;
            exposure.source = name;
            break;
        }
    }
    const TreatmentDates dates(study);
    if (duration == nullptr) {
        if (!dates.any()) {
            return exposure;
        }
        exposure.source = "TRTEDT - TRTSDT + 1";
    }
    constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
    exposure.days.assign(study.subjects.size(), unknown);
    for (std::size_t subject = 0; subject < study.subjects.size(); ++subject) {
        const TreatmentDates::End on = dates.end_of(static_cast<std::int32_t>(subject));
        // The duration column answers unless the subject is ongoing to a
        // known data cut (then the days run to the cut, as TreatmentDates has it).
        double days = on.ongoing && on.end_day ? *on.end_day : unknown;
        if (std::isnan(days) && duration != nullptr) {
            days = duration->numbers()[subject];
        }
        if (std::isnan(days) && on.end_day) {
            days = *on.end_day;
        }
        exposure.days[subject] = std::isfinite(days) && days >= 0 ? days : unknown;
    }
    return exposure;
}

} // namespace triallens
