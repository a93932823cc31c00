// The desktop behaviour of the main window on the demo study: every control
// of the Analysis settings and Filters docks says what it does in a tooltip,
// every action of the window is reachable from the menu bar, the standard
// shortcuts reach the right actions and none is used twice, F11 and Ctrl+1…5
// work from the keyboard, and the About dialog shows the version, each
// library's licence and a citation that Copy citation puts on the clipboard.

#include <controller/analysis_document.h>
#include <controller/export_controller.h>
#include <controller/refit_controller.h>
#include <controller/workspace_document.h>
#include <main_window.h>
#include <panels/about_dialog.h>
#include <panels/filter_panel.h>
#include <panels/level_filter.h>
#include <panels/range_filter.h>
#include <panels/settings_panel.h>
#include <views/forest_view.h>
#include <views/km_chart_view.h>

#include <triallens/data/level_counts.h>
#include <triallens/version.h>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDockWidget>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QTimer>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "workspace_test_support.h"

using namespace triallens;
using namespace triallens::ui;
using workspace_test::demo;

namespace {

QString version_text() {
    return QString::fromLatin1(triallens::version.data(),
                               static_cast<qsizetype>(triallens::version.size()));
}

// The window on the demo study once its first refit has arrived.
struct DemoWindow {
    RefitController controller;
    std::unique_ptr<MainWindow> window;

    DemoWindow() {
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(demo(), spec);
        window = std::make_unique<MainWindow>(&controller);
        refitted.wait(5000);
    }
};

// Every action reachable by opening menus from the menu bar.
void collect_menu_actions(const QList<QAction*>& actions, std::set<QAction*>& reached) {
    for (QAction* action : actions) {
        if (!reached.insert(action).second) {
            continue;
        }
        if (QMenu* menu = action->menu()) {
            collect_menu_actions(menu->actions(), reached);
        }
    }
}

std::set<QAction*> menu_bar_actions(QMainWindow& window) {
    std::set<QAction*> reached;
    collect_menu_actions(window.menuBar()->actions(), reached);
    return reached;
}

// Qt's own helpers (a line edit's clear button) are no actions of the app.
bool is_qt_internal(const QAction* action) {
    return action->objectName().startsWith(QLatin1String("_q_"));
}

QString plain(const QString& text) {
    return QString(text).remove(QLatin1Char('&'));
}

// Names a widget for a failure message: its form label, its text, its class.
QString describe(const QWidget* widget) {
    QString name = QString::fromLatin1(widget->metaObject()->className());
    if (const auto* button = qobject_cast<const QAbstractButton*>(widget)) {
        name += QStringLiteral(" \"%1\"").arg(button->text());
    } else if (const auto* edit = qobject_cast<const QLineEdit*>(widget)) {
        name += QStringLiteral(" \"%1\"").arg(edit->placeholderText());
    }
    for (const QWidget* up = widget->parentWidget(); up != nullptr; up = up->parentWidget()) {
        if (auto* form = qobject_cast<QFormLayout*>(up->layout())) {
            if (auto* label =
                    qobject_cast<QLabel*>(form->labelForField(const_cast<QWidget*>(widget)))) {
                name += QStringLiteral(" (row \"%1\")").arg(label->text());
            }
            break;
        }
    }
    if (!widget->objectName().isEmpty()) {
        name += QStringLiteral(" [%1]").arg(widget->objectName());
    }
    return name;
}

// A widget the user operates, as opposed to one a control is made of.
bool is_control(const QWidget* widget) {
    const QWidget* parent = widget->parentWidget();
    for (const QWidget* up = parent; up != nullptr; up = up->parentWidget()) {
        if (qobject_cast<const QComboBox*>(up) != nullptr) {
            return false; // the popup of a combo box: its items are checked with it
        }
    }
    if (qobject_cast<const QAbstractSpinBox*>(parent) != nullptr ||
        qobject_cast<const QLineEdit*>(parent) != nullptr) {
        return false; // a spin box's line edit, a line edit's clear button
    }
    return qobject_cast<const QAbstractButton*>(widget) != nullptr ||
           qobject_cast<const QComboBox*>(widget) != nullptr ||
           qobject_cast<const QAbstractSpinBox*>(widget) != nullptr ||
           qobject_cast<const QLineEdit*>(widget) != nullptr ||
           qobject_cast<const QAbstractItemView*>(widget) != nullptr ||
           qobject_cast<const QSlider*>(widget) != nullptr;
}

// Each control under `panel` and each item of its lists and combo boxes
// without a tooltip; `controls` counts the controls seen.
QStringList missing_tooltips(const QWidget* panel, int& controls) {
    QStringList missing;
    const auto check_items = [&](const QWidget* owner, const QAbstractItemModel* model) {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(Qt::ToolTipRole).toString().isEmpty()) {
                missing << QStringLiteral("item \"%1\" of %2")
                               .arg(index.data().toString(), describe(owner));
            }
        }
    };
    for (const QWidget* widget : panel->findChildren<QWidget*>()) {
        if (!is_control(widget)) {
            continue;
        }
        ++controls;
        if (widget->toolTip().isEmpty()) {
            missing << describe(widget);
        }
        if (const auto* box = qobject_cast<const QComboBox*>(widget)) {
            check_items(box, box->model());
        } else if (const auto* view = qobject_cast<const QAbstractItemView*>(widget)) {
            check_items(view, view->model());
        }
    }
    return missing;
}

