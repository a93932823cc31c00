#include "cox_likelihood.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace triallens {

namespace {

// Breslow and Efron: one pass from the last row to the first, accumulating
// the risk set; Efron adds each tied group's deaths in d equal parts.
CoxEvaluation evaluate_approximate(const CoxSortedData& data, const Eigen::VectorXd& beta,
                                   Ties ties) {
    const auto p = beta.size();
    const auto n = static_cast<std::ptrdiff_t>(data.time.size());
    CoxEvaluation out{0, Eigen::VectorXd::Zero(p), Eigen::MatrixXd::Zero(p, p)};

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

// The elementary symmetric polynomials e_m of the risk scores in the risk set
// for m = 0..degree, with their first and second derivatives in beta, grown
// one subject at a time: e_m += r e_{m-1}. Long double keeps e_m finite for
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

    void add(long double risk, const Eigen::VectorXd& x) {
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

CoxEvaluation evaluate_exact(const CoxSortedData& data, const Eigen::VectorXd& beta) {
    const auto p = beta.size();
    const auto n = static_cast<std::ptrdiff_t>(data.time.size());
    CoxEvaluation out{0, Eigen::VectorXd::Zero(p), Eigen::MatrixXd::Zero(p, p)};
    const int degree = most_tied_deaths(data);
    if (degree == 0) {
        return out;
    }
    SymmetricPolynomials risk_set(degree, p);
    Eigen::VectorXd mean(p);

    for (std::ptrdiff_t person = n - 1; person >= 0;) {
        if (data.stratum_end[static_cast<std::size_t>(person)] != 0) {
            risk_set.clear();
        }
        const double dtime = data.time[static_cast<std::size_t>(person)];
        int ndead = 0;
        while (person >= 0 && data.time[static_cast<std::size_t>(person)] == dtime) {
            const Eigen::VectorXd row = data.x.row(person).transpose();
            const double zbeta = row.dot(beta);
            risk_set.add(std::exp(static_cast<long double>(zbeta)), row);
            if (data.event[static_cast<std::size_t>(person)] != 0) {
                ++ndead;
                out.loglik += zbeta;
                out.score += row;
            }
            --person;
            if (person >= 0 && data.stratum_end[static_cast<std::size_t>(person)] != 0) {
                break;
            }
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
    return out;
}

} // namespace

int most_tied_deaths(const CoxSortedData& data) {
    int most = 0;
    const std::size_t n = data.time.size();
    for (std::size_t i = 0; i < n;) {
        int deaths = 0;
        const double t = data.time[i];
        while (i < n && data.time[i] == t) {
            deaths += data.event[i];
            const bool last_of_stratum = data.stratum_end[i] != 0;
            ++i;
            if (last_of_stratum) {
                break;
            }
        }
        most = std::max(most, deaths);
    }
    return most;
}

CoxEvaluation evaluate_cox_likelihood(const CoxSortedData& data, const Eigen::VectorXd& beta,
                                      Ties ties) {
    return ties == Ties::Exact ? evaluate_exact(data, beta)
                               : evaluate_approximate(data, beta, ties);
}

} // namespace triallens
