#include "cox_model.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <unordered_map>

namespace triallens {

namespace {

// More patterns than this and grouping stops paying: the covariates are
// continuous, and every record becomes its own pattern.
constexpr std::size_t most_patterns = 1024;

std::uint64_t bits_of(double value) {
    return value == 0 ? 0 : std::bit_cast<std::uint64_t>(value); // -0 groups with +0
}

// Pattern of each record (p >= 1 covariates), or an empty vector when there
// are too many patterns.
std::vector<std::uint32_t> group_rows(const CoxInput& input, std::vector<double>& pattern_x) {
    const std::size_t n = input.time.size();
    const std::size_t p = input.n_terms;
    std::vector<std::uint32_t> pattern(n);
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> by_hash;
    std::vector<double> rows; // pattern-major while grouping
    for (std::size_t i = 0; i < n; ++i) {
        std::uint64_t hash = 0x9e3779b97f4a7c15ULL;
        for (std::size_t j = 0; j < p; ++j) {
            hash = (hash ^ bits_of(input.covariates[j * n + i])) * 0x100000001b3ULL;
            hash ^= hash >> 29;
        }
        auto& candidates = by_hash[hash];
        std::int64_t found = -1;
        for (const std::uint32_t g : candidates) {
            bool equal = true;
            for (std::size_t j = 0; j < p && equal; ++j) {
                equal = rows[g * p + j] == input.covariates[j * n + i];
            }
            if (equal) {
                found = g;
                break;
            }
        }
        if (found < 0) {
            found = static_cast<std::int64_t>(rows.size() / p);
            if (static_cast<std::size_t>(found) >= most_patterns) {
                return {};
            }
            candidates.push_back(static_cast<std::uint32_t>(found));
            for (std::size_t j = 0; j < p; ++j) {
                rows.push_back(input.covariates[j * n + i]);
            }
        }
        pattern[i] = static_cast<std::uint32_t>(found);
    }
    const std::size_t patterns = rows.size() / p;
    pattern_x.assign(patterns * p, 0.0);
    for (std::size_t g = 0; g < patterns; ++g) {
        for (std::size_t j = 0; j < p; ++j) {
            pattern_x[j * patterns + g] = rows[g * p + j];
        }
    }
    return pattern;
}

void centre_and_scale(CoxModel& model, CovariateScale rule) {
    const std::vector<double> records = model.counts.records_per_pattern();
    double total = 0;
    for (const double r : records) {
        total += r;
    }
    model.scale.resize(model.x.cols());
    for (Eigen::Index j = 0; j < model.x.cols(); ++j) {
        auto column = model.x.col(j);
        double sum = 0;
        for (Eigen::Index g = 0; g < column.size(); ++g) {
            sum += records[static_cast<std::size_t>(g)] * column(g);
        }
        const double mean = total > 0 ? sum / total : 0;
        column.array() -= mean;
        double spread = 0;
        for (Eigen::Index g = 0; g < column.size(); ++g) {
            const double value = column(g);
            spread +=
                records[static_cast<std::size_t>(g)] *
                (rule == CovariateScale::StandardDeviation ? value * value : std::fabs(value));
        }
        double size = 0;
        if (rule == CovariateScale::StandardDeviation) {
            size = total > 1 ? std::sqrt(spread / (total - 1)) : 0;
        } else {
            size = total > 0 ? spread / total : 0;
        }
        model.scale(j) = size > 0 ? 1 / size : 1.0;
        column *= model.scale(j);
    }
}

} // namespace

CoxModel prepare_cox_model(const CoxInput& input, const CoxOptions& options, CovariateScale scale) {
    const std::size_t n = input.time.size();
    const std::size_t p = input.n_terms;
    if (input.event.size() != n || (!input.stratum.empty() && input.stratum.size() != n) ||
        input.covariates.size() != n * p) {
        throw std::invalid_argument("fit_cox: inputs differ in length");
    }
    std::vector<double> time(input.time.begin(), input.time.end());
    apply_timefix(time);

    std::vector<double> pattern_x;
    std::vector<std::uint32_t> pattern;
    std::size_t patterns = 0;
    if (p == 0) { // no covariates: one pattern
        pattern.assign(n, 0);
        patterns = n > 0 ? 1 : 0;
    } else {
        if (options.group_patterns) {
            pattern = group_rows(input, pattern_x);
        }
        if (pattern.empty()) { // every record its own pattern
            pattern.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                pattern[i] = static_cast<std::uint32_t>(i);
            }
            pattern_x.assign(input.covariates.begin(), input.covariates.end());
        }
        patterns = pattern_x.size() / p;
    }
    CoxModel model;
    model.counts = count_records(time, input.event, input.stratum, pattern, patterns);
    model.x = Eigen::Map<const Eigen::MatrixXd>(
        pattern_x.data(), static_cast<Eigen::Index>(patterns), static_cast<Eigen::Index>(p));
    model.closed_form_ties = options.group_patterns;
    centre_and_scale(model, scale);
    return model;
}

CoxModel prepare_cox_model(const PatternCoxInput& input, CovariateScale scale) {
    const RiskSetCounts& counts = *input.counts;
    if (input.covariates.size() != counts.patterns * input.n_terms) {
        throw std::invalid_argument("fit_cox: one covariate value per pattern and term is needed");
    }
    CoxModel model;
    model.counts = counts;
    model.x = Eigen::Map<const Eigen::MatrixXd>(input.covariates.data(),
                                                static_cast<Eigen::Index>(counts.patterns),
                                                static_cast<Eigen::Index>(input.n_terms));
    centre_and_scale(model, scale);
    return model;
}

} // namespace triallens
