#include "cli/ae_command.h"

#include "cli/ae_safety_output.h"
#include "cli/study_source.h"
#include "cli/summary_table.h"
#include "cli/workspace_from_flags.h"

#include <triallens/analysis/workspace.h>
#include <triallens/format/adverse_event_grade_text.h>
#include <triallens/format/number_format.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace triallens::cli {

namespace {

QJsonValue optional_text(const std::optional<std::string>& text) {
    return text ? QJsonValue(QString::fromStdString(*text)) : QJsonValue();
}

QJsonObject relative_risk_json(const AeRelativeRisk& risk) {
    return {{"estimate", risk.estimate},
            {"lower", risk.lower},
            {"upper", risk.upper},
            {"fisher_p", risk.fisher_p}};
}

QJsonObject ae_json(const AeTable& table, bool exposure_adjusted) {
    QJsonArray arms;
    for (std::size_t a = 0; a < table.arms.size(); ++a) {
        arms.append(QJsonObject{{"arm", QString::fromStdString(table.arms[a])},
                                {"n", static_cast<double>(table.denominators[a])}});
    }
    QJsonArray rows;
    for (const AeRow& row : table.rows) {
        QJsonObject counts;
        QJsonObject differences;
        QJsonObject relative_risks;
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            const QString arm = QString::fromStdString(table.arms[a]);
            counts.insert(arm,
                          QJsonObject{{"any", static_cast<double>(row.counts[a].any)},
                                      {"grade3plus", static_cast<double>(row.counts[a].grade3plus)},
                                      {"events", static_cast<double>(row.counts[a].events)}});
            if (const auto& difference = row.risk_difference[a]) {
                differences.insert(
                    arm, QJsonObject{{"any", difference_json(difference->any)},
                                     {"grade3plus", difference_json(difference->grade3plus)}});
            }
            if (a < row.relative_risk.size() && row.relative_risk[a]) {
                relative_risks.insert(arm, relative_risk_json(*row.relative_risk[a]));
            }
        }
        QJsonObject json{
            {"soc", optional_text(row.soc)}, {"pt", optional_text(row.pt)}, {"counts", counts}};
        if (table.reference_arm) {
            json.insert("risk_difference", differences);
            json.insert("relative_risk", relative_risks);
        }
        if (exposure_adjusted && !row.exposure_adjusted.empty()) {
            json.insert("exposure_adjusted",
                        exposure_adjusted_json(table.arms, row.exposure_adjusted));
            json.insert("rate_difference", rate_difference_json(table.arms, row.rate_difference));
        }
        rows.append(json);
    }
    QJsonObject json{
        {"schema", "triallens.ae/1"},
        {"arms", arms},
        {"rows", rows},
        {"grade_variable", table.grade_variable.empty()
                               ? QJsonValue()
                               : QJsonValue(QString::fromStdString(table.grade_variable))}};
    if (table.reference_arm) {
        json.insert("reference", QString::fromStdString(table.arms[*table.reference_arm]));
        json.insert("conf_level", table.conf_level);
    }
    if (exposure_adjusted) {
        json.insert("exposure", exposure_json(table));
    }
    return json;
}

std::string percent_cell(std::size_t count, std::size_t n) {
    return count_of_text(count, n);
}

std::string difference_cell(const AeDifference& difference) {
    return difference_ci_text(100 * difference.estimate, 100 * difference.lower,
                              100 * difference.upper);
}

