#include "cli/reconstruct_command.h"

#include <triallens/analysis/time_unit.h>
#include <triallens/data/build_study.h>
#include <triallens/io/load_study.h>
#include <triallens/reconstruct/digitised_csv.h>
#include <triallens/reconstruct/guyot_reconstruction.h>
#include <triallens/reconstruct/reconstructed_study.h>
#include <triallens/reconstruct/reconstruction_error.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>

#include <digitise/axis_calibration.h>
#include <digitise/figure_curve.h>
#include <digitise/pdf_figure.h>

#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
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
    if (recon.curves.empty() && recon.colours.empty()) {
        throw UsageError("reconstruct needs --curve ARM=points.csv for each arm, or --image FIG "
                         "with --colour ARM=#RRGGBB for each arm");
    }
    if (recon.image.empty() != recon.colours.empty()) {
        throw UsageError(recon.image.empty()
                             ? "--colour picks an arm's curve in --image FIG, which is not given"
                             : "--image needs --colour ARM=#RRGGBB for each arm to read off it");
    }
    if (!recon.image.empty() && (recon.x_axis.empty() || recon.y_axis.empty())) {
        throw UsageError("--image needs its axes: --x-axis PX:VALUE,PX:VALUE (two time ticks) "
                         "and --y-axis PX:VALUE,PX:VALUE (two survival ticks)");
    }
    if (recon.page != 0 && (recon.image.empty() || !ui::is_pdf_figure(q(recon.image)))) {
        throw UsageError(recon.image.empty()
                             ? "--page picks the page of a PDF --image FIG, which is not given"
                             : "--page picks a page of a PDF; --image " + recon.image +
                                   " is not one (.pdf)");
    }
    if (recon.image.empty() && !(recon.x_axis.empty() && recon.y_axis.empty())) {
        throw UsageError("--x-axis and --y-axis calibrate --image FIG, which is not given");
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
    for (const auto& colour : recon.colours) {
        if (!arms.insert(colour.arm).second) {
            throw UsageError("the arm \"" + colour.arm +
                             "\" is given twice (by --curve or --colour)");
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
                             "\", which no --curve or --colour gives");
        }
        if (!with_events.insert(events.arm).second) {
            throw UsageError("--events names the arm \"" + events.arm + "\" twice");
        }
    }
}

// Two ticks of an axis, "PX:VALUE,PX:VALUE", as clicks: PX is the pixel
// column (`column`) or row.
std::pair<ui::AxisClick, ui::AxisClick> axis_ticks(const std::string& flag, const std::string& text,
                                                   bool column) {
    const auto tick = [&](const std::string& part) {
        const std::size_t colon = part.find(':');
        const auto number = [&](const std::string& value) {
            std::size_t used = 0;
            double x = 0;
            try {
                x = std::stod(value, &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (value.empty() || used != value.size() || !std::isfinite(x)) {
                throw UsageError(flag +
                                 " expects PX:VALUE,PX:VALUE (two ticks: a pixel and the "
                                 "value printed there), got \"" +
                                 text + "\"");
            }
            return x;
        };
        if (colon == std::string::npos) {
            number("");
        }
        const double pixel = number(part.substr(0, colon));
        ui::AxisClick click;
        click.pixel = column ? QPointF(pixel, 0) : QPointF(0, pixel);
        click.value = number(part.substr(colon + 1));
        return click;
    };
    const std::size_t comma = text.find(',');
    if (comma == std::string::npos) {
        throw UsageError(flag + " expects two ticks, PX:VALUE,PX:VALUE, got \"" + text + "\"");
    }
    return {tick(text.substr(0, comma)), tick(text.substr(comma + 1))};
}

// Each --colour arm's curve read off --image, as digitised points.
std::vector<std::pair<std::string, DigitisedCurve>>
figure_curves(const ReconstructArguments& recon) {
    const auto [time_a, time_b] = axis_ticks("--x-axis", recon.x_axis, true);
    const auto [survival_a, survival_b] = axis_ticks("--y-axis", recon.y_axis, false);
    QString why;
    const std::optional<ui::AxisCalibration> calibration =
        ui::calibrate_axes(time_a, time_b, survival_a, survival_b, &why);
    if (!calibration) {
        throw UsageError("--x-axis / --y-axis: " + why.toStdString());
    }
    const QString image = QString::fromStdString(recon.image);
    ui::FigureReadOptions read;
    read.page = recon.page == 0 ? 1 : recon.page;
    std::vector<std::pair<std::string, DigitisedCurve>> curves;
    for (const auto& [arm, colour_text] : recon.colours) {
        const QColor colour(QString::fromStdString(colour_text));
        if (!colour.isValid() || colour_text.size() != 7 || colour_text.front() != '#') {
            throw UsageError("--colour expects ARM=#RRGGBB, got \"" + arm + "=" + colour_text +
                             "\"");
        }
        const ui::TracedCurve traced = ui::figure_curve(image, colour.rgb(), *calibration, read);
        if (!traced.ok()) {
            throw ReconstructionError("arm \"" + arm + "\" (" + colour_text +
                                      "): " + traced.error.toStdString());
        }
        curves.emplace_back(arm, ui::digitised_curve(traced));
    }
    return curves;
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

    // Every arm's points first (the figure's arms after the CSV ones), so a
    // figure that cannot be read is refused before any arm is rebuilt.
    std::vector<std::pair<std::string, DigitisedCurve>> curves;
    std::vector<std::string> sources;
    for (const auto& [arm, file] : recon.curves) {
        curves.emplace_back(arm, read_digitised_curve(file));
        sources.push_back(file);
    }
    if (!recon.image.empty()) {
        for (auto& traced : figure_curves(recon)) {
            curves.push_back(std::move(traced));
            sources.push_back(recon.image);
        }
    }
    std::vector<std::string> arm_names;
    for (const auto& curve : curves) {
        arm_names.push_back(curve.first);
    }
    const std::vector<AtRiskTable> tables = read_at_risk_tables(recon.at_risk, arm_names);
    std::vector<NamedArm> arms;
    for (std::size_t a = 0; a < curves.size(); ++a) {
        const auto& [arm, curve] = curves[a];
        const std::string& file = sources[a];
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
    // Built once as every command will load it, before anything is written:
    // from the tables about to be written, not made again.
    build_study(study_tables, "Reconstructed");
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
