#include "triallens/stats/fisher_exact_table.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace triallens {

namespace {

// Depth-first over the cells of every column but the last, each column's
// last row taking what the column has left; the last column takes what each
// row has left. Sums exp(log P − log P_observed) over the tables at most as
// likely as the observed one.
class Enumeration {
public:
    Enumeration(std::vector<std::size_t> row_total, std::vector<std::size_t> col_total,
                double log_p_observed, std::size_t max_visits)
        : row_left_(std::move(row_total)), col_total_(std::move(col_total)),
          log_p_observed_(log_p_observed), max_visits_(max_visits) {
        const std::size_t total =
            std::accumulate(row_left_.begin(), row_left_.end(), std::size_t{0});
        log_factorial_.resize(total + 1, 0);
        for (std::size_t k = 2; k <= total; ++k) {
            log_factorial_[k] = log_factorial_[k - 1] + std::log(static_cast<double>(k));
        }
        constant_ = -log_factorial_[total];
        for (const std::size_t r : row_left_) {
            constant_ += log_factorial_[r];
        }
        for (const std::size_t c : col_total_) {
            constant_ += log_factorial_[c];
        }
        // R's relErr: tables within 1e-7 of the observed probability count.
        threshold_ = std::log1p(1e-7);
    }

    double log_factorial(std::size_t k) const { return log_factorial_[k]; }
    double constant() const { return constant_; }

    // False when the bound on the work was hit.
    bool run() { return cell(0, 0, col_total_.empty() ? 0 : col_total_[0], constant_); }
    double sum() const { return sum_; }

private:
    bool cell(std::size_t col, std::size_t row, std::size_t col_left, double log_p) {
        const std::size_t rows = row_left_.size();
        if (++visits_ > max_visits_) {
            return false;
        }
        if (col + 1 == col_total_.size()) {
            for (const std::size_t left : row_left_) {
                log_p -= log_factorial_[left];
            }
            if (log_p - log_p_observed_ <= threshold_) {
                sum_ += std::exp(log_p - log_p_observed_);
            }
            return true;
        }
        if (row + 1 == rows) {
            // The column's last row takes the rest; the bounds below keep it feasible.
            row_left_[row] -= col_left;
            const bool done =
                cell(col + 1, 0, col_total_[col + 1], log_p - log_factorial_[col_left]);
            row_left_[row] += col_left;
            return done;
        }
        std::size_t below = 0; // what the rows after this one can still take
        for (std::size_t k = row + 1; k < rows; ++k) {
            below += row_left_[k];
        }
        const std::size_t lowest = col_left > below ? col_left - below : 0;
        const std::size_t highest = std::min(row_left_[row], col_left);
        for (std::size_t count = lowest; count <= highest; ++count) {
            row_left_[row] -= count;
            const bool done = cell(col, row + 1, col_left - count, log_p - log_factorial_[count]);
            row_left_[row] += count;
            if (!done) {
                return false;
            }
        }
        return true;
    }

    std::vector<std::size_t> row_left_;
    std::vector<std::size_t> col_total_;
    std::vector<double> log_factorial_;
    double constant_ = 0;
    double log_p_observed_ = 0;
    double threshold_ = 0;
    std::size_t max_visits_ = 0;
    std::size_t visits_ = 0;
    double sum_ = 0;
};

} // namespace

std::optional<double> fisher_exact_table(const ContingencyTable& given, std::size_t max_visits) {
    const ContingencyTable table = given.without_empty_margins();
    if (table.rows < 2 || table.cols < 2) {
        return 1.0;
    }
    // The largest row and column are the ones the margins fix: fewer branches.
    std::vector<std::size_t> row_order(table.rows);
    std::vector<std::size_t> col_order(table.cols);
    std::iota(row_order.begin(), row_order.end(), std::size_t{0});
    std::iota(col_order.begin(), col_order.end(), std::size_t{0});
    std::vector<std::size_t> row_total(table.rows, 0);
    std::vector<std::size_t> col_total(table.cols, 0);
    for (std::size_t i = 0; i < table.rows; ++i) {
        for (std::size_t j = 0; j < table.cols; ++j) {
            row_total[i] += table.at(i, j);
            col_total[j] += table.at(i, j);
        }
    }
    std::stable_sort(row_order.begin(), row_order.end(),
                     [&](std::size_t a, std::size_t b) { return row_total[a] < row_total[b]; });
    std::stable_sort(col_order.begin(), col_order.end(),
                     [&](std::size_t a, std::size_t b) { return col_total[a] < col_total[b]; });
    std::vector<std::size_t> rows_sorted;
    std::vector<std::size_t> cols_sorted;
    for (const std::size_t i : row_order) {
        rows_sorted.push_back(row_total[i]);
    }
    for (const std::size_t j : col_order) {
        cols_sorted.push_back(col_total[j]);
    }

    Enumeration enumeration(rows_sorted, cols_sorted, 0, max_visits);
    double log_p_observed = enumeration.constant();
    for (std::size_t i = 0; i < table.rows; ++i) {
        for (std::size_t j = 0; j < table.cols; ++j) {
            log_p_observed -= enumeration.log_factorial(table.at(i, j));
        }
    }
    Enumeration counted(std::move(rows_sorted), std::move(cols_sorted), log_p_observed, max_visits);
    if (!counted.run()) {
        return std::nullopt;
    }
    return std::clamp(counted.sum() * std::exp(log_p_observed), 0.0, 1.0);
}

} // namespace triallens
