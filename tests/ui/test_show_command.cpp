// "Show command": the command lines the window offers reproduce what it
// shows. The analyze command, parsed by the real command-line parser, gives
// back the very workspace and so the same numbers; the export command, run
// as the installed binary runs, writes the same SVG bytes as the window's
// export of the same figure; a shell reads the quoted text back to the same
// words; and the window's dialog carries the forest row in focus.

#include "../test_paths.h"
#include <cli/command_line.h>
#include <cli/export_command.h>
#include <cli/results_json.h>
#include <cli/study_source.h>
#include <cli/workspace_from_flags.h>
#include <controller/refit_controller.h>
#include <controller/study_loader.h>
#include <controller/workspace_document.h>
#include <export/command_line_text.h>
#include <export/figure_export.h>
#include <main_window.h>
#include <panels/command_dialog.h>
#include <views/forest_view.h>
#include <views/km_chart_view.h>

#include <triallens/analysis/workspace.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/maxcombo.h>

#include <QAction>
#include <QClipboard>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace triallens;
using namespace triallens::ui;

Q_DECLARE_METATYPE(triallens::ui::KmFigureOptions)

namespace {

const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");

QStringList pilot_paths() {
    return {pilot + "adsl.xpt", pilot + "adtte.xpt", pilot + "adae.xpt"};
}

std::vector<std::string> words(const QStringList& arguments) {
    std::vector<std::string> list;
    for (const QString& argument : arguments) {
        list.push_back(argument.toStdString());
    }
    return list;
}

const Study& pilot_study() {
    static const Study study = cli::load_study(words(pilot_paths()));
    return study;
}

const Study& demo_study() {
    static const Study study = generate_demo_study();
    return study;
}

// A workspace that uses every flag a choice can differ in, with the text a
// shell must quote: a filter with double quotes, levels with spaces and
// "<", ">", and a landmark no short decimal reads back to (0.1 + 0.2).
WorkspaceSpec rich_spec() {
    WorkspaceSpec spec;
    AnalysisSpec& analysis = spec.analysis;
    analysis.paramcd = "TTDE";
    analysis.arm_variable = "TRT01P";
    analysis.reference_arm = "Placebo";
    analysis.compare_arm = "Xanomeline High Dose";
    analysis.filter = R"(SAFFL == "Y" and AGE >= 60)";
    analysis.strata = {"SEX"};
    analysis.subgroups = {"AGEGR1", "RACE"};
    analysis.covariates = {"AGE"};
    analysis.km.conf_type = ConfType::LogLog;
    analysis.km.conf_level = 0.9;
    analysis.landmarks = {0.1 + 0.2, 4, 12.5};
    analysis.tau = 20.0 / 3;
    analysis.ties = Ties::Exact;
    analysis.time_unit = "weeks";
    analysis.curves_by = "AGEGR1";
    analysis.max_levels = 40;
    spec.adverse_events.treatment_emergent_only = true;
    spec.focus = SubgroupFocus{"RACE", "WHITE"};
    return spec;
}

// KM figure choices away from the defaults in every way a flag can give,
// in the KMunicate style, with numbers no short decimal reads back to.
KmFigureOptions rich_km() {
    KmFigureOptions km = with_kmunicate_style({});
    km.events_row = true;
    km.x_limit = 100;
    km.break_by = 20.0 / 3;
    km.x_label = QStringLiteral("Weeks since 'randomisation'");
    km.y_label = QStringLiteral(R"(Dermatologic "events" (%))");
    km.y_scale = KmYScale::Cumulative;
    km.percent = true;
    return km;
}

// The figure options the export command makes of `arguments` (as
// figure_export_arguments writes them), before it loads anything.
FigureExportOptions parsed_figure_options(const QStringList& arguments) {
    const cli::CommandLine line = cli::parse_command_line(words(arguments));
    return cli::figure_export_options(line.figure, line.out);
}

// The words a POSIX shell reads from `command` ("triallens …"), without
// the program's name.
QStringList shell_words(const QString& command) {
    QProcess shell;
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("set -- ") + command +
                                           QStringLiteral("\nshift; printf '%s\\n' \"$@\"")});
    if (!shell.waitForFinished(10000) || shell.exitCode() != 0) {
        return {QStringLiteral("(the shell failed)")};
    }
    QStringList read = QString::fromUtf8(shell.readAllStandardOutput()).split(QLatin1Char('\n'));
    read.removeLast(); // after the last newline
    return read;
}

