#include "cli/ae_safety_output.h"

#include "cli/summary_table.h"

#include <triallens/format/number_format.h>

#include <QString>

#include <algorithm>
#include <functional>

namespace triallens::cli {

namespace {

QString name_of(const std::string& arm) {
    return QString::fromStdString(arm);
}

} // namespace

QJsonObject difference_json(const AeDifference& difference) {
    return {{"estimate", difference.estimate},
            {"lower", difference.lower},
            {"upper", difference.upper}};
}

QJsonObject exposure_adjusted_json(const std::vector<std::string>& arms,
                                   const std::vector<std::optional<ExposureAdjustedRate>>& rates) {
    QJsonObject json;
    for (std::size_t a = 0; a < arms.size() && a < rates.size(); ++a) {
        if (const auto& rate = rates[a]) {
            json.insert(name_of(arms[a]),
                        QJsonObject{{"subjects", static_cast<double>(rate->subjects)},
                                    {"patient_years", rate->patient_years},
                                    {"rate", rate->rate},
                                    {"lower", rate->lower},
                                    {"upper", rate->upper}});
        }
    }
    return json;
}

QJsonObject rate_difference_json(const std::vector<std::string>& arms,
                                 const std::vector<std::optional<AeDifference>>& differences) {
    QJsonObject json;
    for (std::size_t a = 0; a < arms.size() && a < differences.size(); ++a) {
        if (const auto& difference = differences[a]) {
            json.insert(name_of(arms[a]), difference_json(*difference));
        }
    }
    return json;
}

QJsonValue exposure_json(const AeTable& table) {
    if (table.patient_years.empty()) {
        return QJsonValue();
    }
    QJsonObject years;
    for (std::size_t a = 0; a < table.arms.size(); ++a) {
        years.insert(name_of(table.arms[a]), table.patient_years[a]);
    }
    return QJsonObject{{"source", QString::fromStdString(table.exposure_source)},
                       {"patient_years", years},
                       {"missing", static_cast<double>(table.exposure_missing)}};
}

QJsonArray ae_overview_json(const AeOverview& overview, bool exposure_adjusted) {
    QJsonArray rows;
    for (const AeOverviewRow& row : overview.rows) {
        QJsonObject json{{"key", QString::fromStdString(row.key)},
                         {"category", QString::fromStdString(row.category)},
                         {"recorded", row.recorded}};
        if (!row.recorded) {
            json.insert("not_recorded", QString::fromStdString(row.not_recorded));
            rows.append(json);
            continue;
        }
        QJsonObject counts;
        for (std::size_t a = 0; a < overview.arms.size(); ++a) {
            counts.insert(
                name_of(overview.arms[a]),
                QJsonObject{{"n", static_cast<double>(row.counts[a])}, {"pct", row.pct[a]}});
        }
        json.insert("counts", counts);
        json.insert("risk_difference", rate_difference_json(overview.arms, row.risk_difference));
        if (exposure_adjusted && !row.exposure_adjusted.empty()) {
            json.insert("exposure_adjusted",
                        exposure_adjusted_json(overview.arms, row.exposure_adjusted));
            json.insert("rate_difference",
                        rate_difference_json(overview.arms, row.rate_difference));
        }
        rows.append(json);
    }
    return rows;
}

std::string rate_ci_text(const ExposureAdjustedRate& rate) {
    return decimal_text(rate.rate, 1) + " (" + decimal_text(rate.lower, 1) + ", " +
           decimal_text(rate.upper, 1) + ")";
}

std::string ae_overview_text(const AeOverview& overview, bool exposure_adjusted) {
    const bool rates = exposure_adjusted && std::any_of(overview.rows.begin(), overview.rows.end(),
                                                        [](const AeOverviewRow& row) {
                                                            return !row.exposure_adjusted.empty();
                                                        });
    const std::string level = conf_level_text(overview.conf_level);
    struct Column {
        std::string heading;
        std::size_t width;
        std::function<std::string(const AeOverviewRow&)> cell;
    };
    std::vector<Column> columns;
    for (std::size_t a = 0; a < overview.arms.size(); ++a) {
        columns.push_back(
            {overview.arms[a] + " (N=" + std::to_string(overview.denominators[a]) + ")", 15,
             [a](const AeOverviewRow& row) {
                 return count_percent_text(row.counts[a], row.pct[a]);
             }});
        if (rates) {
            columns.push_back({"EAIR (" + level + " CI)", 22, [a](const AeOverviewRow& row) {
                                   return row.exposure_adjusted[a]
                                              ? rate_ci_text(*row.exposure_adjusted[a])
                                              : std::string();
                               }});
        }
    }
    for (std::size_t a = 0; overview.reference_arm && a < overview.arms.size(); ++a) {
        if (a == *overview.reference_arm) {
            continue;
        }
        const std::string versus =
            overview.arms[a] + " - " + overview.arms[*overview.reference_arm];
        columns.push_back({versus + ", % (" + level + " CI)", 22, [a](const AeOverviewRow& row) {
                               const auto& d = row.risk_difference[a];
                               return d ? difference_ci_text(100 * d->estimate, 100 * d->lower,
                                                             100 * d->upper)
                                        : std::string();
                           }});
        if (rates) {
            columns.push_back(
                {"EAIR difference (" + level + " CI)", 24, [a](const AeOverviewRow& row) {
                     const auto& d = row.rate_difference[a];
                     return d ? difference_ci_text(d->estimate, d->lower, d->upper) : std::string();
                 }});
        }
    }
    std::size_t label_width = 20;
    for (const AeOverviewRow& row : overview.rows) {
        label_width = std::max(label_width, display_width(row.category));
    }
    std::string out = padded("Subjects with", label_width);
    for (Column& column : columns) {
        column.width = std::max(column.width, display_width(column.heading));
        out += "  " + padded(column.heading, column.width);
    }
    out += "\n";
    for (const AeOverviewRow& row : overview.rows) {
        out += padded(row.category, label_width);
        if (!row.recorded) {
            out += "  not recorded: " + row.not_recorded + "\n";
            continue;
        }
        for (const Column& column : columns) {
            out += "  " + padded(column.cell(row), column.width);
        }
        out += "\n";
    }
    out += "\n";
    out += overview.treatment_emergent ? "TEAE: treatment-emergent adverse event (TRTEMFL \"Y\"). "
                                       : "ADAE has no TRTEMFL: every adverse event counts. ";
    out += "A subject counts once per row; risk differences in percentage points "
           "(Miettinen-Nurminen CI).\n";
    return out;
}

std::string exposure_note(const AeTable& table) {
    if (table.patient_years.empty()) {
        return "No exposure-adjusted rates: the study has no treatment duration (TRTDURD, "
               "TRTDUR, or TRTSDT and TRTEDT).\n";
    }
    std::string note = "EAIR: exposure-adjusted incidence rate, subjects with the event per 100 "
                       "patient-years of treatment (treatment days from " +
                       table.exposure_source +
                       ", to the data cut while ongoing, / 365.25, summed over the arm), "
                       "exact Poisson CI (as R's poisson.test); differences with the Wald CI.";
    note += " Patient-years:";
    for (std::size_t a = 0; a < table.arms.size(); ++a) {
        note +=
            (a == 0 ? " " : "; ") + table.arms[a] + " " + decimal_text(table.patient_years[a], 1);
    }
    note += ".";
    if (table.exposure_missing > 0) {
        note += " " + std::to_string(table.exposure_missing) +
                (table.exposure_missing == 1 ? " subject has" : " subjects have") +
                " no known duration: counted in the incidence, not in the patient-years.";
    }
    return note + "\n";
}

} // namespace triallens::cli
