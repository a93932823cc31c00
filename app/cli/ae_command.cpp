#include "cli/ae_command.h"

#include "cli/study_source.h"

#include <triallens/analysis/adverse_event_report.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace triallens::cli {

namespace {

QJsonValue optional_text(const std::optional<std::string>& text) {
    return text ? QJsonValue(QString::fromStdString(*text)) : QJsonValue();
}

QJsonObject ae_json(const AeTable& table) {
    QJsonArray arms;
    for (std::size_t a = 0; a < table.arms.size(); ++a) {
        arms.append(QJsonObject{{"arm", QString::fromStdString(table.arms[a])},
                                {"n", static_cast<double>(table.denominators[a])}});
    }
    QJsonArray rows;
    for (const AeRow& row : table.rows) {
        QJsonObject counts;
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            counts.insert(
                QString::fromStdString(table.arms[a]),
                QJsonObject{{"any", static_cast<double>(row.counts[a].any)},
                            {"grade3plus", static_cast<double>(row.counts[a].grade3plus)}});
        }
        rows.append(QJsonObject{
            {"soc", optional_text(row.soc)}, {"pt", optional_text(row.pt)}, {"counts", counts}});
    }
    return {{"schema", "triallens.ae/1"}, {"arms", arms}, {"rows", rows}};
}

std::string percent_cell(std::size_t count, std::size_t n) {
    char text[32];
    std::snprintf(text, sizeof text, "%zu (%.1f%%)", count,
                  n == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(n));
    return text;
}

std::string ae_text(const AeTable& table) {
    std::size_t label_width = 20;
    for (const AeRow& row : table.rows) {
        label_width = std::max(label_width, (row.pt    ? row.pt->size() + 2
                                             : row.soc ? row.soc->size()
                                                       : 0));
    }
    std::string out = std::string(label_width, ' ');
    for (std::size_t a = 0; a < table.arms.size(); ++a) {
        const std::string head =
            table.arms[a] + " (N=" + std::to_string(table.denominators[a]) + ")";
        out += "  " + head + std::string(head.size() < 30 ? 30 - head.size() : 0, ' ');
    }
    out += "\n" + std::string(label_width, ' ');
    for (std::size_t a = 0; a < table.arms.size(); ++a) {
        out += "  Any grade      Grade >= 3     ";
    }
    out += "\n";
    for (const AeRow& row : table.rows) {
        std::string label = row.pt ? "  " + *row.pt : row.soc ? *row.soc : "Any adverse event";
        label.resize(label_width, ' ');
        out += label;
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            std::string any = percent_cell(row.counts[a].any, table.denominators[a]);
            std::string severe = percent_cell(row.counts[a].grade3plus, table.denominators[a]);
            any.resize(15, ' ');
            severe.resize(15, ' ');
            out += "  " + any + severe;
        }
        out += "\n";
    }
    return out;
}

} // namespace

int run_ae(const CommandLine& line) {
    const Study study = load_study(line.files);
    AeSpec spec;
    spec.arm_variable = line.spec.arm_variable;
    spec.filter = line.ae_filter;
    spec.filter_expression = line.spec.filter;
    const AeTable table = adverse_event_table(study, spec);
    if (line.json) {
        std::cout << QJsonDocument(ae_json(table)).toJson(QJsonDocument::Indented).toStdString();
    } else {
        if (study.synthetic) {
            std::cout << study.name << "  [SYNTHETIC DATA]\n\n";
        }
        std::cout << ae_text(table);
    }
    return 0;
}

} // namespace triallens::cli
