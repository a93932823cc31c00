#include "triallens/stats/cox_regression.h"

#include "cox_likelihood.h"
#include "cox_model.h"
#include "tolerant_cholesky.h"

#include <Eigen/Dense>

#include <cmath>
#include <string>

namespace triallens {

namespace {

struct NewtonRaphson {
    Eigen::VectorXd beta; // on the scaled covariates
    CoxEvaluation last;   // at beta
    int iterations = 0;
    bool converged = false;
};

// coxfit6.c (Breslow, Efron): a failed step is pulled back towards the last
// good beta, more firmly each time it fails again; when the iterations run
// out, the answer is the last good beta.
NewtonRaphson iterate_coxfit6(const CoxModel& data, CoxEvaluation start,
                              const CoxOptions& options) {
    const auto p = start.score.size();
    NewtonRaphson out{Eigen::VectorXd::Zero(p), std::move(start)};
    double best_loglik = out.last.loglik;
    Eigen::VectorXd new_beta = TolerantCholesky(out.last.information).solve(out.last.score);
    int halving = 0;
    for (out.iterations = 1; out.iterations <= options.max_iter; ++out.iterations) {
        CoxEvaluation trial = evaluate_cox_likelihood(data, new_beta, options.ties);
        const bool finite = trial.finite();
        if (finite && std::fabs(1 - best_loglik / trial.loglik) <= options.eps) {
            out.converged = true;
            out.beta = new_beta;
            out.last = std::move(trial);
            return out;
        }
        if (!finite || trial.loglik < best_loglik) {
            ++halving;
            new_beta = (new_beta + halving * out.beta) / (halving + 1.0);
        } else {
            halving = 0;
            best_loglik = trial.loglik;
            out.beta = new_beta;
            new_beta = out.beta + TolerantCholesky(trial.information).solve(trial.score);
            out.last = std::move(trial);
        }
    }
    // R reports max_iter + 1 here: its loop counter after the last pass.
    out.last = evaluate_cox_likelihood(data, out.beta, options.ties);
    return out;
}

// coxexact.c (exact ties): a failed step is halved once and convergence is
// only declared after a full step; when the iterations run out, the answer is
// the last beta tried.
NewtonRaphson iterate_coxexact(const CoxModel& data, CoxEvaluation start,
                               const CoxOptions& options) {
    const auto p = start.score.size();
    NewtonRaphson out{Eigen::VectorXd::Zero(p), std::move(start)};
    double best_loglik = out.last.loglik;
    Eigen::VectorXd old_beta = out.beta;
    out.beta += TolerantCholesky(out.last.information).solve(out.last.score);
    bool halving = false;
    for (out.iterations = 1; out.iterations <= options.max_iter; ++out.iterations) {
        out.last = evaluate_cox_likelihood(data, out.beta, options.ties);
        if (!halving && std::fabs(1 - best_loglik / out.last.loglik) <= options.eps) {
            out.converged = true;
            return out;
        }
        if (out.iterations == options.max_iter) {
            break;
        }
        if (!out.last.finite() || out.last.loglik < best_loglik) {
            halving = true;
            out.beta = (old_beta + out.beta) / 2;
        } else {
            halving = false;
            best_loglik = out.last.loglik;
            old_beta = out.beta;
            out.beta += TolerantCholesky(out.last.information).solve(out.last.score);
        }
    }
    return out;
}

std::string variable_list(const std::vector<Eigen::Index>& columns, const char* separator) {
    std::string out;
    for (const auto j : columns) {
        out += (out.empty() ? "" : separator) + std::to_string(j + 1);
    }
    return out;
}

} // namespace

const char* ties_name(Ties ties) {
    switch (ties) {
    case Ties::Breslow:
        return "breslow";
    case Ties::Exact:
        return "exact";
    case Ties::Efron:
        break;
    }
    return "efron";
}

std::optional<Ties> ties_from_name(std::string_view name) {
    for (const Ties ties : {Ties::Efron, Ties::Breslow, Ties::Exact}) {
        if (name == ties_name(ties)) {
            return ties;
        }
    }
    return std::nullopt;
}

namespace {

// R's coxexact.fit scales covariates by their standard deviation (scale()),
// coxfit6 by their mean absolute deviation; the iteration path, and so the
// iteration count, depends on it.
CovariateScale scale_rule(Ties ties) {
    return ties == Ties::Exact ? CovariateScale::StandardDeviation
                               : CovariateScale::MeanAbsoluteDeviation;
}

CoxFit fit_model(const CoxModel& data, const CoxOptions& options) {
    const auto p = data.x.cols();
    CoxFit fit;

    CoxEvaluation start = evaluate_cox_likelihood(data, Eigen::VectorXd::Zero(p), options.ties);
    fit.loglik_null = start.loglik;
    fit.score_chisq = start.score.dot(TolerantCholesky(start.information).solve(start.score));

    const NewtonRaphson nr = options.ties == Ties::Exact
                                 ? iterate_coxexact(data, std::move(start), options)
                                 : iterate_coxfit6(data, std::move(start), options);
    fit.iterations = nr.iterations;
    fit.converged = nr.converged;
    fit.loglik = nr.last.loglik;
    fit.lr_chisq = 2 * (fit.loglik - fit.loglik_null);

    const TolerantCholesky information(nr.last.information);
    const Eigen::MatrixXd inverse_scaled = information.inverse();
    fit.coef.resize(static_cast<std::size_t>(p));
    fit.aliased.assign(static_cast<std::size_t>(p), false);
    fit.var.resize(static_cast<std::size_t>(p * p));
    std::vector<Eigen::Index> singular;
    for (Eigen::Index i = 0; i < p; ++i) {
        const bool aliased = information.rank() < p && inverse_scaled(i, i) == 0;
        fit.aliased[static_cast<std::size_t>(i)] = aliased;
        if (aliased) {
            singular.push_back(i);
        }
        fit.coef[static_cast<std::size_t>(i)] = aliased ? 0 : nr.beta(i) * data.scale(i);
        for (Eigen::Index j = 0; j < p; ++j) {
            fit.var[static_cast<std::size_t>(i * p + j)] =
                inverse_scaled(i, j) * data.scale(i) * data.scale(j);
        }
    }
    const Eigen::Map<const Eigen::VectorXd> coef(fit.coef.data(), p);
    const Eigen::Map<const Eigen::MatrixXd> var(fit.var.data(), p, p);
    // coxph.wtest: the aliased coefficients are 0 and their variance rows 0,
    // so they drop out of the quadratic form.
    fit.wald_chisq = coef.dot(TolerantCholesky(var).solve(coef));

    if (!fit.converged) {
        fit.warnings.push_back("Ran out of iterations and did not converge");
    } else if (options.max_iter > 1) {
        // A coefficient heading to infinity: the Newton step still due is
        // large against the coefficient. coxexact.fit checks on the scaled
        // covariates, coxph.fit on the original ones.
        const double toler_inf = std::sqrt(options.eps);
        Eigen::VectorXd infs;
        Eigen::VectorXd size;
        if (options.ties == Ties::Exact) {
            infs = (nr.last.score.transpose() * inverse_scaled).cwiseAbs().transpose();
            size = nr.beta.cwiseAbs();
        } else {
            const Eigen::VectorXd score = nr.last.score.cwiseQuotient(data.scale);
            infs = (score.transpose() * var).cwiseAbs().transpose();
            size = coef.cwiseAbs();
        }
        std::vector<Eigen::Index> infinite;
        for (Eigen::Index j = 0; j < p; ++j) {
            if (infs(j) > options.eps && infs(j) > toler_inf * size(j)) {
                infinite.push_back(j);
            }
        }
        if (!infinite.empty()) {
            fit.warnings.push_back(
                "Loglik converged before variable " + variable_list(infinite, ",") +
                (options.ties == Ties::Exact ? "; beta may be infinite."
                                             : "; coefficient may be infinite."));
        }
    }
    if (!singular.empty()) {
        fit.warnings.push_back("X matrix deemed to be singular; variable " +
                               variable_list(singular, " "));
    }
    return fit;
}

} // namespace

CoxFit fit_cox(const CoxInput& input, const CoxOptions& options) {
    return fit_model(prepare_cox_model(input, options, scale_rule(options.ties)), options);
}

CoxFit fit_cox(const PatternCoxInput& input, const CoxOptions& options) {
    CoxModel model = prepare_cox_model(input, scale_rule(options.ties));
    model.closed_form_ties = options.group_patterns;
    return fit_model(model, options);
}

} // namespace triallens
