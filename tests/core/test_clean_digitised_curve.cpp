// Cleaning digitised points: every change is made as the header says and
// said in words; garbage is refused naming the point.

#include <triallens/reconstruct/clean_digitised_curve.h>
#include <triallens/reconstruct/reconstruction_error.h>

#include <QTest>

#include <algorithm>
#include <limits>

using namespace triallens;

Q_DECLARE_METATYPE(triallens::DigitisedCurve)

namespace {

bool mentions(const std::vector<std::string>& changes, const char* words) {
    return std::any_of(changes.begin(), changes.end(), [&](const std::string& change) {
        return change.find(words) != std::string::npos;
    });
}

} // namespace

class TestCleanDigitisedCurve : public QObject {
    Q_OBJECT

private slots:
    void cleanCurveIsKeptAsItIs() {
        const DigitisedCurve curve{{0, 1, 1, 3}, {1, 1, 0.8, 0.8}};
        const CleanedCurve cleaned = clean_digitised_curve(curve);
        QCOMPARE(cleaned.curve.time, curve.time);
        QCOMPARE(cleaned.curve.survival, curve.survival);
        QVERIFY(cleaned.changes.empty());
    }

    void percentScaleIsDividedAndSaid() {
        const CleanedCurve cleaned = clean_digitised_curve({{0, 2, 2, 5}, {100, 100, 60, 60}});
        QCOMPARE(cleaned.curve.survival, (std::vector<double>{1, 1, 0.6, 0.6}));
        QVERIFY(mentions(cleaned.changes, "percentage"));
    }

    // Unsorted, a repeat, no start, a step read bottom first: sorted (the
    // step top first), the repeat dropped, (0, 1) added, each said.
    void pointsAreSortedDeduplicatedAndAnchored() {
        const CleanedCurve cleaned =
            clean_digitised_curve({{3, 1, 1, 1, 3}, {0.7, 0.8, 0.8, 0.95, 0.8}});
        QCOMPARE(cleaned.curve.time, (std::vector<double>{0, 1, 1, 3, 3}));
        QCOMPARE(cleaned.curve.survival, (std::vector<double>{1, 0.95, 0.8, 0.8, 0.7}));
        QVERIFY(mentions(cleaned.changes, "sorted by time"));
        QVERIFY(mentions(cleaned.changes, "1 point repeating another exactly was dropped"));
        QVERIFY(mentions(cleaned.changes, "the start (0, 1) was added"));
    }

    // Three points above the running minimum, the largest by 0.03: lowered.
    void risingPointsAreLoweredAndCounted() {
        const CleanedCurve cleaned =
            clean_digitised_curve({{0, 1, 2, 3, 4, 5}, {1, 0.9, 0.91, 0.93, 0.8, 0.81}});
        QCOMPARE(cleaned.curve.survival, (std::vector<double>{1, 0.9, 0.9, 0.9, 0.8, 0.8}));
        QVERIFY2(mentions(cleaned.changes, "3 points rose above an earlier point by up to 0.03 and "
                                           "were lowered to it"),
                 cleaned.changes.empty() ? "" : cleaned.changes.back().c_str());
    }

    void clicksJustOutsideTheAxesAreBroughtOnto() {
        const CleanedCurve cleaned =
            clean_digitised_curve({{-0.01, 2, 2, 10}, {1.02, 1, 0.5, -0.01}});
        QCOMPARE(cleaned.curve.time.front(), 0.0);
        QCOMPARE(cleaned.curve.survival.front(), 1.0);
        QCOMPARE(cleaned.curve.survival.back(), 0.0);
        QVERIFY(mentions(cleaned.changes, "1 point slightly before time 0 was moved"));
        QVERIFY(mentions(cleaned.changes, "2 points slightly outside survival 0-1 were clamped"));
    }

    void pointsAfterTheAxisEndAreDropped() {
        CurveCleaningOptions options;
        options.end_time = 10;
        const CleanedCurve cleaned =
            clean_digitised_curve({{0, 5, 5, 10, 12}, {1, 1, 0.5, 0.5, 0.5}}, options);
        QCOMPARE(cleaned.curve.time.back(), 10.0);
        QVERIFY(mentions(cleaned.changes, "1 point after the time axis end 10 was dropped"));
    }

    void garbageIsRefusedNamingThePoint_data() {
        QTest::addColumn<DigitisedCurve>("curve");
        QTest::addColumn<QString>("message");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("NaN time") << DigitisedCurve{{0, nan}, {1, 0.5}}
                                  << "point 2 (time nan, survival 0.5): its time is not a number";
        QTest::newRow("infinite survival")
            << DigitisedCurve{{0, 1, 2}, {1, 0.9, inf}} << "point 3 (time 2, survival inf)";
        QTest::newRow("negative time")
            << DigitisedCurve{{0, -1, 10}, {1, 0.5, 0.5}} << "point 2 (time -1, survival 0.5)";
        QTest::newRow("neither 0-1 nor percent")
            << DigitisedCurve{{0, 1}, {1, 1.3}} << "its survival 1.3 lies outside 0-1";
        QTest::newRow("far below 0")
            << DigitisedCurve{{0, 1}, {1, -0.2}} << "its survival -0.2 lies outside 0-1";
        QTest::newRow("far above 100 %")
            << DigitisedCurve{{0, 1}, {100, 130}} << "its survival 130 lies outside 0-100 %";
        QTest::newRow("no points") << DigitisedCurve{} << "the curve has no points";
        QTest::newRow("unequal columns") << DigitisedCurve{{0, 1}, {1}} << "2 times but 1";
    }

    void garbageIsRefusedNamingThePoint() {
        QFETCH(DigitisedCurve, curve);
        QFETCH(QString, message);
        try {
            clean_digitised_curve(curve);
            QFAIL("no error");
        } catch (const ReconstructionError& error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
    }

    void tooManyPointsAreRefused() {
        DigitisedCurve curve;
        curve.time.assign(max_digitised_points + 1, 1.0);
        curve.survival.assign(max_digitised_points + 1, 0.5);
        QVERIFY_THROWS_EXCEPTION(ReconstructionError, clean_digitised_curve(curve));
    }
};

QTEST_GUILESS_MAIN(TestCleanDigitisedCurve)
#include "test_clean_digitised_curve.moc"
