#include "cox_likelihood.h"

#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace triallens {

namespace {

CoxEvaluation evaluate_approximate(const CoxModel& model, const Eigen::VectorXd& beta, Ties ties) {
    const auto p = beta.size();
    CoxEvaluation out{0, Eigen::VectorXd::Zero(p), Eigen::MatrixXd::Zero(p, p)};
    sweep_event_times(model, beta, ties == Ties::Efron, [&](const EventTimeTerms& terms) {
        out.loglik += terms.loglik;
        out.score += terms.dead_x - terms.mean_sum;
        out.information += terms.var_sum;
    });
    return out;
}

// The elementary symmetric polynomials e_m of the risk scores in the risk set
// for m = 0..degree, with their first and second derivatives in beta, grown
// one record at a time: e_m += r e_{m-1}. Long double keeps e_m finite for
// large risk sets and many ties, where double would overflow.
class SymmetricPolynomials {
public:
    SymmetricPolynomials(int degree, Eigen::Index p)
        : degree_(degree), p_(p), e_(static_cast<std::size_t>(degree + 1)),
          d1_(e_.size() * static_cast<std::size_t>(p)),
          d2_(e_.size() * static_cast<std::size_t>(p * p)) {
        clear();
    }

    void clear() {
        std::fill(e_.begin(), e_.end(), 0.0L);
        std::fill(d1_.begin(), d1_.end(), 0.0L);
        std::fill(d2_.begin(), d2_.end(), 0.0L);
        e_[0] = 1;
        size_ = 0;
    }

    template <class Row> void add(long double risk, const Row& x) {
        ++size_;
        const int top = std::min(size_, degree_);
        for (int m = top; m >= 1; --m) {
            const long double e_prev = e_[static_cast<std::size_t>(m - 1)];
            for (Eigen::Index j = 0; j < p_; ++j) {
                const long double d1j_prev = d1(m - 1, j);
                for (Eigen::Index k = 0; k <= j; ++k) {
                    d2(m, j, k) += risk * (x(j) * x(k) * e_prev + x(j) * d1(m - 1, k) +
                                           x(k) * d1j_prev + d2(m - 1, j, k));
                }
            }
            for (Eigen::Index j = 0; j < p_; ++j) {
                d1(m, j) += risk * (x(j) * e_prev + d1(m - 1, j));
            }
            e_[static_cast<std::size_t>(m)] += risk * e_prev;
        }
    }

    long double e(int m) const { return e_[static_cast<std::size_t>(m)]; }
    long double& d1(int m, Eigen::Index j) { return d1_[static_cast<std::size_t>(m * p_ + j)]; }
    long double& d2(int m, Eigen::Index j, Eigen::Index k) {
        return d2_[static_cast<std::size_t>((m * p_ + j) * p_ + k)];
    }

private:
    int degree_;
    Eigen::Index p_;
    int size_ = 0;
    std::vector<long double> e_;
    std::vector<long double> d1_;
    std::vector<long double> d2_; // lower triangle used
};

CoxEvaluation evaluate_exact_polynomial(const CoxModel& model, const Eigen::VectorXd& beta) {
    const RiskSetCounts& counts = model.counts;
    const auto p = beta.size();
    CoxEvaluation out{0, Eigen::VectorXd::Zero(p), Eigen::MatrixXd::Zero(p, p)};
    const int degree = most_tied_deaths(counts);
    if (degree == 0) {
        return out;
    }
    const Eigen::VectorXd zbeta = model.x * beta;
    SymmetricPolynomials risk_set(degree, p);
    Eigen::VectorXd mean(p);
    for (std::size_t s = 0; s < counts.strata(); ++s) {
        risk_set.clear();
        for (std::size_t row = counts.stratum_begin[s + 1]; row-- > counts.stratum_begin[s];) {
            int ndead = 0;
            for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
                const CountEntry& entry = counts.entries[e];
                const auto g = static_cast<Eigen::Index>(entry.pattern);
                const Eigen::VectorXd x = model.x.row(g).transpose();
                const long double risk = std::exp(static_cast<long double>(zbeta(g)));
                for (std::uint32_t k = 0; k < entry.deaths + entry.censored; ++k) {
                    risk_set.add(risk, x);
                }
                ndead += static_cast<int>(entry.deaths);
                out.loglik += entry.deaths * zbeta(g);
                out.score += static_cast<double>(entry.deaths) * x;
            }
            if (ndead == 0) {
                continue;
            }
            const long double d0 = risk_set.e(ndead);
            out.loglik -= static_cast<double>(std::log(d0));
            for (Eigen::Index j = 0; j < p; ++j) {
                mean(j) = static_cast<double>(risk_set.d1(ndead, j) / d0);
            }
            out.score -= mean;
            for (Eigen::Index j = 0; j < p; ++j) {
                for (Eigen::Index k = 0; k <= j; ++k) {
                    const double value =
                        static_cast<double>(risk_set.d2(ndead, j, k) / d0) - mean(j) * mean(k);
                    out.information(j, k) += value;
                    if (k != j) {
                        out.information(k, j) += value;
                    }
                }
            }
        }
    }
    return out;
}

