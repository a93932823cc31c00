#pragma once
// The rows of a Cox model as the fitters walk them: sorted by (stratum, time)
// after timefix, with each covariate centred and scaled by its mean absolute
// deviation as coxfit6 does (it changes the iteration path, not the answer).
// Shared by the Newton-Raphson fit and the proportional-hazards test.

#include "triallens/stats/cox_regression.h"

#include <Eigen/Dense>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace triallens {

struct CoxSortedData {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::uint8_t> stratum_end; // 1 on the last row of a stratum
    Eigen::MatrixXd x;                     // n × p
    Eigen::VectorXd scale;                 // multiply a column by this to scale it
    std::vector<std::size_t> order;        // sorted row r is input row order[r]
};

// Throws std::invalid_argument when the inputs differ in length.
CoxSortedData sort_and_centre(const CoxInput& input);

} // namespace triallens
