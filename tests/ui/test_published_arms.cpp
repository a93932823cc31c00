// Arms rebuilt from a publication in the window (WorkspaceDocument::
// openPublishedArms): beside the CDISC pilot's own arms, and on their own.
// The pilot's Placebo arm, in months as a published figure shows it, comes
// back as "Placebo (published)": the refit has four arms, the copy's curve
// is the real arm's, and the status line and the Data dock say the study is
// partly reconstructed. Arms that cannot be made leave the study as it was. With
// TRIALLENS_SCREENSHOT_DIR set, the Survival tab is saved as PNG.

#include "../pilot_published_arm.h"
#include "../test_paths.h"

#include <controller/analysis_document.h>
#include <controller/refit_controller.h>
#include <controller/study_loader.h>
#include <controller/workspace_document.h>
#include <export/figure_export.h>
#include <export/table_notes.h>
#include <main_window.h>
#include <panels/data_panel.h>
#include <panels/digitiser_dialog.h>
#include <views/methods_text.h>

#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/workspace.h>
#include <triallens/data/reconstructed_subjects.h>
#include <triallens/demo/demo_study.h>
#include <triallens/reconstruct/reconstructed_overlay.h>

#include <QDir>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace triallens;
using namespace triallens::ui;

Q_DECLARE_METATYPE(triallens::ui::FigureKind)

namespace {

ReconstructedStudyOptions doe_2024() {
    ReconstructedStudyOptions options;
    options.source = "Doe et al. 2024, Figure 2";
    options.time_unit = TimeUnit::Months;
    return options;
}

} // namespace

