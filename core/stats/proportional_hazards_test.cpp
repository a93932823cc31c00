#include "triallens/stats/proportional_hazards_test.h"

#include "cox_likelihood.h"
#include "cox_model.h"
#include "triallens/stats/event_table.h"
#include "triallens/stats/log_rank.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace triallens {

namespace {

using Index = Eigen::Index;

std::size_t as_size(Index i) {
    return static_cast<std::size_t>(i);
}

// g(t) for every row of the counts, then centred by its mean over the deaths;
// nullopt (with the reason in `problems`) when it is not defined. The times
// have been through timefix already; strata are ignored, as cox.zph does.
std::optional<std::vector<double>> centred_time_function(const RiskSetCounts& counts,
                                                         ZphTransform transform,
                                                         std::vector<std::string>& problems) {
    const std::size_t rows = counts.rows();
    std::vector<double> deaths(rows, 0.0);
    std::vector<double> records(rows, 0.0);
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t e = counts.entry_begin[r]; e < counts.entry_begin[r + 1]; ++e) {
            deaths[r] += counts.entries[e].deaths;
            records[r] +=
                static_cast<double>(counts.entries[e].deaths) + counts.entries[e].censored;
        }
    }
    const double n_events = std::accumulate(deaths.begin(), deaths.end(), 0.0);
    if (n_events == 0) {
        problems.emplace_back("no events: proportional hazards cannot be tested");
        return std::nullopt;
    }
    // The pooled deaths and records at each distinct time.
    std::vector<double> deaths_at(counts.distinct_times, 0.0);
    std::vector<double> records_at(counts.distinct_times, 0.0);
    for (std::size_t r = 0; r < rows; ++r) {
        deaths_at[counts.rank[r]] += deaths[r];
        records_at[counts.rank[r]] += records[r];
    }
    std::vector<double> g(rows);
    switch (transform) {
    case ZphTransform::Km: {
        // 1 - S(t-), S the left-continuous Kaplan–Meier of all records pooled,
        // as cox.zph's transform = "km" builds it from survfitKM and
        // findInterval(left.open = TRUE).
        std::vector<double> surv_before(counts.distinct_times);
        double surv = 1;
        double at_risk = std::accumulate(records_at.begin(), records_at.end(), 0.0);
        for (std::size_t k = 0; k < surv_before.size(); ++k) {
            surv_before[k] = surv;
            if (deaths_at[k] > 0) {
                surv *= (at_risk - deaths_at[k]) / at_risk;
            }
            at_risk -= records_at[k];
        }
        for (std::size_t r = 0; r < rows; ++r) {
            g[r] = 1 - surv_before[counts.rank[r]];
        }
        break;
    }
    case ZphTransform::Identity:
        g = counts.time;
        break;
    case ZphTransform::Rank: {
        // R's rank(): ties share the average of the ranks they span.
        std::vector<double> average_rank(counts.distinct_times);
        double before = 0;
        for (std::size_t k = 0; k < average_rank.size(); ++k) {
            average_rank[k] = before + (records_at[k] + 1) / 2;
            before += records_at[k];
        }
        for (std::size_t r = 0; r < rows; ++r) {
            g[r] = average_rank[counts.rank[r]];
        }
        break;
    }
    case ZphTransform::Log:
        for (std::size_t r = 0; r < rows; ++r) {
            if (deaths[r] > 0 && !(counts.time[r] > 0)) {
                problems.emplace_back("transform log needs every event time to be positive");
                return std::nullopt;
            }
            // Censored rows at t <= 0 never enter a sum: g is only read at deaths.
            g[r] = counts.time[r] > 0 ? std::log(counts.time[r]) : 0.0;
        }
        break;
    }
    double event_sum = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        event_sum += deaths[r] * g[r];
    }
    const double event_mean = event_sum / n_events;
    for (double& value : g) {
        value -= event_mean;
    }
    return g;
}

