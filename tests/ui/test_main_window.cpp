// The workspace opens offscreen on the demo study and its KM chart holds one
// step curve per arm; choosing another endpoint refits off the GUI thread.

#include <controller/refit_controller.h>
#include <main_window.h>
#include <views/km_chart_view.h>
#include <views/km_figure.h>

#include <triallens/demo/demo_study.h>

#include <QChart>
#include <QComboBox>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>

using namespace triallens;
using namespace triallens::ui;

namespace {

std::shared_ptr<const Study> demo() {
    static const auto study = std::make_shared<const Study>(generate_demo_study());
    return study;
}

template <typename Series> QList<Series*> series_of(QChart* chart) {
    QList<Series*> found;
    for (QAbstractSeries* series : chart->series()) {
        if (auto* typed = qobject_cast<Series*>(series)) {
            found.append(typed);
        }
    }
    return found;
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
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

        QChart* chart = window.kmView()->chart();
        const auto curves = series_of<QLineSeries>(chart);
        QCOMPARE(curves.size(), 2);
        const ResultsPtr results = window.kmView()->results();
        QVERIFY(results != nullptr);
        for (qsizetype a = 0; a < curves.size(); ++a) {
            const ArmSurvival& arm = results->arms[static_cast<std::size_t>(a)];
            // Legend: arm, n, events and median.
            QVERIFY(curves[a]->name().contains(QString::fromStdString(arm.arm)));
            QVERIFY(curves[a]->name().contains(QStringLiteral("n=%1").arg(arm.km.n)));
            QVERIFY(curves[a]->name().contains(QStringLiteral("events %1").arg(arm.km.n_events)));
            QVERIFY(curves[a]->name().contains(format_median(arm.median)));
            // A step curve ends at the arm's last survival estimate.
            QCOMPARE(curves[a]->points().front(), QPointF(0, 1));
            QCOMPARE(curves[a]->points().back().y(), arm.km.curve.surv.back());
        }
        // Censor marks: one point per time with a censoring, hidden from the legend.
        const auto marks = series_of<QScatterSeries>(chart);
        QCOMPARE(marks.size(), 2);
        const auto& first = results->arms.front().km.curve;
        const auto censor_times = std::count_if(first.n_censor.begin(), first.n_censor.end(),
                                                [](std::size_t c) { return c > 0; });
        QCOMPARE(marks.front()->count(), static_cast<int>(censor_times));
        QVERIFY(!chart->legend()->markers(marks.front()).front()->isVisible());
        QVERIFY(chart->title().contains(QStringLiteral("SYNTHETIC")));
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
        QVERIFY(window.kmView()->chart()->title().contains(QStringLiteral("Overall survival")));
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
