// The Analysis settings dock drives the refit: each edit is one undoable
// step, the numbers equal `triallens analyze` with the same flags, a refit
// never blocks the GUI thread, and the busy indicator appears only for refits
// that take a while.

#include "../test_paths.h"
#include <controller/refit_controller.h>
#include <controller/study_loader.h>
#include <controller/workspace_document.h>
#include <main_window.h>
#include <panels/filter_panel.h>
#include <panels/level_filter.h>
#include <panels/recent_files_menu.h>
#include <panels/settings_panel.h>
#include <views/ae_table_view.h>
#include <views/km_chart_view.h>

#include <triallens/demo/demo_study.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QProgressBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>

#include "workspace_test_support.h"

using namespace triallens;
using namespace triallens::ui;
using workspace_test::click;
using workspace_test::demo;
using workspace_test::drop;

namespace {

// `triallens analyze demo ... --json`, as a statistician double-programming
// the GUI would run it.
QJsonObject analyze(const QStringList& arguments) {
    QProcess process;
    process.start(QString::fromStdString(TRIALLENS_BINARY),
                  QStringList{QStringLiteral("analyze")} + arguments + QStringList{"--json"});
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning() << process.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

QListWidgetItem* item_named(QListWidget* list, const QString& name) {
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == name) {
            return list->item(i);
        }
    }
    return nullptr;
}

void choose(QComboBox* box, const QString& data) {
    const int index = box->findData(data);
    QVERIFY2(index >= 0, qPrintable(data));
    box->setCurrentIndex(index);
}

struct Workspace {
    RefitController controller;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<QSignalSpy> refitted;

    explicit Workspace(std::shared_ptr<const Study> study,
                       std::vector<std::string> subgroups = {}) {
        refitted = std::make_unique<QSignalSpy>(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.subgroups = std::move(subgroups);
        controller.setStudy(std::move(study), spec);
        window = std::make_unique<MainWindow>(&controller);
    }
    SettingsPanel* settings() const { return window->settingsPanel(); }
    const Results& results() const { return *controller.results(); }
};

} // namespace

