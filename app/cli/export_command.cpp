#include "cli/export_command.h"

#include "cli/ae_command.h"
#include "cli/saved_analysis_source.h"
#include "cli/study_source.h"
#include "cli/workspace_from_flags.h"

#include <export/adverse_event_table.h>
#include <export/ae_overview_table.h>
#include <export/baseline_characteristics_table.h>
#include <export/batch_folder.h>
#include <export/disposition_table.h>
#include <export/figure_export.h>
#include <export/forest_table.h>
#include <export/landmark_table.h>
#include <export/response_table.h>
#include <export/summary_table.h>
#include <export/write_table.h>
#include <models/tumour_figure_needs.h>
#include <triallens/analysis/workspace.h>
#include <views/ae_dot_plot.h>

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace triallens::cli {

namespace {

struct Output {
    QString path; // a batch's: its file name, in the batch folder
    Results results;
    ui::FigureExportOptions options;
};

double length_or_throw(const std::string& flag, const std::string& text) {
    const auto points = ui::parse_length_points(QString::fromStdString(text));
    if (!points) {
        throw UsageError(flag + " expects a length with a unit (in, cm, mm, pt or px), got \"" +
                         text + "\"");
    }
    return *points;
}

// The value flags km_options_problem() may be about, for its message.
std::string km_value_flags(const KmFigureFlags& flags) {
    std::string named;
    for (const char* flag : {"--xlim", "--break-by", "--xlabel", "--ylabel"}) {
        if (std::find(flags.given.begin(), flags.given.end(), flag) != flags.given.end()) {
            named += (named.empty() ? "" : "/") + std::string(flag);
        }
    }
    return named.empty() ? "--analysis's km_figure" : named;
}

// What the figure is drawn from: the data files and the flags, or a saved
// analysis (its workspace and its KM figure choices).
struct Source {
    Study study;
    WorkspaceSpec workspace;
    ui::KmFigureOptions km;
};

Source source_of(const CommandLine& line) {
    if (!line.analysis.empty()) {
        SavedWorkspace saved = load_saved_analysis(line.analysis);
        return {std::move(saved.study), std::move(saved.workspace), saved.km_figure};
    }
    Study study = load_study(line);
    WorkspaceSpec workspace = workspace_from_flags(study, line);
    return {std::move(study), std::move(workspace), {}};
}

// The AE table and overview of the workspace, in a Results of their own:
// they need no time-to-event data, so a study of ADSL and ADAE alone has
// its AE figures and overview.
Results adverse_event_results(const Study& study, const WorkspaceSpec& workspace) {
    WorkspaceAdverseEvents ae = workspace_adverse_events(study, workspace);
    if (!ae.table) {
        throw std::runtime_error(ae.error.empty() ? "the study has no adverse events" : ae.error);
    }
    Results results;
    results.adverse_events = std::move(ae.table);
    results.ae_overview = std::move(ae.overview);
    results.ae_arm_variable = ae.arm_variable;
    results.synthetic = study.synthetic;
    results.reconstructed = study.reconstructed;
    return results;
}

} // namespace

ui::FigureExportOptions figure_export_options(const ExportArguments& arguments,
                                              const std::string& out,
                                              const ui::KmFigureOptions& km) {
    ui::FigureExportOptions options;
    const auto tumour = ui::parse_tumour_figure(QString::fromStdString(arguments.figure));
    options.kind = arguments.figure == "forest"        ? ui::FigureKind::Forest
                   : arguments.figure == "cif"         ? ui::FigureKind::CumulativeIncidence
                   : arguments.figure == "disposition" ? ui::FigureKind::Disposition
                   : arguments.figure == "ae-dotplot"  ? ui::FigureKind::AeDotPlot
                   : arguments.figure == "ae-volcano"  ? ui::FigureKind::AeVolcano
                   : tumour                            ? ui::FigureKind::TumourResponse
                                                       : ui::FigureKind::KaplanMeier;
    if (arguments.ae_top) {
        options.ae.top_n = *arguments.ae_top;
    }
    options.ae.threshold_percent = arguments.ae_threshold.value_or(options.ae.threshold_percent);
    options.ae.scale = arguments.ae_scale.value_or(ui::AeRiskScale::Difference);
    if (tumour) {
        options.tumour.figure = *tumour;
        options.tumour.colour_by = arguments.colour_by.value_or(ui::TumourColouring::BestResponse);
        options.tumour.arrangement =
            arguments.waterfall_arrangement.value_or(ui::WaterfallArrangement::SideBySide);
        options.tumour.responders_only = arguments.responders_only;
    }
    options.cif_arrangement = arguments.cif_arrangement.value_or(ui::CifArrangement::SideBySide);
    if (!arguments.preset.empty()) {
        const auto preset = ui::find_size_preset(QString::fromStdString(arguments.preset));
        if (!preset) {
            QStringList names;
            for (const ui::SizePreset& known : ui::figure_size_presets()) {
                names << known.name;
            }
            throw UsageError("--preset must be one of " +
                             names.join(QStringLiteral(", ")).toStdString() + ", got \"" +
                             arguments.preset + "\"");
        }
        options.size_points = preset->size_points;
        options.font_size_pt = preset->font_size_pt;
    }
    if (!arguments.width.empty()) {
        options.size_points.setWidth(length_or_throw("--width", arguments.width));
    }
    if (!arguments.height.empty()) {
        options.size_points.setHeight(length_or_throw("--height", arguments.height));
    }
    // A forest is as tall as its rows unless a height is asked for.
    options.forest_height_follows_rows = arguments.height.empty();
    if (arguments.font_size) {
        options.font_size_pt = *arguments.font_size;
    }
    options.dpi = arguments.dpi;
    const bool png = arguments.each_subgroup.empty()
                         ? QFileInfo(QString::fromStdString(out)).suffix().toLower() == "png"
                         : arguments.format.empty() || arguments.format == "png";
    if (const auto problem = ui::figure_size_problem(options, png)) {
        throw UsageError("--width/--height: " + problem->toStdString());
    }
    options.palette = arguments.palette == "grayscale"      ? ui::Palette::Grayscale
                      : arguments.palette == "colour-blind" ? ui::Palette::ColourBlindSafe
                                                            : ui::Palette::Default;
    options.title = QString::fromStdString(arguments.title);
    options.methods_footnote = arguments.footnote;
    options.font_family = QString::fromStdString(arguments.font_family);
    options.km = km_figure_options(arguments.km, km);
    if (const auto problem = ui::km_options_problem(options.km)) {
        throw UsageError(km_value_flags(arguments.km) + ": " + problem->toStdString());
    }
    return options;
}

namespace {

// Qt Charts and the forest draw through widgets' machinery; no display is
// used. Qt's own notes about the headless platform ("XDG_RUNTIME_DIR not
// set") would break the one-line-per-error promise on stderr.
void quiet_offscreen() {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtCriticalMsg || type == QtFatalMsg) {
            std::cerr << "triallens: " << message.toStdString() << "\n";
        }
    });
}

