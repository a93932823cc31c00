#include "triallens/stats/fine_gray.h"

#include "triallens/stats/kaplan_meier.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

// Notation as in crr.f (cmprsk 2.2): records sorted by time; code 1 = the
// cause, 2 = another cause, 0 = censored; G(t−) the censoring Kaplan–Meier
// just before t (crr's uuu); a record's weight at a failure time t_k is
// exp(x'b) while still at risk (t ≥ t_k) and exp(x'b) G(t_k−) / G(t−) after
// another cause (t < t_k); censored records leave at their time.
//
// Records with the same time, code and covariates add the same terms to
// every sum below (the likelihood, the risk sets, the censoring Kaplan–Meier
// and each record's score residual in the sandwich), so they are kept once
// with their count: a million records of whole-day times are a few thousand.

namespace triallens {

namespace {

using Eigen::MatrixXd;
using Eigen::VectorXd;

struct Records {
    std::vector<double> time;      // ascending
    std::vector<int> code;         // 1 cause, 2 other cause, 0 censored
    std::vector<double> count;     // the records alike kept as this one
    std::vector<double> remaining; // records at this one and after: Σ count
    std::vector<double> g;         // G(t−), crr's uuu
    MatrixXd x;                    // one row per kept record, in time order
    MatrixXd centred;              // x less its column means (over all records)
};

// The records tied with record i, [i, end), and how many of them are censored.
struct TiedRun {
    std::size_t end = 0;
    double censored = 0;
};

TiedRun tied_run(const Records& r, std::size_t i) {
    TiedRun run{i, 0};
    while (run.end < r.time.size() && r.time[run.end] == r.time[i]) {
        run.censored += r.code[run.end] == 0 ? r.count[run.end] : 0;
        ++run.end;
    }
    return run;
}

// One distinct failure time of the cause.
struct FailureTime {
    std::size_t first = 0; // first record at this time
    double deaths = 0;     // d_k, Breslow
    double g = 1;          // G(t_k−)
};

void check_input(const CompetingRisksData& data, const MatrixXd& covariates, std::int32_t cause) {
    const std::size_t n = data.time.size();
    if (data.status.size() != n) {
        throw std::invalid_argument("Fine–Gray: status has " + std::to_string(data.status.size()) +
                                    " records, time " + std::to_string(n));
    }
    if (static_cast<std::size_t>(covariates.rows()) != n) {
        throw std::invalid_argument("Fine–Gray: the covariates have " +
                                    std::to_string(covariates.rows()) + " rows for " +
                                    std::to_string(n) + " records");
    }
    if (covariates.cols() == 0) {
        throw std::invalid_argument("Fine–Gray: no covariate");
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(data.time[i]) || data.time[i] < 0) {
            throw std::invalid_argument("Fine–Gray: time of record " + std::to_string(i + 1) +
                                        " is negative or not finite");
        }
        if (data.status[i] < 0) {
            throw std::invalid_argument("Fine–Gray: status of record " + std::to_string(i + 1) +
                                        " is negative");
        }
    }
    if (!covariates.allFinite()) {
        throw std::invalid_argument("Fine–Gray: a covariate is missing or not finite");
    }
    if (std::find(data.status.begin(), data.status.end(), cause) == data.status.end() ||
        cause <= 0) {
        throw std::invalid_argument("Fine–Gray: cause " + std::to_string(cause) + " has no event");
    }
    for (Eigen::Index j = 0; j < covariates.cols(); ++j) {
        if ((covariates.col(j).array() == covariates(0, j)).all()) {
            throw std::invalid_argument("Fine–Gray: covariate column " + std::to_string(j + 1) +
                                        " is constant");
        }
    }
    const MatrixXd centred = covariates.rowwise() - covariates.colwise().mean();
    Eigen::ColPivHouseholderQR<MatrixXd> qr(centred);
    if (qr.rank() < covariates.cols()) {
        throw std::invalid_argument(
            "Fine–Gray: a covariate column is a linear combination of the others");
    }
}

Records sort_records(const CompetingRisksData& data, const MatrixXd& covariates,
                     std::int32_t cause) {
    const std::size_t n = data.time.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    // crr orders with order(), stable for ties.
    // Records given in time order (as a refit gathers them) stay as they are.
    if (!std::is_sorted(data.time.begin(), data.time.end())) {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return data.time[a] < data.time[b]; });
    }
    // Each run of tied times, its records alike (code and covariates) kept
    // once, in the order of their first record.
    const auto code_of = [&](std::size_t from) {
        const std::int32_t status = data.status[from];
        return status == 0 ? 0 : (status == cause ? 1 : 2);
    };
    std::vector<std::size_t> kept;
    std::vector<double> count;
    for (std::size_t i = 0; i < n;) {
        std::size_t end = i;
        const std::size_t run_start = kept.size();
        for (; end < n && data.time[order[end]] == data.time[order[i]]; ++end) {
            const std::size_t from = order[end];
            std::size_t k = run_start;
            for (; k < kept.size(); ++k) {
                if (code_of(kept[k]) == code_of(from) &&
                    covariates.row(static_cast<Eigen::Index>(kept[k])) ==
                        covariates.row(static_cast<Eigen::Index>(from))) {
                    break;
                }
            }
            if (k == kept.size()) {
                kept.push_back(from);
                count.push_back(0);
            }
            count[k] += 1;
        }
        i = end;
    }
    const std::size_t m = kept.size();
    Records r;
    r.time.resize(m);
    r.code.resize(m);
    r.count = std::move(count);
    r.remaining.resize(m);
    r.x.resize(static_cast<Eigen::Index>(m), covariates.cols());
    for (std::size_t i = 0; i < m; ++i) {
        const std::size_t from = kept[i];
        r.time[i] = data.time[from];
        r.code[i] = code_of(from);
        r.x.row(static_cast<Eigen::Index>(i)) = covariates.row(static_cast<Eigen::Index>(from));
    }
    double after = 0;
    for (std::size_t i = m; i-- > 0;) {
        after += r.count[i];
        r.remaining[i] = after;
    }
    r.centred = r.x.rowwise() - covariates.colwise().mean();
    // Kaplan–Meier of the censoring distribution (censorings are its
    // events), then crr's approx(): the step value at the last distinct time
    // ≤ t (1 − 100 eps), i.e. G(t−) for t > 0 and G(0) for t = 0.
    std::vector<double> knot_time;
    std::vector<double> knot_value;
    double survival = 1;
    for (std::size_t i = 0; i < m;) {
        const auto [end, censored] = tied_run(r, i);
        survival *= 1 - censored / r.remaining[i];
        knot_time.push_back(r.time[i]);
        knot_value.push_back(survival);
        i = end;
    }
    r.g.resize(m);
    std::size_t knot = 0;
    double value = 1;
    for (std::size_t i = 0; i < m; ++i) {
        const double before = r.time[i] * (1 - 100 * std::numeric_limits<double>::epsilon());
        while (knot < knot_time.size() && knot_time[knot] <= before) {
            value = knot_value[knot++];
        }
        r.g[i] = value;
    }
    return r;
}

