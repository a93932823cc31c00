#include "triallens/stats/proportional_hazards_test.h"

#include "cox_sorted_data.h"
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

// 1 - S(t-) for every row, S the Kaplan–Meier of all rows pooled (strata
// ignored), as cox.zph's transform = "km" builds it from survfitKM and
// findInterval(left.open = TRUE). The times have been through timefix already.
std::vector<double> km_transform(const CoxSortedData& data) {
    const EventTable table = tabulate_events(data.time, data.event, /*timefix=*/false);
    std::vector<double> surv_before(table.size());
    double surv = 1;
    double at_risk = static_cast<double>(table.n);
    for (std::size_t k = 0; k < table.size(); ++k) {
        surv_before[k] = surv;
        const auto deaths = static_cast<double>(table.n_event[k]);
        surv *= (at_risk - deaths) / at_risk;
        at_risk -= deaths + static_cast<double>(table.n_censor[k]);
    }
    std::vector<double> g(data.time.size());
    for (std::size_t r = 0; r < g.size(); ++r) {
        const auto k = static_cast<std::size_t>(
            std::lower_bound(table.time.begin(), table.time.end(), data.time[r]) -
            table.time.begin());
        g[r] = 1 - surv_before[k];
    }
    return g;
}

// R's rank(): ties share the average of the ranks they span.
std::vector<double> rank_transform(const CoxSortedData& data) {
    const std::size_t n = data.time.size();
    std::vector<std::size_t> by_time(n);
    std::iota(by_time.begin(), by_time.end(), std::size_t{0});
    std::stable_sort(by_time.begin(), by_time.end(),
                     [&](std::size_t a, std::size_t b) { return data.time[a] < data.time[b]; });
    std::vector<double> g(n);
    for (std::size_t first = 0; first < n;) {
        std::size_t last = first + 1;
        while (last < n && data.time[by_time[last]] == data.time[by_time[first]]) {
            ++last;
        }
        const double average_rank = static_cast<double>(first + 1 + last) / 2;
        for (std::size_t k = first; k < last; ++k) {
            g[by_time[k]] = average_rank;
        }
        first = last;
    }
    return g;
}

// g(t) per sorted row, centred by its mean over the event rows; nullopt (with
// the reason in `problems`) when it is not defined.
std::optional<std::vector<double>> centred_time_function(const CoxSortedData& data,
                                                         ZphTransform transform,
                                                         std::vector<std::string>& problems) {
    const auto n_events =
        static_cast<std::size_t>(std::count(data.event.begin(), data.event.end(), std::uint8_t{1}));
    if (n_events == 0) {
        problems.emplace_back("no events: proportional hazards cannot be tested");
        return std::nullopt;
    }
    std::vector<double> g;
    switch (transform) {
    case ZphTransform::Km:
        g = km_transform(data);
        break;
    case ZphTransform::Identity:
        g = data.time;
        break;
    case ZphTransform::Rank:
        g = rank_transform(data);
        break;
    case ZphTransform::Log:
        for (std::size_t r = 0; r < data.time.size(); ++r) {
            if (data.event[r] != 0 && !(data.time[r] > 0)) {
                problems.emplace_back("transform log needs every event time to be positive");
                return std::nullopt;
            }
        }
        g.resize(data.time.size());
        // Censored rows at t <= 0 never enter a sum: g is only read at events.
        std::transform(data.time.begin(), data.time.end(), g.begin(),
                       [](double t) { return t > 0 ? std::log(t) : 0.0; });
        break;
    }
    double event_sum = 0;
    for (std::size_t r = 0; r < g.size(); ++r) {
        event_sum += data.event[r] != 0 ? g[r] : 0.0;
    }
    const double event_mean = event_sum / static_cast<double>(n_events);
    for (double& value : g) {
        value -= event_mean;
    }
    return g;
}

struct ScoreTest {
    Eigen::VectorXd score;       // 2p: zero for beta, U_gamma after
    Eigen::MatrixXd information; // 2p x 2p
};

