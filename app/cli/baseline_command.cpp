#include "cli/baseline_command.h"

#include "cli/study_source.h"
#include "cli/summary_table.h"
#include "cli/workspace_from_flags.h"

#include <triallens/analysis/workspace.h>
#include <triallens/format/number_format.h>

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace triallens::cli {

namespace {

QJsonValue number_or_null(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonValue count(std::size_t n) {
    return static_cast<double>(n);
}

QJsonObject test_json(const BaselineTest& test) {
    return {{"method", QString::fromStdString(test.method)},
            {"statistic", number_or_null(test.statistic)},
            {"df", number_or_null(test.df)},
            {"p", number_or_null(test.p)}};
}

QJsonObject row_json(const BaselineRow& row, const std::vector<std::string>& columns) {
    QJsonObject json{{"variable", QString::fromStdString(row.variable)},
                     {"label", QString::fromStdString(row.label)}};
    if (row.type == BaselineRow::Type::Continuous) {
        json.insert("type", "continuous");
        QJsonObject stats;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const ContinuousSummary& s = row.stats[c];
            stats.insert(QString::fromStdString(columns[c]),
                         QJsonObject{{"n", count(s.n)},
                                     {"mean", number_or_null(s.mean)},
                                     {"sd", number_or_null(s.sd)},
                                     {"median", number_or_null(s.median)},
                                     {"q1", number_or_null(s.q1)},
                                     {"q3", number_or_null(s.q3)},
                                     {"min", number_or_null(s.min)},
                                     {"max", number_or_null(s.max)},
                                     {"missing", count(s.missing)}});
        }
        json.insert("stats", stats);
    } else {
        json.insert("type", "categorical");
        QJsonArray levels;
        for (const BaselineLevel& level : row.levels) {
            QJsonObject counts;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                counts.insert(QString::fromStdString(columns[c]),
                              QJsonObject{{"n", count(level.counts[c].n)},
                                          {"pct", number_or_null(level.counts[c].pct)}});
            }
            levels.append(
                QJsonObject{{"level", QString::fromStdString(level.level)}, {"counts", counts}});
        }
        json.insert("levels", levels);
        QJsonObject missing;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            missing.insert(QString::fromStdString(columns[c]), count(row.missing[c]));
        }
        json.insert("missing", missing);
    }
    json.insert("test", row.test ? QJsonValue(test_json(*row.test)) : QJsonValue());
    return json;
}

// The decimals of a continuous row: those of its values (their minima and
// maxima stand for them), so AGE prints whole years and BMIBL one decimal.
int row_decimals(const BaselineRow& row) {
    std::vector<double> values;
    for (const ContinuousSummary& s : row.stats) {
        for (const auto& value : {s.min, s.max}) {
            if (value) {
                values.push_back(*value);
            }
        }
    }
    return data_decimals(values, 2);
}

std::string optional_text(const std::optional<double>& value, int decimals) {
    return value ? decimal_text(*value, decimals) : std::string("-");
}

// One line: a label then a cell per column, each padded to its width.
std::string line_of(const std::string& label, const std::vector<std::string>& cells,
                    std::size_t label_width, const std::vector<std::size_t>& widths) {
    std::string out = padded(label, label_width);
    for (std::size_t c = 0; c < cells.size(); ++c) {
        out += "  " + padded(cells[c], widths[c]);
    }
    while (!out.empty() && out.back() == ' ') {
        out.pop_back();
    }
    return out + "\n";
}

// Rows of label + cells, aligned: the label column as wide as its widest
// entry, each cell column as wide as its heading or widest cell.
std::string aligned(const std::vector<std::string>& headings,
                    const std::vector<std::pair<std::string, std::vector<std::string>>>& rows) {
    std::size_t label_width = 0;
    std::vector<std::size_t> widths;
    for (const std::string& heading : headings) {
        widths.push_back(display_width(heading));
    }
    for (const auto& [label, cells] : rows) {
        label_width = std::max(label_width, display_width(label));
        for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
            widths[c] = std::max(widths[c], display_width(cells[c]));
        }
    }
    std::string out = line_of("", headings, label_width, widths);
    for (const auto& [label, cells] : rows) {
        out += line_of(label, cells, label_width, widths);
    }
    return out;
}

std::vector<std::string> column_headings(const std::vector<std::string>& columns,
                                         const std::vector<std::size_t>& n) {
    std::vector<std::string> headings;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        headings.push_back(columns[c] + " (N=" + std::to_string(n[c]) + ")");
    }
    return headings;
}

std::string test_text(const std::optional<BaselineTest>& test) {
    if (!test) {
        return "";
    }
    return p_value_text(test->p) + " (" + test->method + ")";
}

} // namespace