class TestPublishedArms : public QObject {
    Q_OBJECT

private slots:
    void publishedArmsJoinThePilotAndAreLabelled() {
        RefitController controller;
        controller.setStudy(std::make_shared<const Study>(generate_demo_study()), {});
        MainWindow window(&controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkspaceDocument* workspace = window.workspace();
        QSignalSpy changed(workspace, &WorkspaceDocument::studyChanged);
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        workspace->openPaths({pilot + "adsl.xpt", pilot + "adtte.xpt"}, false);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() == 1; }, 30000));
        QVERIFY(QTest::qWaitFor([&] { return !controller.busy() && controller.results(); }, 30000));
        const std::size_t own = workspace->study()->subjects.size();

        workspace->openPublishedArms({cdisc_pilot::placebo_as_published()}, doe_2024(),
                                     WorkspaceDocument::PublishedArms::BesideTheStudy);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() == 2; }, 30000));
        QCOMPARE(workspace->study()->subjects.size(), own + 86);
        QCOMPARE(workspace->paths().size(), 2); // the trial's files stay
        const QStringList warnings = changed.last().at(2).toStringList();
        QVERIFY(
            warnings.join(' ').contains(QStringLiteral("86 of 340 subjects are pseudo-patients")));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !controller.busy() && controller.results() &&
                       controller.results()->arms.size() == 4;
            },
            30000));
        const Results& results = *controller.results();
        const auto copy =
            std::find_if(results.arms.begin(), results.arms.end(),
                         [](const ArmSurvival& a) { return a.arm == "Placebo (published)"; });
        const auto real = std::find_if(results.arms.begin(), results.arms.end(),
                                       [](const ArmSurvival& a) { return a.arm == "Placebo"; });
        QVERIFY(copy != results.arms.end() && real != results.arms.end());
        QCOMPARE(copy->km.curve.surv, real->km.curve.surv);

        QVERIFY2(window.subjectsLabel()->text().contains(
                     QStringLiteral("Partly RECONSTRUCTED from a publication: Doe et al. 2024")),
                 qPrintable(window.subjectsLabel()->text()));
        QVERIFY2(window.dataPanel()->summary()->text().contains(
                     QStringLiteral("(Partly RECONSTRUCTED from a publication: Doe et al. 2024")),
                 qPrintable(window.dataPanel()->summary()->text()));
        const QString folder = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            window.tabs()->setCurrentIndex(window.tabIndex(QStringLiteral("survival")));
            QTest::qWait(200);
            window.grab().save(folder + QStringLiteral("/published-arms-beside-pilot.png"));
        }

        // On their own: all subjects reconstructed, no files.
        workspace->openPublishedArms({cdisc_pilot::placebo_as_published()}, doe_2024(),
                                     WorkspaceDocument::PublishedArms::OnTheirOwn);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() == 3; }, 30000));
        QCOMPARE(workspace->study()->subjects.size(), std::size_t{86});
        QVERIFY(reconstructed_subjects(workspace->study()->subjects).all());
        QVERIFY(workspace->paths().isEmpty());
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !controller.busy() && controller.results() &&
                       controller.results()->subjects_total == 86;
            },
            30000));
        QVERIFY2(window.subjectsLabel()->text().contains(
                     QStringLiteral("· RECONSTRUCTED from a publication: Doe et al. 2024")),
                 qPrintable(window.subjectsLabel()->text()));
    }

    // Every figure the window or `export` draws, the methods paragraph and
    // the tables' notes say the data are partly reconstructed: the pilot's
    // Placebo arm published beside the pilot's own (the AE figures with the
    // trial's own adverse events, which the overlay keeps), and beside the
    // demo, taken as real data, for the figures the pilot has no data for
    // (competing risks, tumour response).
    void everyFigureAndTextSaysSo_data() {
        QTest::addColumn<FigureKind>("kind");
        QTest::addColumn<QString>("trial");
        QTest::newRow("km") << FigureKind::KaplanMeier << "pilot";
        QTest::newRow("forest") << FigureKind::Forest << "pilot";
        QTest::newRow("incidence") << FigureKind::CumulativeIncidence << "demo";
        QTest::newRow("tumour") << FigureKind::TumourResponse << "demo";
        QTest::newRow("disposition") << FigureKind::Disposition << "pilot";
        QTest::newRow("ae-dot") << FigureKind::AeDotPlot << "pilot";
        QTest::newRow("ae-volcano") << FigureKind::AeVolcano << "pilot";
    }

    void everyFigureAndTextSaysSo() {
        QFETCH(FigureKind, kind);
        QFETCH(QString, trial);
        const auto beside = [](Study study, const std::string& endpoint) {
            study.synthetic = false;
            const Study overlay =
                overlay_reconstructed_arms(study, {cdisc_pilot::placebo_as_published()},
                                           {endpoint, "", TimeUnit::Months, doe_2024().source});
            WorkspaceSpec spec;
            spec.analysis.paramcd = endpoint;
            spec.analysis.subgroups = default_subgroups(overlay);
            if (!overlay.endpoint(endpoint)->causes().names.empty()) {
                spec.analysis.cause_of_interest = std::string(); // the most frequent
            }
            return compute_workspace(overlay, spec);
        };
        static const Results pilot = beside(cdisc_pilot::study(), "TTDE");
        static const Results demo = beside(generate_demo_study(), "PFS");
        const Results& results = trial == QLatin1String("pilot") ? pilot : demo;
        QCOMPARE(results.reconstructed.count, std::size_t{86});
        FigureExportOptions options;
        options.kind = kind;
        options.methods_footnote = true;
        // The SVG's texts, as a reader sees them: a wrapped title's lines
        // are <text> elements of their own.
        const QString svg = QString::fromUtf8(render_figure_svg(results, options));
        static const QRegularExpression text_element(QStringLiteral("<text[^>]*>([^<]*)</text>"));
        QStringList texts;
        for (const QRegularExpressionMatch& match : text_element.globalMatch(svg)) {
            texts << match.captured(1).simplified();
        }
        const QString shown = texts.join(QLatin1Char(' '));
        QVERIFY2(shown.contains(QStringLiteral("Partly RECONSTRUCTED from a publication")),
                 qPrintable(shown.left(600)));
        QVERIFY2(shown.contains(QStringLiteral("Doe et al. 2024")), qPrintable(shown.left(600)));
        if (kind != FigureKind::KaplanMeier) {
            return;
        }
        const QString sentence =
            QStringLiteral("86 of 340 subjects are pseudo-patients reconstructed from a published");
        QVERIFY2(methods_paragraph(results).contains(sentence),
                 qPrintable(methods_paragraph(results)));
        QVERIFY(methods_footnote(results).contains(QStringLiteral("(partly reconstructed data)")));
        QVERIFY(data_notes(results).join(' ').contains(sentence));
    }

    // A folder of rebuilt arms (what the digitiser's Save as CSV… and
    // `reconstruct --out` write) goes beside the pilot as the digitiser's
    // arms do; a folder of a trial's own data is refused by name. A saved
    // analysis keeps the folder, with the endpoint it joined: reopened in
    // another window (the folder moved, and found again through the locate
    // prompt) it shows the same four arms. Adding files keeps the folder.
    // Arms only in memory beside them are not kept, and saving says so first.
    void aFolderOfPublishedArmsIsSavedWithTheAnalysis() {
        RefitController controller;
        controller.setStudy(std::make_shared<const Study>(generate_demo_study()), {});
        MainWindow window(&controller);
        QVERIFY(window.publishedFolderAction() != nullptr);
        WorkspaceDocument* workspace = window.workspace();
        QSignalSpy changed(workspace, &WorkspaceDocument::studyChanged);
        QSignalSpy refused(workspace, &WorkspaceDocument::studyRefused);
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        workspace->openPaths({pilot + "adsl.xpt", pilot + "adtte.xpt"}, false);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() == 1; }, 30000));
        QVERIFY(!workspace->publishedArmsShown());

        const QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("published"));
        write_reconstructed_tables(
            reconstructed_tables({cdisc_pilot::placebo_as_published()}, doe_2024()),
            folder.toStdString());
        workspace->addPublishedFolder(folder);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() == 2; }, 30000));
        QCOMPARE(workspace->study()->subjects.size(), std::size_t{340});
        QCOMPARE(workspace->study()->reconstructed.count, std::size_t{86});
        QVERIFY(workspace->publishedArmsShown());
        QVERIFY(!workspace->publishedArmsInMemory());
        QCOMPARE(workspace->publishedFolders(),
                 (std::vector<PublishedFolder>{{folder, "TTDE", "TRT01P"}}));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !controller.busy() && controller.results() &&
                       controller.results()->arms.size() == 4;
            },
            30000));

        const std::shared_ptr<const Study> shown = workspace->study();
        workspace->addPublishedFolder(pilot + "sites");
        QVERIFY(QTest::qWaitFor([&] { return refused.count() == 1; }, 30000));
        const QString why = refused.front().front().toString();
        QVERIFY2(why.contains(pilot + "sites") &&
                     why.contains(QStringLiteral("not all reconstructed")),
                 qPrintable(why));
        QCOMPARE(workspace->study(), shown);

        // Adding files reloads the study with its published folders.
        workspace->openPaths({pilot + "adsl.xpt"}, true);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() == 3; }, 30000));
        QCOMPARE(workspace->paths().size(), 2);
        QCOMPARE(workspace->study()->reconstructed.count, std::size_t{86});
        QCOMPARE(workspace->publishedFolders().size(), std::size_t{1});

        // Saved without a question: everything shown is in files.
        AnalysisDocument* document = window.analysisDocument();
        QStringList asked;
        const auto prompts = [&](const QString& moved_to) {
            return AnalysisDocument::Prompts{
                [&](const QString& text, const QString&) {
                    asked << text;
                    return true;
                },
                [moved_to](const SavedFile& saved) { return saved.folder ? moved_to : QString(); },
                [&](const QString& text) { asked << text; }};
        };
        document->setPrompts(prompts({}));
        const QString file = dir.filePath(QStringLiteral("with-published.triallens.json"));
        QSignalSpy saved(document, &AnalysisDocument::saved);
        QVERIFY(document->save(file));
        QVERIFY(QTest::qWaitFor([&] { return saved.count() == 1; }, 30000));
        QVERIFY2(asked.isEmpty(), qPrintable(asked.join('\n')));
        QString error;
        const auto analysis = read_saved_analysis(file, &error);
        QVERIFY2(analysis, qPrintable(error));
        QCOMPARE(analysis->files.size(), std::size_t{2});
        QCOMPARE(analysis->published.size(), std::size_t{1});
        QCOMPARE(analysis->published.front().folder.path, folder);
        QCOMPARE(analysis->published.front().folder.data.size(), std::size_t{2}); // ADSL, ADTTE
        QCOMPARE(analysis->published.front().endpoint, std::string("TTDE"));

        // Reopened elsewhere after the folder moved: found through the prompt.
        const QString moved = dir.filePath(QStringLiteral("moved"));
        QVERIFY(QDir().rename(folder, moved));
        RefitController other_controller;
        MainWindow other(&other_controller);
        AnalysisDocument* reopening = other.analysisDocument();
        reopening->setPrompts(prompts(moved));
        QSignalSpy restored(reopening, &AnalysisDocument::restored);
        QVERIFY(reopening->open(file));
        QVERIFY(QTest::qWaitFor([&] { return restored.count() == 1; }, 30000));
        QVERIFY2(asked.size() == 1 && asked.front().contains(QStringLiteral("missing")),
                 qPrintable(asked.join('\n')));
        QCOMPARE(other.workspace()->study()->reconstructed.count, std::size_t{86});
        QCOMPARE(other.workspace()->publishedFolders(),
                 (std::vector<PublishedFolder>{{moved, "TTDE", "TRT01P"}}));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !other_controller.busy() && other_controller.results() &&
                       other_controller.results()->arms.size() == 4;
            },
            30000));
        const auto& arms = other_controller.results()->arms;
        QVERIFY(std::any_of(arms.begin(), arms.end(),
                            [](const auto& arm) { return arm.arm == "Placebo (published)"; }));
        if (const QString shots = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
            !shots.isEmpty()) {
            other.resize(1280, 800);
            other.show();
            QVERIFY(QTest::qWaitForWindowExposed(&other));
            QTest::qWait(200);
            other.grab().save(shots + QStringLiteral("/saved-analysis-with-published-arms.png"));
        }

        // Digitiser arms beside them are in no folder: saving says they go.
        asked.clear();
        QSignalSpy other_changed(other.workspace(), &WorkspaceDocument::studyChanged);
        NamedArm comparator = cdisc_pilot::placebo_as_published();
        comparator.name = "Comparator";
        other.workspace()->openPublishedArms({comparator}, doe_2024(),
                                             WorkspaceDocument::PublishedArms::BesideTheStudy);
        QVERIFY(QTest::qWaitFor([&] { return other_changed.count() == 1; }, 30000));
        QVERIFY(other.workspace()->publishedArmsInMemory());
        QCOMPARE(other.workspace()->publishedFolders().size(), std::size_t{1});
        reopening->setPrompts({[&](const QString& text, const QString&) {
                                   asked << text;
                                   return false;
                               },
                               [](const SavedFile&) { return QString(); },
                               [&](const QString& text) { asked << text; }});
        const QString again = dir.filePath(QStringLiteral("again.triallens.json"));
        QVERIFY(!reopening->save(again));
        QVERIFY2(asked.size() == 1 &&
                     asked.front().contains(QStringLiteral("not kept in a saved analysis")),
                 qPrintable(asked.join('\n')));
        QVERIFY(!QFile::exists(again));
    }

    void theFileMenuOpensTheDigitiser() {
        RefitController controller;
        controller.setStudy(std::make_shared<const Study>(generate_demo_study()), {});
        MainWindow window(&controller);
        QVERIFY(window.publishedArmsAction() != nullptr);
        bool opened = false;
        QTimer::singleShot(0, &window, [&] {
            if (auto* dialog = window.findChild<DigitiserDialog*>()) {
                opened = dialog->isVisible();
                dialog->reject();
            }
        });
        QSignalSpy changed(window.workspace(), &WorkspaceDocument::studyChanged);
        window.publishedArmsAction()->trigger();
        QVERIFY(opened);
        QCOMPARE(changed.count(), 0); // cancelled: nothing changes
    }

    void armsThatCannotBeMadeLeaveTheStudyAsItWas() {
        RefitController controller;
        controller.setStudy(std::make_shared<const Study>(generate_demo_study()), {});
        MainWindow window(&controller);
        WorkspaceDocument* workspace = window.workspace();
        const std::shared_ptr<const Study> before = workspace->study();
        QSignalSpy refused(workspace, &WorkspaceDocument::studyRefused);
        QSignalSpy changed(workspace, &WorkspaceDocument::studyChanged);
        NamedArm formula = cdisc_pilot::placebo_as_published();
        formula.name = "=HYPERLINK(\"x\")";
        workspace->openPublishedArms({formula}, doe_2024(),
                                     WorkspaceDocument::PublishedArms::BesideTheStudy);
        QVERIFY(QTest::qWaitFor([&] { return refused.count() == 1; }, 30000));
        QVERIFY2(refused.front().front().toString().contains(QStringLiteral("formula")),
                 qPrintable(refused.front().front().toString()));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(workspace->study(), before);
    }
};

QTEST_MAIN(TestPublishedArms)
#include "test_published_arms.moc"
