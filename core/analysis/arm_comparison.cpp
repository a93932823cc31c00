#include "arm_comparison.h"

#include "triallens/stats/kaplan_meier.h"
#include "triallens/stats/proportional_hazards_test.h"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace triallens {

namespace {

double two_sided_normal_p(double z) {
    return 2 * boost::math::cdf(boost::math::complement(boost::math::normal_distribution<double>(),
                                                        std::fabs(z)));
}

PhTestRow row_of(std::string term, const ZphTerm& zph) {
    return {std::move(term), zph.chisq, zph.df, zph.p};
}

} // namespace

ArmModel arm_model(std::vector<double> time, std::vector<std::uint8_t> event,
                   std::span<const std::int32_t> group, std::vector<std::int32_t> stratum,
                   std::vector<std::string> compared_arms,
                   std::vector<AdjustmentColumn> adjustments) {
    ArmModel model;
    model.time = std::move(time);
    model.event = std::move(event);
    model.stratum = std::move(stratum);
    model.compared_arms = std::move(compared_arms);
    model.adjustments = std::move(adjustments);
    model.term_names = {"arm"};
    const std::size_t n = model.time.size();
    model.term_of_column.assign(model.terms(), 0);
    for (const auto& column : model.adjustments) {
        if (model.term_names.back() != column.term) {
            model.term_names.push_back(column.term);
        }
        model.term_of_column.push_back(model.term_names.size() - 1);
    }
    model.covariates.assign(n * model.columns(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        if (group[i] > 0) {
            model.covariates[static_cast<std::size_t>(group[i] - 1) * n + i] = 1.0;
        }
    }
    for (std::size_t c = 0; c < model.adjustments.size(); ++c) {
        std::copy(model.adjustments[c].values.begin(), model.adjustments[c].values.end(),
                  model.covariates.begin() + static_cast<std::ptrdiff_t>((model.terms() + c) * n));
    }
    return model;
}

ArmModel counted_arm_model(RiskSetCounts counts, std::vector<std::string> compared_arms) {
    ArmModel model;
    model.compared_arms = std::move(compared_arms);
    model.term_names = {"arm"};
    model.term_of_column.assign(model.terms(), 0);
    model.counted = true;
    const std::size_t patterns = counts.patterns;
    model.pattern_covariates.assign(patterns * model.terms(), 0.0);
    for (std::size_t k = 1; k < patterns && k <= model.terms(); ++k) {
        model.pattern_covariates[(k - 1) * patterns + k] = 1.0;
    }
    model.counts = std::move(counts);
    return model;
}

CoxFit fit_arm_model(const ArmModel& model, Ties ties) {
    CoxOptions options;
    options.ties = ties;
    options.group_patterns = model.group_patterns;
    return model.counted ? fit_cox(model.pattern_input(), options)
                         : fit_cox(model.input(), options);
}

ArmModel adjusted_arm_model(const Study& study, const std::vector<std::string>& covariates,
                            std::span<const double> time, std::span<const std::uint8_t> event,
                            std::span<const std::int32_t> group,
                            std::span<const std::int32_t> stratum,
                            std::span<const std::size_t> subject,
                            std::vector<std::string> compared_arms,
                            std::vector<std::string>& warnings) {
    const std::size_t n = time.size();
    std::vector<const Variable*> variables;
    for (const auto& name : covariates) {
        variables.push_back(study.subjects.find(name));
    }
    const auto known = [&](std::size_t i) {
        return std::all_of(variables.begin(), variables.end(), [&](const Variable* v) {
            return v->is_numeric() ? !std::isnan(v->numbers()[subject[i]])
                                   : v->codes()[subject[i]] >= 0;
        });
    };
    std::vector<std::size_t> kept;
    for (std::size_t i = 0; i < n; ++i) {
        if (known(i)) {
            kept.push_back(i);
        }
    }
    if (kept.size() < n) {
        warnings.push_back(std::to_string(n - kept.size()) +
                           " records with a missing covariate are left out of the Cox model");
    }
    const auto pick = [&](auto values) {
        std::vector<typename decltype(values)::value_type> out;
        for (const std::size_t i : kept) {
            out.push_back(values[i]);
        }
        return out;
    };
    std::vector<AdjustmentColumn> columns;
    for (const Variable* v : variables) {
        // A numeric factor is a number here, as coxph takes a numeric covariate.
        if (v->is_numeric()) {
            AdjustmentColumn column{v->name(), "", {}};
            for (const std::size_t i : kept) {
                column.values.push_back(v->numbers()[subject[i]]);
            }
            columns.push_back(std::move(column));
            continue;
        }
        // Levels present among the kept records, in level order;
        // the first is the reference.
        std::vector<bool> present(v->levels().size(), false);
        for (const std::size_t i : kept) {
            present[static_cast<std::size_t>(v->codes()[subject[i]])] = true;
        }
        bool reference = true;
        for (std::size_t level = 0; level < present.size(); ++level) {
            if (!present[level] || std::exchange(reference, false)) {
                continue;
            }
            AdjustmentColumn column{v->name(), v->levels()[level], {}};
            for (const std::size_t i : kept) {
                column.values.push_back(
                    v->codes()[subject[i]] == static_cast<std::int32_t>(level) ? 1.0 : 0.0);
            }
            columns.push_back(std::move(column));
        }
    }
    return arm_model(pick(time), pick(event), pick(group), pick(stratum), std::move(compared_arms),
                     std::move(columns));
}

namespace {

HazardRatio ratio_of(const CoxFit& fit, std::size_t column, std::string name, double z) {
    const std::size_t columns = fit.coef.size();
    HazardRatio hr;
    hr.arm = std::move(name);
    hr.coef = fit.coef[column];
    hr.se = std::sqrt(fit.var[column * columns + column]);
    if (!fit.aliased[column] && hr.se > 0) {
        hr.hr = std::exp(hr.coef);
        hr.lower = std::exp(hr.coef - z * hr.se);
        hr.upper = std::exp(hr.coef + z * hr.se);
        hr.p = two_sided_normal_p(hr.coef / hr.se);
    }
    return hr;
}

} // namespace

std::vector<HazardRatio> hazard_ratios(const CoxFit& fit, const ArmModel& model,
                                       double conf_level) {
    const double z = normal_critical_value(conf_level);
    std::vector<HazardRatio> out;
    for (std::size_t j = 0; j < model.terms(); ++j) {
        out.push_back(ratio_of(fit, j, model.compared_arms[j], z));
    }
    return out;
}

std::vector<HazardRatio> adjustment_ratios(const CoxFit& fit, const ArmModel& model,
                                           double conf_level) {
    const double z = normal_critical_value(conf_level);
    std::vector<HazardRatio> out;
    for (std::size_t c = 0; c < model.adjustments.size(); ++c) {
        const AdjustmentColumn& column = model.adjustments[c];
        HazardRatio hr = ratio_of(fit, model.terms() + c, column.term, z);
        hr.level = column.level;
        out.push_back(std::move(hr));
    }
    return out;
}

PhTestSummary test_arm_proportional_hazards(const ArmModel& model, const CoxFit& fit, Ties ties) {
    ZphOptions options;
    options.term_of_column = model.term_of_column; // a factor is one term, as in R
    const ZphResult zph = model.counted
                              ? test_proportional_hazards(model.pattern_input(), fit, ties, options)
                              : test_proportional_hazards(model.input(), fit, ties, options);
    PhTestSummary summary;
    for (std::size_t t = 0; t < zph.terms.size(); ++t) {
        summary.rows.push_back(row_of(model.term_names[t], zph.terms[t]));
    }
    summary.rows.push_back(row_of("GLOBAL", zph.global));
    return summary;
}

std::vector<TiesConcordance> ties_concordance(const ArmModel& model, const CoxFit& fitted,
                                              Ties fitted_ties, double conf_level) {
    std::vector<TiesConcordance> out;
    for (const Ties ties : {Ties::Efron, Ties::Breslow, Ties::Exact}) {
        const CoxFit fit = ties == fitted_ties ? fitted : fit_arm_model(model, ties);
        out.push_back({ties_name(ties), hazard_ratios(fit, model, conf_level)});
    }
    return out;
}

} // namespace triallens
