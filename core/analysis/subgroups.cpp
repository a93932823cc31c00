#include "subgroups.h"

#include "triallens/stats/cox_regression.h"
#include "triallens/stats/event_table.h"
#include "triallens/stats/kaplan_meier.h"
#include "triallens/stats/log_rank.h"

#include <algorithm>
#include <cmath>

namespace triallens {

namespace {

// The records of one variable's analysis: both arms, known level and stratum.
struct Records {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::uint8_t> treated; // 1 = compared arm, 0 = reference
    std::vector<std::int32_t> level;   // index into the levels present
    std::vector<std::int32_t> stratum;

    std::size_t size() const { return time.size(); }
};

// Cox fit on the records selected by `keep`, with the given covariate columns.
CoxFit fit_on(const Records& r, const std::vector<std::size_t>& rows,
              const std::vector<std::vector<double>>& columns, const AnalysisSpec& spec) {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::int32_t> stratum;
    for (const std::size_t i : rows) {
        time.push_back(r.time[i]);
        event.push_back(r.event[i]);
        stratum.push_back(r.stratum[i]);
    }
    std::vector<double> covariates;
    for (const auto& column : columns) {
        for (const std::size_t i : rows) {
            covariates.push_back(column[i]);
        }
    }
    return fit_cox({time, event, stratum, columns.size(), covariates}, {spec.ties});
}

} // namespace

std::vector<SubgroupRow>
analyse_subgroups(const Study& study, const TimeToEvent& endpoint, const Variable& arm,
                  std::span<const std::int32_t> subject_arm, std::int32_t reference,
                  std::int32_t compare, std::span<const std::int32_t> subject_stratum,
                  const AnalysisSpec& spec, std::vector<std::string>& warnings) {
    const double z = normal_critical_value(spec.km.conf_level);
    std::vector<SubgroupRow> rows;
    for (const auto& name : spec.subgroups) {
        const Variable& variable = *study.subjects.find(name);

        // Levels in sort order, keeping those present among the records.
        Records r;
        std::vector<std::int32_t> level_index(variable.levels.size(), -1);
        std::vector<std::int32_t> present;
        for (std::size_t i = 0; i < endpoint.size(); ++i) {
            const auto subject = static_cast<std::size_t>(endpoint.subject[i]);
            const std::int32_t a = subject_arm[subject];
            const std::int32_t level = variable.codes[subject];
            if ((a != reference && a != compare) || level < 0 || subject_stratum[subject] < 0) {
                continue;
            }
            r.time.push_back(endpoint.time[i]);
            r.event.push_back(endpoint.event[i]);
            r.treated.push_back(a == compare ? 1 : 0);
            r.level.push_back(level);
            r.stratum.push_back(subject_stratum[subject]);
        }
        apply_timefix(r.time);
        std::vector<bool> seen(variable.levels.size(), false);
        for (const auto level : r.level) {
            seen[static_cast<std::size_t>(level)] = true;
        }
        for (std::size_t l = 0; l < seen.size(); ++l) {
            if (seen[l]) {
                level_index[l] = static_cast<std::int32_t>(present.size());
                present.push_back(static_cast<std::int32_t>(l));
            }
        }

        // Interaction: arm + level dummies (+ arm × level) against the model without.
        std::optional<double> interaction_p;
        if (present.size() >= 2) {
            std::vector<std::vector<double>> reduced{
                std::vector<double>(r.treated.begin(), r.treated.end())};
            for (std::size_t l = 1; l < present.size(); ++l) {
                std::vector<double> dummy(r.size());
                for (std::size_t i = 0; i < r.size(); ++i) {
                    dummy[i] = level_index[static_cast<std::size_t>(r.level[i])] ==
                                       static_cast<std::int32_t>(l)
                                   ? 1
                                   : 0;
                }
                reduced.push_back(std::move(dummy));
            }
            std::vector<std::vector<double>> full = reduced;
            for (std::size_t l = 1; l < present.size(); ++l) {
                std::vector<double> product(r.size());
                for (std::size_t i = 0; i < r.size(); ++i) {
                    product[i] = reduced[l][i] * r.treated[i];
                }
                full.push_back(std::move(product));
            }
            std::vector<std::size_t> all(r.size());
            for (std::size_t i = 0; i < r.size(); ++i) {
                all[i] = i;
            }
            const CoxFit without = fit_on(r, all, reduced, spec);
            const CoxFit with = fit_on(r, all, full, spec);
            // df counts the interaction terms the data can estimate: a level
            // holding one arm only makes its term aliased (R's NA).
            const auto estimable = [](const CoxFit& fit) {
                return static_cast<std::size_t>(
                    std::count(fit.aliased.begin(), fit.aliased.end(), false));
            };
            const std::size_t df = estimable(with) - estimable(without);
            if (df > 0) {
                const double lr = 2 * (with.loglik - without.loglik);
                interaction_p = chisq_upper_tail(lr, df);
            }
            for (const auto& warning : with.warnings) {
                warnings.push_back(name + " interaction model: " + warning);
            }
        }

        for (std::size_t l = 0; l < present.size(); ++l) {
            SubgroupRow row;
            row.variable = name;
            row.level = variable.levels[static_cast<std::size_t>(present[l])];
            row.interaction_p = interaction_p;
            std::vector<std::size_t> members;
            for (std::size_t i = 0; i < r.size(); ++i) {
                if (level_index[static_cast<std::size_t>(r.level[i])] ==
                    static_cast<std::int32_t>(l)) {
                    members.push_back(i);
                }
            }
            row.n = members.size();
            for (const std::int32_t code : {reference, compare}) {
                const std::uint8_t treated = code == compare ? 1 : 0;
                std::vector<double> time;
                std::vector<std::uint8_t> event;
                for (const std::size_t i : members) {
                    if (r.treated[i] == treated) {
                        time.push_back(r.time[i]);
                        event.push_back(r.event[i]);
                    }
                }
                SubgroupArm summary;
                summary.arm = arm.levels[static_cast<std::size_t>(code)];
                summary.n = time.size();
                if (!time.empty()) {
                    const KaplanMeier km =
                        fit_kaplan_meier(tabulate_events(time, event, false), spec.km);
                    summary.events = km.n_events;
                    summary.median = survival_quantile(km, 0.5);
                }
                row.events += summary.events;
                row.arms.push_back(summary);
            }
            if (row.arms[0].n > 0 && row.arms[1].n > 0 && row.events > 0) {
                const CoxFit fit = fit_on(
                    r, members, {std::vector<double>(r.treated.begin(), r.treated.end())}, spec);
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
