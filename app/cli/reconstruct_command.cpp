#include "cli/reconstruct_command.h"

#include <triallens/analysis/time_unit.h>
#include <triallens/io/load_study.h>
#include <triallens/reconstruct/digitised_csv.h>
#include <triallens/reconstruct/guyot_reconstruction.h>
#include <triallens/reconstruct/reconstructed_study.h>
#include <triallens/reconstruct/reconstruction_error.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <set>
#include <sstream>

namespace triallens::cli {

namespace {

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

std::string number_text(double value, const char* format = "%.4g") {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::optional<double> median_of(const ReconstructedArm& arm) {
    if (arm.time.empty()) {
        return std::nullopt;
    }
    return survival_quantile(fit_kaplan_meier(tabulate_events(arm.time, arm.event)), 0.5).estimate;
}

void check_arguments(const CommandLine& line) {
    const ReconstructArguments& recon = line.reconstruct;
    if (recon.curves.empty()) {
        throw UsageError("reconstruct needs --curve ARM=points.csv for each arm");
    }
    if (recon.at_risk.empty()) {
        throw UsageError("reconstruct needs --at-risk risk.csv: the number-at-risk table, a "
                         "time column and one column per arm");
    }
    if (line.out.empty()) {
        throw UsageError("reconstruct needs --out DIR, the folder to write adsl.csv and "
                         "adtte.csv into");
    }
    if (!line.files.empty()) {
        throw UsageError("reconstruct reads its files from --curve and --at-risk; \"" +
                         line.files.front() + "\" is not an option");
    }
    std::set<std::string> arms;
    for (const auto& curve : recon.curves) {
        if (!arms.insert(curve.arm).second) {
            throw UsageError("--curve names the arm \"" + curve.arm + "\" twice");
        }
    }
    // A study loads every data file of its folder: others beside the two
    // written would be mixed into the reconstructed arms without a word.
    for (const std::filesystem::path& file : data_files_in(line.out)) {
        const std::string name = file.filename().string();
        if (name != "adsl.csv" && name != "adtte.csv") {
            throw UsageError("--out " + line.out + " already holds other data files (" + name +
                             "); a study loaded from it would mix them with the reconstructed "
                             "arms: choose an empty or new folder");
        }
    }
    std::set<std::string> with_events;
    for (const auto& events : recon.events) {
        if (!arms.contains(events.arm)) {
            throw UsageError("--events names the arm \"" + events.arm +
                             "\", which no --curve gives");
        }
        if (!with_events.insert(events.arm).second) {
            throw UsageError("--events names the arm \"" + events.arm + "\" twice");
        }
    }
}

QJsonObject arm_json(const NamedArm& named, std::optional<double> median) {
    const FitReport& fit = named.arm.fit;
    QJsonArray at_risk;
    for (const AtRiskComparison& row : fit.at_risk) {
        at_risk.append(QJsonObject{
            {"time", row.time}, {"published", row.published}, {"rebuilt", row.rebuilt}});
    }
    QJsonArray changes;
    for (const std::string& change : named.arm.changes) {
        changes.append(q(change));
    }
    return QJsonObject{{"arm", q(named.name)},
                       {"n", static_cast<qint64>(fit.n)},
                       {"events", static_cast<qint64>(fit.events)},
                       {"censored", static_cast<qint64>(fit.censored)},
                       {"median", median ? QJsonValue(*median) : QJsonValue()},
                       {"total_events_published", fit.total_events_published
                                                      ? QJsonValue(*fit.total_events_published)
                                                      : QJsonValue()},
                       {"fit", QJsonObject{{"points", static_cast<qint64>(fit.points)},
                                           {"max_abs_difference", fit.max_abs_difference},
                                           {"rms_difference", fit.rms_difference},
                                           {"at_risk", at_risk}}},
                       {"changes", changes}};
}

std::string arm_text(const NamedArm& named, std::optional<double> median, const std::string& unit) {
    const FitReport& fit = named.arm.fit;
    std::ostringstream out;
    out << named.name << ": n " << fit.n << ", events " << fit.events << ", censored "
        << fit.censored << ", median "
        << (median ? number_text(*median) + " " + unit : std::string("not reached"));
    if (fit.total_events_published) {
        out << " (published events " << *fit.total_events_published << ")";
    }
    out << "\n  fit to the curve: largest difference "
        << number_text(fit.max_abs_difference, "%.4f") << ", RMS "
        << number_text(fit.rms_difference, "%.4f") << " over " << fit.points
        << " points\n  at risk:   time  published  rebuilt\n";
    for (const AtRiskComparison& row : fit.at_risk) {
        char buffer[96];
        std::snprintf(buffer, sizeof buffer, "%17s %10d %8d\n", number_text(row.time).c_str(),
                      row.published, row.rebuilt);
        out << buffer;
    }
    if (named.arm.changes.empty()) {
        out << "  changes: none\n";
    } else {
        out << "  changes:\n";
        for (const std::string& change : named.arm.changes) {
            out << "    - " << change << "\n";
        }
    }
    return out.str();
}

} // namespace

int run_reconstruct(const CommandLine& line) {
    check_arguments(line);
    const ReconstructArguments& recon = line.reconstruct;
    ReconstructedStudyOptions options;
    if (!line.spec.paramcd.empty()) {
        options.paramcd = line.spec.paramcd;
    }
    if (!recon.param_label.empty()) {
        options.param = recon.param_label;
    }
    if (!recon.source.empty()) {
        options.source = recon.source;
    }
    if (!line.spec.time_unit.empty()) {
        options.time_unit = *time_unit_from_name(line.spec.time_unit);
    }

    std::vector<std::string> arm_names;
    for (const auto& curve : recon.curves) {
        arm_names.push_back(curve.arm);
    }
    const std::vector<AtRiskTable> tables = read_at_risk_tables(recon.at_risk, arm_names);
    std::vector<NamedArm> arms;
    for (std::size_t a = 0; a < recon.curves.size(); ++a) {
        const auto& [arm, file] = recon.curves[a];
        const DigitisedCurve curve = read_digitised_curve(file);
        GuyotOptions guyot;
        for (const auto& events : recon.events) {
            if (events.arm == arm) {
                guyot.total_events = events.events;
            }
        }
        try {
            arms.push_back({arm, reconstruct_arm(curve, tables[a], guyot)});
        } catch (const ReconstructionError& error) {
            throw ReconstructionError("arm \"" + arm + "\" (" + file + ", " + recon.at_risk +
                                      "): " + error.what());
        }
    }
    const std::vector<RawTable> study_tables = reconstructed_tables(arms, options);
    // Built once as every command will load it, before anything is written.
    reconstructed_study(arms, options);
    write_reconstructed_tables(study_tables, line.out);

    const std::string unit = time_unit_name(options.time_unit);
    if (line.json) {
        QJsonArray arm_array;
        for (const NamedArm& named : arms) {
            arm_array.append(arm_json(named, median_of(named.arm)));
        }
        const QJsonObject document{{"schema", "triallens.reconstruct/1"},
                                   {"out", q(line.out)},
                                   {"files", QJsonArray{"adsl.csv", "adtte.csv"}},
                                   {"paramcd", q(options.paramcd)},
                                   {"param", q(options.param)},
                                   {"time_unit", q(unit)},
                                   {"source", q(options.source)},
                                   {"arms", arm_array}};
        std::cout << QJsonDocument(document).toJson(QJsonDocument::Indented).toStdString();
        return 0;
    }
    std::cout << "Reconstructed " << arms.size() << (arms.size() == 1 ? " arm" : " arms")
              << " from the published curve (Guyot et al. 2012) into " << line.out
              << ": adsl.csv, adtte.csv\nPseudo-patients, not real ones: every subject has "
                 "RECONFL = \"Y\" and SOURCE = \""
              << options.source << "\"; times in " << unit << ".\n\n";
    for (const NamedArm& named : arms) {
        std::cout << arm_text(named, median_of(named.arm), unit) << "\n";
    }
    std::cout << "Analyse it: triallens analyze " << line.out << " --param " << options.paramcd
              << "\n";
    return 0;
}

} // namespace triallens::cli
