#include "triallens/stats/cumulative_incidence.h"

#include "competing_risks_checks.h"

#include <Eigen/Dense>
#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>

namespace triallens {

namespace {

// One stratum's records as Gray's test walks them: sorted by time, the
// group renumbered among the groups with records, and the outcome as 0
// (censored), 1 (the cause tested) or 2 (another cause).
struct Record {
    double time;
    int group;
    int outcome;
};

// Adds one stratum's score (first m − 1 groups) and its variance to `score`
// and `variance`, with rho = 0 (Gray 1988; cmprsk's crst). Per group, the
// left-continuous all-cause KM and cumulative incidence of the cause weight
// the risk sets R_r = n_r (1 − F_r) / S_r.
void add_stratum(std::vector<Record>& records, int m, Eigen::VectorXd& score,
                 Eigen::MatrixXd& variance) {
    const auto earlier = [](const Record& a, const Record& b) { return a.time < b.time; };
    if (!std::is_sorted(records.begin(), records.end(), earlier)) {
        std::stable_sort(records.begin(), records.end(), earlier);
    }
    const auto mi = static_cast<Eigen::Index>(m);
    Eigen::VectorXd at_risk = Eigen::VectorXd::Zero(mi);
    for (const Record& r : records) {
        at_risk(r.group) += 1;
    }
    Eigen::VectorXd incidence_before = Eigen::VectorXd::Zero(mi);
    Eigen::VectorXd incidence = Eigen::VectorXd::Zero(mi);
    Eigen::VectorXd survival_before = Eigen::VectorXd::Ones(mi);
    Eigen::VectorXd survival = Eigen::VectorXd::Ones(mi);
    Eigen::VectorXd v3 = Eigen::VectorXd::Zero(mi);
    Eigen::MatrixXd v2 = Eigen::MatrixXd::Zero(mi - 1, mi);
    Eigen::MatrixXd c = Eigen::MatrixXd::Zero(mi, mi);
    Eigen::MatrixXd a = Eigen::MatrixXd::Zero(mi, mi);
    Eigen::MatrixXd v = Eigen::MatrixXd::Zero(mi - 1, mi - 1);
    Eigen::VectorXd s = Eigen::VectorXd::Zero(mi - 1);
    Eigen::MatrixXd d = Eigen::MatrixXd::Zero(3, mi); // censored, cause, other cause per group
    double pooled_before = 0; // pooled subdistribution estimate, left-continuous
    const std::size_t n = records.size();
    std::size_t first = 0;
    while (first < n) {
        std::size_t last = first;
        d.setZero();
        for (; last < n && records[last].time == records[first].time; ++last) {
            d(records[last].outcome, records[last].group) += 1;
        }
        const double nd1 = d.row(1).sum();
        const double nd2 = d.row(2).sum();
        if (nd1 > 0 || nd2 > 0) {
            double tr = 0; // Σ_r n_r / S_r
            double tq = 0; // Σ_r R_r
            for (Eigen::Index i = 0; i < mi; ++i) {
                if (at_risk(i) <= 0) {
                    continue;
                }
                survival(i) = survival_before(i) * (at_risk(i) - d(1, i) - d(2, i)) / at_risk(i);
                incidence(i) = incidence_before(i) + survival_before(i) * d(1, i) / at_risk(i);
                tr += at_risk(i) / survival_before(i);
                tq += at_risk(i) * (1 - incidence_before(i)) / survival_before(i);
            }
            const double pooled = pooled_before + nd1 / tr;
            a.setZero();
            for (Eigen::Index i = 0; i < mi; ++i) {
                if (at_risk(i) <= 0) {
                    continue;
                }
                const double t1 = at_risk(i) / survival_before(i);
                a(i, i) = t1 * (1 - t1 / tr);
                c(i, i) += a(i, i) * nd1 / (tr * (1 - pooled_before));
                for (Eigen::Index j = i + 1; j < mi; ++j) {
                    if (at_risk(j) <= 0) {
                        continue;
                    }
                    a(i, j) = -t1 * at_risk(j) / (survival_before(j) * tr);
                    c(i, j) += a(i, j) * nd1 / (tr * (1 - pooled_before));
                }
            }
            for (Eigen::Index i = 1; i < mi; ++i) {
                for (Eigen::Index j = 0; j < i; ++j) {
                    a(i, j) = a(j, i);
                    c(i, j) = c(j, i);
                }
            }
            for (Eigen::Index i = 0; i < mi - 1; ++i) {
                if (at_risk(i) > 0) {
                    s(i) += d(1, i) - nd1 * at_risk(i) * (1 - incidence_before(i)) /
                                          (survival_before(i) * tq);
                }
            }
            if (nd1 > 0) {
                for (Eigen::Index k = 0; k < mi; ++k) {
                    if (at_risk(k) <= 0) {
                        continue;
                    }
                    const double t4 = survival(k) > 0 ? 1 - (1 - pooled) / survival(k) : 1;
                    const double t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * survival_before(k) - 1) : 1;
                    const double t3 = t5 * survival_before(k) * nd1 / (tr * at_risk(k));
                    v3(k) += t4 * t4 * t3;
                    for (Eigen::Index i = 0; i < mi - 1; ++i) {
                        const double t1 = a(i, k) - t4 * c(i, k);
                        v2(i, k) += t1 * t4 * t3;
                        for (Eigen::Index j = 0; j <= i; ++j) {
                            v(i, j) += t1 * (a(j, k) - t4 * c(j, k)) * t3;
                        }
                    }
                }
            }
            if (nd2 > 0) {
                for (Eigen::Index k = 0; k < mi; ++k) {
                    if (survival(k) <= 0 || d(2, k) <= 0) {
                        continue;
                    }
                    const double t4 = (1 - pooled) / survival(k);
                    const double t5 = d(2, k) > 1 ? 1 - (d(2, k) - 1) / (at_risk(k) - 1) : 1;
                    const double t3 = t5 * survival_before(k) * survival_before(k) * d(2, k) /
                                      (at_risk(k) * at_risk(k));
                    v3(k) += t4 * t4 * t3;
                    for (Eigen::Index i = 0; i < mi - 1; ++i) {
                        const double t1 = t4 * c(i, k);
                        v2(i, k) -= t1 * t4 * t3;
                        for (Eigen::Index j = 0; j <= i; ++j) {
                            v(i, j) += t1 * t4 * c(j, k) * t3;
                        }
                    }
                }
            }
            pooled_before = pooled;
        }
        for (std::size_t r = first; r < last; ++r) {
            at_risk(records[r].group) -= 1;
        }
        incidence_before = incidence;
        survival_before = survival;
        first = last;
    }
    for (Eigen::Index i = 0; i < mi - 1; ++i) {
        for (Eigen::Index j = 0; j <= i; ++j) {
            for (Eigen::Index k = 0; k < mi; ++k) {
                v(i, j) += c(i, k) * c(j, k) * v3(k) + c(i, k) * v2(j, k) + c(j, k) * v2(i, k);
            }
            v(j, i) = v(i, j);
        }
    }
    score += s;
    variance += v;
}

double chisq_upper_tail(double chisq, int df) {
    const boost::math::chi_squared_distribution<double> distribution(static_cast<double>(df));
    return boost::math::cdf(boost::math::complement(distribution, std::max(chisq, 0.0)));
}

} // namespace