std::vector<Output> subgroup_outputs(const Study& study, const WorkspaceSpec& workspace,
                                     const CommandLine& line,
                                     const ui::FigureExportOptions& options) {
    const std::string& variable_name = line.figure.each_subgroup;
    const Variable* variable = study.subjects.find(variable_name);
    if (!variable) {
        throw UsageError("--each-subgroup: no column " + variable_name +
                         " in the subject-level data");
    }
    if (!variable->is_categorical()) {
        throw UsageError("--each-subgroup: column " + variable_name +
                         " is numeric; name a categorical one");
    }
    // A figure per level: an identifier would be a refit and a file per subject.
    if (variable->levels().size() > line.spec.max_levels) {
        throw UsageError("--each-subgroup: " + variable_name + " has " +
                         std::to_string(variable->levels().size()) +
                         " levels; a batch takes at most " + std::to_string(line.spec.max_levels) +
                         " (--max-levels)");
    }
    const QString extension =
        QString::fromStdString(line.figure.format.empty() ? "png" : line.figure.format);
    QStringList levels;
    for (const std::string& level : variable->levels()) {
        levels << QString::fromStdString(level);
    }
    const QStringList names = ui::figure_file_names(levels);
    std::vector<Output> outputs;
    for (qsizetype i = 0; i < levels.size(); ++i) {
        WorkspaceSpec spec = workspace;
        spec.focus = SubgroupFocus{variable_name, levels[i].toStdString()};
        Output output;
        output.results = compute_workspace(study, spec);
        output.options = options;
        output.options.title = ui::subgroup_figure_title(
            options.title, QString::fromStdString(variable_name), levels[i]);
        output.path = names[i] + QLatin1Char('.') + extension;
        outputs.push_back(std::move(output));
    }
    return outputs;
}

} // namespace

