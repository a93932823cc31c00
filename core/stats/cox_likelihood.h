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

#include <cmath>

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

// Calls visit(const EventTimeTerms&) for every row with a death.
template <class Visit>
void sweep_event_times(const CoxModel& model, const Eigen::VectorXd& beta, bool efron,
                       Visit&& visit) {
    const RiskSetCounts& counts = model.counts;
    const Eigen::Index p = beta.size();
    const Eigen::VectorXd zbeta = model.x * beta;
    const Eigen::VectorXd risk = zbeta.array().exp();
    Eigen::VectorXd a(p);
    Eigen::MatrixXd c(p, p);
    Eigen::VectorXd a2(p);
    Eigen::MatrixXd c2(p, p);
    EventTimeTerms terms{0, 0, Eigen::VectorXd(p), Eigen::VectorXd(p), Eigen::MatrixXd(p, p), 0};
    for (std::size_t s = 0; s < counts.strata(); ++s) {
        double denom = 0;
        a.setZero();
        c.setZero();
        for (std::size_t row = counts.stratum_begin[s + 1]; row-- > counts.stratum_begin[s];) {
            double denom2 = 0;
            terms.deaths = 0;
            terms.loglik = 0;
            terms.dead_x.setZero();
            a2.setZero();
            c2.setZero();
            for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
                const CountEntry& entry = counts.entries[e];
                const auto g = static_cast<Eigen::Index>(entry.pattern);
                const auto x = model.x.row(g).transpose();
                if (entry.censored != 0) {
                    const double weight = entry.censored * risk(g);
                    denom += weight;
                    a.noalias() += weight * x;
                    c.noalias() += weight * x * x.transpose();
                }
                if (entry.deaths != 0) {
                    const double weight = entry.deaths * risk(g);
                    terms.deaths += entry.deaths;
                    terms.loglik += entry.deaths * zbeta(g);
                    terms.dead_x.noalias() += static_cast<double>(entry.deaths) * x;
                    denom2 += weight;
                    a2.noalias() += weight * x;
                    c2.noalias() += weight * x * x.transpose();
                }
            }
            if (terms.deaths == 0) {
                continue;
            }
            const TieSums sums =
                efron ? efron_tie_sums(denom, denom2, terms.deaths, model.closed_form_ties)
                      : breslow_tie_sums(denom, denom2, terms.deaths);
            terms.row = row;
            terms.loglik -= sums.log_sum;
            terms.mean_sum.noalias() = sums.s0 * a + sums.s1 * a2;
            terms.var_sum.noalias() = sums.s0 * c + sums.s1 * c2;
            terms.var_sum.noalias() -= sums.s00 * a * a.transpose();
            terms.var_sum.noalias() -= sums.s01 * (a * a2.transpose() + a2 * a.transpose());
            terms.var_sum.noalias() -= sums.s11 * a2 * a2.transpose();
            visit(static_cast<const EventTimeTerms&>(terms));
            denom += denom2;
            a += a2;
            c += c2;
        }
    }
}

// Most deaths tied at one time within a stratum: the degree the exact
// likelihood needs.
int most_tied_deaths(const RiskSetCounts& counts);

CoxEvaluation evaluate_cox_likelihood(const CoxModel& model, const Eigen::VectorXd& beta,
                                      Ties ties);

} // namespace triallens