// Counts and percentages per arm, then per compared arm its risk difference
// from the reference in percentage points with the Miettinen–Nurminen CI.
// Each block has a heading over two cells (any grade, severe_heading()) and is as
// wide as the wider of its heading and its cells; with --exposure-adjusted, each
// arm's rates follow in blocks of one cell (cell 0).
std::string ae_text(const AeTable& table, bool exposure_adjusted) {
    struct Block {
        std::string heading;
        std::size_t cell = 0;  // width of the any-grade cell
        std::size_t width = 0; // of the whole block
        std::function<std::pair<std::string, std::string>(const AeRow&)> cells;
    };
    std::vector<Block> blocks;
    for (std::size_t a = 0; a < table.arms.size(); ++a) {
        blocks.push_back({table.arms[a] + " (N=" + std::to_string(table.denominators[a]) + ")", 15,
                          30, [&table, a](const AeRow& row) {
                              return std::pair{
                                  percent_cell(row.counts[a].any, table.denominators[a]),
                                  percent_cell(row.counts[a].grade3plus, table.denominators[a])};
                          }});
    }
    const std::string level = conf_level_text(table.conf_level);
    for (std::size_t a = 0; a < table.arms.size(); ++a) {
        if (!table.reference_arm || a == *table.reference_arm) {
            continue;
        }
        blocks.push_back(
            {table.arms[a] + " - " + table.arms[*table.reference_arm] + ", % (" + level + " CI)",
             22, 44, [a](const AeRow& row) {
                 const auto& difference = row.risk_difference[a];
                 return difference ? std::pair{difference_cell(difference->any),
                                               difference_cell(difference->grade3plus)}
                                   : std::pair{std::string(), std::string()};
             }});
    }
    if (exposure_adjusted && !table.patient_years.empty()) {
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            blocks.push_back(
                {table.arms[a] + " EAIR (" + level + " CI)", 0, 24, [a](const AeRow& row) {
                     const auto& rate = row.exposure_adjusted[a];
                     return std::pair{rate ? rate_ci_text(*rate) : std::string(), std::string()};
                 }});
        }
    }
    std::size_t label_width = 20;
    for (const AeRow& row : table.rows) {
        label_width = std::max(label_width, (row.pt    ? display_width(*row.pt) + 2
                                             : row.soc ? display_width(*row.soc)
                                                       : 0));
    }
    std::string heading(label_width, ' ');
    std::string subheading(label_width, ' ');
    const std::string severe_title = severe_heading(table.grade_variable);
    for (Block& block : blocks) {
        block.width = std::max(block.width, display_width(block.heading));
        heading += "  " + padded(block.heading, block.width);
        // A block of cell 0 has one cell: the rates, of any grade.
        subheading += block.cell == 0 ? "  " + padded("Any, per 100 PY", block.width)
                                      : "  " + padded("Any", block.cell) +
                                            padded(severe_title, block.width - block.cell);
    }
    std::string out = heading + "\n" + subheading + "\n";
    for (const AeRow& row : table.rows) {
        out += padded(row.pt    ? "  " + *row.pt
                      : row.soc ? *row.soc
                                : "Any adverse event",
                      label_width);
        for (const Block& block : blocks) {
            const auto [any, severe] = block.cells(row);
            out += block.cell == 0
                       ? "  " + padded(any, block.width)
                       : "  " + padded(any, block.cell) + padded(severe, block.width - block.cell);
        }
        out += "\n";
    }
    out += "\n" + grade_note(table.grade_variable) + "\n";
    return exposure_adjusted ? out + exposure_note(table) : out;
}

} // namespace

AeTable adverse_event_table_of(const Study& study, const CommandLine& line) {
    return adverse_event_table_of(study, workspace_from_flags(study, line));
}

AeTable adverse_event_table_of(const Study& study, const WorkspaceSpec& workspace) {
    WorkspaceAdverseEvents ae = workspace_adverse_events(study, workspace);
    if (!ae.table) {
        throw std::runtime_error(ae.error.empty() ? "the study has no adverse events" : ae.error);
    }
    return std::move(*ae.table);
}

int run_ae(const CommandLine& line) {
    const Study study = load_study(line);
    WorkspaceAdverseEvents ae = workspace_adverse_events(study, workspace_from_flags(study, line));
    if (!ae.table) {
        throw std::runtime_error(ae.error.empty() ? "the study has no adverse events" : ae.error);
    }
    const AeTable& table = *ae.table;
    if (line.json) {
        QJsonObject json = ae_json(table, line.ae_exposure_adjusted);
        if (line.ae_overview && ae.overview) {
            json.insert("overview", ae_overview_json(*ae.overview, line.ae_exposure_adjusted));
        }
        std::cout << QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString();
    } else {
        std::cout << caveat_heading(study.name, study.synthetic, study.reconstructed);
        if (line.ae_overview && ae.overview) {
            std::cout << ae_overview_text(*ae.overview, line.ae_exposure_adjusted) << "\n";
        }
        std::cout << ae_text(table, line.ae_exposure_adjusted);
    }
    return 0;
}

} // namespace triallens::cli
