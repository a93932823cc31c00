#pragma once
// A subject's time on treatment, death and the data cut, read from the ADSL
// date columns as study days (day 1 = TRTSDT, as ADY counts them):
//   - TRTSDT, TRTEDT: first and last dose (SAS dates: days since 1960);
//   - TRTDURD: days on treatment, used before TRTEDT - TRTSDT + 1;
//   - EOTSTT ("ONGOING", "COMPLETED", "DISCONTINUED"), else DCTREAS: why
//     treatment ended; "ONGOING", or a TRTSDT without TRTEDT or TRTDURD,
//     is ongoing at the data cut;
//   - DTHFL "Y" and DTHDT: death (a DTHDT alone is a death too);
//   - DCUTDT: the data cut; without it, the last date any of these columns
//     holds over the study.
// A column that is absent or not numeric (dates a reader could not parse)
// counts as missing.

#include "triallens/data/study.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace triallens {

struct TreatmentDays {
    std::optional<double> end_day; // last day on treatment; ongoing: the data cut's day
    bool ongoing = false;
    bool died = false;
    std::optional<double> death_day; // when DTHDT is known
    std::string end_status;          // EOTSTT, else DCTREAS, as the data spell it
};

class TreatmentDates {
public:
    explicit TreatmentDates(const Study& study);

    // Whether the study has TRTSDT: without it there are no treatment days.
    bool any() const { return start_ != nullptr; }
    // A subject's days; all absent (and not ongoing) without a TRTSDT.
    TreatmentDays of(std::int32_t subject) const;
    // Only `end_day` and `ongoing` of of(subject), without its text: for
    // passes over every subject (exposure), where the text would dominate.
    struct End {
        std::optional<double> end_day;
        bool ongoing = false;
    };
    End end_of(std::int32_t subject) const;
    // The data cut as a date (days since 1960); absent when no date is known.
    std::optional<double> data_cut() const { return data_cut_; }

private:
    const Variable* start_ = nullptr;
    const Variable* end_ = nullptr;
    const Variable* duration_ = nullptr;
    const Variable* end_status_ = nullptr;
    const Variable* death_flag_ = nullptr;
    const Variable* death_date_ = nullptr;
    std::optional<double> data_cut_;
    std::vector<std::uint8_t> ongoing_level_; // per level of end_status_: "ONGOING", any case
};

} // namespace triallens
