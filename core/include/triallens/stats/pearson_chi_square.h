#pragma once
// Pearson's chi-square test of independence in an r × c table without
// continuity correction, as R's chisq.test(table, correct = FALSE):
//   X^2 = sum (O − E)^2 / E,  E = row total × column total / N,
// chi-square on (r − 1)(c − 1) df.

#include "triallens/stats/contingency_table.h"

#include <optional>
#include <vector>

namespace triallens {

struct PearsonChiSquare {
    std::optional<double> statistic; // absent when a margin is zero or the table is 1 × c
    double df = 0;
    std::optional<double> p;
    std::vector<double> expected; // E per cell, row-major as the table
};

// Give it a table without empty margins (ContingencyTable::without_empty_margins)
// for a defined statistic.
PearsonChiSquare pearson_chi_square(const ContingencyTable& table);

} // namespace triallens
