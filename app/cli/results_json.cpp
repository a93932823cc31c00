#include "cli/results_json.h"

#include <QJsonArray>

#include <cmath>

namespace triallens::cli {

namespace {

QJsonValue number(double value) {
    return std::isfinite(value) ? QJsonValue(value) : QJsonValue();
}

QJsonValue number(const std::optional<double>& value) {
    return value ? number(*value) : QJsonValue();
}

template <typename T> QJsonArray array(const std::vector<T>& values) {
    QJsonArray out;
    for (const auto& value : values) {
        if constexpr (std::is_same_v<T, std::size_t>) {
            out.append(static_cast<double>(value));
        } else {
            out.append(number(value));
        }
    }
    return out;
}

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

QJsonObject curve_json(const SurvivalCurve& curve) {
    return {{"time", array(curve.time)},       {"n_risk", array(curve.n_risk)},
            {"n_event", array(curve.n_event)}, {"n_censor", array(curve.n_censor)},
            {"surv", array(curve.surv)},       {"std_err", array(curve.std_err)},
            {"lower", array(curve.lower)},     {"upper", array(curve.upper)}};
}

QJsonObject quantile_json(const QuantileEstimate& q) {
    return {
        {"estimate", number(q.estimate)}, {"lower", number(q.lower)}, {"upper", number(q.upper)}};
}

QJsonObject arm_core_json(const ArmSurvival& arm) {
    return {{"arm", text(arm.arm)},
            {"n", static_cast<double>(arm.km.n)},
            {"events", static_cast<double>(arm.km.n_events)},
            {"median", number(arm.median.estimate)},
            {"median_lower", number(arm.median.lower)},
            {"median_upper", number(arm.median.upper)},
            {"curve", curve_json(arm.km.curve)}};
}

QJsonArray landmarks_json(const std::vector<SurvivalAt>& landmarks) {
    QJsonArray out;
    for (const auto& at : landmarks) {
        out.append(QJsonObject{{"time", number(at.time)},
                               {"surv", number(at.surv)},
                               {"std_err", number(at.std_err)},
                               {"lower", number(at.lower)},
                               {"upper", number(at.upper)},
                               {"n_risk", static_cast<double>(at.n_risk)}});
    }
    return out;
}

QJsonObject arm_json(const ArmSurvival& arm) {
    QJsonObject json = arm_core_json(arm);
    QJsonArray quantiles;
    for (const auto& q : arm.quartiles) {
        QJsonObject quantile = quantile_json(q);
        quantile.insert("p", q.probability);
        quantiles.append(quantile);
    }
    json.insert("quantiles", quantiles);
    if (!arm.landmarks.empty()) {
        json.insert("landmarks", landmarks_json(arm.landmarks));
    }
    if (arm.rmst) {
        json.insert("rmst", QJsonObject{{"tau", number(arm.rmst->tau)},
                                        {"estimate", number(arm.rmst->estimate)},
                                        {"std_err", number(arm.rmst->std_err)}});
    }
    return json;
}

QJsonArray comparisons_json(const Results& results) {
    QJsonArray out;
    for (const auto& d : results.landmark_differences) {
        out.append(QJsonObject{{"arm", text(d.arm)},
                               {"time", number(d.time)},
                               {"difference", number(d.difference)},
                               {"lower", number(d.lower)},
                               {"upper", number(d.upper)}});
    }
    return out;
}

QJsonArray subgroups_json(const Results& results) {
    QJsonArray out;
    for (const auto& row : results.subgroups) {
        QJsonArray arms;
        for (const auto& arm : row.arms) {
            arms.append(QJsonObject{{"arm", text(arm.arm)},
                                    {"n", static_cast<double>(arm.n)},
                                    {"events", static_cast<double>(arm.events)},
                                    {"median", number(arm.median.estimate)},
                                    {"median_lower", number(arm.median.lower)},
                                    {"median_upper", number(arm.median.upper)}});
        }
        out.append(QJsonObject{{"variable", text(row.variable)},
                               {"level", text(row.level)},
                               {"n", static_cast<double>(row.n)},
                               {"events", static_cast<double>(row.events)},
                               {"hr", number(row.hr)},
                               {"lower", number(row.lower)},
                               {"upper", number(row.upper)},
                               {"interaction_p", number(row.interaction_p)},
                               {"arms", arms}});
    }
    return out;
}

QJsonObject interval_json(const Interval& interval) {
    return {{"lower", number(interval.lower)}, {"upper", number(interval.upper)}};
}

QJsonArray rates_json(const std::vector<ResponseRate>& rates) {
    QJsonArray arms;
    for (const auto& rate : rates) {
        arms.append(QJsonObject{{"arm", text(rate.arm)},
                                {"n", static_cast<double>(rate.n)},
                                {"responders", static_cast<double>(rate.responders)},
                                {"rate", number(rate.rate)},
                                {"lower", number(rate.clopper_pearson.lower)},
                                {"upper", number(rate.clopper_pearson.upper)},
                                {"wilson", interval_json(rate.wilson)},
                                {"jeffreys", interval_json(rate.jeffreys)}});
    }
    return arms;
}

QJsonArray rate_differences_json(const std::vector<ResponseDifference>& rate_differences) {
    const auto odds_ratio = [](const OddsRatio& ratio) {
        return QJsonObject{{"estimate", number(ratio.estimate)},
                           {"lower", number(ratio.lower)},
                           {"upper", number(ratio.upper)}};
    };
    QJsonArray differences;
    for (const auto& d : rate_differences) {
        QJsonObject fisher = odds_ratio(d.fisher.odds_ratio);
        fisher.insert("p", number(d.fisher.p_value));
        QJsonObject difference{{"arm", text(d.arm)},
                               {"difference", number(d.difference)},
                               {"lower", number(d.newcombe.lower)},
                               {"upper", number(d.newcombe.upper)},
                               {"method", "newcombe"},
                               {"miettinen_nurminen", interval_json(d.miettinen_nurminen)},
                               {"odds_ratio", odds_ratio(d.woolf)},
                               {"fisher", fisher}};
        if (d.cmh) {
            QJsonObject cmh = odds_ratio(d.cmh->odds_ratio);
            cmh.insert("chisq", number(d.cmh->chisq));
            cmh.insert("p", number(d.cmh->p_value));
            cmh.insert("strata", static_cast<double>(d.cmh->strata));
            difference.insert("cmh", cmh);
        }
        differences.append(difference);
    }
    return differences;
}

// Per arm, every BOR category's count; the missing category is null.
QJsonArray best_overall_response_json(const ResponseSummary& response) {
    QJsonArray arms;
    for (const auto& arm : response.best_overall_response) {
        QJsonArray counts;
        for (const auto& count : arm.counts) {
            counts.append(QJsonObject{
                {"category", count.category.empty() ? QJsonValue() : text(count.category)},
                {"n", static_cast<double>(count.n)},
                {"fraction", number(count.fraction)}});
        }
        arms.append(QJsonObject{
            {"arm", text(arm.arm)}, {"n", static_cast<double>(arm.n)}, {"counts", counts}});
    }
    return arms;
}

QJsonObject response_json(const ResponseSummary& response) {
    return {{"param", "BOR"},
            {"ci", "clopper-pearson"},
            {"arms", rates_json(response.arms)},
            {"differences", rate_differences_json(response.differences)},
            {"best_overall_response", best_overall_response_json(response)},
            {"disease_control",
             QJsonObject{
                 {"categories", QJsonArray{"CR", "PR", "SD", "NON-CR/NON-PD"}},
                 {"ci", "clopper-pearson"},
                 {"arms", rates_json(response.disease_control)},
                 {"differences", rate_differences_json(response.disease_control_differences)}}}};
}

QJsonArray rmst_json(const Results& results) {
    QJsonArray out;
    for (const auto& c : results.rmst_comparisons) {
        out.append(QJsonObject{{"arm", text(c.arm)},
                               {"tau", number(c.tau)},
                               {"difference", number(c.difference)},
                               {"difference_lower", number(c.difference_lower)},
                               {"difference_upper", number(c.difference_upper)},
                               {"ratio", number(c.ratio)},
                               {"ratio_lower", number(c.ratio_lower)},
                               {"ratio_upper", number(c.ratio_upper)}});
    }
    return out;
}

// coef, se, hr, lower, upper, p of one Cox column.
QJsonObject ratio_json(const HazardRatio& term) {
    return {{"coef", number(term.coef)},   {"se", number(term.se)},       {"hr", number(term.hr)},
            {"lower", number(term.lower)}, {"upper", number(term.upper)}, {"p", number(term.p)}};
}

QJsonArray hazard_ratios_json(const std::vector<HazardRatio>& ratios) {
    QJsonArray terms;
    for (const auto& term : ratios) {
        QJsonObject json = ratio_json(term);
        json.insert("arm", text(term.arm));
        terms.append(json);
    }
    return terms;
}

QJsonObject ph_test_json(const PhTestSummary& test) {
    QJsonArray rows;
    for (const auto& row : test.rows) {
        rows.append(QJsonObject{{"term", text(row.term)},
                                {"chisq", number(row.chisq)},
                                {"df", static_cast<double>(row.df)},
                                {"p", number(row.p)}});
    }
    return {{"transform", text(test.transform)}, {"rows", rows}};
}

QJsonObject concordance_json(const MethodConcordance& concordance) {
    QJsonArray ties;
    for (const auto& t : concordance.ties) {
        ties.append(QJsonObject{{"ties", text(t.ties)}, {"terms", hazard_ratios_json(t.terms)}});
    }
    QJsonArray medians;
    for (const auto& m : concordance.medians) {
        medians.append(QJsonObject{{"arm", text(m.arm)},
                                   {"conf_type", text(m.conf_type)},
                                   {"median", number(m.median.estimate)},
                                   {"median_lower", number(m.median.lower)},
                                   {"median_upper", number(m.median.upper)}});
    }
    return {{"ties", ties}, {"medians", medians}};
}

// {rho, gamma, z, chisq, p}; with_chisq false gives MaxCombo's {rho, gamma, z}.
QJsonArray weighted_logrank_json(const std::vector<WeightedLogRankRow>& rows,
                                 bool with_chisq = true) {
    QJsonArray out;
    for (const auto& row : rows) {
        QJsonObject item{{"rho", row.rho}, {"gamma", row.gamma}, {"z", number(row.z)}};
        if (with_chisq) {
            item.insert("chisq", number(row.chisq));
            item.insert("p", number(row.p));
        }
        out.append(item);
    }
    return out;
}

QJsonObject maxcombo_json(const MaxComboSummary& combo) {
    const auto k = combo.tests.size();
    QJsonArray correlation;
    for (std::size_t j = 0; j < k; ++j) {
        QJsonArray row;
        for (std::size_t l = 0; l < k; ++l) {
            row.append(number(combo.correlation[j * k + l]));
        }
        correlation.append(row);
    }
    return {{"tests", weighted_logrank_json(combo.tests, false)},
            {"correlation", correlation},
            {"z_max", number(combo.z_max)},
            {"p", number(combo.p)}};
}

// {from, to, events, hr, lower, upper, p}; to is null for the last period.
QJsonArray piecewise_hr_json(const std::vector<PiecewiseHazardRatio>& rows) {
    QJsonArray out;
    for (const auto& row : rows) {
        out.append(QJsonObject{{"from", row.from},
                               {"to", number(row.to)},
                               {"events", static_cast<double>(row.events)},
                               {"hr", number(row.hr)},
                               {"lower", number(row.lower)},
                               {"upper", number(row.upper)},
                               {"p", number(row.p)}});
    }
    return out;
}

// {cause_of_interest, causes, cif, landmarks, gray, fine_gray}: cif is one
// row per point of each arm's and cause's curve.
QJsonObject competing_risks_json(const CompetingRisksSummary& risks) {
    QJsonArray causes;
    for (const auto& cause : risks.causes) {
        causes.append(text(cause));
    }
    QJsonArray cif;
    for (const auto& curve : risks.cif) {
        for (std::size_t i = 0; i < curve.time.size(); ++i) {
            cif.append(QJsonObject{{"arm", text(curve.arm)},
                                   {"cause", text(curve.cause)},
                                   {"time", number(curve.time[i])},
                                   {"estimate", number(curve.estimate[i])},
                                   {"std_err", number(curve.std_err[i])},
                                   {"lower", number(curve.lower[i])},
                                   {"upper", number(curve.upper[i])}});
        }
    }
    QJsonArray landmarks;
    for (const auto& row : risks.landmarks) {
        landmarks.append(QJsonObject{{"arm", text(row.arm)},
                                     {"cause", text(row.cause)},
                                     {"time", number(row.time)},
                                     {"estimate", number(row.estimate)},
                                     {"std_err", number(row.std_err)},
                                     {"lower", number(row.lower)},
                                     {"upper", number(row.upper)}});
    }
    QJsonArray gray;
    for (const auto& test : risks.gray) {
        gray.append(QJsonObject{{"cause", text(test.cause)},
                                {"chisq", number(test.chisq)},
                                {"df", test.df},
                                {"p", number(test.p)}});
    }
    QJsonObject json{{"cause_column", text(risks.cause_column)},
                     {"cause_of_interest", text(risks.cause_of_interest)},
                     {"causes", causes},
                     {"cif", cif},
                     {"landmarks", landmarks},
                     {"gray", gray}};
    if (risks.fine_gray) {
        QJsonArray terms;
        for (const auto& term : risks.fine_gray->terms) {
            terms.append(QJsonObject{{"arm", text(term.arm)},
                                     {"coef", number(term.coef)},
                                     {"se", number(term.se)},
                                     {"hr", number(term.hr)},
                                     {"lower", number(term.lower)},
                                     {"upper", number(term.upper)},
                                     {"p", number(term.p)}});
        }
        json.insert("fine_gray",
                    QJsonObject{{"cause", text(risks.fine_gray->cause)}, {"terms", terms}});
    } else {
        json.insert("fine_gray", QJsonValue());
    }
    return json;
}

QJsonObject cox_json(const CoxSummary& cox) {
    const QJsonArray terms = hazard_ratios_json(cox.terms);
    QJsonArray adjustments;
    for (const auto& term : cox.adjustments) {
        QJsonObject json = ratio_json(term);
        json.insert("term", text(term.arm));
        json.insert("level", term.level.empty() ? QJsonValue() : text(term.level));
        adjustments.append(json);
    }
    return {{"ties", text(cox.ties)},
            {"adjustments", adjustments},
            {"ref", text(cox.reference_arm)},
            {"terms", terms},
            {"loglik_null", number(cox.loglik_null)},
            {"loglik", number(cox.loglik)},
            {"lr_chisq", number(cox.lr_chisq)},
            {"wald_chisq", number(cox.wald_chisq)},
            {"score_chisq", number(cox.score_chisq)},
            {"df", static_cast<double>(cox.df)}};
}

} // namespace

QJsonObject reconstructed_json(const ReconstructedSubjects& reconstructed) {
    QJsonArray sources;
    for (const auto& source : reconstructed.sources) {
        sources.append(text(source));
    }
    return {{"subjects", static_cast<qint64>(reconstructed.count)}, {"sources", sources}};
}

QJsonObject analyze_json(const Results& results) {
    QJsonArray arms;
    for (const auto& arm : results.arms) {
        arms.append(arm_json(arm));
    }
    // Like arms[] entries, with the level of the spec's curves_by variable.
    QJsonArray curve_groups;
    for (const auto& group : results.curve_groups) {
        QJsonObject json = arm_json(group);
        json.insert("level", text(group.level));
        curve_groups.append(json);
    }
    QJsonArray warnings;
    for (const auto& warning : results.warnings) {
        warnings.append(text(warning));
    }
    const KmOptions options = results.arms.empty() ? KmOptions{} : results.arms.front().km.options;
    QJsonObject json{{"schema", "triallens.analyze/1"},
                     {"study", text(results.study_name)},
                     {"synthetic", results.synthetic},
                     {"reconstructed", reconstructed_json(results.reconstructed)},
                     {"param", text(results.paramcd)},
                     {"param_label", text(results.param)},
                     {"time_unit", text(results.time_unit)},
                     {"arm_variable", text(results.arm_variable)},
                     {"strata",
                      [&] {
                          QJsonArray strata;
                          for (const auto& name : results.strata) {
                              strata.append(text(name));
                          }
                          return strata;
                      }()},
                     {"filter", text(results.filter)},
                     {"subjects", static_cast<double>(results.subjects)},
                     {"subjects_total", static_cast<double>(results.subjects_total)},
                     {"conf_type", conf_type_name(options.conf_type)},
                     {"conf_level", options.conf_level},
                     {"n", static_cast<double>(results.n)},
                     {"events", static_cast<double>(results.events)},
                     {"arms", arms},
                     {"curve_groups", curve_groups},
                     {"median_follow_up", results.median_follow_up
                                              ? QJsonValue(quantile_json(*results.median_follow_up))
                                              : QJsonValue()},
                     {"warnings", warnings}};
    if (results.from) {
        json.insert("from", *results.from);
    }
    if (results.logrank) {
        json.insert("logrank", QJsonObject{{"chisq", number(results.logrank->chisq)},
                                           {"df", static_cast<double>(results.logrank->df)},
                                           {"p", number(results.logrank->p)},
                                           {"observed", array(results.logrank->observed)},
                                           {"expected", array(results.logrank->expected)}});
    }
    if (!results.weighted_logrank.empty()) {
        json.insert("weighted_logrank", weighted_logrank_json(results.weighted_logrank));
    }
    if (results.maxcombo) {
        json.insert("maxcombo", maxcombo_json(*results.maxcombo));
    }
    if (results.competing_risks) {
        json.insert("competing_risks", competing_risks_json(*results.competing_risks));
    }
    if (!results.piecewise_hr.empty()) {
        json.insert("piecewise_hr", piecewise_hr_json(results.piecewise_hr));
    }
    if (results.cox) {
        json.insert("cox", cox_json(*results.cox));
    }
    if (results.ph_test) {
        json.insert("ph_test", ph_test_json(*results.ph_test));
    }
    json.insert("concordance", concordance_json(results.concordance));
    if (!results.subgroups.empty()) {
        json.insert("subgroups", subgroups_json(results));
    }
    if (results.response) {
        json.insert("response", response_json(*results.response));
    }
    if (!results.landmark_differences.empty()) {
        json.insert("landmark_differences", comparisons_json(results));
    }
    if (!results.rmst_comparisons.empty()) {
        json.insert("rmst_comparisons", rmst_json(results));
    }
    return json;
}

} // namespace triallens::cli
