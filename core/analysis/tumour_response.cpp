#include "tumour_response.h"

#include "tumour_subject_table.h"

#include "triallens/stats/binomial_interval.h"
#include "triallens/stats/event_table.h"

#include <algorithm>

namespace triallens {

namespace {

// R's median() of the values counted per distinct value (ascending): the
// mean of the two middle values of an even count.
std::optional<double> counted_median(const std::vector<double>& values,
                                     const std::vector<std::size_t>& count) {
    std::size_t n = 0;
    for (const std::size_t c : count) {
        n += c;
    }
    if (n == 0) {
        return std::nullopt;
    }
    // The value at 0-based position `k` of the sorted values.
    const auto at = [&](std::size_t k) {
        std::size_t seen = 0;
        for (std::size_t i = 0; i < values.size(); ++i) {
            seen += count[i];
            if (seen > k) {
                return values[i];
            }
        }
        return values.back();
    };
    return n % 2 == 1 ? at(n / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}

} // namespace

std::optional<TumourResponse> summarise_tumour_response(const Study& study,
                                                        std::span<const std::int32_t> subject_arm,
                                                        const std::vector<std::string>& arm_names,
                                                        TimeUnit unit, const std::string& unit_name,
                                                        const AnalysisSpec& spec,
                                                        std::vector<std::string>& warnings) {
    const std::shared_ptr<const TumourSubjectTable> table = tumour_subject_table(study, unit);
    if (!table->any) {
        return std::nullopt;
    }
    TumourResponse result;
    result.param = table->param;
    result.time_unit = unit_name;
    result.dor_source = table->dor_source;
    result.has_responses = table->has_responses;
    result.has_measurements = table->has_measurements;
    result.arms.resize(arm_names.size());
    for (std::size_t a = 0; a < arm_names.size(); ++a) {
        result.arms[a].arm = arm_names[a];
    }

    // By arm, then study order: one counting pass places every subject.
    const TumourSubjects::Table& rows = *table->subjects;
    const std::size_t arms = arm_names.size();
    std::vector<std::size_t> start(arms + 1, 0);
    for (const std::int32_t a : subject_arm) {
        if (a >= 0) {
            ++start[static_cast<std::size_t>(a) + 1];
        }
    }
    for (std::size_t a = 0; a < arms; ++a) {
        start[a + 1] += start[a];
    }
    std::vector<std::int32_t> order(start.back());
    std::vector<std::uint32_t> arm_of(start.back());
    std::vector<std::vector<std::size_t>> dor_events(
        arms, std::vector<std::size_t>(table->dor.values.size()));
    std::vector<std::vector<std::size_t>> dor_censored = dor_events;
    std::vector<std::vector<std::size_t>> ttr_count(
        arms, std::vector<std::size_t>(table->ttr.values.size()));
    std::size_t dor_of_non_responders = 0;
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        if (subject_arm[s] < 0) {
            continue;
        }
        const auto a = static_cast<std::size_t>(subject_arm[s]);
        order[start[a]] = static_cast<std::int32_t>(s);
        arm_of[start[a]++] = static_cast<std::uint32_t>(a);
        const SubjectTumourResponse& subject = rows[s];
        ArmTumourResponse& arm = result.arms[a];
        ++arm.n;
        arm.responders += subject.responder ? 1 : 0;
        arm.measured += subject.best_pchg ? 1 : 0;
        dor_of_non_responders += table->duration_without_response[s];
        if (const std::int32_t k = table->dor.index[s]; k >= 0) {
            ++(subject.dor_event.value_or(false) ? dor_events
                                                 : dor_censored)[a][static_cast<std::size_t>(k)];
        }
        if (const std::int32_t k = table->ttr.index[s]; k >= 0) {
            ++ttr_count[a][static_cast<std::size_t>(k)];
        }
    }
    result.subjects = TumourSubjects(table->subjects, std::move(order), std::move(arm_of));
    if (dor_of_non_responders > 0) {
        warnings.push_back(std::to_string(dor_of_non_responders) + " subject" +
                           (dor_of_non_responders == 1 ? " has a " : "s have a ") +
                           result.dor_source +
                           " record but no response (CR or PR): left out of the duration of "
                           "response");
    }

    for (std::size_t a = 0; a < arms; ++a) {
        ArmTumourResponse& arm = result.arms[a];
        if (arm.n > 0) {
            arm.orr = static_cast<double>(arm.responders) / static_cast<double>(arm.n);
            arm.orr_interval = clopper_pearson(arm.responders, arm.n, spec.km.conf_level);
        }
        const EventTable durations =
            tabulate_counted_events(table->dor.values, dor_events[a], dor_censored[a]);
        if (durations.n > 0) {
            arm.dor = fit_kaplan_meier(durations, spec.km);
            arm.dor_median = survival_quantile(*arm.dor, 0.5);
            for (const double t : spec.landmarks) {
                arm.dor_landmarks.push_back(survival_at(*arm.dor, t));
            }
        }
        arm.ttr_median = counted_median(table->ttr.values, ttr_count[a]);
    }
    return result;
}

} // namespace triallens
