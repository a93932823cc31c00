#pragma once
// Every subject's tumour response in one time unit, by the rules results.h
// states for TumourResponse, whatever the analysis spec: made once per study
// and unit (Study::derived) and read by every refit, which only picks the
// subjects it analyses and sums them by arm (tumour_response.h).

#include "triallens/analysis/results.h"
#include "triallens/analysis/time_unit.h"
#include "triallens/data/study.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace triallens {

// Distinct values, ascending, and each subject's index into them (-1 = none):
// a refit counts its subjects per index instead of sorting their values.
struct DistinctValues {
    std::vector<double> values;
    std::vector<std::int32_t> index; // per subject
};

struct TumourSubjectTable {
    // False when the study has no tumour measurements, responses or
    // treatment dates: then there is no tumour response at all.
    bool any = false;
    std::string param;      // TumourResponse::param
    std::string dor_source; // TumourResponse::dor_source
    bool has_responses = false;
    bool has_measurements = false;
    std::shared_ptr<const TumourSubjects::Table> subjects; // one row per study subject
    // Subjects with a DURRSP/DOR record who are not responders: left out of
    // the duration of response, and counted in a warning.
    std::vector<std::uint8_t> duration_without_response;
    DistinctValues dor; // the responders' durations
    DistinctValues ttr; // the responders' times to response
};

// The study's table in `unit`, made on the first call and shared after.
std::shared_ptr<const TumourSubjectTable> tumour_subject_table(const Study& study, TimeUnit unit);

} // namespace triallens
