// The workspace opens offscreen on the demo study and its KM figure holds one
// step curve and one legend entry per arm; choosing another endpoint refits off the GUI thread.

#include "../test_paths.h"
#include <controller/export_controller.h>
#include <controller/refit_controller.h>
#include <controller/study_loader.h>
#include <controller/workspace_document.h>
#include <main_window.h>
#include <models/ae_tree_model.h>
#include <models/forest_model.h>
#include <models/landmark_model.h>
#include <models/response_model.h>
#include <panels/data_panel.h>
#include <views/ae_table_view.h>
#include <views/cif_figure_view.h>
#include <views/forest_view.h>
#include <views/km_chart_view.h>
#include <views/km_figure.h>
#include <views/methods_view.h>
#include <views/population_chip.h>
#include <views/response_view.h>

#include <triallens/analysis/default_spec.h>
#include <triallens/data/adam_labels.h>
#include <triallens/demo/demo_study.h>
#include <triallens/format/number_format.h>

#include <QChart>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QMimeData>
#include <QScatterSeries>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <QUrl>

#include "workspace_test_support.h"

#include <cmath>

using namespace triallens;
using namespace triallens::ui;
using workspace_test::demo;
using workspace_test::drop;

namespace {

template <typename Series> QList<Series*> series_named(QChart* chart, const char* name) {
    QList<Series*> found;
    for (QAbstractSeries* series : chart->series()) {
        auto* typed = qobject_cast<Series*>(series);
        if (typed && series->objectName() == QLatin1String(name)) {
            found.append(typed);
        }
    }
    return found;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    // Windows and exports read and write settings: a throw-away location, not the user's.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // On the CDISC pilot (HRs to 8, CIs to 18, long race labels) in a
    // 1280 × 800 window, the forest fits its tab: no horizontal scrolling,
    // its plot inside the viewport, its columns reflowed rather than cut.
    void forestFitsTheWindowOnThePilot() {
        RefitController controller;
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy loaded(window.workspace()->loader(), &StudyLoader::loaded);
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        window.workspace()->openPaths({pilot + "adsl.xpt", pilot + "adtte.xpt"}, false);
        QVERIFY(QTest::qWaitFor([&] { return loaded.count() > 0; }, 30000));
        WorkspaceState state = window.workspace()->state();
        state.spec.subgroups = {"SEX", "AGEGR1", "RACE"};
        window.workspace()->changeState(state);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !controller.busy() && controller.results() &&
                       controller.results()->subgroups.size() > 5;
            },
            30000));
        auto* tabs = window.findChild<QTabWidget*>();
        tabs->setCurrentIndex(window.tabIndex(QStringLiteral("forest")));
        QTest::qWait(50);
        ForestView* forest = window.forestView();
        QVERIFY(forest->isVisible());
        QScrollArea* scroll = nullptr;
        for (QWidget* up = forest->parentWidget(); up && !scroll; up = up->parentWidget()) {
            scroll = qobject_cast<QScrollArea*>(up);
        }
        QVERIFY(scroll != nullptr);
        QVERIFY(!scroll->horizontalScrollBar()->isVisible());
        QVERIFY2(
            forest->width() <= scroll->viewport()->width(),
            qPrintable(
                QStringLiteral("%1 > %2").arg(forest->width()).arg(scroll->viewport()->width())));
        QVERIFY(forest->plotArea().right() <= scroll->viewport()->width());
        QVERIFY(forest->plotArea().width() > 8 * forest->fontMetrics().height());
    }

    void opensOnDemoWithOneCurvePerArm() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);

        const ResultsPtr results = window.kmView()->results();
        QVERIFY(results != nullptr);
        // The view paints the chart build_km_chart makes for its results and options.
        const std::unique_ptr<QChart> chart(build_km_chart(
            *results, window.kmView()->options(), km_figure_font(window.kmView()->options())));
        const auto curves = series_named<QLineSeries>(chart.get(), km_curve_series);
        QCOMPARE(curves.size(), 2);
        const KmFigureLayout layout = window.kmView()->figureLayout();
        QCOMPARE(layout.legend.size(), std::size_t{2});
        for (qsizetype a = 0; a < curves.size(); ++a) {
            const ArmSurvival& arm = results->arms[static_cast<std::size_t>(a)];
            // Legend: arm, n, events and median.
            const QString legend = layout.legend[static_cast<std::size_t>(a)].text;
            QCOMPARE(curves[a]->name(), legend);
            QVERIFY(legend.contains(QString::fromStdString(arm.arm)));
            QVERIFY(legend.contains(QStringLiteral("n=%1").arg(arm.km.n)));
            // A number stays with its label: joined by no-break spaces.
            QVERIFY(legend.contains(QStringLiteral("events\u00A0%1").arg(arm.km.n_events)));
            QVERIFY(legend.contains(
                QString::fromStdString("median " +
                                       median_ci_text(arm.median.estimate, arm.median.lower,
                                                      arm.median.upper, median_decimals(*results)))
                    .replace(QLatin1Char(' '), QChar(0x00A0))));
            // A step curve ends at the arm's last survival estimate.
            QCOMPARE(curves[a]->points().front(), QPointF(0, 1));
            QCOMPARE(curves[a]->points().back().y(), arm.km.curve.surv.back());
        }
        // Censor marks: one point per time with a censoring.
        const auto marks = series_named<QScatterSeries>(chart.get(), km_censor_series);
        QCOMPARE(marks.size(), 2);
        const auto& first = results->arms.front().km.curve;
        const auto censor_times = std::count_if(first.n_censor.begin(), first.n_censor.end(),
                                                [](std::size_t c) { return c > 0; });
        QCOMPARE(marks.front()->count(), static_cast<int>(censor_times));
        QVERIFY(layout.caveat_label.contains(QStringLiteral("SYNTHETIC")));
    }

    void choosingAnotherEndpointRefits() {
        RefitController controller;
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(demo(), spec);
        QSignalSpy refitted(&controller, &RefitController::refitted);
        MainWindow window(&controller);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);

        QComboBox* box = window.endpointBox();
        const int os = box->findData(QStringLiteral("OS"));
        QVERIFY(os >= 0);
        box->setCurrentIndex(os);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 2, 5000);
        QCOMPARE(window.kmView()->results()->paramcd, std::string("OS"));
        QVERIFY(window.kmView()->figureLayout().title.contains(QStringLiteral("Overall survival")));
    }

    void staleResultsAreDropped() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec pfs;
        pfs.paramcd = "PFS";
        AnalysisSpec os;
        os.paramcd = "OS";
        controller.setStudy(demo(), pfs);
        controller.setSpec(os);
        controller.setSpec(pfs);
        controller.setSpec(os);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        QTest::qWait(200); // let any stale refit finish too
        QCOMPARE(refitted.count(), 1);
        QCOMPARE(refitted.front().front().value<ResultsPtr>()->paramcd, std::string("OS"));
    }

    // Dropping the CDISC pilot's transport files loads them off the GUI
    // thread and refits on the new study; its only endpoint is chosen.
    void droppingFilesLoadsAStudy() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        QSignalSpy loaded(window.workspace()->loader(), &StudyLoader::loaded);

        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        drop(window, {pilot + "adsl.xpt", pilot + "adtte.xpt", pilot + "adae.xpt"});
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 2, 5000);
        QCOMPARE(controller.study()->subjects.size(), std::size_t{254});
        QCOMPARE(window.kmView()->results()->paramcd, std::string("TTDE"));
        QCOMPARE(window.endpointBox()->count(), 1);
        QCOMPARE(window.dataPanel()->files()->count(), 3);
        QVERIFY(window.dataPanel()->summary()->text().contains(QStringLiteral("254 subjects")));
    }

    // A bad file is refused with its file and line; the study stays.
    void refusedDropLeavesTheStudyUntouched() {
        QTemporaryDir dir;
        QFile bad(dir.filePath(QStringLiteral("adsl.csv")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("USUBJID,TRT01P,AGE\n01,A,50\n02,B\n");
        bad.close();

        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        controller.setStudy(demo(), {});
        MainWindow window(&controller);
        QSignalSpy failed(window.workspace()->loader(), &StudyLoader::failed);
        drop(window, {bad.fileName()});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(controller.study(), demo());
        const QString errors = failed.front().front().toStringList().join('\n');
        QVERIFY2(errors.contains(QStringLiteral("adsl.csv:3")), qPrintable(errors));
        QVERIFY(window.dataPanel()->findings()->count() >= 2);
        QVERIFY(
            window.dataPanel()->findings()->item(1)->text().contains(QStringLiteral("adsl.csv:3")));
    }

    // One refit fills every tab: the forest rows and the AE tree; unticking
    // nothing and ticking "Related" refits the AE table only through the
    // controller. With TRIALLENS_SCREENSHOT_DIR set, each tab is saved as PNG.
    void everyTabShowsTheSameRefit() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.subgroups = {"PDL1STAT", "ECOGBL", "AGEGR1"};
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        window.resize(1400, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        const ResultsPtr results = controller.results();
        QCOMPARE(window.forestView()->model()->rowCount(),
                 static_cast<int>(1 + 3 + results->subgroups.size()));
        QVERIFY(controller.adverseEvents() != nullptr);
        QCOMPARE(
            window.adverseEventView()->model()->rowCount(),
            static_cast<int>(std::count_if(controller.adverseEvents()->rows.begin(),
                                           controller.adverseEvents()->rows.end(),
                                           [](const AeRow& row) { return !row.pt.has_value(); })));

        QTest::mouseClick(window.adverseEventView()->relatedBox(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 2, 5000);
        QVERIFY(controller.adverseEvents() != nullptr);

        const QString folder = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            auto* tabs = window.findChild<QTabWidget*>();
            for (int t = 0; t < tabs->count(); ++t) {
                tabs->setCurrentIndex(t);
                QTest::qWait(100);
                window.grab().save(QStringLiteral("%1/tab-%2.png").arg(folder).arg(t));
            }
        }
    }

    // Clicking a forest row focuses every tab on that subgroup through the
    // one controller: the status bar counts its subjects, the Survival,
    // Methods and Response tabs show the same Results; the breadcrumb's link
    // returns to all patients.
    void forestRowFocusesEveryTab() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.subgroups = {"PDL1STAT"};
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        const ResultsPtr all = controller.results();
        QCOMPARE(all->subjects, all->subjects_total);
        QVERIFY(window.subjectsLabel()->text().startsWith(
            QStringLiteral("%1 of %1 subjects").arg(all->subjects_total)));

        ForestView* forest = window.forestView();
        const int row =
            forest->model()->rowOf(QStringLiteral("PDL1STAT"), QStringLiteral("Positive"));
        QVERIFY(row > 0);
        window.tabs()->setCurrentIndex(window.tabIndex(QStringLiteral("forest")));
        QTest::mouseClick(forest, Qt::LeftButton, Qt::NoModifier,
                          forest->rowRect(row).center().toPoint());
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 2, 5000);
        const SubgroupRow& positive =
            *std::find_if(all->subgroups.begin(), all->subgroups.end(),
                          [](const SubgroupRow& r) { return r.level == "Positive"; });
        const ResultsPtr focused = controller.results();
        QVERIFY(focused->focus.has_value());
        QCOMPARE(focused->focus->variable, std::string("PDL1STAT"));
        QCOMPARE(focused->n, positive.n);
        QVERIFY(focused->subjects < focused->subjects_total);
        QVERIFY(window.subjectsLabel()->text().startsWith(
            QStringLiteral("%1 of %2 subjects").arg(focused->subjects).arg(all->subjects_total)));
        QCOMPARE(window.kmView()->results(), focused);
        QCOMPARE(window.methodsView()->results(), focused);
        QCOMPARE(window.responseView()->model()->results(), focused);
        QCOMPARE(window.forestView()->model()->results(), focused);
        // The forest stays on the filtered subjects: the same rows to click.
        QCOMPARE(focused->forest_subjects, all->subjects);
        QCOMPARE(forest->model()->rowOf(QStringLiteral("PDL1STAT"), QStringLiteral("Positive")),
                 row);
        // Labels over codes: the forest's header row and the breadcrumb.
        const Variable* pdl1 = controller.study()->subjects.find("PDL1STAT");
        QVERIFY(pdl1 != nullptr);
        const QString label = QString::fromStdString(display_label(*pdl1));
        int header = -1;
        for (int r = 0; r < forest->model()->rowCount(); ++r) {
            const QModelIndex index = forest->model()->index(r, 0);
            if (index.data(ForestModel::RowKindRole).value<ForestModel::RowKind>() ==
                    ForestModel::RowKind::Header &&
                index.data(ForestModel::VariableRole).toString() == QStringLiteral("PDL1STAT")) {
                header = r;
            }
        }
        QVERIFY(header >= 0);
        QCOMPARE(forest->model()
                     ->data(forest->model()->index(header, ForestModel::SubgroupColumn))
                     .toString(),
                 label);
        QCOMPARE(forest->model()
                     ->data(forest->model()->index(header, 0), ForestModel::VariableRole)
                     .toString(),
                 QStringLiteral("PDL1STAT"));
        QVERIFY(window.breadcrumb()->text().contains(label.toHtmlEscaped() +
                                                     QStringLiteral(" = Positive")));
        QVERIFY(window.allPatientsAction()->isEnabled());
        if (const QString folder = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
            !folder.isEmpty()) {
            window.tabs()->setCurrentIndex(0);
            QTest::qWait(100);
            window.grab().save(folder + QStringLiteral("/subgroup-km.png"));
        }

        emit window.breadcrumb()->linkActivated(QStringLiteral("all"));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 3, 5000);
        QVERIFY(!controller.results()->focus.has_value());
        QCOMPARE(controller.results()->subjects, all->subjects);
        QCOMPARE(window.kmView()->results(), controller.results());
        QCOMPARE(window.methodsView()->results(), controller.results());
        QCOMPARE(window.breadcrumb()->text(), QStringLiteral("All patients"));
        QVERIFY(!window.allPatientsAction()->isEnabled());
    }

    // A click on a forest row is a step of the workspace: Undo returns to
    // the curves before it. Clicks on row after row make one step, so one
    // Undo returns to where the clicking began; Redo goes to the last row.
    void focusingRowsIsOneUndoStep() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.subgroups = {"PDL1STAT", "ECOGBL"};
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        QUndoStack* undo = window.workspace()->undoStack();
        QCOMPARE(undo->count(), 0);

        ForestView* forest = window.forestView();
        window.tabs()->setCurrentIndex(window.tabIndex(QStringLiteral("forest")));
        const auto click = [&](const QString& variable, const QString& level) {
            const int row = forest->model()->rowOf(variable, level);
            QVERIFY(row > 0);
            QTest::mouseClick(forest, Qt::LeftButton, Qt::NoModifier,
                              forest->rowRect(row).center().toPoint());
        };
        click(QStringLiteral("PDL1STAT"), QStringLiteral("Positive"));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 2, 5000);
        QCOMPARE(undo->count(), 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Show subgroup PDL1STAT = Positive"));
        click(QStringLiteral("ECOGBL"), QStringLiteral("1"));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 3, 5000);
        QCOMPARE(undo->count(), 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Show subgroup ECOGBL = 1"));
        QCOMPARE(controller.results()->focus->variable, std::string("ECOGBL"));

        undo->undo();
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 4, 5000);
        QVERIFY(!controller.results()->focus.has_value());
        QVERIFY(!window.workspace()->state().focus.has_value());
        QCOMPARE(window.breadcrumb()->text(), QStringLiteral("All patients"));
        QVERIFY(!window.allPatientsAction()->isEnabled());

        undo->redo();
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 5, 5000);
        QCOMPARE(controller.results()->focus->level, std::string("1"));
        QVERIFY(window.breadcrumb()->text().endsWith(QStringLiteral(" = 1")));

        // A settings step between clicks ends the merge: two more steps.
        WorkspaceState next = window.workspace()->state();
        next.spec.ties = next.spec.ties == Ties::Efron ? Ties::Breslow : Ties::Efron;
        window.workspace()->changeState(next);
        window.workspace()->focusSubgroup({}, {});
        QCOMPARE(undo->count(), 3);
        QCOMPARE(undo->undoText(), QStringLiteral("Show all patients"));
    }

    // The demo opens on PFS, whose events are progression or death: the
    // Competing risks tab shows both causes' panels from the first refit,
    // follows the KM figure's options, and places the panels as its menu says.
    void competingRisksTabFollowsTheResults() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        const auto study = demo();
        controller.setStudy(study, default_spec(*study, "PFS"));
        MainWindow window(&controller);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        CifFigureView* view = window.cifView();
        QVERIFY(view->results());
        QVERIFY(view->results()->competing_risks);
        QCOMPARE(view->results()->competing_risks->cause_of_interest,
                 std::string("DISEASE PROGRESSION"));
        window.tabs()->setCurrentIndex(window.tabIndex(QStringLiteral("competing-risks")));
        QCOMPARE(window.tabs()->currentWidget()->findChild<CifFigureView*>(), view);

        KmFigureOptions options = window.kmView()->options();
        options.ci_bands = !options.ci_bands;
        window.kmView()->setOptions(options);
        QCOMPARE(view->options(), options);

        QSignalSpy placed(view, &CifFigureView::arrangementChanged);
        view->stackedAction()->trigger();
        QCOMPARE(placed.count(), 1);
        QCOMPARE(view->arrangement(), CifArrangement::Stacked);
        QVERIFY(!view->sideBySideAction()->isChecked());
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        if (const QString dir = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QVERIFY(shot.save(dir + QStringLiteral("/competing-risks-stacked.png")));
            view->sideBySideAction()->trigger();
            QVERIFY(window.grab().toImage().save(dir + QStringLiteral("/competing-risks.png")));
        }
    }

    // The filter set through the workspace state, then a focused row, show
    // as a chip atop every tab and in the default export names; no chip
    // without either.
    void filterAndFocusShowAsChipsOnEveryTab() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.subgroups = {"PDL1STAT"};
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        const auto& chips = window.populationChips();
        QCOMPARE(chips.size(), qsizetype{window.tabs()->count()}); // one per tab
        for (PopulationChip* chip : chips) {
            QVERIFY(chip->isHidden());
        }
        QCOMPARE(suggested_export_name(ExportDialog::Item::KaplanMeier, controller.results().get()),
                 QStringLiteral("PFS-km.png"));

        WorkspaceState filtered = window.workspace()->state();
        filtered.spec.filter = "ECOGBL == 0";
        window.workspace()->restoreState(filtered);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 2, 5000);
        const ResultsPtr results = controller.results();
        QVERIFY(results->subjects < results->subjects_total);
        const QString line = QStringLiteral("Filtered: ECOGBL == 0 · %1 of %2")
                                 .arg(results->subjects)
                                 .arg(results->subjects_total);
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            PopulationChip* chip = window.tabs()->widget(tab)->findChild<PopulationChip*>();
            QVERIFY2(chip != nullptr, qPrintable(window.tabId(tab)));
            QVERIFY(!chip->isHidden());
            QCOMPARE(chip->text(), line);
        }

        window.workspace()->focusSubgroup(QStringLiteral("PDL1STAT"), QStringLiteral("Positive"));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 3, 5000);
        const ResultsPtr focused = controller.results();
        // The focused variable by its label, as the breadcrumb names it.
        const QString both = QStringLiteral("Filtered: ECOGBL == 0 · Subgroup: PD-L1 Status = "
                                            "Positive · %1 of %2")
                                 .arg(focused->subjects)
                                 .arg(focused->subjects_total);
        const auto chip_of = [&](const char* id) {
            return window.tabs()
                ->widget(window.tabIndex(QString::fromLatin1(id)))
                ->findChild<PopulationChip*>();
        };
        QCOMPARE(chip_of("survival")->text(), both);
        QCOMPARE(chip_of("methods")->text(), both);
        QCOMPARE(chip_of("adverse-events")->text(), both);
        QCOMPARE(chip_of("forest")->text(), line); // the forest keeps the filtered subjects
        QCOMPARE(suggested_export_name(ExportDialog::Item::KaplanMeier, focused.get()),
                 QStringLiteral("PFS-km-PDL1STAT-Positive.png"));
        QCOMPARE(suggested_export_name(ExportDialog::Item::Forest, focused.get()),
                 QStringLiteral("PFS-forest.png"));
    }

    // Landmarks and tau in the spec show a table below the curves: per arm
    // S(t) (CI) and n at risk at each landmark, the difference from the
    // reference, RMST (SE), its difference and ratio; hidden without them.
    void landmarkAndRmstTableOnTheSurvivalTab() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        QVERIFY(window.landmarkTable()->isHidden());
        QVERIFY(!window.landmarkModel()->hasEstimates());

        // Times within the follow-up, whole numbers of the data's unit.
        const double last = controller.results()->arms.front().km.curve.time.back();
        WorkspaceState next = window.workspace()->state();
        next.spec.landmarks = {std::floor(last / 4), std::floor(last / 2)};
        next.spec.tau = std::floor(last * 0.6);
        window.workspace()->restoreState(next);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 2, 5000);
        const Results& r = *controller.results();
        QCOMPARE(r.arms.size(), std::size_t{2});
        const LandmarkModel& model = *window.landmarkModel();
        QVERIFY(!window.landmarkTable()->isHidden());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 1 + 2 * 3 + 3);
        const auto cell = [&](int row, int column) {
            return model.index(row, column).data().toString();
        };
        const auto s = [](const std::string& text) { return QString::fromStdString(text); };
        QCOMPARE(cell(0, 0), s(r.arms[0].arm));
        const SurvivalAt& at = r.arms[1].landmarks[1];
        QCOMPARE(cell(1, 4), QStringLiteral("%1 (%2–%3)")
                                 .arg(s(decimal_text(*at.surv, 3)), s(decimal_text(*at.lower, 3)),
                                      s(decimal_text(*at.upper, 3))));
        QCOMPARE(cell(1, 5), QString::number(at.n_risk));
        QCOMPARE(model.headerData(4, Qt::Horizontal).toString(),
                 QStringLiteral("S(%1) (95% CI)").arg(s(time_text(at.time, 0))));
        const SurvivalDifference& d = r.landmark_differences.back();
        QCOMPARE(d.arm, r.arms[1].arm);
        QCOMPARE(cell(1, 6), s(difference_ci_text(*d.difference, *d.lower, *d.upper, 3)));
        QCOMPARE(cell(0, 6), QStringLiteral("—")); // the reference
        QCOMPARE(cell(0, 7),
                 QStringLiteral("%1 (%2)").arg(s(decimal_text(r.arms[0].rmst->estimate, 1)),
                                               s(decimal_text(r.arms[0].rmst->std_err, 1))));
        const RmstComparison& c = r.rmst_comparisons.front();
        QCOMPARE(cell(1, 8),
                 s(difference_ci_text(c.difference, c.difference_lower, c.difference_upper, 1)));
        QCOMPARE(cell(1, 9), s(ratio_ci_text(c.ratio, c.ratio_lower, c.ratio_upper)));
    }

    void rendersFigureOffscreen() {
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        controller.setStudy(demo(), spec);
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        const QImage image = render_km_figure(*controller.results(), QSize(800, 500));
        QCOMPARE(image.size(), QSize(800, 500));
        // Both arm colours appear in the picture: the curves were drawn.
        int blue = 0;
        int vermillion = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QRgb pixel = image.pixel(x, y) & 0xFFFFFF;
                blue += pixel == 0x0072B2;
                vermillion += pixel == 0xD55E00;
            }
        }
        QVERIFY(blue > 100);
        QVERIFY(vermillion > 100);
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
