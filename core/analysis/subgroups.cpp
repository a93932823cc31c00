#include "subgroups.h"

#include "triallens/stats/cox_regression.h"
#include "triallens/stats/event_table.h"
#include "triallens/stats/kaplan_meier.h"
#include "triallens/stats/log_rank.h"

#include <algorithm>
#include <cmath>

namespace triallens {

namespace {

std::size_t estimable(const CoxFit& fit) {
    return static_cast<std::size_t>(std::count(fit.aliased.begin(), fit.aliased.end(), false));
}

CoxFit fit_patterns(const RiskSetCounts& counts, const std::vector<std::vector<double>>& columns,
                    const CoxOptions& options) {
    std::vector<double> covariates;
    for (const auto& column : columns) {
        covariates.insert(covariates.end(), column.begin(), column.end());
    }
    return fit_cox(PatternCoxInput{&counts, columns.size(), covariates}, options);
}

// Interaction: arm + level dummies (+ arm × level) against the model without;
// the counts' pattern is treated + 2 × level index. nullopt when the data
// estimate no interaction term.
std::optional<double> interaction_p(const RiskSetCounts& counts, std::size_t levels,
                                    const CoxOptions& options, const std::string& name,
                                    std::vector<std::string>& warnings) {
    const std::size_t patterns = counts.patterns;
    std::vector<std::vector<double>> reduced(1, std::vector<double>(patterns));
    for (std::size_t g = 0; g < patterns; ++g) {
        reduced[0][g] = static_cast<double>(g % 2);
    }
    for (std::size_t l = 1; l < levels; ++l) {
        std::vector<double> dummy(patterns);
        for (std::size_t g = 0; g < patterns; ++g) {
            dummy[g] = g / 2 == l ? 1 : 0;
        }
        reduced.push_back(std::move(dummy));
    }
    std::vector<std::vector<double>> full = reduced;
    for (std::size_t l = 1; l < levels; ++l) {
        std::vector<double> product(patterns);
        for (std::size_t g = 0; g < patterns; ++g) {
            product[g] = reduced[l][g] * reduced[0][g];
        }
        full.push_back(std::move(product));
    }
    const CoxFit without = fit_patterns(counts, reduced, options);
    const CoxFit with = fit_patterns(counts, full, options);
    for (const auto& warning : with.warnings) {
        warnings.push_back(name + " interaction model: " + warning);
    }
    // df counts the interaction terms the data can estimate: a level holding
    // one arm only makes its term aliased (R's NA).
    const std::size_t df = estimable(with) - estimable(without);
    if (df == 0) {
        return std::nullopt;
    }
    return chisq_upper_tail(2 * (with.loglik - without.loglik), df);
}

} // namespace

std::vector<std::int32_t> subgroup_patterns(const Variable& variable,
                                            std::span<const std::int32_t> subject_arm,
                                            std::int32_t reference, std::int32_t compare) {
    std::vector<std::int32_t> pattern(subject_arm.size(), -1);
    for (std::size_t s = 0; s < pattern.size(); ++s) {
        const std::int32_t a = subject_arm[s];
        const std::int32_t level = variable.codes()[s];
        if (a == reference || a == compare) {
            pattern[s] = level >= 0 ? (a == compare ? 1 : 0) + 2 * level
                                    : static_cast<std::int32_t>(2 * variable.levels().size());
        }
    }
    return pattern;
}

std::size_t subgroup_pattern_count(const Variable& variable) {
    return 2 * variable.levels().size() + 1;
}

std::vector<SubgroupRow> analyse_subgroups(const Study& study, const Variable& arm,
                                           std::int32_t reference, std::int32_t compare,
                                           std::span<const RiskSetCounts> counts,
                                           const AnalysisSpec& spec, const CoxOptions& fit_options,
                                           std::vector<std::string>& warnings) {
    CoxOptions options = fit_options;
    options.ties = spec.ties;
    const double z = normal_critical_value(spec.km.conf_level);
    std::vector<SubgroupRow> rows;
    for (std::size_t v = 0; v < spec.subgroups.size(); ++v) {
        const std::string& name = spec.subgroups[v];
        const Variable& variable = *study.subjects.find(name);
        const RiskSetCounts& all_levels = counts[v];

        // Levels in level order, keeping those present among the records;
        // the records with the level missing are counted, then left out.
        const std::size_t missing_pattern = 2 * variable.levels().size();
        std::vector<bool> seen(variable.levels().size(), false);
        std::size_t missing = 0;
        for (const CountEntry& entry : all_levels.entries) {
            if (entry.pattern == missing_pattern) {
                missing += entry.deaths + entry.censored;
            } else {
                seen[entry.pattern / 2] = true;
            }
        }
        if (missing > 0) {
            warnings.push_back(std::to_string(missing) + " records with a missing " + name +
                               " are left out of its subgroups and interaction test");
        }
        std::vector<std::int32_t> present;
        std::vector<std::int32_t> to_dense(all_levels.patterns, -1);
        for (std::size_t l = 0; l < seen.size(); ++l) {
            if (seen[l]) {
                const auto index = static_cast<std::int32_t>(present.size());
                to_dense[2 * l] = 2 * index;
                to_dense[2 * l + 1] = 2 * index + 1;
                present.push_back(static_cast<std::int32_t>(l));
            }
        }
        const RiskSetCounts by_level = select_patterns(all_levels, to_dense, 2 * present.size());

        std::optional<double> interaction;
        if (present.size() >= 2) {
            interaction = interaction_p(by_level, present.size(), options, name, warnings);
        }

        for (std::size_t l = 0; l < present.size(); ++l) {
            SubgroupRow row;
            row.variable = name;
            row.level = variable.levels()[static_cast<std::size_t>(present[l])];
            row.interaction_p = interaction;
            std::vector<std::int32_t> only_level(by_level.patterns, -1);
            only_level[2 * l] = 0;
            only_level[2 * l + 1] = 1;
            const RiskSetCounts level = select_patterns(by_level, only_level, 2);
            const RiskSetCounts pooled = pool_strata(level);
            for (const std::int32_t code : {reference, compare}) {
                const EventTable table = event_table(pooled, code == compare ? 1 : 0);
                SubgroupArm summary;
                summary.arm = arm.levels()[static_cast<std::size_t>(code)];
                summary.n = table.n;
                if (table.n > 0) {
                    const KaplanMeier km = fit_kaplan_meier(table, spec.km);
                    summary.events = km.n_events;
                    summary.median = survival_quantile(km, 0.5);
                }
                row.n += summary.n;
                row.events += summary.events;
                row.arms.push_back(summary);
            }
            if (row.arms[0].n > 0 && row.arms[1].n > 0 && row.events > 0) {
                const CoxFit fit = fit_patterns(level, {{0.0, 1.0}}, options);
                const double se = std::sqrt(fit.var[0]);
                row.hr = std::exp(fit.coef[0]);
                row.lower = std::exp(fit.coef[0] - z * se);
                row.upper = std::exp(fit.coef[0] + z * se);
                for (const auto& warning : fit.warnings) {
                    warnings.push_back(name + " = " + row.level + ": " + warning);
                }
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

} // namespace triallens