struct ScoreTest {
    Eigen::VectorXd score;       // 2p: zero for beta, U_gamma after
    Eigen::MatrixXd information; // 2p x 2p
};

// One backward pass over the risk sets as coxfit6/zph1 make it: each tied
// group of deaths enters at once (Breslow) or in d equal parts (Efron).
ScoreTest accumulate(const CoxModel& model, const Eigen::VectorXd& beta,
                     const std::vector<double>& g, bool efron) {
    const Index p = beta.size();
    ScoreTest out{Eigen::VectorXd::Zero(2 * p), Eigen::MatrixXd::Zero(2 * p, 2 * p)};
    Eigen::VectorXd u_gamma = Eigen::VectorXd::Zero(p);
    Eigen::MatrixXd info = Eigen::MatrixXd::Zero(p, p);    // sum of V
    Eigen::MatrixXd info_g = Eigen::MatrixXd::Zero(p, p);  // sum of g V
    Eigen::MatrixXd info_g2 = Eigen::MatrixXd::Zero(p, p); // sum of g^2 V
    sweep_event_times(model, beta, efron, [&](const EventTimeTerms& terms) {
        const double weight = g[terms.row];
        u_gamma += weight * (terms.dead_x - terms.mean_sum);
        info += terms.var_sum;
        info_g += weight * terms.var_sum;
        info_g2 += weight * weight * terms.var_sum;
    });
    out.score.tail(p) = u_gamma;
    out.information.topLeftCorner(p, p) = info;
    out.information.topRightCorner(p, p) = info_g;
    out.information.bottomLeftCorner(p, p) = info_g.transpose();
    out.information.bottomRightCorner(p, p) = info_g2;
    return out;
}

// u' I^-1 u on the given rows, or nullopt when that block of the information
// is singular: R's solve() refuses a reciprocal condition number below eps.
std::optional<double> quadratic_form(const ScoreTest& test, const std::vector<Index>& rows) {
    const auto k = static_cast<Index>(rows.size());
    Eigen::MatrixXd block(k, k);
    Eigen::VectorXd u(k);
    for (Index i = 0; i < k; ++i) {
        u(i) = test.score(rows[as_size(i)]);
        for (Index j = 0; j < k; ++j) {
            block(i, j) = test.information(rows[as_size(i)], rows[as_size(j)]);
        }
    }
    // The 1-norm reciprocal condition number LAPACK's dgecon estimates for R,
    // exactly: the blocks are small. (Eigen's own estimate reads 1 on an
    // exactly singular matrix.) NaN from a zero pivot counts as singular.
    const Eigen::PartialPivLU<Eigen::MatrixXd> lu(block);
    const Eigen::MatrixXd inverse = lu.inverse();
    const double rcond = 1 / (block.cwiseAbs().colwise().sum().maxCoeff() *
                              inverse.cwiseAbs().colwise().sum().maxCoeff());
    if (!(rcond >= std::numeric_limits<double>::epsilon())) {
        return std::nullopt;
    }
    const double chisq = u.dot(lu.solve(u));
    return std::isfinite(chisq) ? std::optional<double>(chisq) : std::nullopt;
}

ZphTerm term_result(std::optional<double> chisq, std::size_t df) {
    ZphTerm term;
    term.df = df;
    if (chisq) {
        term.chisq = chisq;
        term.p = chisq_upper_tail(*chisq, df);
    }
    return term;
}