// The text a user reads in the dialog, HTML made plain.
QString shown_text(const QWidget& dialog) {
    QString text;
    for (const QLabel* label : dialog.findChildren<QLabel*>()) {
        text += QTextDocumentFragment::fromHtml(label->text()).toPlainText() + QLatin1Char('\n');
    }
    for (const QTextBrowser* browser : dialog.findChildren<QTextBrowser*>()) {
        text += browser->toPlainText() + QLatin1Char('\n');
    }
    for (const QPlainTextEdit* edit : dialog.findChildren<QPlainTextEdit*>()) {
        text += edit->toPlainText() + QLatin1Char('\n');
    }
    return text;
}

} // namespace

class TestDesktopMenus : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void everyDockControlHasATooltip() {
        DemoWindow demo_window;
        MainWindow& window = *demo_window.window;
        // The demo's per-variable controls are there to be checked.
        QVERIFY(window.settingsPanel()->strataList()->count() > 0);
        QVERIFY(window.filterPanel()->levelFilter(QStringLiteral("SEX")) != nullptr);
        QVERIFY(window.filterPanel()->rangeFilter(QStringLiteral("AGE")) != nullptr);
        for (const QWidget* panel : {static_cast<QWidget*>(window.settingsPanel()),
                                     static_cast<QWidget*>(window.filterPanel())}) {
            int controls = 0;
            const QStringList missing = missing_tooltips(panel, controls);
            QVERIFY2(
                controls >= 12,
                qPrintable(
                    QStringLiteral("only %1 controls in %2").arg(controls).arg(describe(panel))));
            QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no tooltip: ") +
                                                   missing.join(QStringLiteral("; "))));
        }
    }

    // Per-variable controls name their variable and its counts.
    void variableTooltipsNameTheVariableAndItsCounts() {
        DemoWindow demo_window;
        MainWindow& window = *demo_window.window;
        const Variable* pdl1 = demo()->subjects.find("PDL1STAT");
        QVERIFY(pdl1 != nullptr);
        const LevelCounts counts = count_levels(*pdl1);
        const QString first = QString::fromStdString(pdl1->levels().front());
        const QString level_tip = window.filterPanel()
                                      ->levelFilter(QStringLiteral("PDL1STAT"))
                                      ->levelBox(first)
                                      ->toolTip();
        QVERIFY2(level_tip.contains(QStringLiteral("PDL1STAT")), qPrintable(level_tip));
        QVERIFY2(level_tip.contains(QString::number(counts.subjects.front())),
                 qPrintable(level_tip));
        const QListWidget* strata = window.settingsPanel()->strataList();
        const auto items = strata->findItems(QStringLiteral("PDL1STAT"), Qt::MatchStartsWith);
        QVERIFY(!items.isEmpty());
        const QString item_tip = items.front()->toolTip();
        QVERIFY2(item_tip.contains(QStringLiteral("%1 %2").arg(first).arg(counts.subjects.front())),
                 qPrintable(item_tip));
        QVERIFY(
            window.settingsPanel()->tiesBox()->toolTip().contains(QStringLiteral("coxph(ties")));
    }

    void everyActionIsReachableFromTheMenuBar() {
        DemoWindow demo_window;
        MainWindow& window = *demo_window.window;
        const std::set<QAction*> reached = menu_bar_actions(window);
        QStringList unreachable;
        int checked = 0;
        for (QAction* action : window.findChildren<QAction*>()) {
            if (action->isSeparator() || is_qt_internal(action)) {
                continue;
            }
            // An action with a shortcut, or one shown in a context menu,
            // a toolbar or a menu.
            if (action->shortcuts().isEmpty() && action->associatedObjects().isEmpty()) {
                continue;
            }
            ++checked;
            if (!reached.contains(action)) {
                unreachable << plain(action->text());
            }
        }
        QVERIFY(checked > 20);
        QVERIFY2(unreachable.isEmpty(), qPrintable(QStringLiteral("not in the menu bar: ") +
                                                   unreachable.join(QStringLiteral(", "))));
        // The views' context menus: the actions themselves, not copies.
        for (QWidget* view :
             {static_cast<QWidget*>(window.kmView()), static_cast<QWidget*>(window.forestView())}) {
            QVERIFY(!view->actions().isEmpty());
            for (QAction* action : view->actions()) {
                QVERIFY2(action->isSeparator() || reached.contains(action),
                         qPrintable(plain(action->text())));
            }
        }
        QVERIFY(reached.contains(window.kmView()->censoredRowAction()));
        // Each dock can be shown again after its close button hid it.
        const auto docks = window.findChildren<QDockWidget*>();
        QCOMPARE(docks.size(), 4);
        for (QDockWidget* dock : docks) {
            QVERIFY2(reached.contains(dock->toggleViewAction()), qPrintable(dock->windowTitle()));
        }
        QVERIFY(reached.contains(window.allPatientsAction()));
    }

    void allPatientsActionLeavesTheFocusedSubgroup() {
        DemoWindow demo_window;
        MainWindow& window = *demo_window.window;
        QVERIFY(!window.allPatientsAction()->isEnabled());
        window.workspace()->focusSubgroup(QStringLiteral("SEX"), QStringLiteral("F"));
        QVERIFY(window.allPatientsAction()->isEnabled());
        window.allPatientsAction()->trigger();
        QVERIFY(window.workspace()->focusVariable().isEmpty());
        QVERIFY(!window.allPatientsAction()->isEnabled());
    }

    void standardShortcutsReachTheirActionsOnce() {
        DemoWindow demo_window;
        MainWindow& window = *demo_window.window;
        // Every shortcut of the window, with the actions that hold it.
        std::map<QString, QList<QAction*>> by_key;
        for (QAction* action : window.findChildren<QAction*>()) {
            for (const QKeySequence& key : action->shortcuts()) {
                by_key[key.toString(QKeySequence::PortableText)] << action;
            }
        }
        for (const auto& [key, actions] : by_key) {
            QStringList names;
            for (const QAction* action : actions) {
                names << plain(action->text());
            }
            QVERIFY2(actions.size() == 1,
                     qPrintable(key + QStringLiteral(" is used by ") + names.join(", ")));
        }
        const auto action_for = [&](const char* key) -> QAction* {
            const auto it = by_key.find(QString::fromLatin1(key));
            return it == by_key.end() ? nullptr : it->second.front();
        };
        const std::set<QAction*> reached = menu_bar_actions(window);
        const auto text_of = [&](const char* key) {
            QAction* action = action_for(key);
            return action != nullptr && reached.contains(action) ? plain(action->text())
                                                                 : QString();
        };
        QCOMPARE(text_of("Ctrl+O"), QStringLiteral("Open Files…"));
        QCOMPARE(action_for("Ctrl+S"), window.analysisDocument()->saveAction());
        QCOMPARE(action_for("Ctrl+Shift+O"), window.analysisDocument()->openAction());
        QCOMPARE(action_for("Ctrl+E"), window.exportController()->exportAction());
        QVERIFY(text_of("Ctrl+Z").startsWith(QStringLiteral("Undo")));
        QVERIFY(text_of("Ctrl+Shift+Z").startsWith(QStringLiteral("Redo")));
        QCOMPARE(action_for("Ctrl+Y"), action_for("Ctrl+Shift+Z"));
        QCOMPARE(action_for("F11"), window.fullScreenAction());
        QCOMPARE(text_of("Ctrl+Q"), QStringLiteral("Quit"));
        QCOMPARE(action_for("F1"), window.aboutAction());
        for (int tab = 0; tab < window.tabs()->count(); ++tab) {
            QCOMPARE(text_of(qPrintable(QStringLiteral("Ctrl+%1").arg(tab + 1))),
                     window.tabs()->tabText(tab));
        }
        // Redo really redoes: Ctrl+Shift+Z is not merely a label.
        QSignalSpy refitted(&demo_window.controller, &RefitController::refitted);
        QComboBox* ties = window.settingsPanel()->tiesBox();
        const int before = ties->currentIndex();
        ties->setCurrentIndex(before == 0 ? 1 : 0);
        QVERIFY(refitted.wait(5000));
        action_for("Ctrl+Z")->trigger();
        QCOMPARE(ties->currentIndex(), before);
        action_for("Ctrl+Y")->trigger();
        QCOMPARE(ties->currentIndex(), before == 0 ? 1 : 0);
    }

    void f11TogglesFullScreenAndCtrl3ShowsTheForest() {
        DemoWindow demo_window;
        MainWindow& window = *demo_window.window;
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QVERIFY(!window.isFullScreen());

        QTest::keyClick(&window, Qt::Key_F11);
        QTRY_VERIFY(window.windowState().testFlag(Qt::WindowFullScreen));
        QVERIFY(window.fullScreenAction()->isChecked());
        QTest::keyClick(&window, Qt::Key_F11);
        QTRY_VERIFY(!window.windowState().testFlag(Qt::WindowFullScreen));
        QVERIFY(!window.fullScreenAction()->isChecked());

        QCOMPARE(window.tabs()->currentIndex(), 0);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentIndex(), 1);
        QCOMPARE(window.tabs()->tabText(1), QStringLiteral("Delayed effects"));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentIndex(), 2);
        QCOMPARE(window.tabs()->tabText(2), QStringLiteral("Forest"));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(window.tabs()->currentIndex(), 4);
        // Clicking a tab checks its action in View.
        window.tabs()->setCurrentIndex(2);
        const std::set<QAction*> reached = menu_bar_actions(window);
        const auto checked = std::count_if(reached.begin(), reached.end(), [&](QAction* action) {
            return action->isChecked() && action->text() == window.tabs()->tabText(2);
        });
        QCOMPARE(checked, 1);
    }

    void aboutDialogShowsVersionLicencesAndCitation() {
        AboutDialog dialog;
        const auto* icon = dialog.findChild<QLabel*>(QStringLiteral("aboutIcon"));
        QVERIFY(icon != nullptr && !icon->pixmap().isNull());
        const QString text = shown_text(dialog);
        QVERIFY(!version_text().isEmpty());
        QVERIFY2(text.contains(QStringLiteral("TrialLens ") + version_text()), qPrintable(text));
        QVERIFY(text.contains(
            QString::fromLatin1(triallens::release_date.data(),
                                static_cast<qsizetype>(triallens::release_date.size()))));
        QVERIFY(text.contains(QString::fromLatin1(qVersion())));
        QVERIFY(text.contains(QStringLiteral(QT_VERSION_STR)));
        for (const char* name :
             {"Qt Charts", "GPL-3.0", "LGPL-3.0", "Eigen", "MPL-2.0", "Boost.Math", "BSL-1.0",
              "ReadStat", "MIT", "libcsv", "LGPL-2.1-or-later", "GPL-3.0-or-later"}) {
            QVERIFY2(text.contains(QString::fromLatin1(name)), name);
        }
        const QString year = QString::fromLatin1(triallens::release_date.data(), 4);
        const QString sentence = QStringLiteral("TrialLens %1 (%2). Software for exploring "
                                                "clinical-trial results. "
                                                "https://github.com/triallens/triallens")
                                     .arg(version_text(), year);
        QVERIFY2(text.contains(sentence), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("@software{")));
        QVERIFY(text.contains(QStringLiteral("version = {%1}").arg(version_text())));

        QApplication::clipboard()->clear();
        QTest::mouseClick(dialog.copyCitationButton(), Qt::LeftButton);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.contains(sentence), qPrintable(copied));
        QVERIFY(copied.contains(QStringLiteral("version = {%1}").arg(version_text())));
    }

    void helpMenuOpensTheAboutDialog() {
        DemoWindow demo_window;
        MainWindow& window = *demo_window.window;
        bool shown = false;
        QTimer closer;
        closer.setInterval(20);
        connect(&closer, &QTimer::timeout, this, [&] {
            for (QWidget* top : QApplication::topLevelWidgets()) {
                if (auto* about = qobject_cast<AboutDialog*>(top); about && about->isVisible()) {
                    shown = true;
                    about->reject();
                }
            }
        });
        closer.start();
        window.aboutAction()->trigger(); // returns once the dialog is closed
        QVERIFY(shown);
        QVERIFY(menu_bar_actions(window).contains(window.aboutAction()));
    }
};

QTEST_MAIN(TestDesktopMenus)
#include "test_desktop_menus.moc"