// One backward pass over the sorted rows as coxfit6/zph1 make it: the risk set
// accumulates, strata reset it, and each tied group of deaths enters at once
// (Breslow) or in d equal parts (Efron).
ScoreTest accumulate(const CoxSortedData& data, const Eigen::MatrixXd& x,
                     const Eigen::VectorXd& beta, const std::vector<double>& g, bool efron) {
    const Index p = x.cols();
    const auto n = static_cast<std::ptrdiff_t>(data.time.size());
    ScoreTest out{Eigen::VectorXd::Zero(2 * p), Eigen::MatrixXd::Zero(2 * p, 2 * p)};
    Eigen::VectorXd u_gamma = Eigen::VectorXd::Zero(p);
    Eigen::MatrixXd info = Eigen::MatrixXd::Zero(p, p);    // sum of V
    Eigen::MatrixXd info_g = Eigen::MatrixXd::Zero(p, p);  // sum of g V
    Eigen::MatrixXd info_g2 = Eigen::MatrixXd::Zero(p, p); // sum of g^2 V

    double denom = 0;
    Eigen::VectorXd sum_x = Eigen::VectorXd::Zero(p);
    Eigen::MatrixXd sum_xx = Eigen::MatrixXd::Zero(p, p);
    Eigen::VectorXd dead_x(p);
    Eigen::VectorXd dead_risk_x(p);
    Eigen::MatrixXd dead_risk_xx(p, p);
    Eigen::VectorXd mean_sum(p);
    Eigen::MatrixXd var_sum(p, p);

    for (std::ptrdiff_t person = n - 1; person >= 0;) {
        if (data.stratum_end[static_cast<std::size_t>(person)] != 0) {
            denom = 0;
            sum_x.setZero();
            sum_xx.setZero();
        }
        const double dtime = data.time[static_cast<std::size_t>(person)];
        double time_weight = 0;
        int ndead = 0;
        double dead_risk = 0;
        dead_x.setZero();
        dead_risk_x.setZero();
        dead_risk_xx.setZero();
        while (person >= 0 && data.time[static_cast<std::size_t>(person)] == dtime) {
            const auto row = x.row(person).transpose();
            const double risk = std::exp(row.dot(beta));
            if (data.event[static_cast<std::size_t>(person)] == 0) {
                denom += risk;
                sum_x += risk * row;
                sum_xx += risk * row * row.transpose();
            } else {
                ++ndead;
                time_weight = g[static_cast<std::size_t>(person)];
                dead_risk += risk;
                dead_x += row;
                dead_risk_x += risk * row;
                dead_risk_xx += risk * row * row.transpose();
            }
            --person;
            if (person >= 0 && data.stratum_end[static_cast<std::size_t>(person)] != 0) {
                break; // ties do not cross strata
            }
        }
        if (ndead == 0) {
            continue;
        }
        const int parts = efron ? ndead : 1;
        const double weight = static_cast<double>(ndead) / parts;
        mean_sum.setZero();
        var_sum.setZero();
        for (int k = 0; k < parts; ++k) {
            denom += dead_risk / parts;
            sum_x += dead_risk_x / parts;
            sum_xx += dead_risk_xx / parts;
            const Eigen::VectorXd mean = sum_x / denom;
            mean_sum += weight * mean;
            var_sum += weight * (sum_xx / denom - mean * mean.transpose());
        }
        u_gamma += time_weight * (dead_x - mean_sum);
        info += var_sum;
        info_g += time_weight * var_sum;
        info_g2 += time_weight * time_weight * var_sum;
    }
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

} // namespace

ZphResult test_proportional_hazards(const CoxInput& input, const CoxFit& fit, Ties ties,
                                    const ZphOptions& options) {
    const std::size_t n_columns = input.n_terms;
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
    const CoxSortedData data = sort_and_centre(input);

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

    const auto g = centred_time_function(data, options.transform, result.problems);
    if (!g) {
        return result;
    }
    // The sorted covariates are centred and scaled; the coefficients scale
    // inversely. The statistics do not depend on either.
    Eigen::MatrixXd x(data.x.rows(), p);
    Eigen::VectorXd beta(p);
    for (Index c = 0; c < p; ++c) {
        x.col(c) = data.x.col(kept[as_size(c)]);
        beta(c) = fit.coef[as_size(kept[as_size(c)])] / data.scale(kept[as_size(c)]);
    }
    const ScoreTest test = accumulate(data, x, beta, *g, ties == Ties::Efron);

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

} // namespace triallens
