#include "tolerant_cholesky.h"

namespace triallens {

TolerantCholesky::TolerantCholesky(const Eigen::MatrixXd& matrix, double tolerance)
    : factor_(matrix) {
    const Eigen::Index n = factor_.rows();
    double largest = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        largest = std::max(largest, factor_(i, i));
        for (Eigen::Index j = i + 1; j < n; ++j) {
            factor_(j, i) = factor_(i, j); // work from the upper triangle, as R does
        }
    }
    const double eps = largest == 0 ? tolerance : largest * tolerance;
    for (Eigen::Index i = 0; i < n; ++i) {
        const double pivot = factor_(i, i);
        if (!std::isfinite(pivot) || pivot < eps) {
            factor_(i, i) = 0;
            if (pivot < -8 * eps) {
                non_negative_ = false;
            }
            continue;
        }
        ++rank_;
        for (Eigen::Index j = i + 1; j < n; ++j) {
            const double ratio = factor_(j, i) / pivot;
            factor_(j, i) = ratio;
            factor_(j, j) -= ratio * ratio * pivot;
            for (Eigen::Index k = j + 1; k < n; ++k) {
                factor_(k, j) -= ratio * factor_(k, i);
            }
        }
    }
}

Eigen::VectorXd TolerantCholesky::solve(const Eigen::VectorXd& b) const {
    const Eigen::Index n = factor_.rows();
    Eigen::VectorXd x = b;
    for (Eigen::Index i = 0; i < n; ++i) { // L y = b
        for (Eigen::Index j = 0; j < i; ++j) {
            x(i) -= x(j) * factor_(i, j);
        }
    }
    for (Eigen::Index i = n - 1; i >= 0; --i) { // D L' x = y
        if (factor_(i, i) == 0) {
            x(i) = 0;
            continue;
        }
        x(i) /= factor_(i, i);
        for (Eigen::Index j = i + 1; j < n; ++j) {
            x(i) -= x(j) * factor_(j, i);
        }
    }
    return x;
}

Eigen::MatrixXd TolerantCholesky::inverse() const {
    const Eigen::Index n = factor_.rows();
    Eigen::MatrixXd inverse = Eigen::MatrixXd::Zero(n, n);
    for (Eigen::Index j = 0; j < n; ++j) {
        if (singular(j)) {
            continue;
        }
        Eigen::VectorXd unit = Eigen::VectorXd::Zero(n);
        unit(j) = 1;
        inverse.col(j) = solve(unit);
    }
    // Rows of singular columns are zero too; symmetrise what rounding left.
    for (Eigen::Index i = 0; i < n; ++i) {
        if (singular(i)) {
            inverse.row(i).setZero();
        }
    }
    return (inverse + inverse.transpose()) / 2;
}

} // namespace triallens
