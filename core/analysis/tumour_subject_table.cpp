#include "tumour_subject_table.h"

#include "recist_order.h"

#include "triallens/analysis/treatment_dates.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string_view>

namespace triallens {

namespace {

bool is_response(std::string_view value) {
    return recist_rank(value) < responder_categories;
}

bool is_adequate(std::string_view value) {
    return recist_rank(value) < disease_control_categories;
}

// Orders responses best first: RECIST's, then others by text, missing last.
bool better(std::string_view a, std::string_view b) {
    const auto rank = [](std::string_view v) {
        return v.empty() ? recist_order.size() + 1 : recist_rank(v);
    };
    const std::size_t ra = rank(a);
    const std::size_t rb = rank(b);
    return ra != rb ? ra < rb : (ra == recist_order.size() && a < b);
}

// Each subject's rows of a record table, in row order: offsets into `rows`.
struct RowsBySubject {
    std::vector<std::size_t> start; // subjects + 1
    std::vector<std::size_t> rows;

    std::span<const std::size_t> of(std::size_t subject) const {
        return std::span(rows).subspan(start[subject], start[subject + 1] - start[subject]);
    }
};

RowsBySubject rows_by_subject(std::span<const std::int32_t> subject_of_row, std::size_t subjects) {
    RowsBySubject by;
    by.start.assign(subjects + 1, 0);
    for (const std::int32_t s : subject_of_row) {
        if (s >= 0) {
            ++by.start[static_cast<std::size_t>(s) + 1];
        }
    }
    std::partial_sum(by.start.begin(), by.start.end(), by.start.begin());
    by.rows.resize(by.start.back());
    std::vector<std::size_t> next(by.start.begin(), by.start.end() - 1);
    for (std::size_t row = 0; row < subject_of_row.size(); ++row) {
        const std::int32_t s = subject_of_row[row];
        if (s >= 0) {
            by.rows[next[static_cast<std::size_t>(s)]++] = row;
        }
    }
    return by;
}

std::optional<double> present(double value) {
    return std::isfinite(value) ? std::optional(value) : std::nullopt;
}

// The duration-of-response endpoint the study holds: DURRSP, else DOR.
const TimeToEvent* dor_endpoint(const Study& study) {
    const TimeToEvent* endpoint = study.endpoint("DURRSP");
    return endpoint != nullptr ? endpoint : study.endpoint("DOR");
}

// What one subject's ADRS records say, in study days.
struct VisitSummary {
    std::string bor;
    std::optional<double> first_response_day;
    std::optional<double> first_pd_day;
    std::optional<double> first_pd_after_response_day;
    std::optional<double> last_adequate_day;            // on or after the first response
    std::vector<std::pair<double, std::size_t>> visits; // (day, row), in day order
};

// What each AVALC level is, judged once per level rather than per record:
// its rank best first (better()'s order, ties by level), and its kind.
struct ValueKinds {
    std::vector<std::size_t> rank; // 0 = best; missing last
    std::vector<std::uint8_t> response;
    std::vector<std::uint8_t> adequate;
    std::vector<std::uint8_t> progression;

    explicit ValueKinds(const CodedText& value) {
        const std::size_t levels = value.levels.size();
        std::vector<std::size_t> order(levels);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return better(value.levels[a], value.levels[b]);
        });
        rank.resize(levels);
        for (std::size_t k = 0; k < levels; ++k) {
            rank[order[k]] = k;
        }
        for (const std::string& level : value.levels) {
            response.push_back(is_response(level) ? 1 : 0);
            adequate.push_back(is_adequate(level) ? 1 : 0);
            progression.push_back(level == "PD" ? 1 : 0);
        }
    }
};