QByteArray read_all(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestShowCommand : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shellQuotingKeepsEveryWord() {
        QCOMPARE(shell_quoted(QStringLiteral("--param")), QStringLiteral("--param"));
        QCOMPARE(shell_quoted(QStringLiteral("/data/adsl.xpt")), QStringLiteral("/data/adsl.xpt"));
        QCOMPARE(shell_quoted(QStringLiteral("RACE=WHITE")), QStringLiteral("RACE=WHITE"));
        QCOMPARE(shell_quoted(QStringLiteral("a b")), QStringLiteral("'a b'"));
        QCOMPARE(shell_quoted(QStringLiteral("it's")), QStringLiteral(R"('it'\''s')"));
        QCOMPARE(shell_quoted(QString()), QStringLiteral("''"));
        QCOMPARE(shell_quoted(QStringLiteral("AGEGR1=>80")), QStringLiteral("'AGEGR1=>80'"));

        // A POSIX shell reads the text back to the very words, on one line
        // or a flag a line.
        QStringList arguments = analyze_arguments(pilot_paths(), rich_spec());
        arguments << QStringLiteral("it's \"$HOME\" `x` \\ *") << QString()
                  << QStringLiteral("AGEGR1=>80");
        const QString text = command_text(arguments);
        QVERIFY(text.startsWith(QStringLiteral("triallens analyze --param TTDE ")));
        QCOMPARE(shell_words(text), arguments);
        const QString lines = command_lines(arguments);
        QVERIFY(lines.startsWith(QStringLiteral("triallens analyze \\\n    --param TTDE \\\n")));
        QVERIFY(lines.contains(QStringLiteral("\n    --focus RACE=WHITE \\\n")));
        QVERIFY(lines.contains(QStringLiteral("\n    --treatment-emergent \\\n")));
        QCOMPARE(shell_words(lines), arguments);
    }

    void analyzeCommandGivesBackTheWorkspace() {
        const WorkspaceSpec spec = rich_spec();
        const QStringList arguments = analyze_arguments(pilot_paths(), spec);
        // Shortest round-trip text, not a rounded one.
        QVERIFY(arguments.contains(QStringLiteral("0.30000000000000004,4,12.5")));
        QVERIFY(arguments.contains(QStringLiteral("RACE=WHITE")));
        QCOMPARE(arguments.mid(arguments.size() - 3), pilot_paths());

        const cli::CommandLine line = cli::parse_command_line(words(arguments));
        QCOMPARE(line.command, cli::Command::Analyze);
        QCOMPARE(line.files, words(pilot_paths()));
        const WorkspaceSpec parsed = cli::workspace_from_flags(pilot_study(), line);
        QVERIFY(parsed.analysis == spec.analysis);
        QVERIFY(parsed.adverse_events == spec.adverse_events);
        QVERIFY(parsed.focus == spec.focus);
        QVERIFY(parsed == spec);

        const Results window = compute_workspace(pilot_study(), spec);
        const Results command = compute_workspace(pilot_study(), parsed);
        QVERIFY(window.focus.has_value());
        QVERIFY(!window.landmark_differences.empty() && !window.subgroups.empty());
        QCOMPARE(QJsonDocument(cli::analyze_json(command)).toJson(),
                 QJsonDocument(cli::analyze_json(window)).toJson());

        // The defaults are left out: a plain workspace is a plain command.
        QCOMPARE(analyze_arguments({}, WorkspaceSpec{}),
                 QStringList({QStringLiteral("analyze"), QStringLiteral("demo")}));
    }

    // The delayed-effects settings (the window runs FH and MaxCombo by
    // default, the command line only when asked) read back to the same spec
    // and the same numbers.
    void delayedEffectsFlagsGiveBackTheWorkspace_data() {
        QTest::addColumn<std::vector<FhWeight>>("fh");
        QTest::addColumn<std::optional<std::vector<FhWeight>>>("maxcombo");
        QTest::addColumn<std::vector<double>>("cuts");
        QTest::addColumn<std::optional<double>>("from");
        QTest::addColumn<QString>("written");
        QTest::newRow("window default")
            << maxcombo_default_tests()
            << std::optional<std::vector<FhWeight>>(maxcombo_default_tests())
            << std::vector<double>{} << std::optional<double>{}
            << QStringLiteral("--fh 0,0;0,1;1,0;1,1 --maxcombo default");
        QTest::newRow("simtrial set, cuts, from")
            << std::vector<FhWeight>{{0, 1}}
            << std::optional<std::vector<FhWeight>>(maxcombo_simtrial_tests())
            << std::vector<double>{6, 12} << std::optional<double>(0.1 + 0.2)
            << QStringLiteral("--fh 0,1 --maxcombo simtrial --cuts 6,12 "
                              "--from 0.30000000000000004");
        QTest::newRow("own set, no fh")
            << std::vector<FhWeight>{}
            << std::optional<std::vector<FhWeight>>(std::vector<FhWeight>{{0, 0}, {0.5, 2}})
            << std::vector<double>{} << std::optional<double>{}
            << QStringLiteral("--maxcombo 0,0;0.5,2");
        QTest::newRow("cuts only")
            << std::vector<FhWeight>{} << std::optional<std::vector<FhWeight>>{}
            << std::vector<double>{3.5} << std::optional<double>{} << QStringLiteral("--cuts 3.5");
    }

    void delayedEffectsFlagsGiveBackTheWorkspace() {
        QFETCH(std::vector<FhWeight>, fh);
        QFETCH(std::optional<std::vector<FhWeight>>, maxcombo);
        QFETCH(std::vector<double>, cuts);
        QFETCH(std::optional<double>, from);
        QFETCH(QString, written);
        WorkspaceSpec spec;
        spec.analysis.paramcd = "OS";
        spec.analysis.fh_tests = fh;
        spec.analysis.maxcombo = maxcombo;
        spec.analysis.hr_cuts = cuts;
        spec.analysis.from = from;
        const QStringList arguments = analyze_arguments({}, spec);
        QVERIFY2(arguments.join(QLatin1Char(' ')).contains(written),
                 qPrintable(arguments.join(QLatin1Char(' '))));
        QCOMPARE(arguments.last(), QStringLiteral("demo"));
        const cli::CommandLine line = cli::parse_command_line(words(arguments));
        const Study& study = demo_study();
        const WorkspaceSpec parsed = cli::workspace_from_flags(study, line);
        QVERIFY(parsed.analysis.fh_tests == spec.analysis.fh_tests);
        QVERIFY(parsed.analysis.maxcombo == spec.analysis.maxcombo);
        QVERIFY(parsed.analysis.hr_cuts == spec.analysis.hr_cuts);
        QVERIFY(parsed.analysis.from == spec.analysis.from);
        QVERIFY(parsed == spec);
        QCOMPARE(QJsonDocument(cli::analyze_json(compute_workspace(study, parsed))).toJson(),
                 QJsonDocument(cli::analyze_json(compute_workspace(study, spec))).toJson());
    }

    // Competing risks as the window asks for them (the most frequent cause,
    // "") or of a named cause read back to the same spec and numbers; the
    // switch takes no value, so the flag after it stays a flag.
    void competingRisksFlagsGiveBackTheWorkspace_data() {
        QTest::addColumn<std::optional<std::string>>("cause");
        QTest::addColumn<QString>("written");
        QTest::newRow("most frequent")
            << std::optional<std::string>(std::string()) << QStringLiteral("--competing-risks");
        QTest::newRow("named") << std::optional<std::string>("DEATH")
                               << QStringLiteral("--cause-of-interest DEATH");
    }

    void competingRisksFlagsGiveBackTheWorkspace() {
        QFETCH(std::optional<std::string>, cause);
        QFETCH(QString, written);
        WorkspaceSpec spec;
        spec.analysis.paramcd = "PFS";
        spec.analysis.cause_of_interest = cause;
        spec.focus = SubgroupFocus{"SEX", "F"};
        const QStringList arguments = analyze_arguments({}, spec);
        QVERIFY2(arguments.join(QLatin1Char(' ')).contains(written),
                 qPrintable(arguments.join(QLatin1Char(' '))));
        QVERIFY(command_lines(arguments).contains(QStringLiteral("\n    --focus SEX=F \\\n")));
        const cli::CommandLine line = cli::parse_command_line(words(arguments));
        const Study& study = demo_study();
        const WorkspaceSpec parsed = cli::workspace_from_flags(study, line);
        QVERIFY(parsed == spec);
        const Results results = compute_workspace(study, parsed);
        QVERIFY(results.competing_risks);
        QCOMPARE(QJsonDocument(cli::analyze_json(results)).toJson(),
                 QJsonDocument(cli::analyze_json(compute_workspace(study, spec))).toJson());
    }

    // Table 1's choices are workspace flags: every command line written
    // for the window reads back to them, the Baseline tab's exports too.
    void baselineFlagsGiveBackTheWorkspace() {
        WorkspaceSpec spec;
        spec.baseline.variables = {"AGE", "SEX", "RACE"};
        spec.baseline.quantile_type = 7;
        spec.baseline.p_values = true;
        const Study& study = pilot_study();
        const auto parsed_of = [&study](const QStringList& arguments) {
            return cli::workspace_from_flags(study, cli::parse_command_line(words(arguments)));
        };
        // analyze shows no Table 1, and takes none of its flags.
        QVERIFY(!analyze_arguments(pilot_paths(), spec).contains(QStringLiteral("--vars")));
        const QStringList baseline = baseline_arguments(pilot_paths(), spec);
        QVERIFY2(command_text(baseline).contains(
                     QStringLiteral("--vars AGE,SEX,RACE --quantile-type 7 --p-values")),
                 qPrintable(command_text(baseline)));
        QCOMPARE(cli::parse_command_line(words(baseline)).command, cli::Command::Baseline);
        QVERIFY(parsed_of(baseline) == spec);

        const QStringList table = table_export_arguments(pilot_paths(), spec, TableKind::Baseline,
                                                         QStringLiteral("baseline.rtf"));
        QCOMPARE(table.mid(0, 3), QStringList({QStringLiteral("export"), QStringLiteral("--figure"),
                                               QStringLiteral("baseline")}));
        QVERIFY(parsed_of(table) == spec);
        const QStringList disposition = table_export_arguments(
            pilot_paths(), spec, TableKind::Disposition, QStringLiteral("disposition.csv"));
        QCOMPARE(disposition.at(2), QStringLiteral("disposition"));

        FigureExportOptions options;
        options.kind = FigureKind::Disposition;
        const QStringList figure =
            figure_export_arguments(pilot_paths(), spec, options, QStringLiteral("flow.svg"));
        QCOMPARE(figure.at(2), QStringLiteral("disposition"));
        QCOMPARE(parsed_figure_options(figure).kind, FigureKind::Disposition);
        QVERIFY(parsed_of(figure) == spec);

        QCOMPARE(baseline_arguments({}, spec).last(), QStringLiteral("demo"));
        // The defaults are left out.
        QCOMPARE(baseline_arguments({}, WorkspaceSpec{}),
                 QStringList({QStringLiteral("baseline"), QStringLiteral("demo")}));
        // A KM figure's command has no Table 1 flags.
        QVERIFY(!figure_export_arguments({}, spec, FigureExportOptions{}, QStringLiteral("km.png"))
                     .contains(QStringLiteral("--vars")));
    }

    // The figure flags: a preset when size and font are a preset's.
    void figureFlagsNameThePresetOrTheSize() {
        FigureExportOptions options;
        const auto preset = find_size_preset(QStringLiteral("journal-single"));
        QVERIFY(preset.has_value());
        options.size_points = preset->size_points;
        options.font_size_pt = preset->font_size_pt;
        QStringList arguments = figure_export_arguments({}, {}, options, QStringLiteral("a.svg"));
        QCOMPARE(arguments, QStringList({"export", "--figure", "km", "--preset", "journal-single",
                                         "--out", "a.svg", "demo"}));
        options.font_size_pt = 8.5;
        options.size_points = {7 * 72, 500};
        arguments = figure_export_arguments({}, {}, options, QStringLiteral("a.svg"));
        QCOMPARE(arguments.mid(3, 6), QStringList({"--width", "7in", "--height",
                                                   "6.944444444444445in", "--font-size", "8.5"}));
    }

    // Every KM figure choice is written as its flag, the KMunicate style as
    // --style, and the command parses back to the same choices.
    void kmFigureChoicesParseBack_data() {
        QTest::addColumn<KmFigureOptions>("km");
        QTest::addColumn<QStringList>("flags"); // checked when not empty
        std::vector<KmFigureOptions> rows(6);
        rows[1] = rich_km();
        rows[2] = rich_km();
        rows[2].ci_bands = false; // no longer the style: each of its choices a flag
        rows[3].ci_bands = true;
        rows[3].median_lines = false;
        rows[3].censor_marks = false;
        rows[3].at_risk_row = false;
        rows[3].censored_row = true;
        rows[3].risk_table = KmRiskTable::AtRiskEvents;
        rows[4] = with_kmunicate_style({});
        rows[5].x_limit = 0.1 + 0.2;
        const char* names[] = {"defaults",    "style and more",  "style less bands",
                               "each switch", "the style alone", "shortest x limit"};
        std::vector<QStringList> flags(6);
        flags[1] = {"--style",
                    "kmunicate",
                    "--events-row",
                    "--xlim",
                    "100",
                    "--break-by",
                    "6.666666666666667",
                    "--xlabel",
                    "Weeks since 'randomisation'",
                    "--ylabel",
                    R"(Dermatologic "events" (%))",
                    "--y",
                    "cumulative",
                    "--percent"};
        flags[3] = {"--ci-bands",      "--no-median-lines", "--no-censor-marks",
                    "--no-risk-table", "--censored-row",    "--risk-table",
                    "events"};
        flags[5] = {"--xlim", "0.30000000000000004"};
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QTest::newRow(names[i]) << rows[i] << flags[i];
        }
    }
    void kmFigureChoicesParseBack() {
        QFETCH(KmFigureOptions, km);
        QFETCH(QStringList, flags);
        FigureExportOptions options;
        options.km = km;
        const QStringList arguments =
            figure_export_arguments({}, {}, options, QStringLiteral("km.svg"));
        QVERIFY2(parsed_figure_options(arguments).km == options.km,
                 qPrintable(command_text(arguments)));
        QVERIFY(unreproduced_choices(options).isEmpty());
        QCOMPARE(arguments.contains(QStringLiteral("--style")), is_kmunicate_style(options.km));
        if (km == KmFigureOptions{}) {
            QCOMPARE(arguments,
                     QStringList({"export", "--figure", "km", "--out", "km.svg", "demo"}));
        }
        if (!flags.isEmpty()) {
            // Between "export --figure km" and "--out km.svg demo".
            QCOMPARE(arguments.mid(3, arguments.size() - 6), flags);
        }
        // A forest writes none of them.
        options.kind = FigureKind::Forest;
        QVERIFY(!figure_export_arguments({}, {}, options, QStringLiteral("f.svg"))
                     .contains(QStringLiteral("--xlim")));
    }

    // A font family other than the application's is written and read back.
    void fontFamilyIsWrittenWhenNotTheDefault() {
        FigureExportOptions options;
        options.font_family = QGuiApplication::font().family();
        QVERIFY(!figure_export_arguments({}, {}, options, QStringLiteral("a.svg"))
                     .contains(QStringLiteral("--font-family")));
        options.font_family = QStringLiteral("DejaVu Serif");
        const QStringList arguments =
            figure_export_arguments({}, {}, options, QStringLiteral("a.svg"));
        QVERIFY(arguments.contains(QStringLiteral("--font-family")));
        QCOMPARE(parsed_figure_options(arguments).font_family, options.font_family);
        QVERIFY(unreproduced_choices(options).isEmpty());
    }

    // The export command, run as a script runs it, writes the bytes the
    // window's export of the same figure writes.
    void exportCommandWritesTheSameSvg() {
        const WorkspaceSpec spec = rich_spec();
        FigureExportOptions options;
        options.size_points = {500, 7.25 * 72};
        options.font_size_pt = 10;
        options.dpi = 150;
        options.palette = Palette::ColourBlindSafe;
        options.title = QStringLiteral("Time to first dermatologic event, 'White' subjects");
        options.methods_footnote = true;
        options.km = rich_km();
        options.font_family = QStringLiteral("DejaVu Serif");
        // The command fills the footnote's data cut from the files' dates, as
        // the window does (data_cut): the same text on both sides.
        options.data_cut = data_cut(pilot_study());
        QVERIFY(!options.data_cut.isEmpty());
        const QByteArray expected =
            render_figure_svg(compute_workspace(pilot_study(), spec), options);
        QVERIFY(expected.size() > 1000);

        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("km.svg"));
        const QStringList arguments = figure_export_arguments(pilot_paths(), spec, options, out);
        QVERIFY(arguments.contains(QStringLiteral("--footnote")));
        QVERIFY(arguments.contains(QStringLiteral("--style")));
        QVERIFY(arguments.contains(QStringLiteral("--font-family")));
        QProcess process;
        process.start(QString::fromStdString(TRIALLENS_BINARY), arguments);
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QCOMPARE(read_all(out), expected);
    }

    // The window's dialog shows the focused subgroup's commands, and the
    // analyze command computes the numbers the window shows.
    void dialogOfAFocusedWindowCarriesTheFocus() {
        RefitController controller;
        MainWindow window(&controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(window.workspace()->loader(), &StudyLoader::loaded);
        window.workspace()->openPaths(pilot_paths(), false);
        QVERIFY(QTest::qWaitFor([&] { return loaded.count() > 0; }, 30000));
        window.workspace()->focusSubgroup(QStringLiteral("RACE"), QStringLiteral("WHITE"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !controller.busy() && controller.results() && controller.results()->focus;
            },
            30000));

        window.kmView()->setOptions(rich_km());
        QVERIFY(window.kmView()->actions().contains(window.showCommandAction()));
        QVERIFY(window.forestView()->actions().contains(window.showCommandAction()));
        window.showCommandAction()->trigger();
        auto* dialog = window.findChild<CommandDialog*>();
        QVERIFY(dialog != nullptr);
        QTRY_VERIFY(dialog->isVisible());
        const QStringList commands = dialog->text().split(QStringLiteral("\n\n"));
        QCOMPARE(commands.size(), 2);
        QVERIFY(commands[0].startsWith(QStringLiteral("triallens analyze ")));
        QVERIFY(commands[0].contains(QStringLiteral("\n    --focus RACE=WHITE \\\n")));
        QVERIFY(commands[1].startsWith(QStringLiteral("triallens export \\\n    --figure km ")));
        QVERIFY(commands[1].contains(QStringLiteral("\n    --focus RACE=WHITE \\\n")));
        QVERIFY(commands[1].contains(pilot + QStringLiteral("adae.xpt")));
        // The Survival view's KM choices, as flags, parse back to its options.
        QVERIFY(commands[1].contains(QStringLiteral("\n    --style kmunicate \\\n")));
        QVERIFY(commands[1].contains(QStringLiteral("\n    --xlim 100 \\\n")));
        QVERIFY(commands[1].contains(QStringLiteral("\n    --percent \\\n")));
        QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("unreproducedNote")) == nullptr);
        KmFigureOptions shown = window.kmView()->options();
        shown.font_point_size = 0;
        shown.font_family.clear();
        shown.palette = Palette::Default;
        QVERIFY(parsed_figure_options(shell_words(commands[1])).km == shown);
        dialog->copyButton()->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), dialog->text());

        // The analyze command, as a shell reads the dialog's text, computes
        // the numbers the window shows.
        const QStringList arguments = shell_words(commands[0]);
        QCOMPARE(arguments.first(), QStringLiteral("analyze"));
        const cli::CommandLine line = cli::parse_command_line(words(arguments));
        const Study& study = *controller.study();
        QCOMPARE(QJsonDocument(cli::analyze_json(compute_workspace(
                                   study, cli::workspace_from_flags(study, line))))
                     .toJson(),
                 QJsonDocument(cli::analyze_json(*controller.results())).toJson());
        dialog->close();
        QTRY_VERIFY(window.findChild<CommandDialog*>() == nullptr);

        // The AE tab's command writes its table, focused too.
        window.tabs()->setCurrentIndex(window.tabIndex(QStringLiteral("adverse-events")));
        window.showCommandAction()->trigger();
        dialog = window.findChild<CommandDialog*>();
        QVERIFY(dialog != nullptr);
        QVERIFY(dialog->text().contains(QStringLiteral("triallens export \\\n    --figure ae ")));
        QVERIFY(dialog->text().contains(QStringLiteral("--focus RACE=WHITE")));
        dialog->close();
    }
};

QTEST_MAIN(TestShowCommand)
#include "test_show_command.moc"
