#include "arm_comparison.h"

#include "triallens/stats/kaplan_meier.h"
#include "triallens/stats/proportional_hazards_test.h"

#include <boost/math/distributions/normal.hpp>

#include <cmath>

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
                   std::vector<std::string> compared_arms) {
    ArmModel model{
        std::move(time), std::move(event), std::move(stratum), std::move(compared_arms), {}};
    const std::size_t n = model.time.size();
    model.covariates.assign(n * model.terms(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        if (group[i] > 0) {
            model.covariates[static_cast<std::size_t>(group[i] - 1) * n + i] = 1.0;
        }
    }
    return model;
}

std::vector<HazardRatio> hazard_ratios(const CoxFit& fit, const ArmModel& model,
                                       double conf_level) {
    const double z = normal_critical_value(conf_level);
    const std::size_t terms = model.terms();
    std::vector<HazardRatio> out;
    for (std::size_t j = 0; j < terms; ++j) {
        HazardRatio hr;
        hr.arm = model.compared_arms[j];
        hr.coef = fit.coef[j];
        hr.se = std::sqrt(fit.var[j * terms + j]);
        if (!fit.aliased[j] && hr.se > 0) {
            hr.hr = std::exp(hr.coef);
            hr.lower = std::exp(hr.coef - z * hr.se);
            hr.upper = std::exp(hr.coef + z * hr.se);
            hr.p = two_sided_normal_p(hr.coef / hr.se);
        }
        out.push_back(std::move(hr));
    }
    return out;
}

PhTestSummary test_arm_proportional_hazards(const ArmModel& model, const CoxFit& fit, Ties ties) {
    ZphOptions options;
    options.term_of_column.assign(model.terms(), 0); // the arm is one term, as R's factor
    const ZphResult zph = test_proportional_hazards(model.input(), fit, ties, options);
    PhTestSummary summary;
    summary.rows.push_back(row_of("arm", zph.terms.front()));
    summary.rows.push_back(row_of("GLOBAL", zph.global));
    return summary;
}

std::vector<TiesConcordance> ties_concordance(const ArmModel& model, const CoxFit& fitted,
                                              Ties fitted_ties, double conf_level) {
    std::vector<TiesConcordance> out;
    for (const Ties ties : {Ties::Efron, Ties::Breslow, Ties::Exact}) {
        const CoxFit fit = ties == fitted_ties ? fitted : fit_cox(model.input(), {ties});
        out.push_back({ties_name(ties), hazard_ratios(fit, model, conf_level)});
    }
    return out;
}

} // namespace triallens
