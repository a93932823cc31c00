// Guyot's algorithm on hand-built curves whose answer is known exactly, on a
// flat censored tail, and on input it must refuse with a clear message.

#include <triallens/reconstruct/guyot_reconstruction.h>
#include <triallens/reconstruct/reconstruction_error.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace triallens;

Q_DECLARE_METATYPE(triallens::DigitisedCurve)
Q_DECLARE_METATYPE(triallens::AtRiskTable)
Q_DECLARE_METATYPE(std::optional<int>)

namespace {

std::vector<double> times_with(const ReconstructedArm& arm, std::uint8_t event) {
    std::vector<double> times;
    for (std::size_t i = 0; i < arm.time.size(); ++i) {
        if (arm.event[i] == event) {
            times.push_back(arm.time[i]);
        }
    }
    return times;
}

bool mentions(const std::vector<std::string>& changes, const char* words) {
    return std::any_of(changes.begin(), changes.end(), [&](const std::string& change) {
        return change.find(words) != std::string::npos;
    });
}

// 10 patients, 2 deaths at t = 1, 1 censored at 2, 1 death at 4, the other 6
// censored at 6; the table says 10 at 0 and 7 at 3. By hand: S = 0.8 from 1,
// 0.8 * 6/7 from 4.
const DigitisedCurve small_curve{{0, 1, 1, 4, 4, 6},
                                 {1, 1, 0.8, 0.8, 0.8 * 6 / 7.0, 0.8 * 6 / 7.0}};
const AtRiskTable small_table{{0, 3}, {10, 7}};

} // namespace