// `--figure ae|summary|response|landmarks|baseline`, or `forest` or `disposition`
// to .csv/.html/.rtf: the table
// as the GUI shows it, written by the extension of --out.
int run_table_export(const CommandLine& line, int argc, char** argv) {
    const ExportArguments& arguments = line.figure;
    const QString out = QString::fromStdString(line.out);
    if (!ui::is_table_file(out)) {
        throw UsageError("--out must end in .csv, .html or .rtf for --figure " + arguments.figure +
                         ", got \"" + line.out + "\"");
    }
    if (!arguments.each_subgroup.empty()) {
        throw UsageError("--each-subgroup writes Kaplan-Meier figures; use it with --figure km");
    }
    quiet_offscreen();
    // The table builders read the GUI's own models, which need an application.
    const QApplication app(argc, argv);
    const Source source = source_of(line);
    std::vector<ui::ExportTable> tables;
    if (arguments.figure == "ae") {
        tables.push_back(ui::adverse_event_table(
            adverse_event_table_of(source.study, source.workspace), source.workspace.adverse_events,
            0, arguments.exposure_adjusted));
    } else if (arguments.figure == "ae-overview") {
        const Results results = adverse_event_results(source.study, source.workspace);
        if (!results.ae_overview) {
            throw std::runtime_error("the study has no adverse-event overview");
        }
        tables.push_back(ui::ae_overview_table(*results.ae_overview, &*results.adverse_events,
                                               arguments.exposure_adjusted));
    } else if (arguments.figure == "summary") {
        tables.push_back(ui::summary_table(workspace_endpoints(source.study, source.workspace)));
    } else {
        const Results results = compute_workspace(source.study, source.workspace);
        if (arguments.figure == "baseline" || arguments.figure == "disposition") {
            const bool table1 = arguments.figure == "baseline";
            if (table1 ? !results.baseline : !results.disposition) {
                throw UsageError("--figure " + arguments.figure + ": no " +
                                 (table1 ? "baseline table" : "disposition") +
                                 (results.baseline_error.empty() ? std::string(" in these data")
                                                                 : ": " + results.baseline_error));
            }
            tables.push_back(table1 ? ui::baseline_characteristics_table(results)
                                    : ui::disposition_table(results));
        } else if (arguments.figure == "forest") {
            tables.push_back(ui::forest_table(results));
        } else if (arguments.figure == "landmarks") {
            if (!ui::has_landmark_estimates(results)) {
                throw UsageError("--figure landmarks needs --landmarks or --tau");
            }
            tables.push_back(ui::landmark_table(results));
        } else {
            tables = ui::response_tables(results);
        }
    }
    QString error;
    if (!ui::write_tables(out, tables, &error)) {
        throw std::runtime_error(error.toStdString());
    }
    std::cout << line.out << "\n";
    return 0;
}