std::vector<FailureTime> failure_times(const Records& r) {
    std::vector<FailureTime> out;
    for (std::size_t i = 0; i < r.time.size(); ++i) {
        if (r.code[i] != 1) {
            continue;
        }
        if (out.empty() || r.time[out.back().first] != r.time[i]) {
            std::size_t first = i;
            while (first > 0 && r.time[first - 1] == r.time[i]) {
                --first;
            }
            out.push_back({first, 0, r.g[first]});
        }
        out.back().deaths += r.count[i];
    }
    return out;
}

// Weighted sums over the risk set of each failure time t_k: S0, the mean x̄
// and Σ w (x − x̄)(x − x̄)'. Records at or after t_k are a suffix of the
// sorted records; other-cause failures before t_k a prefix, each weighing
// G(t_k−) exp(x'b) / G(t−). Sums run over x centred at its mean (the
// weights use x itself), so the spread loses no digits to cancellation.
struct RiskSet {
    double s0 = 0;
    VectorXd mean; // centred
    MatrixXd spread;
};

std::vector<RiskSet> risk_sets(const Records& r, const std::vector<FailureTime>& failures,
                               const VectorXd& risk, bool with_spread) {
    const Eigen::Index p = r.x.cols();
    const auto n = static_cast<Eigen::Index>(r.time.size());
    std::vector<RiskSet> sets(failures.size(), RiskSet{0, VectorXd::Zero(p), MatrixXd::Zero(p, p)});
    double sum0 = 0;
    VectorXd sum1 = VectorXd::Zero(p);
    MatrixXd sum2 = MatrixXd::Zero(p, p);
    Eigen::Index next = n;
    for (std::size_t k = failures.size(); k-- > 0;) {
        for (; next > static_cast<Eigen::Index>(failures[k].first); --next) {
            const Eigen::Index j = next - 1;
            const auto x = r.centred.row(j).transpose(); // a view: no allocation per record
            const double w = r.count[static_cast<std::size_t>(j)] * risk[j];
            sum0 += w;
            sum1 += w * x;
            if (with_spread) {
                sum2.noalias() += w * x * x.transpose();
            }
        }
        sets[k].s0 = sum0;
        sets[k].mean = sum1;
        sets[k].spread = sum2;
    }
    sum0 = 0;
    sum1.setZero();
    sum2.setZero();
    next = 0;
    for (std::size_t k = 0; k < failures.size(); ++k) {
        for (; next < static_cast<Eigen::Index>(failures[k].first); ++next) {
            if (r.code[static_cast<std::size_t>(next)] == 2) {
                const auto x = r.centred.row(next).transpose();
                const auto i = static_cast<std::size_t>(next);
                const double w = r.count[i] * risk[next] / r.g[i];
                sum0 += w;
                sum1 += w * x;
                if (with_spread) {
                    sum2.noalias() += w * x * x.transpose();
                }
            }
        }
        RiskSet& s = sets[k];
        s.s0 += failures[k].g * sum0;
        s.mean = (s.mean + failures[k].g * sum1) / s.s0;
        if (with_spread) {
            s.spread += failures[k].g * sum2;
            s.spread -= s.s0 * s.mean * s.mean.transpose();
        }
    }
    return sets;
}

