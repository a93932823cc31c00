// The Baseline tab in the window: its choices — the variables (the
// chooser, by clicks), the quantile type, p-values — are workspace steps:
// each a refit, each undone by Ctrl+Z; they travel in saved analyses. The
// panel shows what the Results hold (a hand-made table here; the core's
// Table 1 on the demo once the core computes it).

#include "baseline_fixture.h"
#include "workspace_test_support.h"

#include <controller/refit_controller.h>
#include <controller/workspace_document.h>
#include <document/saved_analysis.h>
#include <main_window.h>
#include <models/baseline_model.h>
#include <models/baseline_variable_choices.h>
#include <models/disposition_model.h>
#include <panels/baseline_panel.h>
#include <panels/baseline_variables_dialog.h>
#include <views/disposition_flow_view.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QUndoStack>

using namespace triallens;
using namespace triallens::ui;
using workspace_test::caught;
using workspace_test::demo;

namespace {

struct DemoWindow {
    RefitController controller;
    std::unique_ptr<MainWindow> window;
    DemoWindow() {
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(demo(), spec);
        window = std::make_unique<MainWindow>(&controller);
        window->show();
    }
    BaselinePanel* panel() const { return window->baselinePanel(); }
    const BaselineSpec& baseline() const { return window->workspace()->state().baseline; }
};

// The list row of `name` in the chooser; -1 when not listed.
int row_of(const QListWidget& list, const QString& name) {
    for (int i = 0; i < list.count(); ++i) {
        if (list.item(i)->data(Qt::UserRole).toString() == name) {
            return i;
        }
    }
    return -1;
}

// The variables the model shows, in order.
QStringList shown_variables(const BaselineModel& model) {
    QStringList names;
    for (int r = 0; r < model.rowCount(); ++r) {
        if (model.index(r, 0).data(BaselineModel::RowKindRole).value<BaselineModel::RowKind>() ==
            BaselineModel::RowKind::Variable) {
            names << model.index(r, 0).data(BaselineModel::VariableRole).toString();
        }
    }
    return names;
}

} // namespace

class TestBaselinePanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void baselineTabPrecedesAdverseEvents() {
        DemoWindow w;
        const int index = w.window->tabIndex(QStringLiteral("baseline"));
        QCOMPARE(index, w.window->tabIndex(QStringLiteral("adverse-events")) - 1);
        QCOMPARE(w.window->tabs()->tabText(index), QStringLiteral("Baseline"));
        QCOMPARE(MainWindow::tabIds().at(index), QStringLiteral("baseline"));
        QCOMPARE(w.window->tabIndex(QStringLiteral("tumour-response")),
                 static_cast<int>(MainWindow::tabIds().indexOf(QStringLiteral("tumour-response"))));
    }

    // Clicks in the chooser: None, then one variable and another by Space,
    // OK. The spec holds them in the order checked, a refit follows, and
    // Ctrl+Z gives the defaults back.
    void chosenVariablesAreAnUndoableRefit() {
        DemoWindow w;
        QSignalSpy refitted(&w.controller, &RefitController::refitted);
        QVERIFY(caught(refitted));
        const auto choices = baseline_variable_choices(*demo());
        QVERIFY(choices.size() >= 2);
        // Identifiers and dates are never offered.
        for (const BaselineVariableChoice& choice : choices) {
            QVERIFY(choice.name != QLatin1String("USUBJID"));
            QVERIFY(choice.name != QLatin1String("SUBJID"));
        }
        const QString first = QStringLiteral("SEX");
        const QString second = QStringLiteral("AGE");

        w.window->tabs()->setCurrentIndex(w.window->tabIndex(QStringLiteral("baseline")));
        QTest::mouseClick(w.panel()->variablesButton(), Qt::LeftButton);
        BaselineVariablesDialog* dialog = w.panel()->variablesDialog();
        QVERIFY(dialog != nullptr);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QListWidget* list = dialog->list();
        QVERIFY(row_of(*list, first) >= 0 && row_of(*list, second) >= 0);
        QStringList defaults;
        for (const std::string& name : default_baseline_variables(*demo())) {
            defaults << QString::fromStdString(name);
        }
        QVERIFY(!defaults.isEmpty());
        QCOMPARE(dialog->variables(), defaults); // what the table shows before a choice
        QTest::mouseClick(dialog->noneButton(), Qt::LeftButton);
        QVERIFY(dialog->variables().isEmpty());
        // No variable is the defaults to the core: OK waits for one.
        QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
        QTest::mouseClick(dialog->defaultsButton(), Qt::LeftButton);
        QCOMPARE(dialog->variables(), defaults);
        QVERIFY(dialog->isDefaults());
        QTest::mouseClick(dialog->noneButton(), Qt::LeftButton);
        for (const QString& name : {first, second}) {
            list->setCurrentRow(row_of(*list, name));
            QTest::keyClick(list->viewport(), Qt::Key_Space);
        }
        QCOMPARE(dialog->variables().size(), 2);
        refitted.clear();
        QTest::mouseClick(dialog->buttons()->button(QDialogButtonBox::Ok), Qt::LeftButton);
        // Checked in list order: SEX and AGE as the list has them.
        QCOMPARE(w.baseline().variables.size(), std::size_t{2});
        QVERIFY(caught(refitted));
        const QStringList chosen{QString::fromStdString(w.baseline().variables[0]),
                                 QString::fromStdString(w.baseline().variables[1])};
        QVERIFY(chosen.contains(first) && chosen.contains(second));
        QVERIFY(w.window->workspace()->undoStack()->canUndo());
        if (w.controller.results()->baseline) { // the core's Table 1
            QTRY_COMPARE(shown_variables(*w.panel()->model()), chosen);
        }

        refitted.clear();
        w.window->workspace()->undoStack()->undo();
        QVERIFY(w.baseline().variables.empty());
        QVERIFY(caught(refitted));
        if (w.controller.results()->baseline) {
            QTRY_VERIFY(shown_variables(*w.panel()->model()) != chosen);
        }
    }

    void quantileTypeAndPValuesAreWorkspaceSteps() {
        DemoWindow w;
        QSignalSpy refitted(&w.controller, &RefitController::refitted);
        QVERIFY(caught(refitted));
        QComboBox* type = w.panel()->quantileTypeBox();
        QCOMPARE(type->currentData().toInt(), 2);
        refitted.clear();
        type->setFocus();
        QTest::keyClick(type, Qt::Key_Down); // a user's choice: activated
        QCOMPARE(w.baseline().quantile_type, 7);
        QVERIFY(caught(refitted));
        if (const auto& table = w.controller.results()->baseline) {
            QCOMPARE(table->quantile_type, 7);
            QTRY_VERIFY(w.panel()->footnoteLabel()->text().contains(QStringLiteral("type 7")));
        }

        refitted.clear();
        workspace_test::click(w.panel()->pValuesBox());
        QVERIFY(w.baseline().p_values);
        QVERIFY(caught(refitted));
        w.window->workspace()->undoStack()->undo();
        QVERIFY(!w.baseline().p_values);
        QVERIFY(!w.panel()->pValuesBox()->isChecked());
        w.window->workspace()->undoStack()->undo();
        QCOMPARE(w.baseline().quantile_type, 2);
        QCOMPARE(type->currentData().toInt(), 2);
    }

    // The filter narrows Table 1's subjects: the header's N follows.
    void filterChangesTheColumnsN() {
        DemoWindow w;
        QSignalSpy refitted(&w.controller, &RefitController::refitted);
        QVERIFY(caught(refitted));
        if (!w.controller.results()->baseline) {
            QSKIP("the core computes no Table 1 in this build yet");
        }
        const auto all = w.controller.results()->baseline->n;
        WorkspaceState filtered = w.window->workspace()->state();
        filtered.spec.filter = "ECOGBL == 0";
        refitted.clear();
        w.window->workspace()->changeState(filtered);
        QVERIFY(caught(refitted));
        const auto fewer = w.controller.results()->baseline->n;
        QCOMPARE(fewer.size(), all.size());
        QVERIFY(fewer.back() < all.back());
        QTRY_COMPARE(w.panel()
                         ->model()
                         ->headerData(static_cast<int>(fewer.size()), Qt::Horizontal)
                         .toString(),
                     QStringLiteral("Total\n(N = %1)").arg(fewer.back()));
    }

    void panelShowsTablesFootnotesAndFlow() {
        BaselinePanel panel;
        panel.resize(1200, 900);
        panel.setResults(baseline_fixture::shared(true));
        QVERIFY(panel.emptyLabel()->isHidden());
        QCOMPARE(panel.model()->rowCount(), 11);
        QCOMPARE(panel.dispositionModel()->rowCount(), 12);
        QVERIFY(panel.footnoteLabel()->text().contains(QStringLiteral("Kruskal-Wallis")));
        QVERIFY(!panel.flowView()->isHidden());
        // To look at: TRIALLENS_SHOT_DIR=DIR writes the panel there.
        if (const QString shots = qEnvironmentVariable("TRIALLENS_SHOT_DIR"); !shots.isEmpty()) {
            panel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&panel));
            QVERIFY(panel.grab().save(shots + QStringLiteral("/baseline-panel-fixture.png")));
        }

        Results none;
        none.baseline_error = "no treatment column in the subject data";
        panel.setResults(std::make_shared<const Results>(none));
        QVERIFY(!panel.emptyLabel()->isHidden());
        QVERIFY(panel.emptyLabel()->text().contains(QStringLiteral("no treatment column")));
    }

    void savedAnalysisKeepsTableOnesChoices() {
        SavedAnalysis analysis;
        analysis.demo = true;
        analysis.state.baseline.variables = {"AGE", "SEX", "RACE"};
        analysis.state.baseline.quantile_type = 7;
        analysis.state.baseline.p_values = true;
        QString error;
        const auto read = from_json(to_json(analysis), &error, QString());
        QVERIFY2(read.has_value(), qPrintable(error));
        QVERIFY(read->state.baseline == analysis.state.baseline);

        QByteArray bad = to_json(analysis);
        bad.replace("\"quantile_type\": 7", "\"quantile_type\": 5");
        QVERIFY(!from_json(bad, &error, QString()).has_value());
        QVERIFY2(error.contains(QStringLiteral("quantile_type")), qPrintable(error));
    }
};

QTEST_MAIN(TestBaselinePanel)

#include "test_baseline_panel.moc"