VisitSummary summarise_visits(const Responses& responses, std::span<const std::size_t> rows,
                              std::span<const std::uint8_t> is_bor,
                              std::span<const std::uint8_t> is_visit, const ValueKinds& kinds) {
    VisitSummary summary;
    // The best level of each kind; 0 (the missing value) until one is seen.
    std::uint32_t best_bor = 0;
    std::uint32_t best_visit = 0;
    const auto improves = [&](std::uint32_t code, std::uint32_t best) {
        return code != 0 && (best == 0 || kinds.rank[code] < kinds.rank[best]);
    };
    for (const std::size_t row : rows) {
        const std::uint32_t value = responses.value.codes[row];
        const std::uint32_t code = responses.paramcd.codes[row];
        if (is_bor[code] != 0) {
            best_bor = improves(value, best_bor) ? value : best_bor;
        } else if (is_visit[code] != 0) {
            best_visit = improves(value, best_visit) ? value : best_visit;
            const double day = responses.day.empty() ? std::nan("") : responses.day[row];
            if (std::isfinite(day)) {
                summary.visits.emplace_back(day, row);
            }
        }
    }
    summary.bor = responses.value.levels[best_bor != 0 ? best_bor : best_visit];
    std::stable_sort(summary.visits.begin(), summary.visits.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [day, row] : summary.visits) {
        const std::uint32_t value = responses.value.codes[row];
        if (!summary.first_response_day && kinds.response[value] != 0) {
            summary.first_response_day = day;
        }
        if (kinds.progression[value] != 0) {
            if (!summary.first_pd_day) {
                summary.first_pd_day = day;
            }
            if (summary.first_response_day && day > *summary.first_response_day &&
                !summary.first_pd_after_response_day) {
                summary.first_pd_after_response_day = day;
            }
        }
        if (summary.first_response_day && kinds.adequate[value] != 0) {
            summary.last_adequate_day = day;
        }
    }
    return summary;
}

// The subject's sum of diameters: best % change, nadir and the points over
// time, in study days.
struct MeasurementSummary {
    std::optional<double> best_pchg;
    std::optional<double> nadir;
    std::vector<ResponsePoint> points; // day, % change; the baseline at day 0
};

MeasurementSummary summarise_measurements(const TumourMeasurements& tumour,
                                          std::span<const std::size_t> rows) {
    MeasurementSummary summary;
    std::optional<double> baseline_day;
    std::optional<double> baseline_value;
    for (const std::size_t row : rows) {
        if (tumour.baseline[row] != 0) {
            const double day = tumour.day[row];
            if (!baseline_day || (std::isfinite(day) && day >= *baseline_day)) {
                baseline_day = std::isfinite(day) ? day : -std::numeric_limits<double>::infinity();
                baseline_value = present(tumour.value[row]);
            }
        }
    }
    if (!baseline_day) {
        return summary; // no % change is known without a baseline
    }
    summary.nadir = baseline_value;
    summary.points.push_back({0, 0});
    std::vector<std::pair<double, double>> later;
    for (const std::size_t row : rows) {
        const double day = tumour.day[row];
        if (tumour.baseline[row] != 0 || !std::isfinite(day) || day <= *baseline_day) {
            continue;
        }
        if (std::isfinite(tumour.value[row])) {
            summary.nadir = std::min(summary.nadir.value_or(tumour.value[row]), tumour.value[row]);
        }
        if (std::isfinite(tumour.pchg[row])) {
            later.emplace_back(day, tumour.pchg[row]);
            summary.best_pchg =
                std::min(summary.best_pchg.value_or(tumour.pchg[row]), tumour.pchg[row]);
        }
    }
    std::stable_sort(later.begin(), later.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [day, pchg] : later) {
        summary.points.push_back({day, pchg});
    }
    return summary;
}

std::vector<std::uint8_t> codes_named(const CodedText& text,
                                      std::initializer_list<std::string_view> names) {
    std::vector<std::uint8_t> flags(text.levels.size(), 0);
    for (std::size_t code = 0; code < flags.size(); ++code) {
        flags[code] = std::find(names.begin(), names.end(), text.levels[code]) != names.end();
    }
    return flags;
}

DistinctValues distinct_values(const std::vector<std::optional<double>>& value) {
    DistinctValues distinct;
    for (const auto& v : value) {
        if (v && std::isfinite(*v)) {
            distinct.values.push_back(*v);
        }
    }
    std::sort(distinct.values.begin(), distinct.values.end());
    distinct.values.erase(std::unique(distinct.values.begin(), distinct.values.end()),
                          distinct.values.end());
    distinct.index.assign(value.size(), -1);
    for (std::size_t s = 0; s < value.size(); ++s) {
        if (value[s] && std::isfinite(*value[s])) {
            distinct.index[s] = static_cast<std::int32_t>(
                std::lower_bound(distinct.values.begin(), distinct.values.end(), *value[s]) -
                distinct.values.begin());
        }
    }
    return distinct;
}

