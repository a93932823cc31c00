// The axes of a published figure from two clicks each (ui/digitise/axis_calibration.h):
// pixel ⇄ data both ways, survival in 0–1 whether the axis was read in
// proportions or percent, and each calibration that must be refused, with
// the reason a user can act on.

#include <digitise/axis_calibration.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace triallens::ui;

Q_DECLARE_METATYPE(AxisClick)

class TestAxisCalibration : public QObject {
    Q_OBJECT

private slots:
    // Clicks at time 0 (x 100) and 24 (x 700), survival 0 (y 500) and 1 (y 100).
    void mapsBothWays() {
        QString error;
        const auto calibration =
            calibrate_axes({QPointF(100, 520), 0}, {QPointF(700, 520), 24}, {QPointF(80, 500), 0},
                           {QPointF(80, 100), 1}, &error);
        QVERIFY2(calibration, qPrintable(error));
        QVERIFY(calibration->calibrated());
        QVERIFY(!calibration->percent());
        QCOMPARE(calibration->time_at(400), 12.0);
        QCOMPARE(calibration->survival_at(300), 0.5);
        QCOMPARE(calibration->pixel_x(6), 250.0);
        QCOMPARE(calibration->pixel_y(0.25), 400.0);
        const CurvePoint point = calibration->to_data(QPointF(175, 140));
        QCOMPARE(point.time, 3.0);
        QVERIFY(std::abs(point.survival - 0.9) < 1e-12);
        const QPointF back = calibration->to_pixel(point);
        QVERIFY(std::abs(back.x() - 175) < 1e-9 && std::abs(back.y() - 140) < 1e-9);
    }

    // Any clicked value above 1 means a percent axis; survival comes back 0–1.
    void percentAxisIsNormalised() {
        QString error;
        const auto calibration =
            calibrate_axes({QPointF(0, 0), 0}, {QPointF(100, 0), 10}, {QPointF(0, 400), 20},
                           {QPointF(0, 100), 80}, &error);
        QVERIFY2(calibration, qPrintable(error));
        QVERIFY(calibration->percent());
        QCOMPARE(calibration->survival_at(250), 0.5);
        QVERIFY(std::abs(calibration->pixel_y(1) - 0) < 1e-9); // 100 % a fifth above 80 %
        QVERIFY(std::abs(calibration->pixel_y(0) - 500) < 1e-9);
    }

    // Clicks in either order give the same axes.
    void clickOrderDoesNotMatter() {
        QString error;
        const auto a = calibrate_axes({QPointF(100, 0), 0}, {QPointF(700, 0), 24},
                                      {QPointF(0, 500), 0}, {QPointF(0, 100), 1}, &error);
        const auto b = calibrate_axes({QPointF(700, 0), 24}, {QPointF(100, 0), 0},
                                      {QPointF(0, 100), 1}, {QPointF(0, 500), 0}, &error);
        QVERIFY(a && b);
        for (const double x : {0.0, 123.4, 650.0}) {
            QVERIFY(std::abs(a->time_at(x) - b->time_at(x)) < 1e-12);
            QVERIFY(std::abs(a->survival_at(x) - b->survival_at(x)) < 1e-12);
        }
    }

    // A figure drawn upside down is read only when the caller says so.
    void downwardSurvivalAxisOnlyWhenAsked() {
        QString error;
        const AxisClick t0{QPointF(0, 0), 0}, t1{QPointF(100, 0), 10};
        const AxisClick top{QPointF(0, 100), 0}, bottom{QPointF(0, 400), 1};
        QVERIFY(!calibrate_axes(t0, t1, top, bottom, &error));
        QVERIFY2(error.contains(QLatin1String("swapped")), qPrintable(error));
        const auto inverted =
            calibrate_axes(t0, t1, top, bottom, &error, SurvivalAxis::MayGrowDownward);
        QVERIFY(inverted);
        QCOMPARE(inverted->survival_at(400), 1.0);
        QCOMPARE(inverted->survival_at(250), 0.5);
    }

    void refused_data() {
        QTest::addColumn<AxisClick>("time_a");
        QTest::addColumn<AxisClick>("time_b");
        QTest::addColumn<AxisClick>("survival_a");
        QTest::addColumn<AxisClick>("survival_b");
        QTest::addColumn<QString>("says");
        const AxisClick t0{QPointF(100, 0), 0}, t1{QPointF(700, 0), 24};
        const AxisClick s0{QPointF(0, 500), 0}, s1{QPointF(0, 100), 1};
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("time clicks on one pixel")
            << t0 << AxisClick{QPointF(100.4, 30), 24} << s0 << s1 << QStringLiteral("one pixel");
        QTest::newRow("survival clicks on one pixel")
            << t0 << t1 << s0 << AxisClick{QPointF(40, 500), 1} << QStringLiteral("one pixel");
        QTest::newRow("equal time values")
            << t0 << AxisClick{QPointF(700, 0), 0} << s0 << s1 << QStringLiteral("both clicks");
        QTest::newRow("equal survival values")
            << t0 << t1 << s0 << AxisClick{QPointF(0, 100), 0} << QStringLiteral("both clicks");
        QTest::newRow("time not finite")
            << t0 << AxisClick{QPointF(700, 0), inf} << s0 << s1 << QStringLiteral("finite");
        QTest::newRow("survival not finite")
            << t0 << t1 << AxisClick{QPointF(0, 500), nan} << s1 << QStringLiteral("finite");
        QTest::newRow("pixel not finite")
            << AxisClick{QPointF(nan, 0), 0} << t1 << s0 << s1 << QStringLiteral("finite");
        QTest::newRow("time growing leftward")
            << AxisClick{QPointF(700, 0), 0} << AxisClick{QPointF(100, 0), 24} << s0 << s1
            << QStringLiteral("swapped");
        QTest::newRow("survival growing downward")
            << t0 << t1 << AxisClick{QPointF(0, 100), 0} << AxisClick{QPointF(0, 500), 1}
            << QStringLiteral("swapped");
        QTest::newRow("survival above 100 %")
            << t0 << t1 << s0 << AxisClick{QPointF(0, 100), 120} << QStringLiteral("outside");
        QTest::newRow("negative survival")
            << t0 << t1 << AxisClick{QPointF(0, 500), -0.2} << s1 << QStringLiteral("outside");
    }
    void refused() {
        QFETCH(AxisClick, time_a);
        QFETCH(AxisClick, time_b);
        QFETCH(AxisClick, survival_a);
        QFETCH(AxisClick, survival_b);
        QFETCH(QString, says);
        QString error;
        QVERIFY(!calibrate_axes(time_a, time_b, survival_a, survival_b, &error));
        QVERIFY2(error.contains(says), qPrintable(error));
    }

    void defaultIsUncalibrated() {
        QVERIFY(!AxisCalibration().calibrated());
        QVERIFY(uncalibrated_message().contains(QLatin1String("not calibrated")));
    }
};

QTEST_GUILESS_MAIN(TestAxisCalibration)
#include "test_axis_calibration.moc"
