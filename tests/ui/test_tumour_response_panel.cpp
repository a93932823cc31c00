// The "Tumour response" tab: its selector picks the figure and shows only
// the choices that apply to it, a click on a bar or a lane emits the
// subject with the figure's order, it follows every refit of the window,
// and without tumour data it says what data it needs.

#include "tumour_response_fixture.h"
#include "workspace_test_support.h"

#include <controller/refit_controller.h>
#include <main_window.h>
#include <panels/patient_profile_dialog.h>
#include <panels/tumour_response_panel.h>
#include <views/km_chart_view.h>
#include <views/swimmer_figure.h>
#include <views/tumour_figure_view.h>
#include <views/waterfall_figure.h>

#include <triallens/analysis/default_spec.h>

#include <QCheckBox>
#include <QComboBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace triallens;
using namespace triallens::ui;

class TestTumourResponsePanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void selectorShowsTheChoicesOfTheFigure() {
        TumourResponsePanel panel;
        panel.resize(1000, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.view()->tumourOptions().figure, TumourFigure::Waterfall);
        QVERIFY(panel.colourBox()->isVisible());
        QVERIFY(panel.arrangementBox()->isVisible());
        QVERIFY(!panel.respondersOnlyBox()->isVisible());

        panel.figureBox()->setCurrentIndex(
            panel.figureBox()->findData(static_cast<int>(TumourFigure::Swimmer)));
        QCOMPARE(panel.view()->tumourOptions().figure, TumourFigure::Swimmer);
        QVERIFY(!panel.colourBox()->isVisible());
        QVERIFY(panel.respondersOnlyBox()->isVisible());
        panel.respondersOnlyBox()->setChecked(true);
        QVERIFY(panel.view()->tumourOptions().responders_only);

        panel.figureBox()->setCurrentIndex(
            panel.figureBox()->findData(static_cast<int>(TumourFigure::Spider)));
        QVERIFY(panel.colourBox()->isVisible());
        QVERIFY(!panel.arrangementBox()->isVisible());
        panel.colourBox()->setCurrentIndex(
            panel.colourBox()->findData(static_cast<int>(TumourColouring::Arm)));
        QCOMPARE(panel.view()->tumourOptions().colour_by, TumourColouring::Arm);
        QCOMPARE(panel.options(), panel.view()->tumourOptions());
    }

    void clickOnALaneEmitsItsSubjectAndTheOrder() {
        const auto results = std::make_shared<const Results>(tumour_fixture::results(24));
        TumourResponsePanel panel;
        panel.resize(1000, 700);
        panel.setResults(results);
        TumourFigureOptions swimmer;
        swimmer.figure = TumourFigure::Swimmer;
        panel.setOptions(swimmer);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        TumourFigureView* view = panel.view();
        const SwimmerLayout layout = layout_swimmer_figure(QRectF(view->rect()), *results,
                                                           view->options(), view->tumourOptions());
        QCOMPARE(layout.lanes.size(), std::size_t{24});
        QSignalSpy activated(&panel, &TumourResponsePanel::subjectActivated);
        const SwimmerLaneLayout& lane = layout.lanes[5];
        QTest::mouseClick(view, Qt::LeftButton, {}, lane.bar.center().toPoint());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.front().at(0).value<std::int32_t>(),
                 results->tumour_response->subjects[lane.entry].subject);
        const auto order = activated.front().at(1).value<QVector<std::int32_t>>();
        QCOMPARE(order, QVector<std::int32_t>(layout.order.begin(), layout.order.end()));
        QCOMPARE(order.at(5), activated.front().at(0).value<std::int32_t>());
    }

    // The tab is in the window by its id and shows each refit's Results;
    // without tumour data (the demo until it has ADTR) it says what it needs.
    void tabFollowsTheRefits() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        const auto study = workspace_test::demo();
        controller.setStudy(study, default_spec(*study, "PFS"));
        MainWindow window(&controller);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        const int tab = window.tabIndex(QStringLiteral("tumour-response"));
        QVERIFY(tab >= 0);
        window.tabs()->setCurrentIndex(tab);
        TumourResponsePanel* panel = window.tumourResponsePanel();
        QCOMPARE(window.tabs()->currentWidget()->findChild<TumourResponsePanel*>(), panel);
        QCOMPARE(panel->view()->results(), controller.results());

        KmFigureOptions options = window.kmView()->options();
        options.ci_bands = !options.ci_bands;
        window.kmView()->setOptions(options);
        QCOMPARE(panel->view()->options(), options);

        QComboBox* box = window.endpointBox();
        box->setCurrentIndex(box->findData(QStringLiteral("OS")));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 2, 5000);
        QCOMPARE(panel->view()->results(), controller.results());
        QCOMPARE(panel->view()->results()->paramcd, std::string("OS"));
        if (!controller.results()->tumour_response) {
            const WaterfallLayout layout =
                layout_waterfall_figure(QRectF(panel->view()->rect()), *controller.results(),
                                        panel->view()->options(), panel->view()->tumourOptions());
            QVERIFY(layout.missing.contains(QStringLiteral("ADTR")));
        }
    }

    // In the window, a click on a waterfall bar opens that subject's profile,
    // stepping in the waterfall's order.
    void clickOnABarInTheWindowOpensTheProfile() {
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        const auto study = workspace_test::demo();
        controller.setStudy(study, default_spec(*study, "PFS"));
        MainWindow window(&controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(refitted.count(), 1, 5000);
        window.tabs()->setCurrentIndex(window.tabIndex(QStringLiteral("tumour-response")));
        TumourFigureView* view = window.tumourResponsePanel()->view();
        QTRY_VERIFY(view->isVisible() && view->results() != nullptr);
        const Results& results = *view->results();
        QVERIFY(results.tumour_response);
        const WaterfallLayout layout = layout_waterfall_figure(
            QRectF(view->rect()), results, view->options(), view->tumourOptions());
        QVERIFY(layout.missing.isEmpty());
        const WaterfallPanelLayout& panel = layout.panels.back();
        const std::size_t bar = panel.bars.size() / 2;
        QVERIFY(window.patientProfileDialog() == nullptr);
        QTest::mouseClick(view, Qt::LeftButton, {}, panel.bars[bar].center().toPoint());
        PatientProfileDialog* dialog = window.patientProfileDialog();
        QVERIFY(dialog != nullptr && dialog->isVisible());
        QCOMPARE(dialog->subject(), results.tumour_response->subjects[panel.entries[bar]].subject);
        QCOMPARE(dialog->order(), QVector<std::int32_t>(layout.order.begin(), layout.order.end()));
        dialog->close();
    }
};

QTEST_MAIN(TestTumourResponsePanel)
#include "test_tumour_response_panel.moc"