TumourSubjectTable make_table(const Study& study, TimeUnit unit) {
    TumourSubjectTable table;
    const TreatmentDates dates(study);
    const TumourMeasurements& tumour = study.tumour;
    const Responses& responses = study.responses;
    if (tumour.size() == 0 && responses.size() == 0 && !dates.any()) {
        return table;
    }
    table.any = true;
    // Days into the unit as time_unit.h converts (and R users write AVAL / 30.4375).
    const double unit_days = days_per(unit);
    const auto in_unit = [&](double days) { return days / unit_days; };

    table.param = tumour.paramcd;
    const TimeToEvent* dor = dor_endpoint(study);
    table.dor_source = dor != nullptr ? dor->paramcd() : "derived";
    table.has_responses = responses.size() > 0;
    table.has_measurements = tumour.size() > 0;
    const std::size_t subjects = study.subjects.size();
    std::vector<std::optional<std::pair<double, bool>>> dor_record;
    if (dor != nullptr) {
        // The record's time in the unit: AVALU's unit (days when unknown).
        std::vector<double> times(dor->time().begin(), dor->time().end());
        convert_times(times, dor->unit().value_or(TimeUnit::Days), unit);
        dor_record.resize(subjects);
        for (std::size_t r = 0; r < dor->size(); ++r) {
            dor_record[static_cast<std::size_t>(dor->subject()[r])] =
                std::pair(times[r], dor->event()[r] != 0);
        }
    }

    const RowsBySubject tumour_rows = rows_by_subject(tumour.subject, subjects);
    const RowsBySubject response_rows = rows_by_subject(responses.subject, subjects);
    const std::vector<std::uint8_t> is_bor = codes_named(responses.paramcd, {"BOR"});
    const std::vector<std::uint8_t> is_visit = codes_named(responses.paramcd, {"OVR", "OVRLRESP"});
    const ValueKinds kinds(responses.value);

    const std::vector<std::string>& usubjid = study.subjects.usubjid();
    auto rows = std::make_shared<TumourSubjects::Table>(subjects);
    table.duration_without_response.assign(subjects, 0);
    for (std::size_t s = 0; s < subjects; ++s) {
        SubjectTumourResponse& subject = (*rows)[s];
        subject.subject = static_cast<std::int32_t>(s);
        subject.usubjid = usubjid[s];
        const VisitSummary visits =
            summarise_visits(responses, response_rows.of(s), is_bor, is_visit, kinds);
        const MeasurementSummary measured = summarise_measurements(tumour, tumour_rows.of(s));
        const TreatmentDays days = dates.of(subject.subject);
        subject.best_pchg = measured.best_pchg;
        subject.nadir = measured.nadir;
        subject.bor = visits.bor;
        subject.responder = is_response(visits.bor);
        if (subject.responder && visits.first_response_day) {
            subject.ttr = in_unit(*visits.first_response_day);
        }
        if (dor != nullptr) {
            if (const auto& record = dor_record[s]) {
                if (subject.responder) {
                    subject.dor_time = record->first;
                    subject.dor_event = record->second;
                } else {
                    table.duration_without_response[s] = 1;
                }
            }
        } else if (subject.responder && visits.first_response_day) {
            const double start = *visits.first_response_day;
            std::optional<double> end = visits.first_pd_after_response_day;
            if (days.death_day && *days.death_day >= start) {
                end = std::min(end.value_or(*days.death_day), *days.death_day);
            }
            if (end) {
                subject.dor_time = in_unit(*end - start + 1);
                subject.dor_event = true;
            } else if (visits.last_adequate_day) {
                subject.dor_time = in_unit(*visits.last_adequate_day - start + 1);
                subject.dor_event = false;
            }
        }
        if (days.end_day) {
            subject.treatment_days = in_unit(*days.end_day);
        }
        subject.ongoing = days.ongoing;
        subject.pchg_over_time.reserve(measured.points.size());
        for (const ResponsePoint& point : measured.points) {
            subject.pchg_over_time.push_back({in_unit(point.time), point.value});
        }
        subject.visits.reserve(visits.visits.size());
        for (const auto& [day, row] : visits.visits) {
            subject.visits.push_back({in_unit(day), responses.value[row]});
        }
        if (visits.first_pd_day) {
            subject.progression_time = in_unit(*visits.first_pd_day);
        }
        if (days.death_day) {
            subject.death_time = in_unit(*days.death_day);
        }
    }
    std::vector<std::optional<double>> dor_time(subjects);
    std::vector<std::optional<double>> ttr(subjects);
    for (std::size_t s = 0; s < subjects; ++s) {
        dor_time[s] = (*rows)[s].dor_time;
        ttr[s] = (*rows)[s].ttr;
    }
    table.dor = distinct_values(dor_time);
    table.ttr = distinct_values(ttr);
    table.subjects = std::move(rows);
    return table;
}

} // namespace

std::shared_ptr<const TumourSubjectTable> tumour_subject_table(const Study& study, TimeUnit unit) {
    return study.derived.get<TumourSubjectTable>(std::string("tumour-response:") +
                                                     time_unit_name(unit),
                                                 [&] { return make_table(study, unit); });
}

} // namespace triallens
