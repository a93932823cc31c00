// The Delayed effects tab on the demo (2 arms, OS separating late) and the
// CDISC pilot (3 arms): the table carries the Results' tests, the verdict
// sits above it, the cut-point editor refits through the workspace's undo
// history, and bad cut points are named without changing anything.
#include "../test_paths.h"
#include <controller/refit_controller.h>
#include <controller/study_loader.h>
#include <controller/workspace_document.h>
#include <main_window.h>
#include <models/delayed_effects_model.h>
#include <views/delayed_effects_view.h>

#include <triallens/format/delayed_effects_verdict.h>
#include <triallens/stats/maxcombo.h>

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

#include "workspace_test_support.h"

#include <algorithm>
#include <memory>
#include <utility>

using namespace triallens;
using namespace triallens::ui;
using workspace_test::demo;
using Kind = DelayedEffectsModel::Kind;

namespace {

bool settled(const RefitController& controller) {
    return !controller.busy() && controller.results() != nullptr;
}

// Types `text` into the cut-point field and applies it as a user would.
void type_cuts(DelayedEffectsView* view, const QString& text) {
    view->cutsEdit()->clear();
    QTest::keyClicks(view->cutsEdit(), text);
    QTest::mouseClick(view->applyButton(), Qt::LeftButton);
}

} // namespace

class TestDelayedEffectsPanel : public QObject {
    Q_OBJECT

    // The window on `load`'s study, the Delayed effects tab in front, its
    // first refit done.
    struct Shown {
        RefitController controller;
        std::unique_ptr<MainWindow> window;
    };

