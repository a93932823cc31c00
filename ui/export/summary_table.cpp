#include "export/summary_table.h"

#include "export/table_notes.h"
#include "models/forest_model.h"
#include "models/number_text.h"
#include "views/km_figure_text.h"

#include <triallens/analysis/refit.h>

#include <algorithm>
#include <memory>

namespace triallens::ui {

std::vector<ResultsPtr> refit_endpoints(const Study& study, const AnalysisSpec& spec) {
    std::vector<ResultsPtr> per_endpoint;
    for (const TimeToEvent& endpoint : study.endpoints) {
        AnalysisSpec one = spec;
        one.paramcd = endpoint.paramcd();
        one.subgroups.clear();
        one.curves_by.clear();
        per_endpoint.push_back(
            std::make_shared<const Results>(refit(study, resolve_spec(study, one))));
    }
    return per_endpoint;
}

ExportTable summary_table(const std::vector<ResultsPtr>& per_endpoint) {
    std::vector<const Results*> endpoints;
    for (const ResultsPtr& results : per_endpoint) {
        if (results) {
            endpoints.push_back(results.get());
        }
    }
    ExportTable table;
    table.title = QStringLiteral("Efficacy summary");
    if (endpoints.empty()) {
        return table;
    }
    const Results& first = *endpoints.front();
    if (!first.study_name.empty()) {
        table.title += QStringLiteral(": ") + QString::fromStdString(first.study_name);
    }
    // The unit goes in the heading when every endpoint shares it, else on
    // each endpoint's row.
    const bool one_unit = std::all_of(endpoints.begin(), endpoints.end(), [&](const Results* r) {
        return r->time_unit == first.time_unit;
    });
    const QString first_unit = QString::fromStdString(first.time_unit).toLower();
    const double level = first.arms.empty() ? 0.95 : first.arms.front().km.options.conf_level;
    const QString level_text = QStringLiteral("%1%").arg(level * 100, 0, 'g', 3);
    table.header.push_back({{QStringLiteral("Endpoint / arm")},
                            {QStringLiteral("n")},
                            {QStringLiteral("Events")},
                            {one_unit && !first_unit.isEmpty()
                                 ? QStringLiteral("Median, %1 (%2 CI)").arg(first_unit, level_text)
                                 : QStringLiteral("Median (%1 CI)").arg(level_text)},
                            {QStringLiteral("HR (%1 CI)").arg(level_text)},
                            {QStringLiteral("p (Wald)")},
                            {QStringLiteral("Log-rank p")}});

    for (const Results* results : endpoints) {
        ExportRow endpoint;
        endpoint.bold = true;
        QString label = endpoint_title(*results);
        if (!one_unit && !results->time_unit.empty()) {
            label +=
                QStringLiteral(", %1").arg(QString::fromStdString(results->time_unit).toLower());
        }
        endpoint.cells << label << QString::number(results->n) << QString::number(results->events)
                       << QString() << QString() << QString()
                       << (results->logrank ? p_value_text(results->logrank->p) : QString());
        table.rows.push_back(endpoint);
        for (const ArmSurvival& arm : results->arms) {
            ExportRow row;
            row.level = 1;
            row.cells << QString::fromStdString(arm.arm) << QString::number(arm.km.n)
                      << QString::number(arm.km.n_events) << format_median(arm.median);
            const HazardRatio* term = nullptr;
            if (results->cox) {
                const auto found =
                    std::find_if(results->cox->terms.begin(), results->cox->terms.end(),
                                 [&](const HazardRatio& t) { return t.arm == arm.arm; });
                term = found == results->cox->terms.end() ? nullptr : &*found;
            }
            if (term) {
                row.cells << ForestModel::formatHazardRatio(term->hr, term->lower, term->upper)
                          << p_value_text(term->p);
            } else if (results->cox && results->cox->reference_arm == arm.arm) {
                row.cells << QStringLiteral("reference") << QString();
            } else {
                row.cells << QString() << QString();
            }
            row.cells << QString();
            table.rows.push_back(row);
        }
    }
    table.footnotes = survival_notes(first, true);
    return table;
}

} // namespace triallens::ui