class TestWorkspaceSettings : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Recent files go to a throw-away settings location, not the user's.
        QStandardPaths::setTestModeEnabled(true);
    }

    // A load is remembered in File ▸ Open Recent, across windows, and
    // choosing it loads the same files again.
    void recentFilesReopenALoad() {
        Workspace w(demo());
        w.window->recentFilesMenu()->clearEntries();
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 1, 10000);
        QSignalSpy loaded(w.window->workspace()->loader(), &StudyLoader::loaded);
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const QStringList files{pilot + "adsl.xpt", pilot + "adtte.xpt"};
        w.window->workspace()->openPaths(files, false);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 30000);
        QCOMPARE(w.window->recentFilesMenu()->entries(), QList<QStringList>{files});

        const RecentFilesMenu another;
        QCOMPARE(another.entries(), QList<QStringList>{files});
        QAction* entry = w.window->recentFilesMenu()->actions().front();
        QVERIFY(entry->text().startsWith(QStringLiteral("adsl.xpt + 1 more")));
        entry->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 30000);
        QCOMPARE(loaded.back().at(1).toStringList(), files);
        QCOMPARE(w.window->recentFilesMenu()->entries().size(), 1); // moved up, not repeated
    }

    void settingsShowTheResolvedSpec() {
        Workspace w(demo());
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 1, 10000);
        QCOMPARE(w.settings()->endpointBox()->currentData().toString(), QStringLiteral("PFS"));
        QCOMPARE(w.settings()->armVariableBox()->currentData().toString(),
                 QString::fromStdString(w.results().arm_variable));
        QCOMPARE(w.settings()->referenceBox()->currentData().toString(),
                 QString::fromStdString(w.results().cox->reference_arm));
        QCOMPARE(w.settings()->tiesBox()->currentData().toString(), QStringLiteral("efron"));
        QCOMPARE(w.settings()->confLevelBox()->value(), 0.95);
        QCOMPARE(w.window->workspace()->undoStack()->count(), 0); // showing a spec is no gesture
    }

    void changingTiesRefitsAndUndoRestores() {
        Workspace w(demo());
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 1, 10000);
        choose(w.settings()->tiesBox(), QStringLiteral("breslow"));
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 2, 10000);
        QCOMPARE(w.results().cox->ties, std::string("breslow"));
        QCOMPARE(w.window->workspace()->undoStack()->undoText(), QStringLiteral("Change ties"));

        QAction* undo = nullptr;
        for (QAction* menu : w.window->menuBar()->actions()) {
            for (QAction* action : menu->menu()->actions()) {
                if (action->shortcut() == QKeySequence(QKeySequence::Undo)) {
                    undo = action;
                }
            }
        }
        QVERIFY(undo != nullptr && undo->isEnabled());
        undo->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 3, 10000);
        QCOMPARE(w.results().cox->ties, std::string("efron"));
        QCOMPARE(w.settings()->tiesBox()->currentData().toString(), QStringLiteral("efron"));
        QCOMPARE(w.refitted->count(), 3); // restoring the dock refits once, not per widget

        w.window->workspace()->undoStack()->redo();
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 4, 10000);
        QCOMPARE(w.results().cox->ties, std::string("breslow"));
        QCOMPARE(w.settings()->tiesBox()->currentData().toString(), QStringLiteral("breslow"));
    }

    // Ticking a stratification factor gives the stratified analysis that
    // `triallens analyze --strata` prints.
    void strataMatchTheCommandLine() {
        Workspace w(demo());
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 1, 10000);
        QListWidgetItem* factor = item_named(w.settings()->strataList(), "PRTAXFL");
        QVERIFY(factor != nullptr);
        factor->setCheckState(Qt::Checked);
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 2, 10000);
        QCOMPARE(w.results().strata, std::vector<std::string>{"PRTAXFL"});

        const QJsonObject cli = analyze({"demo", "--param", "PFS", "--strata", "PRTAXFL"});
        const QJsonObject term = cli["cox"].toObject()["terms"].toArray()[0].toObject();
        QCOMPARE(w.results().cox->terms.front().hr.value(), term["hr"].toDouble());
        QCOMPARE(w.results().logrank->p, cli["logrank"].toObject()["p"].toDouble());
    }

    // Unticking a level in the Filters dock refits on the subjects left, with
    // the numbers `triallens analyze --filter` gives for the same expression;
    // undo brings every subject back and ticks the box again.
    void filterLevelMatchesTheCommandLineAndUndoes() {
        Workspace w(demo());
        w.window->show();
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 1, 10000);
        LevelFilter* levels = w.window->filterPanel()->levelFilter("PDL1STAT");
        QVERIFY(levels != nullptr);
        QCheckBox* negative = levels->levelBox("Negative");
        QVERIFY(negative != nullptr && negative->isChecked());
        negative->setVisible(true);
        click(negative);
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 2, 10000);
        const std::string filter = w.results().filter;
        QVERIFY(!filter.empty());
        QVERIFY(w.results().subjects < w.results().subjects_total);
        QCOMPARE(w.window->workspace()->undoStack()->undoText(), QStringLiteral("Change filter"));

        const QJsonObject cli =
            analyze({"demo", "--param", "PFS", "--filter", QString::fromStdString(filter)});
        QCOMPARE(static_cast<double>(w.results().n), cli["n"].toDouble());
        QCOMPARE(static_cast<double>(w.results().events), cli["events"].toDouble());
        QCOMPARE(static_cast<double>(w.results().subjects), cli["subjects"].toDouble());
        const QJsonObject term = cli["cox"].toObject()["terms"].toArray()[0].toObject();
        QCOMPARE(w.results().cox->terms.front().hr.value(), term["hr"].toDouble());
        QCOMPARE(w.results().arms.front().median.estimate.value_or(-1),
                 cli["arms"].toArray()[0].toObject()["median"].toDouble(-1));
        QVERIFY(w.window->filterPanel()->countLabel()->text().contains(
            QString::number(w.results().subjects)));

        w.window->workspace()->undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 3, 10000);
        QCOMPARE(w.results().filter, std::string());
        QCOMPARE(w.results().subjects, w.results().subjects_total);
        QVERIFY(
            w.window->filterPanel()->levelFilter("PDL1STAT")->levelBox("Negative")->isChecked());
    }

    // The AE tab's toggles are undo steps too, refitting the table once.
    void adverseEventTogglesUndo() {
        Workspace w(demo());
        w.window->show();
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 1, 10000);
        // Subjects counted over every row and arm: fewer once only related AEs count.
        const auto counted = [&w] {
            std::size_t total = 0;
            for (const AeRow& row : w.controller.adverseEvents()->rows) {
                for (const AeCounts& counts : row.counts) {
                    total += counts.any;
                }
            }
            return total;
        };
        const std::size_t all = counted();
        QTest::mouseClick(w.window->adverseEventView()->relatedBox(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 2, 10000);
        QVERIFY(w.controller.adverseEventFilter().related_only);
        QVERIFY(counted() < all);
        QCOMPARE(w.window->workspace()->undoStack()->undoText(),
                 QStringLiteral("Change adverse-event filters"));

        w.window->workspace()->undoStack()->undo();
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 3, 10000);
        QTest::qWait(100);
        QCOMPARE(w.refitted->count(), 3); // one refit restores spec and toggles
        QVERIFY(!w.controller.adverseEventFilter().related_only);
        QVERIFY(!w.window->adverseEventView()->relatedBox()->isChecked());
        QCOMPARE(counted(), all);
    }

    void landmarksAreAppliedOnlyWhenTheyParse() {
        Workspace w(demo());
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 1, 10000);
        QLineEdit* landmarks = w.settings()->landmarksEdit();
        landmarks->setText(QStringLiteral("6, twelve"));
        emit landmarks->editingFinished();
        QTest::qWait(300);
        QCOMPARE(w.refitted->count(), 1);
        QVERIFY(!landmarks->styleSheet().isEmpty()); // marked as not understood
        QCOMPARE(w.window->workspace()->undoStack()->count(), 0);

        landmarks->setText(QStringLiteral("6 12"));
        emit landmarks->editingFinished();
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 2, 10000);
        QVERIFY(landmarks->styleSheet().isEmpty());
        QCOMPARE(w.results().arms.front().landmarks.size(), std::size_t{2});
        QCOMPARE(w.results().arms.front().landmarks[1].time, 12.0);
    }

    // The CDISC pilot's 51 site files (ADSL, ADTTE, ADAE × 17 sites) dropped
    // at once give a three-arm study; the forest compares the first other
    // arm, and choosing another reference refits the comparison.
    void pilotSiteFilesGiveThreeArms() {
        Workspace w(demo());
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 1, 10000);
        QSignalSpy loaded(w.window->workspace()->loader(), &StudyLoader::loaded);
        QSignalSpy failed(w.window->workspace()->loader(), &StudyLoader::failed);
        const QDir sites(QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/sites"));
        QStringList files;
        for (const QString& name : sites.entryList({"*.csv"}, QDir::Files)) {
            files << sites.filePath(name);
        }
        QCOMPARE(files.size(), 51);
        QSignalSpy failures(&w.controller, &RefitController::refitFailed);
        drop(*w.window, files);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count() + failed.count(), 1, 20000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? ""
                                  : qPrintable(failed.front().front().toStringList().join('\n')));
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count() + failures.count(), 2, 30000);
        QVERIFY2(failures.isEmpty(),
                 failures.isEmpty() ? "" : qPrintable(failures.front().front().toString()));
        QCOMPARE(w.results().arms.size(), std::size_t{3});
        QCOMPARE(w.results().subjects_total, std::size_t{254});
        QCOMPARE(w.settings()->referenceBox()->count(), 3);
        QVERIFY(!w.results().subgroups.empty()); // SEX, AGEGR1, RACE by default
        QVERIFY(w.window->subjectsLabel()->text().startsWith(QStringLiteral("254 of 254")));

        const QString other = w.settings()->referenceBox()->itemData(2).toString();
        choose(w.settings()->referenceBox(), other);
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 3, 30000);
        QCOMPARE(QString::fromStdString(w.results().cox->reference_arm), other);
        QCOMPARE(QString::fromStdString(w.results().arms.front().arm), other);
    }

    // While a long refit runs on a worker thread, the GUI thread keeps
    // serving its timers; the busy indicator appears only past the delay and
    // goes when the results come.
    void longRefitKeepsTheEventLoopResponsive() {
        DemoOptions options;
        options.subjects = 5000; // a refit long enough to tick through, even under asan
        Workspace w(std::make_shared<const Study>(generate_demo_study(options)),
                    {"PDL1STAT", "ECOGBL", "AGEGR1", "LIVBRNFL"});
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 1, 60000);
        QVERIFY(!w.window->busyIndicator()->isVisible());

        int ticks = 0;
        QTimer ticker;
        ticker.setInterval(10);
        connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
        bool indicator_seen = false;
        connect(&ticker, &QTimer::timeout,
                [&] { indicator_seen = indicator_seen || w.window->busyIndicator()->isVisible(); });
        w.window->show();
        ticker.start();
        QElapsedTimer clock;
        clock.start();
        choose(w.settings()->tiesBox(), QStringLiteral("exact"));
        QVERIFY(!w.window->busyIndicator()->isVisible()); // not before the delay
        QTRY_COMPARE_WITH_TIMEOUT(w.refitted->count(), 2, 60000);
        const qint64 elapsed = clock.elapsed();
        ticker.stop();
        qInfo("refit of 5000 subjects: %lld ms, %d timer ticks meanwhile", elapsed, ticks);
        // A refit on the GUI thread would allow no tick until it returned.
        QVERIFY2(ticks >= 5, qPrintable(QStringLiteral("%1 ticks").arg(ticks)));
        if (elapsed > 2 * MainWindow::busyDelayMs()) {
            QVERIFY(indicator_seen);
        }
        QVERIFY(!w.window->busyIndicator()->isVisible());
    }
};

QTEST_MAIN(TestWorkspaceSettings)
#include "test_workspace_settings.moc"
