#include "models/ae_figure_terms.h"

#include <algorithm>

namespace triallens::ui {

std::optional<std::size_t> ae_compared_arm(const AeTable& table, int chosen) {
    if (!table.reference_arm || table.arms.size() < 2) {
        return std::nullopt;
    }
    const std::size_t reference = *table.reference_arm;
    if (chosen >= 0 && static_cast<std::size_t>(chosen) < table.arms.size() &&
        static_cast<std::size_t>(chosen) != reference) {
        return static_cast<std::size_t>(chosen);
    }
    return reference == 0 ? 1 : 0;
}

std::vector<AeFigureTerm> ae_figure_terms(const AeTable& table, std::size_t compared) {
    std::vector<AeFigureTerm> terms;
    const std::size_t reference = table.reference_arm.value_or(0);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const AeRow& row = table.rows[r];
        if (!row.pt) {
            continue;
        }
        AeFigureTerm term;
        term.row = r;
        term.soc = QString::fromStdString(row.soc.value_or(std::string()));
        term.pt = QString::fromStdString(*row.pt);
        for (std::size_t arm = 0; arm < table.arms.size() && arm < row.counts.size(); ++arm) {
            const std::size_t n = arm < table.denominators.size() ? table.denominators[arm] : 0;
            const double percent =
                n == 0 ? 0.0
                       : 100.0 * static_cast<double>(row.counts[arm].any) / static_cast<double>(n);
            term.incidence.push_back(percent);
            term.max_incidence = std::max(term.max_incidence, percent);
        }
        if (compared < row.risk_difference.size() && row.risk_difference[compared]) {
            const AeDifference& any = row.risk_difference[compared]->any;
            term.risk_difference =
                AeDifference{100 * any.estimate, 100 * any.lower, 100 * any.upper};
        }
        if (compared < row.relative_risk.size()) {
            term.relative_risk = row.relative_risk[compared];
        }
        for (const std::size_t arm : {compared, reference}) {
            if (arm < row.counts.size()) {
                term.events += row.counts[arm].events;
            }
        }
        terms.push_back(std::move(term));
    }
    return terms;
}

std::vector<AeFigureTerm> ae_dot_plot_terms(const AeTable& table, const AeFigureOptions& options) {
    const auto compared = ae_compared_arm(table, options.compared_arm);
    if (!compared) {
        return {};
    }
    std::vector<AeFigureTerm> terms = ae_figure_terms(table, *compared);
    if (options.top_n > 0) {
        std::stable_sort(terms.begin(), terms.end(),
                         [](const AeFigureTerm& a, const AeFigureTerm& b) {
                             return a.max_incidence > b.max_incidence;
                         });
        terms.resize(std::min(terms.size(), static_cast<std::size_t>(options.top_n)));
    } else {
        // A hair below the threshold counts as reaching it: 5 of 100 is 5.0 %.
        std::erase_if(terms, [&](const AeFigureTerm& term) {
            return term.max_incidence < options.threshold_percent - 1e-9;
        });
    }
    const bool ratio = options.scale == AeRiskScale::Ratio;
    const auto key = [ratio](const AeFigureTerm& term) {
        if (ratio) {
            return term.relative_risk ? term.relative_risk->estimate : 0.0;
        }
        return term.risk_difference ? term.risk_difference->estimate : -1e300;
    };
    std::stable_sort(terms.begin(), terms.end(),
                     [&](const AeFigureTerm& a, const AeFigureTerm& b) { return key(a) > key(b); });
    return terms;
}

std::size_t ae_term_count(const AeTable& table) {
    return static_cast<std::size_t>(std::count_if(
        table.rows.begin(), table.rows.end(), [](const AeRow& row) { return row.pt.has_value(); }));
}

} // namespace triallens::ui