// In double: its rounding (~1e-16 of values near n log n) is far below what
// the likelihood needs, and it costs a third of long double's.
long double log_choose(long double n, long double k) {
    using boost::math::lgamma;
    const auto nd = static_cast<double>(n);
    const auto kd = static_cast<double>(k);
    return static_cast<long double>(lgamma(nd + 1) - lgamma(kd + 1) - lgamma(nd - kd + 1));
}

// Fisher's noncentral hypergeometric distribution of k, the deaths from the
// second pattern, when d die out of n0 + n1 with odds ratio theta:
// w_k = C(n0, d - k) C(n1, k) theta^k. Returns log sum w_k and the mean and
// variance of k. Summed outwards from the mode, where the terms are largest,
// until they no longer change the sum (the weights are log-concave).
struct TiedDeathDistribution {
    long double log_sum = 0;
    long double mean = 0;
    long double variance = 0;
};

TiedDeathDistribution noncentral_hypergeometric(long double n0, long double n1, long double d,
                                                long double log_theta) {
    const long double lo = std::max(0.0L, d - n0);
    const long double hi = std::min(d, n1);
    const long double theta = std::exp(log_theta);
    // w_{k+1} / w_k
    const auto ratio = [&](long double k) {
        return (n1 - k) * (d - k) / ((k + 1) * (n0 - d + k + 1)) * theta;
    };
    long double mode_lo = lo;
    long double mode_hi = hi;
    while (mode_lo < mode_hi) { // the first k whose ratio is at most 1
        const long double mid = std::floor((mode_lo + mode_hi) / 2);
        if (ratio(mid) > 1) {
            mode_lo = mid + 1;
        } else {
            mode_hi = mid;
        }
    }
    const long double mode = mode_lo;
    constexpr long double negligible = 1e-22L;
    long double sum = 1;
    long double m1 = 0; // sum of (k - mode) w_k / w_mode
    long double m2 = 0;
    // One side of the mode: step +1 walks up to hi, -1 down to lo.
    const auto add_side = [&](long double step) {
        long double term = 1;
        for (long double k = mode; step > 0 ? k < hi : k > lo;) {
            term = step > 0 ? term * ratio(k) : term / ratio(k - 1);
            k += step;
            const long double offset = k - mode;
            sum += term;
            m1 += offset * term;
            m2 += offset * offset * term;
            if (term < negligible * sum) {
                break;
            }
        }
    };
    add_side(1);
    add_side(-1);
    TiedDeathDistribution out;
    out.log_sum =
        log_choose(n0, d - mode) + log_choose(n1, mode) + mode * log_theta + std::log(sum);
    const long double shift = m1 / sum;
    out.mean = mode + shift;
    out.variance = std::max(0.0L, m2 / sum - shift * shift);
    return out;
}

// Two patterns: each event time costs O(sqrt d), not O(risk set x d).
CoxEvaluation evaluate_exact_two_patterns(const CoxModel& model, const Eigen::VectorXd& beta) {
    const RiskSetCounts& counts = model.counts;
    const auto p = beta.size();
    CoxEvaluation out{0, Eigen::VectorXd::Zero(p), Eigen::MatrixXd::Zero(p, p)};
    const Eigen::VectorXd zbeta = model.x * beta;
    const Eigen::VectorXd x0 = model.x.row(0).transpose();
    const Eigen::VectorXd delta = counts.patterns > 1
                                      ? Eigen::VectorXd(model.x.row(1).transpose() - x0)
                                      : Eigen::VectorXd::Zero(p);
    const double log_theta = counts.patterns > 1 ? zbeta(1) - zbeta(0) : 0.0;
    for (std::size_t s = 0; s < counts.strata(); ++s) {
        double at_risk[2] = {0, 0};
        for (std::size_t row = counts.stratum_begin[s + 1]; row-- > counts.stratum_begin[s];) {
            double deaths[2] = {0, 0};
            for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
                const CountEntry& entry = counts.entries[e];
                at_risk[entry.pattern] += static_cast<double>(entry.deaths) + entry.censored;
                deaths[entry.pattern] += entry.deaths;
            }
            const double d = deaths[0] + deaths[1];
            if (d == 0) {
                continue;
            }
            const TiedDeathDistribution k =
                noncentral_hypergeometric(at_risk[0], at_risk[1], d, log_theta);
            out.loglik +=
                deaths[1] * log_theta - static_cast<double>(k.log_sum); // d zbeta(0) cancels
            out.score += (deaths[1] - static_cast<double>(k.mean)) * delta;
            out.information += static_cast<double>(k.variance) * delta * delta.transpose();
        }
    }
    return out;
}

} // namespace

int most_tied_deaths(const RiskSetCounts& counts) {
    std::uint32_t most = 0;
    for (std::size_t row = 0; row < counts.rows(); ++row) {
        std::uint32_t deaths = 0;
        for (std::size_t e = counts.entry_begin[row]; e < counts.entry_begin[row + 1]; ++e) {
            deaths += counts.entries[e].deaths;
        }
        most = std::max(most, deaths);
    }
    return static_cast<int>(most);
}

CoxEvaluation evaluate_cox_likelihood(const CoxModel& model, const Eigen::VectorXd& beta,
                                      Ties ties) {
    if (ties != Ties::Exact) {
        return evaluate_approximate(model, beta, ties);
    }
    return model.closed_form_ties && model.counts.patterns <= 2
               ? evaluate_exact_two_patterns(model, beta)
               : evaluate_exact_polynomial(model, beta);
}

} // namespace triallens
