#include "triallens/analysis/treatment_dates.h"

#include <algorithm>
#include <cmath>

namespace triallens {

namespace {

// A numeric column of ADSL, or nullptr: a date a reader could not parse
// leaves the column text, and then it holds no dates.
const Variable* numeric(const Study& study, const char* name) {
    const Variable* variable = study.subjects.find(name);
    return variable != nullptr && variable->is_numeric() ? variable : nullptr;
}

const Variable* categorical(const Study& study, const char* name) {
    const Variable* variable = study.subjects.find(name);
    return variable != nullptr && variable->is_categorical() ? variable : nullptr;
}

std::optional<double> number_of(const Variable* variable, std::int32_t subject) {
    if (variable == nullptr) {
        return std::nullopt;
    }
    const double value = variable->numbers()[static_cast<std::size_t>(subject)];
    return std::isfinite(value) ? std::optional(value) : std::nullopt;
}

std::string text_of(const Variable* variable, std::int32_t subject) {
    if (variable == nullptr) {
        return {};
    }
    const std::int32_t code = variable->codes()[static_cast<std::size_t>(subject)];
    return code < 0 ? std::string{} : variable->levels()[static_cast<std::size_t>(code)];
}

} // namespace

TreatmentDates::TreatmentDates(const Study& study) {
    start_ = numeric(study, "TRTSDT");
    end_ = numeric(study, "TRTEDT");
    duration_ = numeric(study, "TRTDURD");
    end_status_ = categorical(study, "EOTSTT");
    if (end_status_ == nullptr) {
        end_status_ = categorical(study, "DCTREAS");
    }
    if (end_status_ != nullptr) {
        for (std::string level : end_status_->levels()) {
            std::transform(level.begin(), level.end(), level.begin(),
                           [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
            ongoing_level_.push_back(level == "ONGOING" ? 1 : 0);
        }
    }
    death_flag_ = categorical(study, "DTHFL");
    death_date_ = numeric(study, "DTHDT");
    if (const Variable* cut = numeric(study, "DCUTDT")) {
        for (const double date : cut->numbers()) {
            if (std::isfinite(date)) {
                data_cut_ = std::max(data_cut_.value_or(date), date);
            }
        }
        if (data_cut_) {
            return;
        }
    }
    for (const Variable* dates : {start_, end_, death_date_, numeric(study, "LSTALVDT")}) {
        if (dates == nullptr) {
            continue;
        }
        for (const double date : dates->numbers()) {
            if (std::isfinite(date)) {
                data_cut_ = std::max(data_cut_.value_or(date), date);
            }
        }
    }
}

TreatmentDays TreatmentDates::of(std::int32_t subject) const {
    TreatmentDays days;
    const End end = end_of(subject);
    days.end_day = end.end_day;
    days.ongoing = end.ongoing;
    days.end_status = text_of(end_status_, subject);
    const std::optional<double> death = number_of(death_date_, subject);
    days.died = death.has_value() || text_of(death_flag_, subject) == "Y";
    const std::optional<double> start = number_of(start_, subject);
    if (start && death) {
        days.death_day = *death - *start + 1;
    }
    return days;
}

TreatmentDates::End TreatmentDates::end_of(std::int32_t subject) const {
    End days;
    const std::optional<double> start = number_of(start_, subject);
    if (!start) {
        return days;
    }
    const std::optional<double> end = number_of(end_, subject);
    const std::optional<double> duration = number_of(duration_, subject);
    const std::int32_t status =
        end_status_ == nullptr ? -1 : end_status_->codes()[static_cast<std::size_t>(subject)];
    days.ongoing = (status >= 0 && ongoing_level_[static_cast<std::size_t>(status)] != 0) ||
                   (!end && !duration);
    if (days.ongoing) {
        if (data_cut_) {
            days.end_day = *data_cut_ - *start + 1;
        }
    } else if (duration) {
        days.end_day = *duration;
    } else {
        days.end_day = *end - *start + 1;
    }
    return days;
}

} // namespace triallens
