#include "triallens/analysis/patient_profile.h"

#include "triallens/analysis/treatment_dates.h"
#include "triallens/data/adam_labels.h"
#include "triallens/data/numeric_factor.h"
#include "triallens/data/sas_date_format.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace triallens {

namespace {

std::string field_value(const Variable& variable, std::size_t row) {
    // A numeric factor of dates (few subjects, one visit day) is a date too:
    // the format decides before the levels do.
    const SasDateKind date = sas_date_kind(variable.format());
    if (date != SasDateKind::NotADate && variable.is_numeric()) {
        return sas_date_text(variable.numbers()[row], date);
    }
    if (variable.is_categorical()) {
        const std::int32_t code = variable.codes()[row];
        return code < 0 ? std::string{} : variable.levels()[static_cast<std::size_t>(code)];
    }
    const double value = variable.numbers()[row];
    return std::isnan(value) ? std::string{} : r_number_text(value);
}

std::optional<double> known(double value) {
    return std::isnan(value) ? std::nullopt : std::optional<double>(value);
}

// NaN (unknown) after every known value, so that a sort puts them last.
bool earlier(double a, double b) {
    return std::isnan(b) ? !std::isnan(a) : a < b;
}

} // namespace

PatientProfile patient_profile(const Study& study, std::int32_t subject) {
    if (subject < 0 || static_cast<std::size_t>(subject) >= study.subjects.size()) {
        throw std::out_of_range("patient_profile: no subject row " + std::to_string(subject));
    }
    const auto row = static_cast<std::size_t>(subject);
    PatientProfile profile;
    profile.subject = subject;
    profile.usubjid = study.subjects.usubjid()[row];
    for (const Variable& variable : study.subjects.variables()) {
        profile.fields.push_back(
            {variable.name(), display_label(variable), field_value(variable, row)});
    }

    const TreatmentDates dates(study);
    const TreatmentDays days = dates.of(subject);
    profile.treatment_end_day = days.end_day;
    profile.ongoing = days.ongoing;
    profile.died = days.died;
    profile.death_day = days.death_day;
    profile.end_status = days.end_status;

    const Responses& responses = study.responses;
    for (std::size_t i = 0; i < responses.size(); ++i) {
        if (responses.subject[i] == subject) {
            const double day = responses.day.empty() ? NAN : responses.day[i];
            profile.responses.push_back({day, responses.paramcd[i], responses.value[i]});
        }
    }
    std::stable_sort(
        profile.responses.begin(), profile.responses.end(),
        [](const ProfileResponse& a, const ProfileResponse& b) { return earlier(a.day, b.day); });

    const TumourMeasurements& tumour = study.tumour;
    profile.tumour_param = tumour.paramcd;
    profile.tumour_day_column = tumour.day_column;
    for (std::size_t i = 0; i < tumour.size(); ++i) {
        if (tumour.subject[i] == subject) {
            profile.measurements.push_back(
                {tumour.day[i], tumour.value[i], known(tumour.pchg[i]), tumour.baseline[i] != 0});
        }
    }
    std::stable_sort(profile.measurements.begin(), profile.measurements.end(),
                     [](const ProfileMeasurement& a, const ProfileMeasurement& b) {
                         return earlier(a.day, b.day);
                     });

    const AdverseEvents& events = study.adverse_events;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events.subject[i] != subject) {
            continue;
        }
        ProfileAdverseEvent event;
        event.term = events.pt[i];
        event.soc = events.soc[i];
        event.grade = events.grade[i];
        event.serious = !events.serious.empty() && events.serious[i] != 0;
        event.related = !events.related.empty() && events.related[i] != 0;
        if (!events.start_day.empty()) {
            event.start_day = known(events.start_day[i]);
        }
        if (!events.end_day.empty()) {
            event.end_day = known(events.end_day[i]);
        }
        profile.adverse_events.push_back(std::move(event));
    }
    std::stable_sort(profile.adverse_events.begin(), profile.adverse_events.end(),
                     [](const ProfileAdverseEvent& a, const ProfileAdverseEvent& b) {
                         return earlier(a.start_day.value_or(NAN), b.start_day.value_or(NAN));
                     });
    return profile;
}

} // namespace triallens
