#pragma once
// One subject's data as the patient profile shows it: the ADSL row, and on
// one time line (study days, day 1 = TRTSDT) the treatment, the responses,
// the tumour measurements and the adverse events.

#include "triallens/data/study.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace triallens {

struct ProfileField {
    std::string name;  // ADSL column
    std::string label; // display_label(): its label, the ADaM label of its name, or the name
    // As text: a level; a number as R prints it (r_number_text); an ISO date
    // ("2014-01-02", or with the time) when the column has a SAS date format
    // (Variable::format); "" = missing.
    std::string value;
};

struct ProfileResponse {
    double day = 0; // NaN when ADRS has no ADY for it (a BOR record)
    std::string paramcd;
    std::string value;
};

struct ProfileMeasurement {
    double day = 0;
    double value = 0; // AVAL
    std::optional<double> pchg;
    bool baseline = false;
};

struct ProfileAdverseEvent {
    std::string term; // AEDECOD
    std::string soc;  // AEBODSYS
    int grade = 0;    // 0 = unknown
    std::optional<double> start_day;
    std::optional<double> end_day; // absent: ongoing or unknown
    bool serious = false;
    bool related = false;
};

struct PatientProfile {
    std::int32_t subject = -1;
    std::string usubjid;
    std::vector<ProfileField> fields; // every ADSL column, in the study's order
    std::optional<double> treatment_end_day;
    bool ongoing = false;
    bool died = false; // DTHFL "Y" or a DTHDT; death_day only when DTHDT is known
    std::optional<double> death_day;
    std::string end_status;
    std::string tumour_param;                        // the ADTR parameter, "" without ADTR
    std::string tumour_day_column;                   // TumourMeasurements::day_column
    std::vector<ProfileResponse> responses;          // in day order, BOR records last
    std::vector<ProfileMeasurement> measurements;    // in day order
    std::vector<ProfileAdverseEvent> adverse_events; // by start day, unknown last
};

// `subject` is a row of study.subjects (std::out_of_range otherwise). Reads
// every record of the study once: a profile is made per click, not per refit.
PatientProfile patient_profile(const Study& study, std::int32_t subject);

} // namespace triallens