// crr's objective: minus the log pseudo-likelihood, its gradient and Hessian.
struct Objective {
    double value = 0;
    VectorXd gradient;
    MatrixXd hessian;
};

Objective objective(const Records& r, const std::vector<FailureTime>& failures, const VectorXd& b,
                    bool derivatives) {
    const Eigen::Index p = r.x.cols();
    const VectorXd eta = r.x * b;
    const VectorXd risk = eta.array().exp();
    Objective f{0, VectorXd::Zero(p), MatrixXd::Zero(p, p)};
    for (std::size_t i = 0; i < r.time.size(); ++i) {
        if (r.code[i] == 1) {
            f.value -= r.count[i] * eta[static_cast<Eigen::Index>(i)];
            f.gradient -= r.count[i] * r.centred.row(static_cast<Eigen::Index>(i)).transpose();
        }
    }
    const std::vector<RiskSet> sets = risk_sets(r, failures, risk, derivatives);
    for (std::size_t k = 0; k < failures.size(); ++k) {
        f.value += failures[k].deaths * std::log(sets[k].s0);
        f.gradient += failures[k].deaths * sets[k].mean;
        f.hessian += (failures[k].deaths / sets[k].s0) * sets[k].spread;
    }
    return f;
}

// crr's robust variance (crrvv): I⁻¹ (Σ_i u_i u_i') I⁻¹ with u_i = η_i + ψ_i,
// η_i the record's score residual and ψ_i the term for the estimated
// censoring weights (Fine & Gray 1999, section 4):
//   η_i = [i the cause] (x_i − x̄_k(i)) − Σ_k d_k w_i(t_k) (x_i − x̄_k) / S0_k,
//   ψ_i = −Σ_{u ≤ t_i} c(u) q(u) / Y(u)² + [i censored] q(t_i) / Y(t_i),
// over the censoring times u (c(u) censorings, Y(u) at risk), with
//   q(u) = Σ_{t_k ≥ u} d_k G(t_k−) Σ_{j other cause, t_j < u}
//          exp(x_j'b) (x_j − x̄_k) / (G(t_j−) S0_k).
// Each sum over k splits into running sums, so all of it is O(n).
MatrixXd sandwich(const Records& r, const std::vector<FailureTime>& failures, const VectorXd& b,
                  const MatrixXd& information) {
    const std::size_t n = r.time.size();
    const std::size_t m = failures.size();
    const Eigen::Index p = r.x.cols();
    const VectorXd risk = (r.x * b).array().exp();
    const std::vector<RiskSet> sets = risk_sets(r, failures, risk, false);
    // Views of the rows, and the vectors below made once: nothing is
    // allocated per record.
    const auto x_of = [&](std::size_t i) {
        return r.centred.row(static_cast<Eigen::Index>(i)).transpose();
    };
    // Running sums over the failure times: of d_k / S0_k (·x̄_k) from the
    // first on, and of d_k G(t_k−) / S0_k (·x̄_k) from the last back.
    std::vector<double> up0(m + 1, 0);
    std::vector<VectorXd> up1(m + 1, VectorXd::Zero(p));
    std::vector<double> down0(m + 1, 0);
    std::vector<VectorXd> down1(m + 1, VectorXd::Zero(p));
    for (std::size_t k = 0; k < m; ++k) {
        const double a = failures[k].deaths / sets[k].s0;
        up0[k + 1] = up0[k] + a;
        up1[k + 1] = up1[k] + a * sets[k].mean;
    }
    for (std::size_t k = m; k-- > 0;) {
        const double a = failures[k].deaths * failures[k].g / sets[k].s0;
        down0[k] = down0[k + 1] + a;
        down1[k] = down1[k + 1] + a * sets[k].mean;
    }

    MatrixXd uu = MatrixXd::Zero(p, p);      // Σ_i u_i u_i', the records alike at once
    VectorXd cumulative = VectorXd::Zero(p); // the −Σ c q / Y² part of ψ
    double a0 = 0;                           // Σ exp(x'b) / G(t−), other causes before
    VectorXd a1 = VectorXd::Zero(p);
    std::size_t reached = 0; // failure times ≤ the current time
    VectorXd q(p);
    VectorXd uj(p);
    for (std::size_t i = 0; i < n;) {
        const auto [end, censored] = tied_run(r, i);
        const std::size_t from = reached; // first failure time ≥ this time
        while (reached < m && r.time[failures[reached].first] <= r.time[i]) {
            ++reached;
        }
        const double at_risk = r.remaining[i];
        q.setZero();
        if (censored > 0) {
            q = a1 * down0[from] - a0 * down1[from];
            cumulative -= censored / (at_risk * at_risk) * q;
        }
        for (std::size_t j = i; j < end; ++j) {
            const auto xj = x_of(j);
            const double rj = risk[static_cast<Eigen::Index>(j)];
            uj = cumulative - rj * (xj * up0[reached] - up1[reached]);
            if (r.code[j] == 1) {
                uj += xj - sets[reached - 1].mean;
            } else if (r.code[j] == 2) {
                uj -= rj / r.g[j] * (xj * down0[reached] - down1[reached]);
            } else {
                uj += q / at_risk;
            }
            uu.noalias() += r.count[j] * uj * uj.transpose();
        }
        for (std::size_t j = i; j < end; ++j) {
            if (r.code[j] == 2) {
                const double w = r.count[j] * risk[static_cast<Eigen::Index>(j)] / r.g[j];
                a0 += w;
                a1 += w * x_of(j);
            }
        }
        i = end;
    }
    const MatrixXd inverse = information.inverse();
    return inverse * uu * inverse.transpose();
}

} // namespace