    static void show_tab(Shown& shown) {
        shown.window->resize(1280, 800);
        shown.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(shown.window.get()));
        QTabWidget* tabs = shown.window->tabs();
        const int index = shown.window->tabIndex(QStringLiteral("delayed-effects"));
        QVERIFY(index >= 0);
        QCOMPARE(index, shown.window->tabIndex(QStringLiteral("survival")) + 1);
        QCOMPARE(tabs->tabText(index), QStringLiteral("Delayed effects"));
        tabs->setCurrentIndex(index);
        QVERIFY(tabs->widget(index)->isAncestorOf(shown.window->delayedEffectsView()));
        QVERIFY(QTest::qWaitFor([&] { return settled(shown.controller); }, 60000));
    }

    // The table's rows against the Results; the editor's refit and undo;
    // refusals. `compared` is the arm the settings compare.
    static void check_panel(Shown& shown, const std::string& compared) {
        MainWindow& window = *shown.window;
        DelayedEffectsView* view = window.delayedEffectsView();
        const DelayedEffectsModel& model = *view->model();
        const ResultsPtr results = shown.controller.results();
        QCOMPARE(model.results(), results);
        QCOMPARE(results->delayed_effects_arm, compared);

        // One row per test the Results hold, in order, with their p.
        QCOMPARE(model.rowsOf(Kind::LogRank).size(), std::size_t{1});
        QCOMPARE(model.rowsOf(Kind::Cox).size(), std::size_t{1});
        const std::vector<int> fh = model.rowsOf(Kind::WeightedLogRank);
        QCOMPARE(fh.size(), results->weighted_logrank.size());
        QCOMPARE(fh.size(), maxcombo_default_tests().size());
        for (std::size_t k = 0; k < fh.size(); ++k) {
            const auto& test = results->weighted_logrank[k];
            QCOMPARE(model.index(fh[k], DelayedEffectsModel::MethodColumn).data().toString(),
                     QStringLiteral("FH(%1,%2)").arg(test.rho).arg(test.gamma));
            QCOMPARE(model.index(fh[k], DelayedEffectsModel::PColumn)
                         .data(DelayedEffectsModel::ValueRole)
                         .toDouble(),
                     *test.p);
            QCOMPARE(model.index(fh[k], DelayedEffectsModel::ZColumn)
                         .data(DelayedEffectsModel::ValueRole)
                         .toDouble(),
                     *test.z);
        }
        QCOMPARE(model.rowsOf(Kind::MaxCombo).size(), std::size_t{1});
        const int maxcombo = model.rowsOf(Kind::MaxCombo).front();
        QCOMPARE(model.index(maxcombo, DelayedEffectsModel::PColumn)
                     .data(DelayedEffectsModel::ValueRole)
                     .toDouble(),
                 results->maxcombo->p);
        QVERIFY(model.index(maxcombo, DelayedEffectsModel::NoteColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("(0,1)")));
        QVERIFY(model.rowsOf(Kind::PiecewiseHazardRatio).empty());
        QCOMPARE(view->verdictLabel()->text().toStdString(), delayed_effects_verdict(*results));
        QVERIFY(view->verdictLabel()->text().startsWith(QStringLiteral("Log-rank p ")));
        // The verdict sits above the table, both inside the tab.
        QVERIFY(view->verdictLabel()->isVisible() && view->table()->isVisible());
        QVERIFY(view->verdictLabel()->geometry().bottom() < view->table()->geometry().top());

        // Cut points: one refit, three periods, undo takes them away.
        QSignalSpy refitted(&shown.controller, &RefitController::refitted);
        QUndoStack* undo = window.workspace()->undoStack();
        const int steps = undo->count();
        type_cuts(view, QStringLiteral("6, 12"));
        QVERIFY2(view->problemLabel()->isHidden(), qPrintable(view->problemLabel()->text()));
        QVERIFY(workspace_test::caught(refitted));
        QVERIFY(QTest::qWaitFor([&] { return settled(shown.controller); }, 60000));
        QCOMPARE(window.workspace()->state().spec.hr_cuts, (std::vector<double>{6, 12}));
        QCOMPARE(undo->count(), steps + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Change cut points"));
        QCOMPARE(model.rowsOf(Kind::PiecewiseHazardRatio).size(), std::size_t{3});
        QCOMPARE(shown.controller.results()->piecewise_hr.size(), std::size_t{3});
        QCOMPARE(model
                     .index(model.rowsOf(Kind::PiecewiseHazardRatio).front(),
                            DelayedEffectsModel::MethodColumn)
                     .data()
                     .toString(),
                 QStringLiteral("HR in (0, 6]"));

        refitted.clear();
        undo->undo();
        QVERIFY(workspace_test::caught(refitted));
        QVERIFY(QTest::qWaitFor([&] { return settled(shown.controller); }, 60000));
        QVERIFY(window.workspace()->state().spec.hr_cuts.empty());
        QVERIFY(model.rowsOf(Kind::PiecewiseHazardRatio).empty());
        QCOMPARE(view->cutsEdit()->text(), QString());

        // Bad cut points are named and change nothing.
        const double last = [&] {
            double time = 0;
            for (const auto& arm : shown.controller.results()->arms) {
                time = std::max(time, arm.km.curve.time.back());
            }
            return time;
        }();
        const WorkspaceState before = window.workspace()->state();
        const int undo_steps = undo->count();
        const std::pair<QString, QString> refusals[] = {
            {QStringLiteral("12, 6"), QStringLiteral("not after 12")},
            {QStringLiteral("abc"), QStringLiteral("“abc” is not a number")},
            {QStringLiteral("6, %1").arg(last + 1), QStringLiteral("not before the last time")},
            {QStringLiteral("-3"), QStringLiteral("not positive")}};
        for (const auto& [bad, named] : refusals) {
            refitted.clear();
            type_cuts(view, bad);
            QVERIFY2(view->problemLabel()->isVisible(), qPrintable(bad));
            QVERIFY2(view->problemLabel()->text().contains(named),
                     qPrintable(view->problemLabel()->text()));
            QVERIFY2(view->cutsEdit()->styleSheet().contains(QStringLiteral("background")),
                     qPrintable(bad));
            QTest::qWait(50);
            QVERIFY2(refitted.isEmpty(), qPrintable(bad));
            QVERIFY(window.workspace()->state() == before);
            QCOMPARE(undo->count(), undo_steps);
        }
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void demoOsShowsTheLateSeparation() {
        Shown shown;
        AnalysisSpec spec;
        spec.paramcd = "OS";
        shown.controller.setStudy(demo(), spec);
        shown.window = std::make_unique<MainWindow>(&shown.controller);
        shown.window->workspace()->openDemo(); // the spec a study is first shown with
        QCOMPARE(shown.window->workspace()->state().spec.paramcd, std::string("OS"));
        show_tab(shown);
        const ResultsPtr results = shown.controller.results();
        QVERIFY(results->logrank.has_value());
        // FH(0,1) and MaxCombo see the late separation the log-rank dilutes.
        const auto fh01 = std::find_if(
            results->weighted_logrank.begin(), results->weighted_logrank.end(),
            [](const WeightedLogRankRow& row) { return row.rho == 0 && row.gamma == 1; });
        QVERIFY(fh01 != results->weighted_logrank.end() && fh01->p);
        QVERIFY2(*fh01->p < results->logrank->p, qPrintable(QString::number(*fh01->p)));
        QVERIFY(results->maxcombo && results->maxcombo->p < results->logrank->p);
        check_panel(shown, results->arms.at(1).arm);
    }

    void pilotComparesTheSettingsArm() {
        Shown shown;
        shown.window = std::make_unique<MainWindow>(&shown.controller);
        QSignalSpy loaded(shown.window->workspace()->loader(), &StudyLoader::loaded);
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        shown.window->workspace()->openPaths(
            {pilot + "adsl.xpt", pilot + "adtte.xpt", pilot + "adae.xpt"}, false);
        QVERIFY(workspace_test::caught(loaded));
        const AnalysisSpec& spec = shown.window->workspace()->state().spec;
        QVERIFY(!spec.compare_arm.empty());
        show_tab(shown);
        QCOMPARE(shown.controller.results()->arms.size(), std::size_t{3});
        QVERIFY(shown.controller.results()->logrank->df == 2);
        QVERIFY(shown.window->delayedEffectsView()->model()->index(0, 0).data().toString().contains(
            QString::fromStdString(spec.compare_arm)));
        check_panel(shown, spec.compare_arm);
    }
};

QTEST_MAIN(TestDelayedEffectsPanel)
#include "test_delayed_effects_panel.moc"