class TestGuyotReconstruction : public QObject {
    Q_OBJECT

private slots:
    // No censoring: each step of 1/10 is one death, exactly at its time.
    void tenPatientsWithoutCensoringGiveTheExactEventTimes() {
        DigitisedCurve curve{{0}, {1}};
        for (int k = 1; k <= 10; ++k) {
            curve.time.insert(curve.time.end(), {double(k), double(k)});
            curve.survival.insert(curve.survival.end(), {1 - (k - 1) / 10.0, 1 - k / 10.0});
        }
        // At risk at 5: those with times 5..10.
        const ReconstructedArm arm = reconstruct_arm(curve, AtRiskTable{{0, 5}, {10, 6}});
        QCOMPARE(arm.time, (std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        QCOMPARE(arm.event, std::vector<std::uint8_t>(10, 1));
        QCOMPARE(arm.fit.events, std::size_t{10});
        QCOMPARE(arm.fit.censored, std::size_t{0});
        QVERIFY(arm.fit.max_abs_difference < 1e-12);
        QCOMPARE(arm.fit.at_risk.back().rebuilt, 6);
    }

    // Tied deaths and censoring: the deaths exact; the censored counted
    // right, at Guyot's evenly spread times (1 in (0, 3), at 1.5).
    void tiedDeathsAndCensoringGiveTheExactEventCounts() {
        const ReconstructedArm arm = reconstruct_arm(small_curve, small_table);
        QCOMPARE(times_with(arm, 1), (std::vector<double>{1, 1, 4}));
        QCOMPARE(arm.fit.n, std::size_t{10});
        QCOMPARE(arm.fit.censored, std::size_t{7});
        QCOMPARE(times_with(arm, 0).front(), 1.5);
        QCOMPARE(arm.fit.at_risk.size(), std::size_t{2});
        QCOMPARE(arm.fit.at_risk[1].published, 7);
        QCOMPARE(arm.fit.at_risk[1].rebuilt, 7);
        QVERIFY(arm.fit.max_abs_difference < 1e-12);
    }

    // With the total events (3), the last interval's censoring is fitted to
    // it: none before the end, so the 6 left are censored at 6, the truth.
    void totalEventsPlaceTheTailCensoringAtTheEnd() {
        GuyotOptions options;
        options.total_events = 3;
        const ReconstructedArm arm = reconstruct_arm(small_curve, small_table, options);
        QCOMPARE(times_with(arm, 1), (std::vector<double>{1, 1, 4}));
        QCOMPARE(times_with(arm, 0), (std::vector<double>{1.5, 6, 6, 6, 6, 6, 6}));
        QCOMPARE(arm.fit.total_events_published, std::optional<int>(3));
    }

    // Half die at 2 (all 100 still at risk there), then the curve is flat to
    // 20 while the table empties:
    // every later patient is censored, none dies, even when the published
    // total asks for more deaths than the curve shows.
    void flatCensoredTailGetsNoInventedDeaths_data() {
        QTest::addColumn<std::optional<int>>("total_events");
        QTest::newRow("Guyot's tail rule") << std::optional<int>();
        QTest::newRow("total events met") << std::optional<int>(50);
        QTest::newRow("total events above the curve's") << std::optional<int>(60);
    }

    void flatCensoredTailGetsNoInventedDeaths() {
        QFETCH(std::optional<int>, total_events);
        const DigitisedCurve curve{{0, 2, 2, 20}, {1, 1, 0.5, 0.5}};
        const AtRiskTable table{{0, 2, 5, 10, 15}, {100, 100, 40, 20, 5}};
        GuyotOptions options;
        options.total_events = total_events;
        const ReconstructedArm arm = reconstruct_arm(curve, table, options);
        QCOMPARE(times_with(arm, 1), std::vector<double>(50, 2.0));
        QCOMPARE(arm.fit.censored, std::size_t{50});
        for (const AtRiskComparison& row : arm.fit.at_risk) {
            QCOMPARE(row.rebuilt, row.published);
        }
        QCOMPARE(mentions(arm.changes, "no deaths are invented"), total_events == 60);
    }

    // A point that rises is lowered and said; the rebuilt data are those of
    // the curve without the rise.
    void risingPointIsCleanedAndReported() {
        DigitisedCurve curve = small_curve;
        curve.time.insert(curve.time.begin() + 3, 2.0);
        curve.survival.insert(curve.survival.begin() + 3, 0.812);
        const ReconstructedArm arm = reconstruct_arm(curve, small_table);
        QVERIFY(mentions(arm.changes, "1 point rose above an earlier point by up to 0.012"));
        QCOMPARE(times_with(arm, 1), (std::vector<double>{1, 1, 4}));
    }

    // A table missed by a patient or two (the curve's rounding) is kept as
    // the best fit and said; the patients still add up to n.
    void smallMissIsBestFitAndSaid() {
        // Survivors implied at 3: 100 * 0.79 = 79 with no censoring; the
        // table says 80.
        const DigitisedCurve curve{{0, 1, 1, 6}, {1, 1, 0.79, 0.79}};
        const ReconstructedArm arm = reconstruct_arm(curve, AtRiskTable{{0, 3}, {100, 80}});
        QCOMPARE(arm.fit.n, std::size_t{100});
        QCOMPARE(arm.fit.at_risk[1].rebuilt, 79);
        QVERIFY(mentions(arm.changes, "the at-risk table was missed by 1 patient"));
    }

    // The table's last column often comes just after the curve stops: a 0
    // there is what the curve says, left out and said; any other number is
    // an error (badInputIsRefusedWithAClearMessage).
    void zeroAtRiskAfterTheCurveIsLeftOut() {
        const AtRiskTable table{{0, 3, 8}, {10, 7, 0}};
        const ReconstructedArm arm = reconstruct_arm(small_curve, table);
        QCOMPARE(times_with(arm, 1), (std::vector<double>{1, 1, 4}));
        QCOMPARE(arm.fit.at_risk.size(), std::size_t{2});
        QVERIFY(mentions(arm.changes, "the at-risk table's 0 at time 8, after the curve's last "
                                      "point, was left out"));
    }

    void badInputIsRefusedWithAClearMessage_data() {
        QTest::addColumn<DigitisedCurve>("curve");
        QTest::addColumn<AtRiskTable>("table");
        QTest::addColumn<QString>("message");
        const DigitisedCurve curve{{0, 2, 2, 10}, {1, 1, 0.5, 0.5}};
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("at-risk numbers rise")
            << curve << AtRiskTable{{0, 3, 6}, {100, 40, 45}}
            << "the number at risk rises from 40 at time 3 to 45 at time 6";
        QTest::newRow("at-risk time after the curve")
            << curve << AtRiskTable{{0, 12}, {100, 40}}
            << "at-risk time 12 lies after the curve's last point (time 10)";
        QTest::newRow("at-risk table not from 0")
            << curve << AtRiskTable{{1, 3}, {100, 40}} << "must start at time 0";
        QTest::newRow("at-risk times not ascending")
            << curve << AtRiskTable{{0, 5, 5}, {100, 40, 40}}
            << "at-risk time 5 does not come after the one before it";
        QTest::newRow("empty at-risk table") << curve << AtRiskTable{} << "is empty";
        QTest::newRow("NaN time") << DigitisedCurve{{0, nan, 10}, {1, 0.5, 0.5}}
                                  << AtRiskTable{{0}, {100}}
                                  << "point 2 (time nan, survival 0.5): its time is not a number";
        QTest::newRow("negative time")
            << DigitisedCurve{{0, -3, 10}, {1, 0.5, 0.5}} << AtRiskTable{{0}, {100}}
            << "point 2 (time -3, survival 0.5): its time -3 is negative";
        QTest::newRow("empty curve")
            << DigitisedCurve{} << AtRiskTable{{0}, {100}} << "the curve has no points";
        QTest::newRow("table cannot be met")
            << curve << AtRiskTable{{0, 5}, {100, 90}}
            << "the at-risk table cannot be met between times 0 and 5: from 100 at risk the "
               "curve falls from 1 to 0.5, which leaves at most 50 at risk at 5, but the table "
               "says 90";
    }

    void badInputIsRefusedWithAClearMessage() {
        QFETCH(DigitisedCurve, curve);
        QFETCH(AtRiskTable, table);
        QFETCH(QString, message);
        try {
            reconstruct_arm(curve, table);
            QFAIL("no error");
        } catch (const ReconstructionError& error) {
            QVERIFY2(QString::fromStdString(error.what()).contains(message), error.what());
        }
    }

    void totalEventsOutsideTheArmAreRefused() {
        GuyotOptions options;
        options.total_events = 11;
        QVERIFY_THROWS_EXCEPTION(ReconstructionError,
                                 reconstruct_arm(small_curve, small_table, options));
    }
};

QTEST_GUILESS_MAIN(TestGuyotReconstruction)
#include "test_guyot_reconstruction.moc"
