#include "triallens/analysis/refit.h"

#include "arm_comparison.h"
#include "response_summary.h"
#include "subgroups.h"
#include "subject_columns.h"
#include "survival_curves.h"
#include "triallens/analysis/subject_filter.h"
#include "triallens/analysis/time_unit.h"

#include "triallens/data/build_study.h"
#include "triallens/stats/cox_regression.h"
#include "triallens/stats/event_table.h"
#include "triallens/stats/follow_up.h"
#include "triallens/stats/log_rank.h"
#include "triallens/stats/restricted_mean.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace triallens {

AnalysisSpec resolve_spec(const Study& study, AnalysisSpec spec) {
    std::vector<std::string> codes;
    for (const auto& endpoint : study.endpoints) {
        codes.push_back(endpoint.paramcd);
    }
    if (spec.paramcd.empty()) {
        if (codes.size() != 1) {
            throw SpecError(codes.empty() ? "the study has no time-to-event parameter"
                                          : "choose a parameter with --param: " + join(codes));
        }
        spec.paramcd = codes.front();
    } else if (study.endpoint(spec.paramcd) == nullptr) {
        throw SpecError("no parameter " + spec.paramcd + " (present: " + join(codes) + ")");
    }

    const Variable& arm = resolve_arm_column(study, spec.arm_variable, arm_column_candidates);
    spec.arm_variable = arm.name;
    if (arm.levels.empty()) {
        throw SpecError("treatment column " + spec.arm_variable + " is empty");
    }
    if (spec.reference_arm.empty()) {
        const bool declared = !study.control_arm.empty() && arm.level_code(study.control_arm);
        spec.reference_arm = declared ? study.control_arm : arm.levels.front();
    } else if (!arm.level_code(spec.reference_arm)) {
        throw SpecError("no arm \"" + spec.reference_arm + "\" in " + spec.arm_variable +
                        " (arms: " + join(arm.levels) + ")");
    }
    for (const auto& name : spec.strata) {
        require_categorical(study, name, "stratification");
    }
    for (const auto& name : spec.subgroups) {
        require_categorical(study, name, "subgroup");
    }
    for (const auto& name : spec.covariates) {
        if (study.subjects.find(name) == nullptr) {
            throw SpecError("no covariate column " + name + " in the subject-level data");
        }
        if (name == spec.arm_variable) {
            throw SpecError("the treatment column " + name + " cannot also be a covariate");
        }
    }
    if (!spec.subgroups.empty() || !spec.compare_arm.empty()) {
        if (spec.compare_arm.empty()) {
            std::vector<std::string> others;
            for (const auto& level : arm.levels) {
                if (level != spec.reference_arm) {
                    others.push_back(level);
                }
            }
            if (others.size() != 1) {
                throw SpecError("choose the arm to compare with --compare: " + join(others));
            }
            spec.compare_arm = others.front();
        } else if (!arm.level_code(spec.compare_arm) || spec.compare_arm == spec.reference_arm) {
            throw SpecError("--compare must name an arm other than the reference (arms: " +
                            join(arm.levels) + ")");
        }
    }
    if (!spec.curves_by.empty()) {
        require_categorical(study, spec.curves_by, "curves-by");
    }
    if (!spec.time_unit.empty()) {
        const auto unit = time_unit_from_name(spec.time_unit);
        if (!unit) {
            throw SpecError("unknown time unit \"" + spec.time_unit +
                            "\" (use days, weeks, months or years)");
        }
        spec.time_unit = time_unit_name(*unit);
    }
    if (spec.tau && !(*spec.tau > 0)) {
        throw SpecError("the RMST horizon must be positive");
    }
    return spec;
}

