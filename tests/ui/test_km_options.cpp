// The KM figure's options in the window: the Survival plot dock and the
// view's context menu edit one value, typed values reach the figure without a
// refit, a value the figure cannot draw is named in the dock and changes
// nothing, and the KMunicate style is one click away in either place.

#include "workspace_test_support.h"

#include <controller/refit_controller.h>
#include <main_window.h>
#include <panels/km_options_panel.h>
#include <views/km_chart_view.h>

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace triallens;
using namespace triallens::ui;
using workspace_test::demo;

namespace {

// Types `text` into a spin box as a user does, ending with Return.
void type_into(QDoubleSpinBox* box, const QString& text) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

} // namespace

class TestKmOptions : public QObject {
    Q_OBJECT

private slots:
    void panelEmitsOnlyWhatTheFigureCanDraw() {
        KmOptionsPanel panel;
        panel.show();
        QSignalSpy edited(&panel, &KmOptionsPanel::optionsEdited);
        QCOMPARE(panel.xLimitBox()->text(), QStringLiteral("auto"));
        type_into(panel.xLimitBox(), QStringLiteral("24"));
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.last().at(0).value<KmFigureOptions>().x_limit, std::optional(24.0));
        type_into(panel.breakByBox(), QStringLiteral("6"));
        QCOMPARE(edited.count(), 2);
        QCOMPARE(panel.options().break_by, std::optional(6.0));

        // A break longer than the axis: named in the dock, nothing emitted.
        type_into(panel.breakByBox(), QStringLiteral("30"));
        QCOMPARE(edited.count(), 2);
        QVERIFY(panel.problemLabel()->isVisible());
        QVERIFY(panel.problemLabel()->text().contains(QStringLiteral("longer than")));
        type_into(panel.breakByBox(), QStringLiteral("3"));
        QCOMPARE(edited.count(), 3);
        QVERIFY(!panel.problemLabel()->isVisible());

        panel.yScaleBox()->setCurrentIndex(1);
        QCOMPARE(edited.last().at(0).value<KmFigureOptions>().y_scale, KmYScale::Cumulative);
        QCOMPARE(panel.yLabelEdit()->placeholderText(), QStringLiteral("Cumulative incidence"));
        panel.xLabelEdit()->setFocus();
        QTest::keyClicks(panel.xLabelEdit(), QStringLiteral("Months since randomisation"));
        QTest::keyClick(panel.xLabelEdit(), Qt::Key_Return);
        QCOMPARE(edited.last().at(0).value<KmFigureOptions>().x_label,
                 QStringLiteral("Months since randomisation"));

        QTest::mouseClick(panel.kmunicateButton(), Qt::LeftButton);
        const auto kmunicate = edited.last().at(0).value<KmFigureOptions>();
        QVERIFY(is_kmunicate_style(kmunicate));
        QCOMPARE(kmunicate.x_limit, std::optional(24.0)); // the axis stays as set
        QVERIFY(!panel.kmunicateButton()->isEnabled());
        QCOMPARE(panel.riskTableBox()->currentText(),
                 QStringLiteral("KMunicate: at risk, censored, events"));

        // setOptions shows without emitting.
        const auto before = edited.count();
        panel.setOptions(KmFigureOptions{});
        QCOMPARE(edited.count(), before);
        QCOMPARE(panel.options(), KmFigureOptions{});
        QCOMPARE(panel.riskTableBox()->currentText(), QStringLiteral("Number at risk"));
    }

    void dockAndContextMenuEditTheFigureWithoutARefit() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "OS";
        controller.setStudy(demo(), spec);
        MainWindow window(&controller);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        auto* panel = window.findChild<KmOptionsPanel*>();
        QVERIFY(panel);
        auto* dock = window.findChild<QDockWidget*>(QStringLiteral("kmOptionsDock"));
        QVERIFY(dock);
        QCOMPARE(panel->xLabelEdit()->placeholderText(), QStringLiteral("Time (months)"));

        // "Figure Options…" in the view's menu brings the dock forward.
        window.kmView()->figureOptionsAction()->trigger();
        QTRY_VERIFY(panel->isVisible());

        // The dock drives the figure.
        type_into(panel->xLimitBox(), QStringLiteral("24"));
        type_into(panel->breakByBox(), QStringLiteral("4"));
        QCOMPARE(window.kmView()->options().x_limit, std::optional(24.0));
        QTRY_COMPARE(window.kmView()->figureLayout().time_maximum, 24.0);
        QCOMPARE(window.kmView()->figureLayout().ticks.back(), 24.0);
        QCOMPARE(window.kmView()->figureLayout().ticks[1], 4.0);

        // The context menu drives the dock.
        window.kmView()->kmunicateAction()->trigger();
        QVERIFY(is_kmunicate_style(window.kmView()->options()));
        QCOMPARE(panel->options(), window.kmView()->options());
        QCOMPARE(panel->riskTableBox()->currentIndex(), 3);
        QCOMPARE(window.kmView()->figureLayout().table.size(),
                 window.kmView()->results()->arms.size()); // a section per arm
        window.kmView()->cumulativeAction()->trigger();
        QCOMPARE(panel->yScaleBox()->currentIndex(), 1);
        window.kmView()->riskTableActions().at(0)->trigger(); // no table
        QVERIFY(!window.kmView()->options().at_risk_row);
        QVERIFY(window.kmView()->figureLayout().table.empty());
        QCOMPARE(panel->riskTableBox()->currentIndex(), 0);
        QVERIFY(!window.kmView()->kmunicateAction()->isChecked());

        // With TRIALLENS_SCREENSHOT_DIR set, the window as it is now, to look at.
        if (const QString folder = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
            !folder.isEmpty()) {
            window.kmView()->riskTableActions().at(3)->trigger();
            window.resize(1280, 800);
            QTest::qWait(100);
            QVERIFY(window.grab().save(folder + QStringLiteral("/km-options-dock.png")));
        }

        // Defaults undo every choice; none of it refitted.
        QTest::mouseClick(panel->defaultsButton(), Qt::LeftButton);
        QCOMPARE(window.kmView()->options(), KmFigureOptions{});
        QTest::qWait(50);
        QCOMPARE(refitted.count(), 1);
    }
};

QTEST_MAIN(TestKmOptions)
#include "test_km_options.moc"
