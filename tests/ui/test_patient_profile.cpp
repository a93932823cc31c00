// The patient profile dialog (panels/patient_profile_dialog.h) and its time
// line (views/patient_timeline.h) on a study whose every value is known, the
// Ctrl+click on a KM censor mark that opens it from the window, and what a
// refit that filters the subject out does to it.

#include "../patient_profile_study.h"
#include "workspace_test_support.h"

#include "controller/refit_controller.h"
#include "controller/workspace_document.h"
#include "main_window.h"
#include "models/grade_colours.h"
#include "panels/patient_profile_dialog.h"
#include "views/km_chart.h"
#include "views/km_chart_view.h"
#include "views/km_figure_marks.h"
#include "views/patient_timeline.h"

#include <triallens/analysis/curve_subjects.h>

#include <QAbstractItemModel>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace triallens;
using namespace triallens::ui;

namespace {

std::shared_ptr<const Study> known() {
    static const auto study = std::make_shared<const Study>(profile_test::hand_built());
    return study;
}

QString cell(const QAbstractItemModel* model, const QString& label) {
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data().toString() == label) {
            return model->index(row, 1).data().toString();
        }
    }
    return QStringLiteral("<absent>");
}

} // namespace

class TestPatientProfile : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void tableHoldsTheAdslRowAndFilters() {
        PatientProfileDialog dialog;
        dialog.setStudy(known());
        dialog.showSubject(0, {0, 1, 2});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QAbstractItemModel* model = dialog.fieldTable()->model();
        QCOMPARE(model->rowCount(), 6);
        QCOMPARE(cell(model, "Age"), QStringLiteral("61.5"));
        QCOMPARE(cell(model, "Date of First Exposure to Treatment"), QStringLiteral("2014-01-02"));
        QVERIFY(dialog.header()->text().contains("S1"));
        QVERIFY(dialog.header()->text().contains("Drug"));
        QVERIFY(dialog.header()->text().contains("BOR: PR"));
        QVERIFY(dialog.header()->text().contains("Died: day 150"));
        // The filter matches a label, a column name or a value.
        dialog.filterEdit()->setText(QStringLiteral("dthdt"));
        QCOMPARE(model->rowCount(), 1);
        dialog.filterEdit()->setText(QStringLiteral("2014-01"));
        QCOMPARE(model->rowCount(), 1);
        dialog.filterEdit()->clear();
        QCOMPARE(model->rowCount(), 6);
    }

    void timelineBandsSitOnTheDayAxis() {
        PatientProfileDialog dialog;
        dialog.setStudy(known());
        dialog.showSubject(0, {0});
        dialog.resize(1100, 720);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const PatientTimeline* timeline = dialog.timeline();
        const PatientTimelineLayout& layout = timeline->timelineLayout();
        QVERIFY(layout.plot_right <= timeline->width());
        // Treatment days 1..100 on the axis.
        QCOMPARE(layout.treatment_bar.left(), layout.x_of(1));
        QCOMPARE(layout.treatment_bar.right(), layout.x_of(100));
        QVERIFY(layout.treatment_bar.left() >= layout.plot_left);
        QVERIFY(!layout.ongoing);
        QVERIFY(layout.treatment.rect.contains(layout.treatment_bar));
        // Two visit responses, in the responses band.
        QCOMPARE(layout.response_markers.size(), std::size_t{2});
        for (const TimelineMarker& marker : layout.response_markers) {
            QVERIFY(layout.responses.rect.contains(marker.centre));
        }
        QCOMPARE(layout.response_markers[0].label, QStringLiteral("SD"));
        // Three measurements with a % change, inside the tumour band.
        QCOMPARE(layout.tumour_points.size(), std::size_t{3});
        for (const QPointF& point : layout.tumour_points) {
            QVERIFY(layout.tumour.rect.contains(point));
        }
        QVERIFY(layout.y_of_pchg(-40) > layout.y_of_pchg(-30)); // below the PR line
        // AE rows: the rash (grade 2) from day 20 to 30, then nausea without a day.
        QCOMPARE(layout.event_rows.size(), std::size_t{2});
        const TimelineEventRow& rash = layout.event_rows[0];
        QCOMPARE(rash.colour, grade_colour(2));
        QCOMPARE(rash.bar.left(), layout.x_of(20));
        QCOMPARE(rash.bar.right(), layout.x_of(30));
        QVERIFY(layout.adverse_events.rect.contains(rash.bar));
        QVERIFY(rash.serious);
        QVERIFY(layout.event_rows[1].bar.isEmpty());
        QCOMPARE(layout.event_rows[1].colour, grade_colour(3));
        QVERIFY(layout.death_x);
        QCOMPARE(*layout.death_x, layout.x_of(150));
        QVERIFY(*layout.death_x <= layout.plot_right);
        // Bands stack without overlap and above the axis.
        QVERIFY(layout.treatment.rect.bottom() < layout.responses.rect.top());
        QVERIFY(layout.responses.rect.bottom() < layout.tumour.rect.top());
        QVERIFY(layout.tumour.rect.bottom() < layout.adverse_events.rect.top());
        QVERIFY(layout.adverse_events.rect.bottom() <= layout.axis_y);
        for (const TimelineBand* band :
             {&layout.treatment, &layout.responses, &layout.tumour, &layout.adverse_events}) {
            QVERIFY(band->empty_text.isEmpty());
        }

        // What is painted: the rash bar's middle in the grade 2 colour.
        QImage image(timeline->size(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        paint_patient_timeline(painter, layout);
        painter.end();
        QCOMPARE(image.pixelColor(rash.bar.center().toPoint()), grade_colour(2));
    }

    void bandsWithoutDataSaySo() {
        PatientProfileDialog dialog;
        dialog.setStudy(known());
        dialog.showSubject(2, {2});
        const PatientTimelineLayout& layout = dialog.timeline()->timelineLayout();
        QCOMPARE(layout.responses.empty_text, QStringLiteral("No responses"));
        QCOMPARE(layout.tumour.empty_text, QStringLiteral("No tumour measurements"));
        QCOMPARE(layout.adverse_events.empty_text, QStringLiteral("No adverse events"));
        QVERIFY(layout.tumour_points.empty());
        QVERIFY(layout.event_rows.empty());
        // S2: ongoing (an arrow), a baseline only (no % change to draw).
        dialog.showSubject(1, {1});
        const PatientTimelineLayout& ongoing = dialog.timeline()->timelineLayout();
        QVERIFY(ongoing.ongoing);
        QVERIFY(!ongoing.treatment_bar.isEmpty());
        QCOMPARE(ongoing.tumour.empty_text,
                 QStringLiteral("No % change from baseline (no baseline)"));
        QVERIFY(dialog.header()->text().contains("ongoing"));
    }

    void upAndDownStepThroughTheOrder() {
        PatientProfileDialog dialog;
        dialog.setStudy(known());
        dialog.showSubject(0, {2, 0, 1});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Patient S1 — 2 of 3"));
        dialog.fieldTable()->setFocus(); // the table's own Up/Down must not win
        QTest::keyClick(dialog.fieldTable(), Qt::Key_Down);
        QCOMPARE(dialog.subject(), 1);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Patient S2 — 3 of 3"));
        QVERIFY(!dialog.nextButton()->isEnabled());
        QTest::keyClick(&dialog, Qt::Key_Down); // at the end: stays
        QCOMPARE(dialog.subject(), 1);
        QTest::keyClick(&dialog, Qt::Key_Up);
        QTest::keyClick(&dialog, Qt::Key_Up);
        QCOMPARE(dialog.subject(), 2);
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Patient S3 — 1 of 3"));
        QVERIFY(!dialog.previousButton()->isEnabled());
        QTest::mouseClick(dialog.nextButton(), Qt::LeftButton);
        QCOMPARE(dialog.subject(), 0);
        // A subject outside the order is shown alone.
        dialog.showSubject(1, {0, 2});
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Patient S2 — 1 of 1"));
    }

    // Ctrl+click on the mark of a censoring no other record shares opens
    // that subject's profile, stepping through the arm's subjects in time
    // order; a refit whose filter drops the subject keeps the dialog on it
    // and says it is not in the analysis.
    void ctrlClickOnACensorMarkOpensTheProfile() {
        RefitController controller;
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        controller.setStudy(workspace_test::demo(), spec);
        MainWindow window(&controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(QTest::qWaitFor([&] { return !controller.busy() && controller.results(); }, 30000));
        QVERIFY(window.patientProfileDialog() == nullptr);
        KmChartView* view = window.kmView();
        QTRY_VERIFY(view->results() != nullptr);
        const KmFigureLayout layout = view->figureLayout();
        const Results& results = *view->results();
        const WorkspaceSpec workspace = controller.workspace();
        // A censor mark of one subject that the hit test finds as itself.
        std::optional<QPointF> point;
        std::int32_t expected = -1;
        std::size_t arm = 0;
        for (std::size_t c = 0; c < results.arms.size() && !point; ++c) {
            const SurvivalCurve& curve = results.arms[c].km.curve;
            for (std::size_t i = 0; i < curve.size() && !point; ++i) {
                if (curve.n_censor[i] != 1 || curve.n_event[i] != 0) {
                    continue;
                }
                // Where a click lands: a whole pixel.
                const QPointF at =
                    km_figure_point(layout, view->options(), curve.time[i], curve.surv[i])
                        .toPoint();
                const auto mark = km_mark_at(layout, results, view->options(), at, 6);
                if (mark && mark->curve == c && mark->time == curve.time[i] && !mark->event) {
                    point = at;
                    arm = c;
                    expected = subjects_at(*controller.study(), workspace, results.arms[c].arm, "",
                                           curve.time[i], false)
                                   .front();
                }
            }
        }
        QVERIFY(point);
        // A plain click opens nothing.
        QTest::mouseClick(view, Qt::LeftButton, {}, point->toPoint());
        QVERIFY(window.patientProfileDialog() == nullptr);
        QTest::mouseClick(view, Qt::LeftButton, Qt::ControlModifier, point->toPoint());
        PatientProfileDialog* dialog = window.patientProfileDialog();
        QVERIFY(dialog != nullptr);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->subject(), expected);
        QCOMPARE(static_cast<std::size_t>(dialog->order().size()), results.arms[arm].km.n);
        const std::string usubjid =
            controller.study()->subjects.usubjid()[static_cast<std::size_t>(expected)];
        QVERIFY(dialog->windowTitle().contains(QString::fromStdString(usubjid)));
        QVERIFY(!dialog->header()->text().contains("Not in the current analysis"));

        // A filter that drops the subject: the dialog stays on it and says so.
        WorkspaceState state = window.workspace()->state();
        state.spec.filter = "USUBJID != \"" + usubjid + "\"";
        // USUBJID is no ADSL variable here; drop it by its site instead when so.
        if (controller.study()->subjects.find("USUBJID") == nullptr) {
            const Variable* site = controller.study()->subjects.find("SITEID");
            QVERIFY(site != nullptr);
            const auto row = static_cast<std::size_t>(expected);
            state.spec.filter = "SITEID != \"" +
                                site->levels()[static_cast<std::size_t>(site->codes()[row])] + "\"";
        }
        window.workspace()->changeState(state);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !controller.busy() && controller.results() &&
                       controller.results()->filter == state.spec.filter;
            },
            30000));
        QTRY_VERIFY(dialog->header()->text().contains("Not in the current analysis"));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->subject(), expected);
    }

    // An event step of one subject opens that subject; a mark several
    // subjects share says how many instead; a new study closes the dialog.
    void ctrlClickOnAStepOrASharedMark() {
        RefitController controller;
        AnalysisSpec spec;
        spec.paramcd = "OS";
        controller.setStudy(workspace_test::demo(), spec);
        MainWindow window(&controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(QTest::qWaitFor([&] { return !controller.busy() && controller.results(); }, 30000));
        KmChartView* view = window.kmView();
        QTRY_VERIFY(view->results() != nullptr);
        const KmFigureLayout layout = view->figureLayout();
        const Results& results = *view->results();
        const WorkspaceSpec workspace = controller.workspace();
        // The middle of a step of one event, and a mark of several censorings.
        std::optional<QPoint> step;
        std::optional<QPoint> shared;
        std::int32_t expected = -1;
        std::size_t shared_count = 0;
        for (std::size_t c = 0; c < results.arms.size(); ++c) {
            const SurvivalCurve& curve = results.arms[c].km.curve;
            double previous = 1;
            for (std::size_t i = 0; i < curve.size(); ++i) {
                const double t = curve.time[i];
                if (!step && curve.n_event[i] == 1) {
                    const QPoint at =
                        km_figure_point(layout, view->options(), t, (previous + curve.surv[i]) / 2)
                            .toPoint();
                    const auto mark = km_mark_at(layout, results, view->options(), at, 6);
                    if (mark && mark->curve == c && mark->time == t && mark->event) {
                        step = at;
                        expected = subjects_at(*controller.study(), workspace, results.arms[c].arm,
                                               "", t, true)
                                       .front();
                    }
                }
                if (!shared && curve.n_censor[i] >= 2) {
                    const QPoint at =
                        km_figure_point(layout, view->options(), t, curve.surv[i]).toPoint();
                    const auto mark = km_mark_at(layout, results, view->options(), at, 6);
                    if (mark && mark->curve == c && mark->time == t && !mark->event) {
                        shared = at;
                        shared_count = curve.n_censor[i];
                    }
                }
                if (curve.n_event[i] > 0) {
                    previous = curve.surv[i];
                }
            }
        }
        QVERIFY(step);
        QTest::mouseClick(view, Qt::LeftButton, Qt::ControlModifier, *step);
        PatientProfileDialog* dialog = window.patientProfileDialog();
        QVERIFY(dialog != nullptr && dialog->isVisible());
        QCOMPARE(dialog->subject(), expected);
        QVERIFY(shared);
        dialog->close();
        QTest::mouseClick(view, Qt::LeftButton, Qt::ControlModifier, *shared);
        QVERIFY(!dialog->isVisible());
        QVERIFY2(window.statusBar()->currentMessage().startsWith(
                     QStringLiteral("%1 subjects are censored here").arg(shared_count)),
                 qPrintable(window.statusBar()->currentMessage()));
        dialog->show();
        QSignalSpy changed(window.workspace(), &WorkspaceDocument::studyChanged);
        window.workspace()->openDemo();
        QVERIFY(workspace_test::caught(changed));
        QVERIFY(!dialog->isVisible());
    }
};

QTEST_MAIN(TestPatientProfile)
#include "test_patient_profile.moc"