namespace {

// One code per subject for the combination of the strata's levels (-1 where
// any is missing: R drops those rows from the stratified fits).
std::vector<std::int32_t> stratum_codes(const Study& study,
                                        const std::vector<std::string>& strata) {
    std::vector<std::int32_t> codes(study.subjects.size(), 0);
    for (const auto& name : strata) {
        const Variable& factor = *study.subjects.find(name);
        const auto levels = static_cast<std::int32_t>(factor.levels.size());
        for (std::size_t i = 0; i < codes.size(); ++i) {
            codes[i] =
                codes[i] < 0 || factor.codes[i] < 0 ? -1 : codes[i] * levels + factor.codes[i];
        }
    }
    return codes;
}

// Landmark and RMST contrasts of every arm with the reference (the first).
void compare_with_reference(Results& results, double conf_level) {
    const double z = normal_critical_value(conf_level);
    const ArmSurvival& reference = results.arms.front();
    for (std::size_t a = 1; a < results.arms.size(); ++a) {
        const ArmSurvival& arm = results.arms[a];
        for (std::size_t l = 0; l < arm.landmarks.size(); ++l) {
            const SurvivalAt& x = arm.landmarks[l];
            const SurvivalAt& r = reference.landmarks[l];
            SurvivalDifference difference{arm.arm, x.time, {}, {}, {}};
            if (x.surv && r.surv && x.std_err && r.std_err) {
                const double se = std::hypot(*x.std_err, *r.std_err);
                difference.difference = *x.surv - *r.surv;
                difference.lower = *difference.difference - z * se;
                difference.upper = *difference.difference + z * se;
            }
            results.landmark_differences.push_back(difference);
        }
        if (arm.rmst && reference.rmst) {
            const RestrictedMean& x = *arm.rmst;
            const RestrictedMean& r = *reference.rmst;
            RmstComparison comparison;
            comparison.arm = arm.arm;
            comparison.tau = x.tau;
            comparison.difference = x.estimate - r.estimate;
            const double se = std::hypot(x.std_err, r.std_err);
            comparison.difference_lower = comparison.difference - z * se;
            comparison.difference_upper = comparison.difference + z * se;
            if (x.estimate > 0 && r.estimate > 0) {
                const double log_ratio = std::log(x.estimate / r.estimate);
                const double log_se = std::hypot(x.std_err / x.estimate, r.std_err / r.estimate);
                comparison.ratio = std::exp(log_ratio);
                comparison.ratio_lower = std::exp(log_ratio - z * log_se);
                comparison.ratio_upper = std::exp(log_ratio + z * log_se);
            }
            results.rmst_comparisons.push_back(comparison);
        }
    }
}

} // namespace