FineGrayFit fine_gray(const CompetingRisksData& data, const Eigen::MatrixXd& covariates,
                      std::int32_t cause, double conf_level) {
    check_input(data, covariates, cause);
    const double z = normal_critical_value(conf_level);
    const Records r = sort_records(data, covariates, cause);
    const std::vector<FailureTime> failures = failure_times(r);

    // crr's Newton–Raphson: start at 0; stop when
    // max |gradient| · max(|b|, 1) < max(|f|, 1) · gtol; at most maxiter
    // steps; backtrack by halves (Armijo, 1e-4) at most 20 times.
    constexpr double gtol = 1e-6;
    constexpr int max_iter = 10;
    constexpr double step_factor = 0.5;
    const Eigen::Index p = covariates.cols();
    VectorXd b = VectorXd::Zero(p);
    FineGrayFit fit;
    fit.cause = cause;
    Objective f = objective(r, failures, b, true);
    for (int iteration = 0;; ++iteration) {
        const double gradient_size =
            (f.gradient.array().abs() * b.array().abs().max(1.0)).maxCoeff();
        if (gradient_size < std::max(std::abs(f.value), 1.0) * gtol) {
            fit.converged = true;
            fit.iterations = iteration;
            break;
        }
        if (iteration == max_iter) {
            fit.iterations = iteration;
            break;
        }
        VectorXd step = -f.hessian.partialPivLu().solve(f.gradient);
        const double slope = step.dot(f.gradient);
        VectorXd next = b + step;
        double next_value = objective(r, failures, next, false).value;
        int halvings = 0;
        while (!(next_value <= f.value + 1e-4 * slope)) {
            ++halvings;
            step *= step_factor;
            next = b + step;
            next_value = objective(r, failures, next, false).value;
            if (halvings > 20) {
                break;
            }
        }
        if (halvings > 20 || !next.allFinite()) {
            fit.iterations = iteration;
            break;
        }
        b = next;
        f = objective(r, failures, b, true);
    }

    const MatrixXd variance = sandwich(r, failures, b, f.hessian);
    for (Eigen::Index j = 0; j < p; ++j) {
        FineGrayTerm term;
        term.coef = b[j];
        term.se = std::sqrt(variance(j, j));
        term.hr = std::exp(term.coef);
        term.lower = std::exp(term.coef - z * term.se);
        term.upper = std::exp(term.coef + z * term.se);
        term.p = std::erfc(std::abs(term.coef / term.se) / std::sqrt(2.0));
        fit.terms.push_back(term);
    }
    return fit;
}

} // namespace triallens
