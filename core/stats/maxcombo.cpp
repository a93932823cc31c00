#include "triallens/stats/maxcombo.h"

#include "triallens/stats/multivariate_normal.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace triallens {

std::vector<FhWeight> maxcombo_default_tests() {
    return {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
}

std::vector<FhWeight> maxcombo_simtrial_tests() {
    return {{0, 0}, {0, 1}, {1, 1}};
}

MaxCombo maxcombo_test(const TwoSampleDeathTerms& terms, std::span<const FhWeight> tests) {
    if (tests.empty() || tests.size() > maxcombo_max_tests) {
        throw std::invalid_argument("MaxCombo takes 1 to " + std::to_string(maxcombo_max_tests) +
                                    " FH tests");
    }
    const std::size_t k = tests.size();
    MaxCombo result;
    for (const FhWeight& weight : tests) {
        result.tests.push_back(weighted_log_rank(terms, weight));
    }
    // Sigma_jk over the death times, the weights taken once per time.
    const std::size_t times = terms.survival_before.size();
    std::vector<double> covariance(k * k, 0.0);
    std::vector<double> w(k);
    for (std::size_t t = 0; t < times; ++t) {
        const double s = terms.survival_before[t];
        for (std::size_t j = 0; j < k; ++j) {
            w[j] = std::pow(s, tests[j].rho) * std::pow(1 - s, tests[j].gamma);
        }
        for (std::size_t j = 0; j < k; ++j) {
            for (std::size_t l = 0; l <= j; ++l) {
                covariance[j * k + l] += w[j] * w[l] * terms.variance[t];
            }
        }
    }
    result.correlation.assign(k * k, 0.0);
    const bool all_defined = std::all_of(result.tests.begin(), result.tests.end(),
                                         [](const WeightedLogRank& test) { return test.defined; });
    if (!all_defined) {
        return result;
    }
    for (std::size_t j = 0; j < k; ++j) {
        for (std::size_t l = 0; l <= j; ++l) {
            const double r =
                j == l ? 1.0
                       : std::min(1.0, covariance[j * k + l] / std::sqrt(covariance[j * k + j] *
                                                                         covariance[l * k + l]));
            result.correlation[j * k + l] = r;
            result.correlation[l * k + j] = r;
        }
        result.z_max = std::max(result.z_max, std::fabs(result.tests[j].z));
    }
    const std::vector<double> upper(k, result.z_max);
    const std::vector<double> lower(k, -result.z_max);
    const MvnProbability inside =
        mvn_rectangle_probability(result.correlation, lower, upper, maxcombo_p_error);
    result.p = std::clamp(1 - inside.value, 0.0, 1.0);
    result.p_error = inside.error;
    result.defined = true;
    return result;
}

} // namespace triallens