Results refit(const Study& study, const AnalysisSpec& requested) {
    const AnalysisSpec spec = resolve_spec(study, requested);
    const TimeToEvent& stored = *study.endpoint(spec.paramcd);
    const Variable& arm = *study.subjects.find(spec.arm_variable);

    Results results;
    results.study_name = study.name;
    results.synthetic = study.synthetic;
    results.paramcd = stored.paramcd;
    results.param = stored.param;
    results.time_unit = stored.time_unit;

    // Every analysis below reads the endpoint's times in the spec's unit.
    std::optional<TimeToEvent> converted;
    if (!spec.time_unit.empty()) {
        const TimeUnit to = *time_unit_from_name(spec.time_unit);
        TimeUnit from = TimeUnit::Days;
        if (stored.time_unit.empty()) {
            results.warnings.push_back(stored.paramcd +
                                       " has no AVALU: its times are taken as days");
        } else if (const auto unit = time_unit_from_name(stored.time_unit)) {
            from = *unit;
        } else {
            throw SpecError("cannot convert " + stored.paramcd + " times from " + stored.time_unit +
                            " (AVALU) to " + spec.time_unit);
        }
        if (from != to) {
            converted = stored;
            convert_times(converted->time, from, to);
        }
        results.time_unit = time_unit_label(to);
    }
    const TimeToEvent& endpoint = converted ? *converted : stored;
    results.arm_variable = spec.arm_variable;
    results.strata = spec.strata;
    results.filter = spec.filter;

    // Each subject's arm, or -1 where the arm is missing or the filter drops it.
    std::vector<std::int32_t> subject_arm = arm.codes;
    const std::vector<std::uint8_t> kept = evaluate_filter(study.subjects, spec.filter);
    results.subjects_total = kept.size();
    results.subjects = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), 1));
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        subject_arm[s] = kept[s] ? subject_arm[s] : -1;
    }

    // Arms in R's order after relevel(): the reference first, then the rest sorted.
    const auto reference = *arm.level_code(spec.reference_arm);
    std::vector<std::int32_t> arm_order{reference};
    for (std::int32_t code = 0; code < static_cast<std::int32_t>(arm.levels.size()); ++code) {
        if (code != reference) {
            arm_order.push_back(code);
        }
    }

    // Records with a known arm; timefix over the pooled times, as survfit does.
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::int32_t> arm_code;
    std::vector<std::size_t> record_subject;
    for (std::size_t i = 0; i < endpoint.size(); ++i) {
        const auto subject = static_cast<std::size_t>(endpoint.subject[i]);
        const std::int32_t code = subject_arm[subject];
        if (code >= 0) {
            time.push_back(endpoint.time[i]);
            event.push_back(endpoint.event[i]);
            arm_code.push_back(code);
            record_subject.push_back(subject);
        }
    }
    apply_timefix(time);
    results.n = time.size();
    results.events = static_cast<std::size_t>(std::count(event.begin(), event.end(), 1));
    if (!time.empty()) {
        results.median_follow_up = median_follow_up(time, event, spec.km, false);
    }

    std::vector<std::int32_t> present;
    for (const std::int32_t code : arm_order) {
        std::vector<double> arm_time;
        std::vector<std::uint8_t> arm_event;
        for (std::size_t i = 0; i < time.size(); ++i) {
            if (arm_code[i] == code) {
                arm_time.push_back(time[i]);
                arm_event.push_back(event[i]);
            }
        }
        if (arm_time.empty()) {
            results.warnings.push_back("arm " + arm.levels[static_cast<std::size_t>(code)] +
                                       " has no subjects with " + endpoint.paramcd);
            continue;
        }
        // One event table per arm serves the curve and the other transforms.
        const EventTable events = tabulate_events(arm_time, arm_event, false);
        ArmSurvival survival =
            summarise_curve(arm.levels[static_cast<std::size_t>(code)], "", events, spec);
        for (const ConfType type : {ConfType::Log, ConfType::LogLog, ConfType::Plain}) {
            KmOptions other = spec.km;
            other.conf_type = type;
            results.concordance.medians.push_back(
                {survival.arm, conf_type_name(type),
                 type == spec.km.conf_type
                     ? survival.median
                     : survival_quantile(fit_kaplan_meier(events, other), 0.5)});
        }
        results.arms.push_back(std::move(survival));
        present.push_back(code);
    }

    if (!results.arms.empty() && present.front() == reference) {
        compare_with_reference(results, spec.km.conf_level);
    }
    if (!spec.curves_by.empty()) {
        results.curve_groups =
            curve_groups(arm, *study.subjects.find(spec.curves_by), arm_order, time, event,
                         arm_code, record_subject, spec, results.warnings);
    }

    // The comparisons use the records whose strata are all known.
    const std::vector<std::int32_t> subject_stratum = stratum_codes(study, spec.strata);
    std::vector<double> model_time;
    std::vector<std::uint8_t> model_event;
    std::vector<std::int32_t> model_group;
    std::vector<std::int32_t> model_stratum;
    std::vector<std::size_t> model_subject;
    for (std::size_t i = 0, r = 0; i < endpoint.size(); ++i) {
        const auto subject = static_cast<std::size_t>(endpoint.subject[i]);
        if (subject_arm[subject] < 0) {
            continue;
        }
        const std::size_t record = r++;
        if (subject_stratum[subject] < 0) {
            continue;
        }
        model_time.push_back(time[record]);
        model_event.push_back(event[record]);
        model_group.push_back(static_cast<std::int32_t>(
            std::find(present.begin(), present.end(), arm_code[record]) - present.begin()));
        model_stratum.push_back(subject_stratum[subject]);
        model_subject.push_back(subject);
    }
    if (model_time.size() < time.size()) {
        results.warnings.push_back(std::to_string(time.size() - model_time.size()) +
                                   " records with a missing stratum are left out of the "
                                   "log-rank test and the Cox model");
    }

    const bool any_event =
        std::find(model_event.begin(), model_event.end(), 1) != model_event.end();
    if (present.size() >= 2 && !any_event) {
        results.warnings.push_back("no events: the arms cannot be compared");
    }
    if (present.size() >= 2 && any_event) {
        const LogRank test =
            log_rank_test(model_time, model_event, model_group, present.size(), model_stratum);
        if (test.defined) {
            results.logrank =
                LogRankSummary{test.chisq, test.df, test.p, test.observed, test.expected};
        } else {
            results.warnings.push_back("log-rank test not computable: its variance is singular "
                                       "(no risk set holds two arms)");
        }
    }

    if (present.size() >= 2 && present.front() == reference && any_event) {
        std::vector<std::string> compared;
        for (std::size_t k = 1; k < present.size(); ++k) {
            compared.push_back(arm.levels[static_cast<std::size_t>(present[k])]);
        }
        const ArmModel model =
            adjusted_arm_model(study, spec.covariates, model_time, model_event, model_group,
                               model_stratum, model_subject, std::move(compared), results.warnings);
        const CoxFit fit = fit_cox(model.input(), {spec.ties});
        CoxSummary cox;
        cox.ties = ties_name(spec.ties);
        cox.reference_arm = spec.reference_arm;
        cox.terms = hazard_ratios(fit, model, spec.km.conf_level);
        cox.adjustments = adjustment_ratios(fit, model, spec.km.conf_level);
        cox.loglik_null = fit.loglik_null;
        cox.loglik = fit.loglik;
        cox.lr_chisq = fit.lr_chisq;
        cox.wald_chisq = fit.wald_chisq;
        cox.score_chisq = fit.score_chisq;
        cox.df =
            static_cast<std::size_t>(std::count(fit.aliased.begin(), fit.aliased.end(), false));
        results.cox = cox;
        results.warnings.insert(results.warnings.end(), fit.warnings.begin(), fit.warnings.end());
        results.ph_test = test_arm_proportional_hazards(model, fit, spec.ties);
        results.concordance.ties = ties_concordance(model, fit, spec.ties, spec.km.conf_level);
    }
    results.response = summarise_response(study, arm, subject_arm, arm_order, subject_stratum,
                                          !spec.strata.empty(), spec.km.conf_level);
    if (!spec.subgroups.empty()) {
        results.subgroups = analyse_subgroups(study, endpoint, arm, subject_arm, reference,
                                              *arm.level_code(spec.compare_arm), subject_stratum,
                                              spec, results.warnings);
    }
    return results;
}

} // namespace triallens
