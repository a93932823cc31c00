#include "cox_sorted_data.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>

namespace triallens {

CoxSortedData sort_and_centre(const CoxInput& input) {
    const std::size_t n = input.time.size();
    const auto p = static_cast<Eigen::Index>(input.n_terms);
    if (input.event.size() != n || (!input.stratum.empty() && input.stratum.size() != n) ||
        input.covariates.size() != n * input.n_terms) {
        throw std::invalid_argument("fit_cox: inputs differ in length");
    }
    std::vector<double> time(input.time.begin(), input.time.end());
    apply_timefix(time);
    const auto stratum_of = [&](std::size_t i) {
        return input.stratum.empty() ? 0 : input.stratum[i];
    };

    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const auto sa = stratum_of(a);
        const auto sb = stratum_of(b);
        return sa != sb ? sa < sb : time[a] < time[b];
    });

    CoxSortedData data;
    data.time.resize(n);
    data.event.resize(n);
    data.stratum_end.assign(n, 0);
    data.x.resize(static_cast<Eigen::Index>(n), p);
    for (std::size_t r = 0; r < n; ++r) {
        const std::size_t i = order[r];
        data.time[r] = time[i];
        data.event[r] = input.event[i] != 0 ? 1 : 0;
        if (r + 1 == n || stratum_of(order[r + 1]) != stratum_of(i)) {
            data.stratum_end[r] = 1;
        }
        for (Eigen::Index j = 0; j < p; ++j) {
            data.x(static_cast<Eigen::Index>(r), j) =
                input.covariates[static_cast<std::size_t>(j) * n + i];
        }
    }
    data.scale.resize(p);
    for (Eigen::Index j = 0; j < p; ++j) {
        auto column = data.x.col(j);
        column.array() -= column.mean();
        const double mean_abs = column.cwiseAbs().mean();
        data.scale(j) = mean_abs > 0 ? 1 / mean_abs : 1.0;
        column *= data.scale(j);
    }
    data.order = std::move(order);
    return data;
}

} // namespace triallens
