#pragma once
// Each subject's days on treatment, for exposure-adjusted rates: TRTDURD,
// else TRTDUR (the CDISC pilot's name), else TRTEDT - TRTSDT + 1; a subject
// still on treatment (treatment_dates.h: EOTSTT "ONGOING", or a TRTSDT with
// no end) counts to the data cut. A negative or missing duration is
// unknown (NaN): the subject counts in the incidence, not in the
// patient-years (the study's validation warns about negative ones).

#include "triallens/data/study.h"

#include <string>
#include <vector>

namespace triallens {

struct TreatmentExposure {
    // Per subject (as study.subjects); NaN = unknown. Empty when the study
    // has none of the columns.
    std::vector<double> days;
    // "TRTDURD", "TRTDUR" or "TRTEDT - TRTSDT + 1"; empty with `days`.
    std::string source;
};

TreatmentExposure treatment_exposure(const Study& study);

} // namespace triallens
