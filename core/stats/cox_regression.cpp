#include "triallens/stats/cox_regression.h"

#include "cox_sorted_data.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace triallens {

namespace {

struct Evaluation {
    double loglik = 0;
    Eigen::VectorXd score;
    Eigen::MatrixXd information;
};

// One pass over the sorted data from the last row to the first, accumulating
// the risk set; Efron adds each tied group's deaths in d equal parts.
Evaluation evaluate(const CoxSortedData& data, const Eigen::VectorXd& beta, Ties ties) {
    const auto p = beta.size();
    const auto n = static_cast<std::ptrdiff_t>(data.time.size());
    Evaluation out{0, Eigen::VectorXd::Zero(p), Eigen::MatrixXd::Zero(p, p)};

    double denom = 0;
    Eigen::VectorXd a = Eigen::VectorXd::Zero(p);
    Eigen::MatrixXd cmat = Eigen::MatrixXd::Zero(p, p);
    Eigen::VectorXd a2(p);
    Eigen::MatrixXd cmat2(p, p);

    for (std::ptrdiff_t person = n - 1; person >= 0;) {
        if (data.stratum_end[static_cast<std::size_t>(person)] != 0) {
            denom = 0;
            a.setZero();
            cmat.setZero();
        }
        const double dtime = data.time[static_cast<std::size_t>(person)];
        int ndead = 0;
        double denom2 = 0;
        a2.setZero();
        cmat2.setZero();
        while (person >= 0 && data.time[static_cast<std::size_t>(person)] == dtime) {
            const auto row = data.x.row(person).transpose();
            const double zbeta = row.dot(beta);
            const double risk = std::exp(zbeta);
            if (data.event[static_cast<std::size_t>(person)] == 0) {
                denom += risk;
                a += risk * row;
                cmat += risk * row * row.transpose();
            } else {
                ++ndead;
                denom2 += risk;
                out.loglik += zbeta;
                out.score += row;
                a2 += risk * row;
                cmat2 += risk * row * row.transpose();
            }
            --person;
            if (person >= 0 && data.stratum_end[static_cast<std::size_t>(person)] != 0) {
                break; // ties do not cross strata
            }
        }
        if (ndead == 0) {
            continue;
        }
        const int parts = (ties == Ties::Breslow) ? 1 : ndead;
        const double weight = static_cast<double>(ndead) / parts;
        for (int k = 0; k < parts; ++k) {
            denom += denom2 / parts;
            a += a2 / parts;
            cmat += cmat2 / parts;
            out.loglik -= weight * std::log(denom);
            const Eigen::VectorXd mean = a / denom;
            out.score -= weight * mean;
            out.information += weight * (cmat / denom - mean * mean.transpose());
        }
    }
    return out;
}

bool all_finite(const Evaluation& e) {
    return std::isfinite(e.loglik) && e.score.allFinite() && e.information.allFinite();
}

} // namespace

CoxFit fit_cox(const CoxInput& input, const CoxOptions& options) {
    const CoxSortedData data = sort_and_centre(input);
    const auto p = static_cast<Eigen::Index>(input.n_terms);
    CoxFit fit;

    Eigen::VectorXd beta = Eigen::VectorXd::Zero(p);
    Evaluation current = evaluate(data, beta, options.ties);
    fit.loglik_null = current.loglik;
    Eigen::LDLT<Eigen::MatrixXd> solver(current.information);
    Eigen::VectorXd step = solver.solve(current.score);
    fit.score_chisq = current.score.dot(step);

    double best_loglik = current.loglik;
    Eigen::VectorXd new_beta = beta + step;
    int halving = 0;
    Evaluation last = current;
    for (fit.iterations = 1; fit.iterations <= options.max_iter; ++fit.iterations) {
        Evaluation trial = evaluate(data, new_beta, options.ties);
        const bool finite = all_finite(trial);
        if (finite && std::fabs(1 - best_loglik / trial.loglik) <= options.eps) {
            fit.converged = true;
            beta = new_beta;
            last = std::move(trial);
            break;
        }
        if (!finite || trial.loglik < best_loglik) {
            ++halving; // R gets more aggressive the longer it fails
            new_beta = (new_beta + halving * beta) / (halving + 1.0);
        } else {
            halving = 0;
            best_loglik = trial.loglik;
            beta = new_beta;
            new_beta = beta + Eigen::LDLT<Eigen::MatrixXd>(trial.information).solve(trial.score);
            last = std::move(trial);
        }
    }
    if (!fit.converged) {
        fit.iterations = options.max_iter;
        last = evaluate(data, beta, options.ties);
        fit.warnings.push_back("Ran out of iterations and did not converge");
    }

    const Eigen::MatrixXd inverse_scaled = last.information.inverse();
    fit.loglik = last.loglik;
    fit.coef.resize(static_cast<std::size_t>(p));
    fit.var.resize(static_cast<std::size_t>(p * p));
    for (Eigen::Index i = 0; i < p; ++i) {
        fit.coef[static_cast<std::size_t>(i)] = beta(i) * data.scale(i);
        for (Eigen::Index j = 0; j < p; ++j) {
            fit.var[static_cast<std::size_t>(i * p + j)] =
                inverse_scaled(i, j) * data.scale(i) * data.scale(j);
        }
    }
    const Eigen::Map<const Eigen::VectorXd> coef(fit.coef.data(), p);
    const Eigen::Map<const Eigen::MatrixXd> var(fit.var.data(), p, p);
    fit.wald_chisq = coef.dot(var.ldlt().solve(coef));
    fit.lr_chisq = 2 * (fit.loglik - fit.loglik_null);

    // coxph's check for a coefficient heading to infinity: the last Newton
    // step is still large relative to the coefficient.
    const double toler_inf = std::sqrt(options.eps);
    const Eigen::VectorXd unscaled_score = last.score.cwiseQuotient(data.scale);
    const Eigen::VectorXd infs = (unscaled_score.transpose() * var).cwiseAbs().transpose();
    for (Eigen::Index j = 0; j < p; ++j) {
        if (infs(j) > options.eps && infs(j) > toler_inf * std::fabs(coef(j))) {
            fit.warnings.push_back("Loglik converged before variable " + std::to_string(j + 1) +
                                   "; coefficient may be infinite.");
        }
    }
    return fit;
}

} // namespace triallens
