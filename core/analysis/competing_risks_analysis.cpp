#include "competing_risks_analysis.h"

#include "triallens/analysis/refit.h"
#include "triallens/stats/cumulative_incidence.h"
#include "triallens/stats/fine_gray.h"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace triallens {
namespace {

std::string listed(const std::vector<std::string>& names) {
    std::string text;
    for (const auto& name : names) {
        text += (text.empty() ? "" : ", ") + name;
    }
    return text;
}

// The cause asked for as a code (1-based), or 0 for none.
std::uint8_t cause_code(const TimeToEvent& endpoint, const std::string& asked,
                        std::span<const std::uint8_t> analysed_codes) {
    const EventCauses& causes = endpoint.causes();
    if (asked.empty()) {
        if (causes.names.size() < (causes.named ? 1U : 2U)) {
            return 0;
        }
        std::vector<std::size_t> events(causes.names.size() + 1, 0);
        for (const std::uint8_t code : analysed_codes) {
            ++events[code];
        }
        const auto most = std::max_element(events.begin() + 1, events.end());
        return *most == 0 ? 0 : static_cast<std::uint8_t>(most - events.begin());
    }
    if (causes.code.empty()) {
        throw SpecError("the events of " + endpoint.paramcd() +
                        " have no causes: name the column that holds them with --cause or "
                        "--status");
    }
    const auto found = std::find(causes.names.begin(), causes.names.end(), asked);
    const bool occurs = found != causes.names.end() &&
                        std::find(analysed_codes.begin(), analysed_codes.end(),
                                  static_cast<std::uint8_t>(found - causes.names.begin() + 1)) !=
                            analysed_codes.end();
    if (!occurs) {
        throw SpecError("the cause of interest \"" + asked + "\" never occurs among the " +
                        endpoint.paramcd() + " events analysed (causes in " + causes.column + ": " +
                        listed(causes.names) + ")");
    }
    return static_cast<std::uint8_t>(found - causes.names.begin() + 1);
}

// `events_at` counts the curve's group's events of its cause at a time.
template <typename Count>
IncidenceCurve curve_row(const CumulativeIncidence& curve, const std::string& arm,
                         const std::string& cause, Count events_at) {
    IncidenceCurve row{arm, cause, curve.time, {}, curve.estimate, {}, curve.lower, curve.upper};
    for (const double t : curve.time) {
        row.n_event.push_back(events_at(t));
    }
    row.std_err.reserve(curve.variance.size());
    for (const double v : curve.variance) {
        row.std_err.push_back(std::sqrt(v));
    }
    return row;
}

} // namespace

