// What TrialLens remembers between runs (controller/user_settings.h), each
// through a new window or dialog as a next run would see it: the window's
// geometry and docks, File ▸ Open Recent's loads and analyses (choosing an
// analysis restores it), the export dialog's folder, size preset, palette
// and font; View ▸ Reset Layout; and that all of it goes to a temporary
// settings file, never the user's.

#include <controller/analysis_document.h>
#include <controller/export_controller.h>
#include <controller/refit_controller.h>
#include <controller/user_settings.h>
#include <controller/workspace_document.h>
#include <main_window.h>
#include <panels/export_dialog.h>
#include <panels/recent_files_menu.h>
#include <panels/settings_panel.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QFontComboBox>
#include <QScopeGuard>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

#include "workspace_test_support.h"

using namespace triallens;
using namespace triallens::ui;
using workspace_test::demo;

namespace {

// A window as the app starts one, on the demo study; prompts never block.
struct Workspace {
    RefitController controller;
    std::unique_ptr<MainWindow> window;
    QStringList warnings;

    Workspace() {
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(demo(), spec);
        window = std::make_unique<MainWindow>(&controller);
        window->analysisDocument()->setPrompts({[](const QString&, const QString&) { return true; },
                                                [](const SavedFile&) { return QString(); },
                                                [this](const QString& text) { warnings << text; }});
    }
    bool settled() {
        return QTest::qWaitFor(
            [this] { return !controller.busy() && controller.results() != nullptr; }, 30000);
    }
    QDockWidget* dock(const char* name) const {
        return window->findChild<QDockWidget*>(QString::fromLatin1(name));
    }
    bool shown() {
        window->show();
        return QTest::qWaitForWindowExposed(window.get());
    }
};

// Runs `act` on the export dialog once exec() has shown it (it is modal).
void when_export_dialog_opens(std::function<void(ExportDialog*)> act) {
    auto* poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act = std::move(act)] {
        if (auto* dialog = qobject_cast<ExportDialog*>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            act(dialog);
        }
    });
    poll->start();
}

} // namespace

class TestUserSettings : public QObject {
    Q_OBJECT

