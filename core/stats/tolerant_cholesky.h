#pragma once
// The symmetric factorisation R's survival package uses for Cox information
// matrices (cholesky2 / chsolve2 / chinv2): A = L D L' without pivoting,
// where a pivot below tolerance × (largest diagonal element) marks its
// column as singular. A singular column gets a zero pivot: solving gives
// zero in its place and the inverse has a zero row and column — which is how
// coxph ends with an NA coefficient ("X matrix deemed to be singular")
// instead of failing. The tolerance is coxph.control()'s toler.chol,
// .Machine$double.eps^0.75.

#include <Eigen/Dense>

#include <cmath>
#include <limits>
#include <vector>

namespace triallens {

inline const double cholesky_tolerance = std::pow(std::numeric_limits<double>::epsilon(), 0.75);

class TolerantCholesky {
public:
    explicit TolerantCholesky(const Eigen::MatrixXd& matrix, double tolerance = cholesky_tolerance);

    // Number of non-singular columns (R's flag, without its sign).
    Eigen::Index rank() const { return rank_; }
    // False when a pivot was clearly negative: the matrix is not semi-definite.
    bool non_negative() const { return non_negative_; }
    bool singular(Eigen::Index column) const { return factor_(column, column) == 0; }

    // x with A x = b on the non-singular columns; zero on singular ones.
    Eigen::VectorXd solve(const Eigen::VectorXd& b) const;
    // The inverse on the non-singular columns; zero rows and columns elsewhere.
    Eigen::MatrixXd inverse() const;

private:
    Eigen::MatrixXd factor_; // L below the diagonal, D on it
    Eigen::Index rank_ = 0;
    bool non_negative_ = true;
};

} // namespace triallens