int run_export(const CommandLine& line, int argc, char** argv) {
    const ExportArguments& arguments = line.figure;
    if (line.out.empty()) {
        throw UsageError("export needs --out PATH (.png, .svg or .pdf for a figure; .csv, "
                         ".html or .rtf for a table)");
    }
    const bool table_file = ui::is_table_file(QString::fromStdString(line.out));
    if (arguments.figure == "ae" || arguments.figure == "ae-overview" ||
        arguments.figure == "summary" || arguments.figure == "response" ||
        arguments.figure == "landmarks" || arguments.figure == "baseline" ||
        ((arguments.figure == "forest" || arguments.figure == "disposition") && table_file)) {
        return run_table_export(line, argc, argv);
    }
    const bool batch = !arguments.each_subgroup.empty();
    if (batch && arguments.figure != "km") {
        throw UsageError("--each-subgroup writes Kaplan-Meier figures; use it with --figure km");
    }
    if (!batch) {
        const std::string extension =
            QFileInfo(QString::fromStdString(line.out)).suffix().toLower().toStdString();
        if (extension != "png" && extension != "svg" && extension != "pdf") {
            throw UsageError(arguments.figure == "disposition"
                                 ? "--out must end in .csv, .html or .rtf (the disposition "
                                   "table) or .png, .svg or .pdf (its flow diagram), got \"" +
                                       line.out + "\""
                                 : "--out must end in .png, .svg or .pdf, got \"" + line.out +
                                       "\"");
        }
        if (!arguments.format.empty() && arguments.format != extension) {
            throw UsageError("--format " + arguments.format + " disagrees with --out's ." +
                             extension + " (--format is for --each-subgroup)");
        }
    } else if (QFileInfo(QString::fromStdString(line.out)).isFile()) {
        throw UsageError("--each-subgroup writes into a folder, and --out names a file: " +
                         line.out);
    }
    // The flags alone are checked before anything loads; a saved analysis's
    // KM choices join them once it is read.
    ui::FigureExportOptions options = figure_export_options(arguments, line.out);

    quiet_offscreen();
    const QApplication app(argc, argv);
    const Source source = source_of(line);
    if (!line.analysis.empty()) {
        options = figure_export_options(arguments, line.out, source.km);
    }

    std::vector<Output> outputs;
    if (batch) {
        outputs = subgroup_outputs(source.study, source.workspace, line, options);
    } else if (options.kind == ui::FigureKind::AeDotPlot ||
               options.kind == ui::FigureKind::AeVolcano) {
        outputs.push_back(Output{QString::fromStdString(line.out),
                                 adverse_event_results(source.study, source.workspace), options});
        const QString missing = ui::ae_figure_missing_text(
            outputs.front().results, options.kind == ui::FigureKind::AeVolcano ||
                                         options.ae.scale == ui::AeRiskScale::Ratio);
        if (!missing.isEmpty()) {
            throw UsageError("--figure " + arguments.figure + ": " + missing.toStdString());
        }
    } else {
        outputs.push_back(Output{QString::fromStdString(line.out),
                                 compute_workspace(source.study, source.workspace), options});
        if (arguments.figure == "cif" && !outputs.front().results.competing_risks) {
            throw UsageError("--figure cif: the events of " + outputs.front().results.paramcd +
                             " have fewer than two causes; name the column of their causes "
                             "with --cause or --status");
        }
        if (options.kind == ui::FigureKind::Disposition && !outputs.front().results.disposition) {
            const std::string& why = outputs.front().results.baseline_error;
            throw UsageError("--figure disposition: no disposition" +
                             (why.empty() ? std::string(" in these data") : ": " + why));
        }
        if (options.kind == ui::FigureKind::TumourResponse) {
            const QString missing =
                ui::tumour_figure_missing_text(outputs.front().results, options.tumour.figure);
            if (!missing.isEmpty()) {
                throw UsageError("--figure " + arguments.figure + ": " + missing.toStdString());
            }
        }
    }
    const QString cut = ui::data_cut(source.study);
    for (Output& output : outputs) {
        output.options.data_cut = cut;
    }
    if (!batch) {
        const Output& output = outputs.front();
        QString error;
        if (!ui::export_figure(output.path, output.results, output.options, &error)) {
            throw std::runtime_error(error.toStdString());
        }
        std::cout << output.path.toStdString() << "\n";
        return 0;
    }
    // All or nothing: the figures go beside --out first and move in together.
    ui::BatchFolder folder(QString::fromStdString(line.out));
    if (!folder.ok()) {
        throw std::runtime_error(folder.error().toStdString());
    }
    for (const Output& output : outputs) {
        QString error;
        if (!ui::export_figure(folder.filePath(output.path), output.results, output.options,
                               &error)) {
            throw std::runtime_error(folder.told(error).toStdString());
        }
    }
    QString error;
    if (!folder.commit(&error)) {
        throw std::runtime_error(error.toStdString());
    }
    for (const Output& output : outputs) {
        std::cout << folder.targetPath(output.path).toStdString() << "\n";
    }
    return 0;
}

} // namespace triallens::cli
