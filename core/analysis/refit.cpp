#include "triallens/analysis/refit.h"

#include "analysis_counts.h"
#include "arm_comparison.h"
#include "competing_risks_analysis.h"
#include "landmark_records.h"
#include "response_summary.h"
#include "subgroups.h"
#include "subject_columns.h"
#include "survival_curves.h"
#include "triallens/analysis/subject_filter.h"
#include "triallens/analysis/time_unit.h"
#include "tumour_response.h"

#include "triallens/data/build_study.h"
#include "triallens/stats/cox_regression.h"
#include "triallens/stats/event_table.h"
#include "triallens/stats/follow_up.h"
#include "triallens/stats/kaplan_meier.h"
#include "triallens/stats/log_rank.h"
#include "triallens/stats/maxcombo.h"
#include "triallens/stats/piecewise_cox.h"
#include "triallens/stats/restricted_mean.h"
#include "triallens/stats/weighted_log_rank.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <future>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>

namespace triallens {

namespace {

void check_hr_cuts(const std::vector<double>& cuts) {
    if (cuts.size() > max_hr_cuts) {
        throw SpecError("piecewise hazard ratios take at most " + std::to_string(max_hr_cuts) +
                        " cut points, got " + std::to_string(cuts.size()));
    }
    for (std::size_t k = 0; k < cuts.size(); ++k) {
        if (!(std::isfinite(cuts[k]) && cuts[k] > 0)) {
            throw SpecError("cut point " + spec_number_text(cuts[k]) +
                            " of the piecewise hazard ratios must be positive and finite");
        }
        if (k > 0 && !(cuts[k] > cuts[k - 1])) {
            throw SpecError("cut point " + spec_number_text(cuts[k]) +
                            " of the piecewise hazard ratios is not after " +
                            spec_number_text(cuts[k - 1]) + ": give them ascending, each once");
        }
    }
}

} // namespace

AnalysisSpec resolve_spec(const Study& study, AnalysisSpec spec) {
    std::vector<std::string> codes;
    for (const auto& endpoint : study.endpoints) {
        codes.push_back(endpoint.paramcd());
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
    spec.arm_variable = arm.name();
    if (arm.levels().empty()) {
        throw SpecError("treatment column " + spec.arm_variable + " is empty");
    }
    spec.reference_arm = resolve_reference_arm(study, arm, spec.reference_arm);
    // Every column whose levels multiply the work is capped here, before
    // anything is counted or fitted (AnalysisSpec::max_levels).
    require_few_levels(study, arm, spec.max_levels, "the treatment column takes");
    for (const auto& name : spec.strata) {
        require_few_levels(study, require_categorical(study, name, "stratification"),
                           spec.max_levels, "strata take");
    }
    for (const auto& name : spec.subgroups) {
        require_few_levels(study, require_categorical(study, name, "subgroup"), spec.max_levels,
                           "subgroups take");
    }
    for (const auto& name : spec.covariates) {
        const Variable* covariate = study.subjects.find(name);
        if (covariate == nullptr) {
            throw SpecError("no covariate column " + name + " in the subject-level data");
        }
        if (name == spec.arm_variable) {
            throw SpecError("the treatment column " + name + " cannot also be a covariate");
        }
        // A text covariate is a dummy column per level; a numeric one (a
        // numeric factor too) is one column, whatever its values.
        if (!covariate->is_numeric()) {
            require_few_levels(study, *covariate, spec.max_levels, "text covariates take");
        }
    }
    const bool delayed_effects =
        !spec.fh_tests.empty() || spec.maxcombo.has_value() || !spec.hr_cuts.empty();
    if (!spec.subgroups.empty() || !spec.compare_arm.empty() || delayed_effects) {
        if (spec.compare_arm.empty()) {
            std::vector<std::string> others;
            for (const auto& level : arm.levels()) {
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
                            join(arm.levels()) + ")");
        }
    }
    const auto check_fh = [](const std::vector<FhWeight>& tests, const std::string& what) {
        if (tests.size() > maxcombo_max_tests) {
            throw SpecError(what + " takes at most " + std::to_string(maxcombo_max_tests) +
                            " FH(rho, gamma) tests");
        }
        for (const FhWeight& weight : tests) {
            if (!(std::isfinite(weight.rho) && weight.rho >= 0 && std::isfinite(weight.gamma) &&
                  weight.gamma >= 0)) {
                throw SpecError(what + ": rho and gamma must be finite and not negative");
            }
        }
    };
    check_fh(spec.fh_tests, "the weighted log-rank");
    if (spec.maxcombo) {
        if (spec.maxcombo->empty()) {
            throw SpecError("MaxCombo needs at least one FH(rho, gamma) test");
        }
        check_fh(*spec.maxcombo, "MaxCombo");
    }
    check_hr_cuts(spec.hr_cuts);
    if (spec.from && !(std::isfinite(*spec.from) && *spec.from >= 0)) {
        throw SpecError("the landmark of --from must be finite and not negative, got " +
                        spec_number_text(*spec.from));
    }
    if (!spec.curves_by.empty()) {
        require_few_levels(study, require_categorical(study, spec.curves_by, "curves-by"),
                           spec.max_levels, "curves-by takes");
    }
    if (!spec.time_unit.empty()) {
        const auto unit = time_unit_from_name(spec.time_unit);
        if (!unit) {
            throw SpecError("unknown time unit \"" + spec.time_unit +
                            "\" (use days, weeks, months or years)");
        }
        spec.time_unit = time_unit_name(*unit);
    }
    // NaN and infinity are refused wherever they come from (the window's
    // fields, a saved analysis): a landmark at NaN reported survival at
    // time null.
    if (spec.tau && !(std::isfinite(*spec.tau) && *spec.tau > 0)) {
        throw SpecError("the RMST horizon must be a positive finite number");
    }
    for (const double time : spec.landmarks) {
        if (!std::isfinite(time)) {
            throw SpecError("landmark times must be finite numbers");
        }
    }
    if (!(spec.km.conf_level > 0 && spec.km.conf_level < 1)) {
        throw SpecError("the confidence level must lie strictly between 0 and 1");
    }
    return spec;
}

namespace {

WeightedLogRankRow weighted_log_rank_row(const WeightedLogRank& test) {
    WeightedLogRankRow row{test.weight.rho, test.weight.gamma, {}, {}, {}};
    if (test.defined) {
        row.z = test.z;
        row.chisq = test.chisq;
        row.p = test.p;
    }
    return row;
}

// The model counts of the reference (group 0) and `compared_group` alone, as
// groups 0 and 1; nullopt, with a warning that `what` was not computed, when
// either arm has no records (`reference_present` false, or the compared
// group -1).
std::optional<RiskSetCounts> compared_pair(Results& results, const RiskSetCounts& model_counts,
                                           const AnalysisSpec& spec, std::int32_t compared_group,
                                           bool reference_present, const std::string& what) {
    if (!reference_present || compared_group < 0) {
        results.warnings.push_back(what + " not computed: " + spec.reference_arm + " or " +
                                   spec.compare_arm + " has no records");
        return std::nullopt;
    }
    std::vector<std::int32_t> to(model_counts.patterns, -1);
    to[0] = 0;
    to[static_cast<std::size_t>(compared_group)] = 1;
    return select_patterns(model_counts, to, 2);
}

// The spec's FH tests and MaxCombo: `compared_group` of the model counts
// (-1 when the arm has no records) against group 0, the reference when
// `reference_present`.
void delayed_effect_tests(Results& results, const RiskSetCounts& model_counts,
                          const AnalysisSpec& spec, std::int32_t compared_group,
                          bool reference_present) {
    results.delayed_effects_arm = spec.compare_arm;
    const auto pair = compared_pair(results, model_counts, spec, compared_group, reference_present,
                                    "weighted log-rank tests");
    if (!pair) {
        return;
    }
    const TwoSampleDeathTerms terms = two_sample_death_terms(*pair);
    for (const FhWeight& weight : spec.fh_tests) {
        results.weighted_logrank.push_back(weighted_log_rank_row(weighted_log_rank(terms, weight)));
    }
    if (spec.maxcombo) {
        const MaxCombo combo = maxcombo_test(terms, *spec.maxcombo);
        if (!combo.defined) {
            results.warnings.push_back("MaxCombo not computed: a test has no variance");
            return;
        }
        MaxComboSummary summary;
        for (const WeightedLogRank& test : combo.tests) {
            summary.tests.push_back(weighted_log_rank_row(test));
        }
        summary.correlation = combo.correlation;
        summary.z_max = combo.z_max;
        summary.p = combo.p;
        results.maxcombo = std::move(summary);
    }
}

// Piecewise hazard ratios of `compared_group` of the model counts against
// group 0 (the reference when `reference_present`) at the spec's cuts, each
// before `last_time`.
void piecewise_hazard_ratios(Results& results, const RiskSetCounts& model_counts,
                             const AnalysisSpec& spec, std::int32_t compared_group,
                             bool reference_present, double last_time, bool group_patterns) {
    results.delayed_effects_arm = spec.compare_arm;
    for (const double cut : spec.hr_cuts) {
        if (!(cut < last_time)) {
            throw SpecError("cut point " + spec_number_text(cut) +
                            " of the piecewise hazard ratios is not before the last time (" +
                            spec_number_text(last_time) + ")");
        }
    }
    const auto pair = compared_pair(results, model_counts, spec, compared_group, reference_present,
                                    "piecewise hazard ratios");
    if (!pair) {
        return;
    }
    CoxOptions options;
    options.ties = spec.ties;
    options.group_patterns = group_patterns;
    const double z = normal_critical_value(spec.km.conf_level);
    for (const PiecewisePeriod& period : fit_piecewise_cox(*pair, spec.hr_cuts, options)) {
        PiecewiseHazardRatio row{period.from, period.to, period.events, {}, {}, {}, {}};
        const std::string name =
            "(" + spec_number_text(period.from) + ", " +
            (period.to ? spec_number_text(*period.to) + "]" : std::string("end)"));
        if (period.fit && (period.fit->aliased[0] || !(period.fit->var[0] > 0))) {
            results.warnings.push_back("piecewise hazard ratio in " + name +
                                       " not computed: the arm is not estimable in it");
        } else if (!period.fit) {
            results.warnings.push_back(
                "piecewise hazard ratio in " + name + " not computed: " +
                (period.events_reference == 0 ? spec.reference_arm : spec.compare_arm) +
                " has no event in it");
        } else {
            const double coef = period.fit->coef[0];
            const double se = std::sqrt(period.fit->var[0]);
            row.hr = std::exp(coef);
            row.lower = std::exp(coef - z * se);
            row.upper = std::exp(coef + z * se);
            // Wald, as summary(coxph): 2 (1 - Phi(|coef| / se)).
            row.p = std::erfc(std::fabs(coef / se) / std::sqrt(2.0));
            for (const std::string& warning : period.fit->warnings) {
                results.warnings.push_back("piecewise hazard ratio in " + name + ": " + warning);
            }
        }
        results.piecewise_hr.push_back(row);
    }
}

// One code per subject for the combination of the strata's levels (-1 where
// any is missing: R drops those rows from the stratified fits). Codes are
// numbered densely over the combinations present, in the order of the levels,
// so that strata of many levels each make at most one stratum per subject
// rather than the product of their level counts (five strata of 50 levels
// would be 312 million, past what an int32 holds at six).
std::vector<std::int32_t> stratum_codes(const Study& study,
                                        const std::vector<std::string>& strata) {
    std::vector<std::int32_t> codes(study.subjects.size(), 0);
    std::vector<std::int64_t> combined(codes.size());
    std::vector<std::int64_t> present;
    for (const auto& name : strata) {
        const Variable& factor = *study.subjects.find(name);
        const auto levels = static_cast<std::int64_t>(factor.levels().size());
        present.clear();
        for (std::size_t i = 0; i < codes.size(); ++i) {
            combined[i] = codes[i] < 0 || factor.codes()[i] < 0
                              ? -1
                              : std::int64_t{codes[i]} * levels + factor.codes()[i];
            if (combined[i] >= 0) {
                present.push_back(combined[i]);
            }
        }
        std::sort(present.begin(), present.end());
        present.erase(std::unique(present.begin(), present.end()), present.end());
        for (std::size_t i = 0; i < codes.size(); ++i) {
            codes[i] = combined[i] < 0
                           ? -1
                           : static_cast<std::int32_t>(
                                 std::lower_bound(present.begin(), present.end(), combined[i]) -
                                 present.begin());
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
            if (se > 0) {
                comparison.difference_p =
                    std::erfc(std::abs(comparison.difference) / se / std::sqrt(2.0));
            }
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

// The analysed records one by one (arm known, times timefixed together), for
// the analyses that need records rather than counts.
struct AnalysedRecords {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::int32_t> arm_code;
    std::vector<std::size_t> subject;
    std::vector<std::int32_t> stratum;
};

AnalysedRecords analysed_records(const TimeToEvent& endpoint,
                                 std::span<const std::int32_t> subject_arm,
                                 std::span<const std::int32_t> subject_stratum) {
    AnalysedRecords records;
    const std::span<const std::int32_t> subjects = endpoint.subject();
    const std::span<const double> times = endpoint.time();
    const std::span<const std::uint8_t> events = endpoint.event();
    for (std::size_t i = 0; i < endpoint.size(); ++i) {
        const auto subject = static_cast<std::size_t>(subjects[i]);
        if (subject_arm[subject] >= 0) {
            records.time.push_back(times[i]);
            records.event.push_back(events[i]);
            records.arm_code.push_back(subject_arm[subject]);
            records.subject.push_back(subject);
            records.stratum.push_back(subject_stratum[subject]);
        }
    }
    apply_timefix(records.time);
    return records;
}

// The records of the model: known stratum; group k is the k-th present arm.
struct ModelRecords {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::int32_t> group;
    std::vector<std::int32_t> stratum;
    std::vector<std::size_t> subject;
};

ModelRecords model_records_of(const AnalysedRecords& records,
                              const std::vector<std::int32_t>& present) {
    ModelRecords rows;
    for (std::size_t i = 0; i < records.time.size(); ++i) {
        if (records.stratum[i] < 0) {
            continue;
        }
        rows.time.push_back(records.time[i]);
        rows.event.push_back(records.event[i]);
        rows.group.push_back(static_cast<std::int32_t>(
            std::find(present.begin(), present.end(), records.arm_code[i]) - present.begin()));
        rows.stratum.push_back(records.stratum[i]);
        rows.subject.push_back(records.subject[i]);
    }
    return rows;
}

// "PFS: 134 of the 254 subjects analysed have no record ...", or nothing
// when every subject with an arm (after the filter) has one. They are in no
// curve or model, as in R; said once, since a truncated ADTTE looks just so.
std::optional<std::string> unrecorded_warning(const TimeToEvent& endpoint,
                                              std::span<const std::int32_t> subject_arm) {
    std::vector<std::uint8_t> recorded(subject_arm.size(), 0);
    for (const std::int32_t subject : endpoint.subject()) {
        recorded[static_cast<std::size_t>(subject)] = 1;
    }
    std::size_t analysed = 0;
    std::size_t without = 0;
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        if (subject_arm[s] >= 0) {
            ++analysed;
            without += recorded[s] == 0 ? 1 : 0;
        }
    }
    if (without == 0) {
        return std::nullopt;
    }
    return endpoint.paramcd() + ": " + std::to_string(without) + " of the " +
           std::to_string(analysed) + " subjects analysed " + (without == 1 ? "has" : "have") +
           " no record and " + (without == 1 ? "is" : "are") + " left out";
}

} // namespace

Results refit(const Study& study, const AnalysisSpec& requested, const RefitOptions& options) {
    const AnalysisSpec spec = resolve_spec(study, requested);
    const TimeToEvent& stored = *study.endpoint(spec.paramcd);
    const Variable& arm = *study.subjects.find(spec.arm_variable);

    Results results;
    results.study_name = study.name;
    results.synthetic = study.synthetic;
    results.reconstructed = study.reconstructed;
    results.paramcd = stored.paramcd();
    results.param = stored.param();
    results.time_unit = stored.time_unit();

    // Every analysis below reads the endpoint's times in the spec's unit; the
    // converted endpoint carries the order and the one-pass decision made
    // for that unit when the study was built.
    std::optional<TimeToEvent> converted;
    if (!spec.time_unit.empty()) {
        const TimeUnit to = *time_unit_from_name(spec.time_unit);
        if (stored.time_unit().empty()) {
            results.warnings.push_back(stored.paramcd() +
                                       " has no AVALU: its times are taken as days");
        }
        const std::optional<TimeUnit> from = stored.unit();
        if (!from) {
            throw SpecError("cannot convert " + stored.paramcd() + " times from " +
                            stored.time_unit() + " (AVALU) to " + spec.time_unit);
        }
        if (*from != to) {
            converted = stored.in_unit(to);
        }
        results.time_unit = time_unit_label(to);
    }
    const TimeToEvent& in_unit = converted ? *converted : stored;
    // Conditional survival from `from`: selected here, once, so that every
    // statistic below sees only the re-originated records.
    std::optional<TimeToEvent> conditional;
    if (spec.from) {
        conditional = records_from(in_unit, *spec.from);
        results.from = spec.from;
    }
    const TimeToEvent& endpoint = conditional ? *conditional : in_unit;
    results.arm_variable = spec.arm_variable;
    results.strata = spec.strata;
    results.filter = spec.filter;

    // Each subject's arm, or -1 where the arm is missing or the filter drops it.
    std::vector<std::int32_t> subject_arm = arm.codes();
    const std::vector<std::uint8_t> kept = evaluate_filter(study.subjects, spec.filter);
    results.subjects_total = kept.size();
    results.subjects = static_cast<std::size_t>(std::count(kept.begin(), kept.end(), 1));
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        subject_arm[s] = kept[s] ? subject_arm[s] : -1;
    }
    // Before --from: those it leaves out are meant to be.
    if (auto warning = unrecorded_warning(in_unit, subject_arm)) {
        results.warnings.push_back(std::move(*warning));
    }

    // Arms in R's order after relevel(): the reference first, then the rest sorted.
    const auto reference = *arm.level_code(spec.reference_arm);
    std::vector<std::int32_t> arm_order{reference};
    for (std::int32_t code = 0; code < static_cast<std::int32_t>(arm.levels().size()); ++code) {
        if (code != reference) {
            arm_order.push_back(code);
        }
    }
    std::vector<std::int32_t> position_of_code(arm.levels().size(), -1);
    for (std::size_t k = 0; k < arm_order.size(); ++k) {
        position_of_code[static_cast<std::size_t>(arm_order[k])] = static_cast<std::int32_t>(k);
    }
    std::vector<std::int32_t> subject_position(subject_arm.size(), -1);
    for (std::size_t s = 0; s < subject_arm.size(); ++s) {
        if (subject_arm[s] >= 0) {
            subject_position[s] = position_of_code[static_cast<std::size_t>(subject_arm[s])];
        }
    }

    // Every analysis below reads counts of the records: the arms' curves all
    // records with a known arm; the comparisons those whose strata are all
    // known; each subgroup variable those of the compared arms with a level.
    // The strata codes depend on the study alone: made once per strata list.
    std::string strata_key = "strata";
    for (const auto& name : spec.strata) {
        strata_key += '\x1f' + name;
    }
    const std::shared_ptr<const std::vector<std::int32_t>> strata_of_subject =
        study.derived.get<std::vector<std::int32_t>>(
            strata_key, [&] { return stratum_codes(study, spec.strata); });
    const std::vector<std::int32_t>& subject_stratum = *strata_of_subject;
    const std::int32_t strata =
        1 + std::max(0, *std::max_element(subject_stratum.begin(), subject_stratum.end()));
    const std::int32_t compare = spec.subgroups.empty() ? -1 : *arm.level_code(spec.compare_arm);
    std::vector<std::vector<std::int32_t>> subgroup_pattern;
    std::vector<CountsRequest> requests{{{}, 1, subject_position, arm_order.size(), false},
                                        {subject_stratum, static_cast<std::size_t>(strata),
                                         subject_position, arm_order.size(), true}};
    for (const auto& name : spec.subgroups) {
        const Variable& variable = *study.subjects.find(name);
        subgroup_pattern.push_back(subgroup_patterns(variable, subject_arm, reference, compare));
        requests.push_back({subject_stratum, static_cast<std::size_t>(strata),
                            subgroup_pattern.back(), subgroup_pattern_count(variable), false});
    }
    std::vector<RiskSetCounts> counts = count_records(endpoint, requests, options.presorted);
    const RiskSetCounts& by_arm = counts[0];

    // The subgroups read only their own counts: they run on the other core
    // while this thread does the rest.
    std::vector<std::string> subgroup_warnings;
    std::future<std::vector<SubgroupRow>> subgroups;
    if (!spec.subgroups.empty()) {
        subgroups = std::async(std::launch::async, [&] {
            CoxOptions fit_options;
            fit_options.group_patterns = options.group_patterns;
            return analyse_subgroups(study, arm, reference, compare,
                                     std::span<const RiskSetCounts>(counts).subspan(2), spec,
                                     fit_options, subgroup_warnings);
        });
    }

    const EventTable pooled = event_table(by_arm);
    results.n = pooled.n;
    results.events = std::accumulate(pooled.n_event.begin(), pooled.n_event.end(), std::size_t{0});
    if (pooled.n > 0) {
        EventTable reversed = pooled;
        std::swap(reversed.n_event, reversed.n_censor);
        results.median_follow_up = survival_quantile(fit_kaplan_meier(reversed, spec.km), 0.5);
    }

    std::vector<std::int32_t> present; // arm codes with records, in arm order
    for (std::size_t k = 0; k < arm_order.size(); ++k) {
        const std::int32_t code = arm_order[k];
        const EventTable events = event_table(by_arm, static_cast<std::uint32_t>(k));
        if (events.n == 0) {
            results.warnings.push_back("arm " + arm.levels()[static_cast<std::size_t>(code)] +
                                       " has no subjects with " + endpoint.paramcd());
            continue;
        }
        ArmSurvival survival =
            summarise_curve(arm.levels()[static_cast<std::size_t>(code)], "", events, spec);
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

    // The record-level columns, only for what needs records: curves by a
    // variable and a model with adjustment covariates.
    std::optional<AnalysedRecords> records;
    if (!spec.curves_by.empty() || !spec.covariates.empty()) {
        records = analysed_records(endpoint, subject_arm, subject_stratum);
    }
    if (!spec.curves_by.empty()) {
        results.curve_groups = curve_groups(arm, *study.subjects.find(spec.curves_by), arm_order,
                                            records->time, records->event, records->arm_code,
                                            records->subject, spec, results.warnings);
    }

    // The comparisons: group k is the k-th arm present.
    std::vector<std::int32_t> group_of_position(arm_order.size(), -1);
    for (std::size_t k = 0; k < present.size(); ++k) {
        group_of_position[static_cast<std::size_t>(
            position_of_code[static_cast<std::size_t>(present[k])])] = static_cast<std::int32_t>(k);
    }
    RiskSetCounts model_counts = select_patterns(counts[1], group_of_position, present.size());
    std::size_t model_records = 0;
    std::size_t model_events = 0;
    for (const CountEntry& entry : model_counts.entries) {
        model_records += entry.deaths + entry.censored;
        model_events += entry.deaths;
    }
    if (model_records < results.n) {
        results.warnings.push_back(std::to_string(results.n - model_records) +
                                   " records with a missing stratum are left out of the "
                                   "log-rank test and the Cox model");
    }

    const bool any_event = model_events > 0;
    if (present.size() >= 2 && !any_event) {
        results.warnings.push_back("no events: the arms cannot be compared");
    }
    if (present.size() >= 2 && any_event) {
        const LogRank test = log_rank_test(model_counts);
        if (test.defined) {
            results.logrank =
                LogRankSummary{test.chisq, test.df, test.p, test.observed, test.expected};
        } else {
            results.warnings.push_back("log-rank test not computable: its variance is singular "
                                       "(no risk set holds two arms)");
        }
    }

    if (!spec.fh_tests.empty() || spec.maxcombo) {
        delayed_effect_tests(
            results, model_counts, spec,
            group_of_position[static_cast<std::size_t>(
                position_of_code[static_cast<std::size_t>(*arm.level_code(spec.compare_arm))])],
            !present.empty() && present.front() == reference);
    }

    if (!spec.hr_cuts.empty()) {
        piecewise_hazard_ratios(
            results, model_counts, spec,
            group_of_position[static_cast<std::size_t>(
                position_of_code[static_cast<std::size_t>(*arm.level_code(spec.compare_arm))])],
            !present.empty() && present.front() == reference,
            pooled.size() == 0 ? 0.0 : pooled.time.back(), options.group_patterns);
    }

    if (present.size() >= 2 && present.front() == reference && any_event) {
        std::vector<std::string> compared;
        for (std::size_t k = 1; k < present.size(); ++k) {
            compared.push_back(arm.levels()[static_cast<std::size_t>(present[k])]);
        }
        ArmModel model;
        if (spec.covariates.empty()) {
            model = counted_arm_model(std::move(model_counts), std::move(compared));
        } else {
            const ModelRecords rows = model_records_of(*records, present);
            model = adjusted_arm_model(study, spec.covariates, rows.time, rows.event, rows.group,
                                       rows.stratum, rows.subject, std::move(compared),
                                       results.warnings);
        }
        model.group_patterns = options.group_patterns;
        const CoxFit fit = fit_arm_model(model, spec.ties);
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
    std::vector<std::string> arm_names;
    for (const std::int32_t code : arm_order) {
        arm_names.push_back(arm.levels()[static_cast<std::size_t>(code)]);
    }
    if (spec.cause_of_interest) {
        results.competing_risks =
            analyse_competing_risks(endpoint, subject_position, arm_names, subject_stratum,
                                    !spec.strata.empty(), spec, results.warnings);
    }
    results.response = summarise_response(study, arm, subject_arm, arm_order, subject_stratum,
                                          !spec.strata.empty(), spec.km.conf_level);
    const TimeUnit unit = spec.time_unit.empty() ? stored.unit().value_or(TimeUnit::Days)
                                                 : *time_unit_from_name(spec.time_unit);
    results.tumour_response = summarise_tumour_response(
        study, subject_position, arm_names, unit,
        results.time_unit.empty() ? time_unit_label(unit) : results.time_unit, spec,
        results.warnings);
    if (subgroups.valid()) {
        results.subgroups = subgroups.get();
        results.warnings.insert(results.warnings.end(), subgroup_warnings.begin(),
                                subgroup_warnings.end());
    }
    return results;
}

} // namespace triallens
