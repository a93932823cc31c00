#include "triallens/stats/pearson_chi_square.h"

#include <boost/math/distributions/chi_squared.hpp>

namespace triallens {

PearsonChiSquare pearson_chi_square(const ContingencyTable& table) {
    PearsonChiSquare test;
    std::vector<double> row_total(table.rows, 0);
    std::vector<double> col_total(table.cols, 0);
    double total = 0;
    for (std::size_t i = 0; i < table.rows; ++i) {
        for (std::size_t j = 0; j < table.cols; ++j) {
            const auto count = static_cast<double>(table.at(i, j));
            row_total[i] += count;
            col_total[j] += count;
            total += count;
        }
    }
    test.expected.assign(table.rows * table.cols, 0);
    bool empty_margin = total == 0;
    for (std::size_t i = 0; i < table.rows; ++i) {
        for (std::size_t j = 0; j < table.cols; ++j) {
            test.expected[i * table.cols + j] = total > 0 ? row_total[i] * col_total[j] / total : 0;
            empty_margin = empty_margin || row_total[i] == 0 || col_total[j] == 0;
        }
    }
    if (table.rows < 2 || table.cols < 2 || empty_margin) {
        return test;
    }
    test.df = static_cast<double>((table.rows - 1) * (table.cols - 1));
    double statistic = 0;
    for (std::size_t cell = 0; cell < table.counts.size(); ++cell) {
        const double difference = static_cast<double>(table.counts[cell]) - test.expected[cell];
        statistic += difference * difference / test.expected[cell];
    }
    test.statistic = statistic;
    const boost::math::chi_squared_distribution<double> distribution(test.df);
    test.p = boost::math::cdf(boost::math::complement(distribution, statistic));
    return test;
}

} // namespace triallens