std::optional<CompetingRisksSummary>
analyse_competing_risks(const TimeToEvent& endpoint, std::span<const std::int32_t> subject_position,
                        const std::vector<std::string>& arm_names,
                        std::span<const std::int32_t> subject_stratum, bool stratified,
                        const AnalysisSpec& spec, std::vector<std::string>& warnings) {
    if (!spec.cause_of_interest) {
        return std::nullopt;
    }
    const EventCauses& causes = endpoint.causes();
    if (causes.code.empty() && spec.cause_of_interest->empty()) {
        return std::nullopt;
    }

    // The analysed records in time order, ties in record order: what every
    // estimator below would make of them with its stable sort, which then
    // finds them sorted. The arms with any, in arm order, as groups.
    std::vector<std::uint8_t> cause_of_subject;
    if (!causes.code.empty()) {
        cause_of_subject.assign(subject_position.size(), 0);
        for (std::size_t i = 0; i < endpoint.size(); ++i) {
            cause_of_subject[static_cast<std::size_t>(endpoint.subject()[i])] = causes.code[i];
        }
    }
    const TimeToEvent::TimeOrdered& ordered = endpoint.by_time();
    std::vector<double> time;
    std::vector<std::int32_t> status;
    std::vector<std::int32_t> position;
    std::vector<std::int32_t> stratum;
    std::vector<std::uint8_t> codes;
    for (std::size_t i = 0; i < ordered.subject.size(); ++i) {
        const auto subject = static_cast<std::size_t>(ordered.subject[i]);
        if (subject_position[subject] < 0) {
            continue;
        }
        time.push_back(ordered.time[i]);
        const std::uint8_t code = cause_of_subject.empty() ? 0 : cause_of_subject[subject];
        codes.push_back(code);
        status.push_back(code);
        position.push_back(subject_position[subject]);
        stratum.push_back(stratified ? subject_stratum[subject] : 0);
    }
    const std::uint8_t interest = cause_code(endpoint, *spec.cause_of_interest, codes);
    if (interest == 0) {
        return std::nullopt;
    }
    std::vector<std::int32_t> present;
    for (const std::int32_t p : position) {
        if (std::find(present.begin(), present.end(), p) == present.end()) {
            present.push_back(p);
        }
    }
    std::sort(present.begin(), present.end());
    std::vector<std::int32_t> group(position.size());
    for (std::size_t i = 0; i < position.size(); ++i) {
        group[i] = static_cast<std::int32_t>(
            std::find(present.begin(), present.end(), position[i]) - present.begin());
    }

    CompetingRisksSummary summary;
    summary.cause_column = causes.column;
    summary.causes = causes.names;
    summary.cause_of_interest = causes.names[interest - 1U];

    CompetingRisksData data;
    data.time = time;
    data.status = status;
    data.group = group;
    data.n_groups = static_cast<std::int32_t>(present.size());
    data.n_causes = static_cast<std::int32_t>(causes.names.size());
    const double conf_level = spec.km.conf_level;
    const std::vector<CumulativeIncidence> curves = cumulative_incidence(data, conf_level);
    const auto arm_of = [&](std::int32_t g) {
        return arm_names[static_cast<std::size_t>(present[static_cast<std::size_t>(g)])];
    };
    const auto cause_of = [&](std::int32_t c) {
        return causes.names[static_cast<std::size_t>(c - 1)];
    };
    // Per group and cause, the event times in order, to count each curve's events.
    std::vector<std::vector<double>> event_times(present.size() * causes.names.size());
    for (std::size_t i = 0; i < time.size(); ++i) {
        if (status[i] > 0) {
            event_times[static_cast<std::size_t>(group[i]) * causes.names.size() +
                        static_cast<std::size_t>(status[i] - 1)]
                .push_back(time[i]);
        }
    }
    for (auto& times : event_times) {
        if (!std::is_sorted(times.begin(), times.end())) {
            std::sort(times.begin(), times.end());
        }
    }
    for (const CumulativeIncidence& curve : curves) {
        const std::vector<double>& times =
            event_times[static_cast<std::size_t>(curve.group) * causes.names.size() +
                        static_cast<std::size_t>(curve.cause - 1)];
        summary.cif.push_back(
            curve_row(curve, arm_of(curve.group), cause_of(curve.cause), [&](double t) {
                const auto range = std::equal_range(times.begin(), times.end(), t);
                return static_cast<std::size_t>(range.second - range.first);
            }));
    }
    for (const double landmark : spec.landmarks) {
        for (const CumulativeIncidence& curve : curves) {
            IncidenceAtLandmark row{
                arm_of(curve.group), cause_of(curve.cause), landmark, {}, {}, {}, {}};
            if (const auto at = incidence_at(curve, landmark, conf_level)) {
                row.estimate = at->estimate;
                row.std_err = at->std_err;
                row.lower = at->lower;
                row.upper = at->upper;
            }
            summary.landmarks.push_back(row);
        }
    }

    if (present.size() >= 2) {
        // Gray's tests: the records of a known stratum, densely numbered.
        std::vector<double> gray_time;
        std::vector<std::int32_t> gray_status;
        std::vector<std::int32_t> gray_group;
        std::vector<std::int32_t> gray_stratum;
        for (std::size_t i = 0; i < time.size(); ++i) {
            if (stratum[i] >= 0) {
                gray_time.push_back(time[i]);
                gray_status.push_back(status[i]);
                gray_group.push_back(group[i]);
                gray_stratum.push_back(stratum[i]);
            }
        }
        std::vector<std::int32_t> levels = gray_stratum;
        std::sort(levels.begin(), levels.end());
        levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
        for (auto& s : gray_stratum) {
            s = static_cast<std::int32_t>(std::lower_bound(levels.begin(), levels.end(), s) -
                                          levels.begin());
        }
        CompetingRisksData gray = data;
        gray.time = gray_time;
        gray.status = gray_status;
        gray.group = gray_group;
        gray.stratum = gray_stratum;
        gray.n_strata = std::max<std::int32_t>(1, static_cast<std::int32_t>(levels.size()));
        for (const GrayTest& test : gray_tests(gray)) {
            summary.gray.push_back({cause_of(test.cause), test.chisq, test.df, test.p});
        }

        if (present.front() == 0) {
            if (stratified) {
                warnings.push_back("the Fine–Gray model is not stratified (as cmprsk::crr): "
                                   "its hazard ratios ignore the strata");
            }
            Eigen::MatrixXd arms =
                Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(time.size()),
                                      static_cast<Eigen::Index>(present.size() - 1));
            for (std::size_t i = 0; i < time.size(); ++i) {
                if (group[i] > 0) {
                    arms(static_cast<Eigen::Index>(i), group[i] - 1) = 1;
                }
            }
            // Events of the cause of interest per arm: an arm without one has
            // no finite ratio against the reference (nor has any arm when the
            // reference has none).
            std::vector<std::size_t> interest_events(present.size(), 0);
            for (std::size_t i = 0; i < time.size(); ++i) {
                if (status[i] == interest) {
                    ++interest_events[static_cast<std::size_t>(group[i])];
                }
            }
            std::string without;
            for (std::size_t g = 0; g < present.size(); ++g) {
                if (interest_events[g] == 0) {
                    without += (without.empty() ? "" : ", ") + arm_of(static_cast<std::int32_t>(g));
                }
            }
            try {
                const FineGrayFit fit = fine_gray(data, arms, interest, conf_level);
                if (!without.empty()) {
                    warnings.push_back(
                        "the Fine–Gray hazard ratio of " + summary.cause_of_interest +
                        " is not estimable where an arm has no such event: " + without);
                } else if (!fit.converged) {
                    warnings.push_back("the Fine–Gray model for " + summary.cause_of_interest +
                                       " did not converge in " + std::to_string(fit.iterations) +
                                       " iterations");
                }
                FineGraySummary fine{summary.cause_of_interest, {}};
                for (std::size_t k = 0; k < fit.terms.size(); ++k) {
                    const FineGrayTerm& term = fit.terms[k];
                    FineGrayRow row{arm_of(static_cast<std::int32_t>(k + 1)),
                                    term.coef,
                                    term.se,
                                    {},
                                    {},
                                    {},
                                    {}};
                    if (interest_events.front() > 0 && interest_events[k + 1] > 0) {
                        row.hr = term.hr;
                        row.lower = term.lower;
                        row.upper = term.upper;
                        row.p = term.p;
                    }
                    fine.terms.push_back(std::move(row));
                }
                summary.fine_gray = std::move(fine);
            } catch (const std::invalid_argument& error) {
                warnings.push_back(std::string("Fine–Gray model not fitted: ") + error.what());
            }
        }
    }
    return summary;
}

} // namespace triallens