QJsonObject baseline_json(const BaselineTable& table, const Disposition* disposition) {
    QJsonArray arms;
    for (const std::string& column : table.columns) {
        arms.append(QString::fromStdString(column));
    }
    QJsonObject n;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        n.insert(QString::fromStdString(table.columns[c]), count(table.n[c]));
    }
    QJsonArray rows;
    for (const BaselineRow& row : table.rows) {
        rows.append(row_json(row, table.columns));
    }
    QJsonArray notes;
    for (const std::string& note : table.notes) {
        notes.append(QString::fromStdString(note));
    }
    QJsonArray stages;
    QJsonArray sources;
    if (disposition != nullptr) {
        for (const DispositionRow& row : disposition->rows) {
            QJsonObject counts;
            QJsonObject pct;
            for (std::size_t c = 0; c < disposition->columns.size(); ++c) {
                const QString column = QString::fromStdString(disposition->columns[c]);
                counts.insert(column, count(row.counts[c]));
                pct.insert(column, row.pct[c]);
            }
            stages.append(QJsonObject{
                {"stage", QString::fromStdString(row.stage)},
                {"reason", row.reason.empty() ? QJsonValue()
                                              : QJsonValue(QString::fromStdString(row.reason))},
                {"counts", counts},
                {"pct", pct}});
        }
        for (const std::string& source : disposition->sources) {
            sources.append(QString::fromStdString(source));
        }
    }
    return QJsonObject{{"schema", "triallens.baseline/1"},
                       {"arm_variable", QString::fromStdString(table.arm_variable)},
                       {"arms", arms},
                       {"n", n},
                       {"population", QString::fromStdString(table.population)},
                       {"quantile_type", table.quantile_type},
                       {"p_values", table.p_values},
                       {"rows", rows},
                       {"notes", notes},
                       {"disposition", stages},
                       {"disposition_sources", sources}};
}

std::string baseline_text(const BaselineTable& table, const Disposition* disposition) {
    std::vector<std::string> headings = column_headings(table.columns, table.n);
    if (table.p_values) {
        headings.emplace_back("p");
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> rows;
    const std::size_t columns = table.columns.size();
    const auto add = [&](std::string label, std::vector<std::string> cells) {
        rows.emplace_back(std::move(label), std::move(cells));
    };
    for (const BaselineRow& row : table.rows) {
        std::vector<std::string> heading_cells(columns);
        if (table.p_values) {
            heading_cells.push_back(test_text(row.test));
        }
        add(row.label, heading_cells);
        if (row.type == BaselineRow::Type::Continuous) {
            const int decimals = row_decimals(row);
            std::vector<std::string> n, mean_sd, median_iqr, range, missing;
            for (const ContinuousSummary& s : row.stats) {
                n.push_back(std::to_string(s.n));
                mean_sd.push_back(s.mean ? optional_text(s.mean, decimals + 1) + " (" +
                                               optional_text(s.sd, decimals + 2) + ")"
                                         : "-");
                median_iqr.push_back(s.median ? optional_text(s.median, decimals + 1) + " (" +
                                                    optional_text(s.q1, decimals + 1) + "\u2013" +
                                                    optional_text(s.q3, decimals + 1) + ")"
                                              : "-");
                range.push_back(s.min ? optional_text(s.min, decimals) + "\u2013" +
                                            optional_text(s.max, decimals)
                                      : "-");
                missing.push_back(std::to_string(s.missing));
            }
            add("  n", n);
            add("  Mean (SD)", mean_sd);
            add("  Median (Q1\u2013Q3)", median_iqr);
            add("  Min\u2013Max", range);
            add("  Missing", missing);
            continue;
        }
        for (const BaselineLevel& level : row.levels) {
            std::vector<std::string> cells;
            for (const LevelCount& c : level.counts) {
                cells.push_back(c.pct ? count_percent_text(c.n, *c.pct) : std::to_string(c.n));
            }
            add("  " + level.level, cells);
        }
        std::vector<std::string> missing;
        for (const std::size_t m : row.missing) {
            missing.push_back(std::to_string(m));
        }
        add("  Missing", missing);
    }
    std::string out = "Table 1 by " + table.arm_variable + ": " + table.population + "\n" +
                      aligned(headings, rows);
    out += "Quantiles: R's type " + std::to_string(table.quantile_type) +
           (table.quantile_type == 2 ? " (SAS's default)" : " (R's default)") +
           "; percentages of the subjects with a value.\n";
    for (const std::string& note : table.notes) {
        out += "Note: " + note + "\n";
    }
    if (disposition == nullptr) {
        return out;
    }
    std::vector<std::size_t> randomised(disposition->columns.size(), 0);
    if (!disposition->rows.empty()) {
        randomised = disposition->rows.front().counts;
    }
    std::vector<std::pair<std::string, std::vector<std::string>>> stages;
    for (const DispositionRow& row : disposition->rows) {
        std::vector<std::string> cells;
        for (std::size_t c = 0; c < row.counts.size(); ++c) {
            cells.push_back(count_percent_text(row.counts[c], row.pct[c]));
        }
        stages.emplace_back(row.reason.empty() ? row.stage : "  " + row.reason, cells);
    }
    out += "\nDisposition by " + disposition->arm_variable + "\n" +
           aligned(column_headings(disposition->columns, randomised), stages);
    if (!disposition->sources.empty()) {
        std::string sources;
        for (const std::string& source : disposition->sources) {
            sources += (sources.empty() ? "" : "; ") + source;
        }
        out += "From " + sources + "; percentages of the randomised.\n";
    }
    return out;
}

int run_baseline(const CommandLine& line) {
    const Study study = load_study(line);
    const WorkspaceBaseline baseline = workspace_baseline(study, workspace_from_flags(study, line));
    if (!baseline.table) {
        throw std::runtime_error(baseline.error);
    }
    const Disposition* disposition = baseline.disposition ? &*baseline.disposition : nullptr;
    if (line.json) {
        std::cout << QJsonDocument(baseline_json(*baseline.table, disposition))
                         .toJson(QJsonDocument::Indented)
                         .toStdString();
    } else {
        std::cout << caveat_heading(study.name, study.synthetic, study.reconstructed);
        std::cout << baseline_text(*baseline.table, disposition);
    }
    return 0;
}

} // namespace triallens::cli
