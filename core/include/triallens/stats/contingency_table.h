#pragma once
// An r × c table of counts, row-major, for the tests of independence
// (pearson_chi_square.h, fisher_exact_table.h).

#include <cstddef>
#include <vector>

namespace triallens {

struct ContingencyTable {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<std::size_t> counts; // rows × cols, row-major

    std::size_t at(std::size_t row, std::size_t col) const { return counts[row * cols + col]; }

    // The same table without the rows and columns whose margin is zero (a
    // level no subject has, an arm without values), which tell nothing
    // about independence and leave Pearson's expected counts at zero.
    ContingencyTable without_empty_margins() const;
};

} // namespace triallens