ZphResult test_model(CoxModel model, const CoxFit& fit, Ties ties, const ZphOptions& options) {
    const auto n_columns = static_cast<std::size_t>(model.x.cols());
    if (fit.coef.size() != n_columns) {
        throw std::invalid_argument(
            "test_proportional_hazards: the fit has a different number of coefficients");
    }
    std::vector<std::size_t> term_of_column = options.term_of_column;
    if (term_of_column.empty()) {
        term_of_column.resize(n_columns);
        std::iota(term_of_column.begin(), term_of_column.end(), std::size_t{0});
    }
    if (term_of_column.size() != n_columns) {
        throw std::invalid_argument(
            "test_proportional_hazards: term_of_column needs one entry per column");
    }
    const std::size_t n_terms =
        n_columns == 0 ? 0 : *std::max_element(term_of_column.begin(), term_of_column.end()) + 1;
    for (std::size_t t = 0; t < n_terms; ++t) {
        if (std::find(term_of_column.begin(), term_of_column.end(), t) == term_of_column.end()) {
            throw std::invalid_argument(
                "test_proportional_hazards: terms must be numbered 0, 1, ... without gaps");
        }
    }
    ZphResult result;
    // cox.zph drops the columns whose coefficient coxph left as NA.
    std::vector<Index> kept; // input column of each column in the test
    for (std::size_t j = 0; j < n_columns; ++j) {
        const bool aliased = j < fit.aliased.size() && fit.aliased[j];
        if (!aliased && std::isfinite(fit.coef[j])) {
            kept.push_back(static_cast<Index>(j));
        } else {
            result.problems.push_back("coefficient " + std::to_string(j + 1) +
                                      " is aliased or not finite: its column is left out of "
                                      "the test");
        }
    }
    const auto p = static_cast<Index>(kept.size());
    result.terms.resize(n_terms);
    for (Index c = 0; c < p; ++c) {
        ++result.terms[term_of_column[as_size(kept[as_size(c)])]].df;
    }
    result.global.df = as_size(p);
    if (p == 0) {
        result.problems.emplace_back("no covariates: proportional hazards cannot be tested");
        return result;
    }

    const auto g = centred_time_function(model.counts, options.transform, result.problems);
    if (!g) {
        return result;
    }
    // The model's covariates are centred and scaled; the coefficients scale
    // inversely. The statistics do not depend on either.
    Eigen::MatrixXd x(model.x.rows(), p);
    Eigen::VectorXd beta(p);
    for (Index c = 0; c < p; ++c) {
        x.col(c) = model.x.col(kept[as_size(c)]);
        beta(c) = fit.coef[as_size(kept[as_size(c)])] / model.scale(kept[as_size(c)]);
    }
    model.x = std::move(x);
    const ScoreTest test = accumulate(model, beta, *g, ties == Ties::Efron);

    std::vector<Index> rows(as_size(p));
    std::iota(rows.begin(), rows.end(), Index{0});
    for (std::size_t t = 0; t < n_terms; ++t) {
        if (result.terms[t].df == 0) {
            continue;
        }
        std::vector<Index> term_rows = rows;
        for (Index c = 0; c < p; ++c) {
            if (term_of_column[as_size(kept[as_size(c)])] == t) {
                term_rows.push_back(p + c);
            }
        }
        result.terms[t] = term_result(quadratic_form(test, term_rows), result.terms[t].df);
        if (!result.terms[t].chisq) {
            result.problems.push_back("term " + std::to_string(t + 1) +
                                      ": the information matrix is singular");
        }
    }
    std::vector<Index> all_rows(as_size(2 * p));
    std::iota(all_rows.begin(), all_rows.end(), Index{0});
    result.global = term_result(quadratic_form(test, all_rows), as_size(p));
    if (!result.global.chisq) {
        result.problems.emplace_back("GLOBAL: the information matrix is singular");
    }
    return result;
}

} // namespace

ZphResult test_proportional_hazards(const CoxInput& input, const CoxFit& fit, Ties ties,
                                    const ZphOptions& options) {
    return test_model(prepare_cox_model(input, {}, CovariateScale::MeanAbsoluteDeviation), fit,
                      ties, options);
}

ZphResult test_proportional_hazards(const PatternCoxInput& input, const CoxFit& fit, Ties ties,
                                    const ZphOptions& options) {
    return test_model(prepare_cox_model(input, CovariateScale::MeanAbsoluteDeviation), fit, ties,
                      options);
}

} // namespace triallens