    QTemporaryDir settings_dir_;

private slots:
    void initTestCase() {
        QVERIFY(settings_dir_.isValid());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings_dir_.path());
    }
    // Each test starts as a first run.
    void init() { user_settings().clear(); }

    // The store every panel writes to is the temporary one, and it is really
    // written there.
    void settingsGoToTheTemporaryFolder() {
        const QString file = user_settings().fileName();
        QVERIFY2(file.startsWith(settings_dir_.path() + '/'), qPrintable(file));
        {
            RecentFilesMenu menu;
            menu.remember({QStringLiteral("/data/adsl.csv")});
        }
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains("recentLoads="));
    }

    // A window resized and moved, a dock floated and one closed: the next
    // window opens the same way.
    void windowGeometryAndDocksSurviveANewWindow() {
        QRect geometry;
        {
            Workspace w;
            QVERIFY(w.shown());
            w.window->resize(700, 520);
            w.window->move(30, 40);
            w.dock("filterDock")->setFloating(true);
            w.dock("dataDock")->close();
            QTRY_VERIFY(w.dock("dataDock")->isHidden());
            geometry = w.window->geometry();
            QVERIFY(geometry.size() != MainWindow::defaultSize());
            QVERIFY(w.window->close());
        }
        Workspace again;
        QVERIFY(again.shown());
        QCOMPARE(again.window->geometry(), geometry);
        QVERIFY(again.dock("filterDock")->isFloating());
        QVERIFY(again.dock("dataDock")->isHidden());
        QVERIFY(!again.dock("settingsDock")->isFloating());
        QVERIFY(again.dock("settingsDock")->isVisible());
    }

    // Reset Layout docks the floated dock, shows the closed one, puts them in
    // one tabbed column on the left, the window back to its first size in
    // the middle of the screen, and forgets the saved layout.
    void resetLayoutPutsDocksAndSizeBack() {
        Workspace w;
        QVERIFY(w.shown());
        w.window->resize(700, 520);
        w.window->move(10, 10);
        w.dock("filterDock")->setFloating(true);
        w.dock("dataDock")->close();
        QTRY_VERIFY(w.dock("dataDock")->isHidden());
        w.window->removeDockWidget(w.dock("settingsDock"));
        w.window->addDockWidget(Qt::RightDockWidgetArea, w.dock("settingsDock"));
        w.dock("settingsDock")->show();
        user_settings().setValue(settings_key::window_geometry, w.window->saveGeometry());
        user_settings().setValue(settings_key::window_state, w.window->saveState());
        w.window->resetLayoutAction()->trigger();

        for (const char* name : {"settingsDock", "filterDock", "dataDock"}) {
            QDockWidget* dock = w.dock(name);
            QVERIFY2(!dock->isFloating(), name);
            QVERIFY2(!dock->isHidden(), name);
            QCOMPARE(w.window->dockWidgetArea(dock), Qt::LeftDockWidgetArea);
        }
        const QList<QDockWidget*> tabbed = w.window->tabifiedDockWidgets(w.dock("settingsDock"));
        QVERIFY(tabbed.contains(w.dock("filterDock")));
        QVERIFY(tabbed.contains(w.dock("dataDock")));
        QVERIFY(w.dock("settingsDock")->isVisible()); // the tab in front

        const QRect available = w.window->screen()->availableGeometry();
        QCOMPARE(w.window->size(), MainWindow::defaultSize().boundedTo(available.size()));
        QCOMPARE(w.window->frameGeometry().center(), available.center());
        QVERIFY(!user_settings().contains(settings_key::window_geometry));
        QVERIFY(!user_settings().contains(settings_key::window_state));
    }

    // Loads and analyses go to File ▸ Open Recent newest first, at most
    // max_entries of each, and a new menu (a new run) lists the same.
    void recentListsAreNewestFirstAndCapped() {
        constexpr int remembered = RecentFilesMenu::max_entries + 3;
        QList<QStringList> loads;
        QStringList analyses;
        {
            RecentFilesMenu menu;
            for (int i = 0; i < remembered; ++i) {
                const QStringList load{QStringLiteral("/data/%1/adsl.xpt").arg(i),
                                       QStringLiteral("/data/%1/adtte.xpt").arg(i)};
                const QString analysis = QStringLiteral("/work/a%1.triallens.json").arg(i);
                menu.remember(load);
                menu.rememberAnalysis(analysis);
                loads.prepend(load);
                analyses.prepend(analysis);
            }
            menu.remember(loads.at(3)); // chosen again: moved up, not repeated
            loads.move(3, 0);
        }
        const RecentFilesMenu menu;
        QCOMPARE(menu.entries(), loads.mid(0, RecentFilesMenu::max_entries));
        QCOMPARE(menu.analyses(), analyses.mid(0, RecentFilesMenu::max_entries));

        // Analyses first, under their own heading, then the loads under theirs.
        const QList<QAction*> actions = menu.actions();
        QVERIFY(actions.front()->isSeparator());
        QCOMPARE(actions.front()->text(), QStringLiteral("Analyses"));
        QCOMPARE(actions.at(1)->text(), RecentFilesMenu::entryText({analyses.front()}));
        const QAction* data_heading = actions.at(1 + RecentFilesMenu::max_entries);
        QVERIFY(data_heading->isSeparator());
        QCOMPARE(data_heading->text(), QStringLiteral("Data files"));
        QCOMPARE(actions.at(2 + RecentFilesMenu::max_entries)->text(),
                 RecentFilesMenu::entryText(loads.front()));
    }

    // A saved analysis is remembered; in a new window choosing it from File ▸
    // Open Recent opens it with its settings (here: Breslow ties).
    void recentAnalysisReopensInANewWindow() {
        QTemporaryDir folder;
        const QString file = folder.filePath(QStringLiteral("breslow.triallens.json"));
        {
            Workspace w;
            QVERIFY(w.settled());
            QComboBox* ties = w.window->settingsPanel()->tiesBox();
            ties->setCurrentIndex(ties->findData(QStringLiteral("breslow")));
            QVERIFY(w.settled());
            QCOMPARE(w.window->workspace()->state().spec.ties, Ties::Breslow);
            QVERIFY(w.window->analysisDocument()->save(file));
            QCOMPARE(w.window->recentFilesMenu()->analyses(), QStringList{file});
        }
        Workspace w;
        QVERIFY(w.settled());
        QCOMPARE(w.window->workspace()->state().spec.ties, Ties::Efron);
        QCOMPARE(w.window->recentFilesMenu()->analyses(), QStringList{file});
        // The menu is rebuilt whenever an analysis is remembered: look it up each time.
        const auto entry_of_file = [&]() -> QAction* {
            for (QAction* action : w.window->recentFilesMenu()->actions()) {
                if (action->text() == RecentFilesMenu::entryText({file})) {
                    return action;
                }
            }
            return nullptr;
        };
        QAction* entry = entry_of_file();
        QVERIFY(entry != nullptr);
        QSignalSpy restored(w.window->analysisDocument(), &AnalysisDocument::restored);
        entry->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(restored.count(), 1, 30000);
        QVERIFY(w.warnings.isEmpty());
        QCOMPARE(w.window->workspace()->state().spec.ties, Ties::Breslow);
        QVERIFY(w.settled());
        QCOMPARE(w.controller.results()->cox->ties, std::string("breslow"));

        // Deleted since: choosing it says so and takes it out of the menu.
        QVERIFY(QFile::remove(file));
        entry = entry_of_file();
        QVERIFY(entry != nullptr);
        entry->trigger();
        QCOMPARE(w.warnings.size(), 1);
        QVERIFY2(w.warnings.front().contains(QStringLiteral("breslow.triallens.json")),
                 qPrintable(w.warnings.front()));
        QVERIFY(w.window->recentFilesMenu()->analyses().isEmpty());
        QCOMPARE(RecentFilesMenu().analyses(), QStringList());
    }

    // The export dialog's size preset, resolution, palette and font, and the
    // folder of the last export, are what the next dialog (in a new window,
    // as in a new run) starts with.
    void exportChoicesAndFolderSurviveIntoANewDialog() {
        QTemporaryDir out;
        QString family;
        {
            Workspace w;
            QVERIFY(w.settled());
            QSignalSpy exported(w.window->exportController(), &ExportController::exported);
            // No checks in here: a failed one would leave the modal dialog open.
            QString first_folder;
            int families = 0;
            when_export_dialog_opens([&](ExportDialog* dialog) {
                first_folder = QFileInfo(dialog->path()).absolutePath();
                QComboBox* preset = dialog->presetBox();
                preset->setCurrentIndex(preset->findData(QStringLiteral("journal-single")));
                emit preset->activated(preset->currentIndex());
                QFontComboBox* font = dialog->fontBox();
                families = font->count();
                font->setCurrentIndex(font->currentIndex() == 0 ? 1 : 0);
                family = font->currentFont().family();
                dialog->fontSizeBox()->setValue(8.5);
                dialog->dpiBox()->setValue(150);
                dialog->paletteBox()->setCurrentIndex(
                    dialog->paletteBox()->findData(static_cast<int>(Palette::Grayscale)));
                dialog->setPath(out.filePath(QStringLiteral("km.png")));
                dialog->accept();
            });
            w.window->exportController()->exportAction()->trigger();
            QCOMPARE(first_folder, QDir::homePath()); // nothing exported yet
            QVERIFY2(families > 1, "the test needs two font families to choose from");
            QCOMPARE(exported.count(), 1);
            QVERIFY(QFileInfo::exists(out.filePath(QStringLiteral("km.png"))));
        }
        QVERIFY(!family.isEmpty());
        Workspace w;
        QVERIFY(w.settled());
        bool checked = false;
        when_export_dialog_opens([&](ExportDialog* dialog) {
            const auto reject = qScopeGuard([dialog] { dialog->reject(); });
            QCOMPARE(QFileInfo(dialog->path()).absolutePath(), QDir(out.path()).absolutePath());
            QCOMPARE(dialog->presetBox()->currentData().toString(),
                     QStringLiteral("journal-single"));
            const FigureExportOptions options = dialog->figureOptions();
            QCOMPARE(options.size_points, QSizeF(252, 288));
            QCOMPARE(options.font_family, family);
            QCOMPARE(options.font_size_pt, 8.5);
            QCOMPARE(options.dpi, 150);
            QCOMPARE(options.palette, Palette::Grayscale);
            checked = true;
        });
        w.window->exportController()->exportAction()->trigger();
        QVERIFY(checked);
    }

    // A custom size (no preset) comes back in points, in the unit it was shown in.
    void customExportSizeSurvives() {
        {
            ExportDialog dialog;
            dialog.unitBox()->setCurrentIndex(dialog.unitBox()->findData(QStringLiteral("cm")));
            dialog.widthBox()->setValue(12.5);
            dialog.heightBox()->setValue(8);
            emit dialog.widthBox()->editingFinished(); // typed: no longer a preset
            dialog.saveChoices();
        }
        ExportDialog dialog;
        dialog.restoreChoices();
        QCOMPARE(dialog.presetBox()->currentData().toString(), QString());
        QCOMPARE(dialog.unitBox()->currentData().toString(), QStringLiteral("cm"));
        QCOMPARE(dialog.widthBox()->value(), 12.5);
        QCOMPARE(dialog.heightBox()->value(), 8.0);
    }
};

QTEST_MAIN(TestUserSettings)
#include "test_user_settings.moc"
