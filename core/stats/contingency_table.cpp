#include "triallens/stats/contingency_table.h"

namespace triallens {

ContingencyTable ContingencyTable::without_empty_margins() const {
    std::vector<std::size_t> row_total(rows, 0);
    std::vector<std::size_t> col_total(cols, 0);
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t j = 0; j < cols; ++j) {
            row_total[i] += at(i, j);
            col_total[j] += at(i, j);
        }
    }
    ContingencyTable kept;
    for (std::size_t j = 0; j < cols; ++j) {
        kept.cols += col_total[j] > 0 ? 1 : 0;
    }
    for (std::size_t i = 0; i < rows; ++i) {
        if (row_total[i] == 0) {
            continue;
        }
        ++kept.rows;
        for (std::size_t j = 0; j < cols; ++j) {
            if (col_total[j] > 0) {
                kept.counts.push_back(at(i, j));
            }
        }
    }
    if (kept.rows == 0 || kept.cols == 0) {
        return {};
    }
    return kept;
}

} // namespace triallens
