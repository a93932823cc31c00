#pragma once
// The Cox partial log-likelihood, its score vector and information matrix at
// one beta, over a model's counts (cox_model.h). Tied event times follow the
// chosen method:
//   Breslow  every death at a time sees the whole risk set;
//   Efron    the d tied deaths leave the risk set in d equal parts
//            (coxfit6.c's sweep; tied_death_sums.h);
//   Exact    the exact conditional (discrete) likelihood, SAS TIES=DISCRETE:
//            the deaths' risk product over the sum of that product across
//            every d-subset of the risk set. With two covariate patterns that
//            sum is the normalising constant of Fisher's noncentral
//            hypergeometric distribution of the deaths from the second
//            pattern, and its derivatives are that distribution's mean and
//            variance; with more, it is the elementary symmetric polynomial
//            of degree d of the risk scores, built record by record as the
//            risk set grows (Gail, Lubin & Rubinstein 1981; R's coxexact.c).
// Every sum runs backwards over each stratum's times, the risk set growing.

#include "cox_model.h"
#include "tied_death_sums.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <vector>

namespace triallens {

struct CoxEvaluation {
    double loglik = 0;
    Eigen::VectorXd score;
    Eigen::MatrixXd information;

    bool finite() const {
        return std::isfinite(loglik) && score.allFinite() && information.allFinite();
    }
};

// What one event time adds, under Breslow or Efron: the deaths' covariate
// total, the sum of the risk-set means each death sees, the sum of the
// risk-set variances, and the log-likelihood term.
struct EventTimeTerms {
    std::size_t row = 0; // in model.counts
    double deaths = 0;
    Eigen::VectorXd dead_x;
    Eigen::VectorXd mean_sum;
    Eigen::MatrixXd var_sum;
    double loglik = 0;
};

// Calls visit(const EventTimeTerms&) for every row with a death. The inner
// loops are plain loops over the p covariates (p is small): Eigen's
// expression machinery costs more than the arithmetic at this size.
template <class Visit>
void sweep_event_times(const CoxModel& model, const Eigen::VectorXd& beta, bool efron,
                       Visit&& visit) {
    const RiskSetCounts& counts = model.counts;
    const auto p = static_cast<std::size_t>(beta.size());
    const std::size_t pp = p * p;
    const Eigen::VectorXd zbeta = model.x * beta;
    const Eigen::VectorXd risk = zbeta.array().exp();
    // Each pattern's covariates row by row, for contiguous reads.
    const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> xr = model.x;
    std::vector<double> a(p), c(pp), a2(p), c2(pp), dead_x(p);
    EventTimeTerms terms{0, 0, Eigen::VectorXd(p), Eigen::VectorXd(p), Eigen::MatrixXd(p, p), 0};
    const auto add = [&](double weight, const double* x, std::vector<double>& sum,
                         std::vector<double>& square) {
        for (std::size_t j = 0; j < p; ++j) {
            const double wx = weight * x[j];
            sum[j] += wx;
            for (std::size_t k = 0; k < p; ++k) {
                square[j * p + k] += wx * x[k];
            }
        }
    };
    for (std::size_t s = 0; s < counts.strata(); ++s) {
        double denom = 0;
        std::fill(a.begin(), a.end(), 0.0);
        std::fill(c.begin(), c.end(), 0.0);
        for (std::size_t row = counts.stratum_begin[s + 1]; row-- > counts.stratum_begin[s];) {
            double denom2 = 0;
            double deaths = 0;
            double loglik = 0;
            bool zeroed = false;
            for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
                const CountEntry& entry = counts.entries[e];
                const auto g = static_cast<Eigen::Index>(entry.pattern);
                const double* x = xr.data() + static_cast<std::size_t>(g) * p;
                if (entry.censored != 0) {
                    const double weight = entry.censored * risk(g);
                    denom += weight;
                    add(weight, x, a, c);
                }
                if (entry.deaths != 0) {
                    if (!zeroed) {
                        std::fill(a2.begin(), a2.end(), 0.0);
                        std::fill(c2.begin(), c2.end(), 0.0);
                        std::fill(dead_x.begin(), dead_x.end(), 0.0);
                        zeroed = true;
                    }
                    const double weight = entry.deaths * risk(g);
                    deaths += entry.deaths;
                    loglik += entry.deaths * zbeta(g);
                    for (std::size_t j = 0; j < p; ++j) {
                        dead_x[j] += entry.deaths * x[j];
                    }
                    denom2 += weight;
                    add(weight, x, a2, c2);
                }
            }
            if (deaths == 0) {
                continue;
            }
            const TieSums sums = efron
                                     ? efron_tie_sums(denom, denom2, deaths, model.closed_form_ties)
                                     : breslow_tie_sums(denom, denom2, deaths);
            terms.row = row;
            terms.deaths = deaths;
            terms.loglik = loglik - sums.log_sum;
            for (std::size_t j = 0; j < p; ++j) {
                const auto jj = static_cast<Eigen::Index>(j);
                terms.dead_x(jj) = dead_x[j];
                terms.mean_sum(jj) = sums.s0 * a[j] + sums.s1 * a2[j];
                for (std::size_t k = 0; k < p; ++k) {
                    terms.var_sum(jj, static_cast<Eigen::Index>(k)) =
                        sums.s0 * c[j * p + k] + sums.s1 * c2[j * p + k] -
                        (sums.s00 * a[j] * a[k] + sums.s01 * (a[j] * a2[k] + a2[j] * a[k]) +
                         sums.s11 * a2[j] * a2[k]);
                }
            }
            visit(static_cast<const EventTimeTerms&>(terms));
            denom += denom2;
            for (std::size_t j = 0; j < p; ++j) {
                a[j] += a2[j];
            }
            for (std::size_t k = 0; k < pp; ++k) {
                c[k] += c2[k];
            }
        }
    }
}

// Most deaths tied at one time within a stratum: the degree the exact
// likelihood needs.
int most_tied_deaths(const RiskSetCounts& counts);

CoxEvaluation evaluate_cox_likelihood(const CoxModel& model, const Eigen::VectorXd& beta,
                                      Ties ties);

} // namespace triallens