std::vector<GrayTest> gray_tests(const CompetingRisksData& data) {
    check_competing_risks(data, "gray_tests");
    const std::size_t n = data.time.size();
    // cuminc compares only the groups that have records.
    std::vector<int> renumbered(static_cast<std::size_t>(data.n_groups), -1);
    for (const std::int32_t g : data.group) {
        renumbered[static_cast<std::size_t>(g)] = 0;
    }
    int m = 0;
    for (int& r : renumbered) {
        if (r == 0) {
            r = m++;
        }
    }
    std::vector<GrayTest> tests;
    if (m < 2) {
        return tests;
    }
    const auto n_strata = static_cast<std::size_t>(data.stratum.empty() ? 1 : data.n_strata);
    for (std::int32_t cause = 1; cause <= data.n_causes; ++cause) {
        // As cuminc, test only the causes that occur.
        if (std::find(data.status.begin(), data.status.end(), cause) == data.status.end()) {
            continue;
        }
        std::vector<std::vector<Record>> strata(n_strata);
        for (std::size_t i = 0; i < n; ++i) {
            const int outcome = data.status[i] == 0 ? 0 : data.status[i] == cause ? 1 : 2;
            const auto k = data.stratum.empty() ? 0 : static_cast<std::size_t>(data.stratum[i]);
            strata[k].push_back(
                {data.time[i], renumbered[static_cast<std::size_t>(data.group[i])], outcome});
        }
        Eigen::VectorXd score = Eigen::VectorXd::Zero(m - 1);
        Eigen::MatrixXd variance = Eigen::MatrixXd::Zero(m - 1, m - 1);
        for (std::vector<Record>& records : strata) {
            if (!records.empty()) {
                add_stratum(records, m, score, variance);
            }
        }
        GrayTest test;
        test.cause = cause;
        test.df = m - 1;
        // cuminc inverts the variance only when R's qr() finds it of full rank
        // (tolerance 1e-7); otherwise it reports no statistic.
        Eigen::ColPivHouseholderQR<Eigen::MatrixXd> qr(variance);
        qr.setThreshold(1e-7);
        if (qr.rank() == m - 1) {
            test.chisq = score.dot(qr.solve(score));
            test.p = chisq_upper_tail(test.chisq, test.df);
        } else {
            test.chisq = std::numeric_limits<double>::quiet_NaN();
            test.p = std::numeric_limits<double>::quiet_NaN();
        }
        tests.push_back(test);
    }
    return tests;
}

} // namespace triallens
