// The one text form of every number shown: p values, ratios and medians with
// their CIs, times at the data's precision, percentages and differences.

#include <triallens/analysis/results.h>
#include <triallens/format/number_format.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

using namespace triallens;

using OptionalDouble = std::optional<double>;
Q_DECLARE_METATYPE(OptionalDouble)
Q_DECLARE_METATYPE(std::vector<double>)

namespace {

constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();
constexpr double infinity = std::numeric_limits<double>::infinity();

QString q(const std::string& text) {
    return QString::fromStdString(text);
}

ArmSurvival curve(std::vector<double> times, OptionalDouble median, OptionalDouble lower,
                  OptionalDouble upper) {
    ArmSurvival arm;
    arm.km.curve.time = std::move(times);
    arm.median.estimate = median;
    arm.median.lower = lower;
    arm.median.upper = upper;
    return arm;
}

} // namespace

class TestNumberFormat : public QObject {
    Q_OBJECT

private slots:
    void pValueHasThreeDecimalsBetweenItsLimits_data() {
        QTest::addColumn<OptionalDouble>("p");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        QTest::newRow("0.31") << OptionalDouble(0.3141) << "0.314"
                              << "p = 0.314";
        QTest::newRow("0.310 keeps its zero") << OptionalDouble(0.31) << "0.310"
                                              << "p = 0.310";
        QTest::newRow("near 0.05") << OptionalDouble(0.0462) << "0.046"
                                   << "p = 0.046";
        QTest::newRow("0.001 itself") << OptionalDouble(0.001) << "0.001"
                                      << "p = 0.001";
        QTest::newRow("just under 0.001") << OptionalDouble(0.0009999) << "<0.001"
                                          << "p < 0.001";
        QTest::newRow("1e-300") << OptionalDouble(1e-300) << "<0.001"
                                << "p < 0.001";
        QTest::newRow("zero") << OptionalDouble(0.0) << "<0.001"
                              << "p < 0.001";
        QTest::newRow("negative zero") << OptionalDouble(-0.0) << "<0.001"
                                       << "p < 0.001";
        QTest::newRow("rounds up to 0.002") << OptionalDouble(0.0015001) << "0.002"
                                            << "p = 0.002";
        QTest::newRow("0.999 itself") << OptionalDouble(0.999) << "0.999"
                                      << "p = 0.999";
        QTest::newRow("0.9995") << OptionalDouble(0.9995) << ">0.999"
                                << "p > 0.999";
        QTest::newRow("one") << OptionalDouble(1.0) << ">0.999"
                             << "p > 0.999";
        QTest::newRow("absent") << OptionalDouble() << "NE"
                                << "p = NE";
        QTest::newRow("NaN") << OptionalDouble(not_a_number) << "NE"
                             << "p = NE";
    }
    void pValueHasThreeDecimalsBetweenItsLimits() {
        QFETCH(OptionalDouble, p);
        QFETCH(QString, text);
        QFETCH(QString, label);
        QCOMPARE(q(p_value_text(p)), text);
        QCOMPARE(q(p_value_label(p)), label);
    }

    void ratioWithCiHasTwoDecimalsAndAnEnDash_data() {
        QTest::addColumn<OptionalDouble>("estimate");
        QTest::addColumn<OptionalDouble>("lower");
        QTest::addColumn<OptionalDouble>("upper");
        QTest::addColumn<QString>("text");
        QTest::newRow("typical") << OptionalDouble(0.6712) << OptionalDouble(0.454)
                                 << OptionalDouble(0.9949) << QString("0.67 (0.45–0.99)");
        QTest::newRow("whole numbers keep decimals")
            << OptionalDouble(0.5) << OptionalDouble(0.25) << OptionalDouble(1.0)
            << QString("0.50 (0.25–1.00)");
        QTest::newRow("large") << OptionalDouble(17.0) << OptionalDouble(2.3141)
                               << OptionalDouble(125.4) << QString("17.00 (2.31–125.40)");
        QTest::newRow("huge bound") << OptionalDouble(3.5) << OptionalDouble(0.1)
                                    << OptionalDouble(2.5e12) << QString("3.50 (0.10–2.50e+12)");
        QTest::newRow("just under a million")
            << OptionalDouble(999999.994) << OptionalDouble(1.0) << OptionalDouble(1e300)
            << QString("999999.99 (1.00–1.00e+300)");
        QTest::newRow("infinite bound") << OptionalDouble(2.1) << OptionalDouble(0.8)
                                        << OptionalDouble(infinity) << QString("2.10 (0.80–NE)");
        QTest::newRow("absent bound") << OptionalDouble(2.1) << OptionalDouble()
                                      << OptionalDouble(4.0) << QString("2.10 (NE–4.00)");
        QTest::newRow("NaN bound") << OptionalDouble(2.1) << OptionalDouble(not_a_number)
                                   << OptionalDouble(4.0) << QString("2.10 (NE–4.00)");
        QTest::newRow("absent") << OptionalDouble() << OptionalDouble(0.5) << OptionalDouble(2.0)
                                << QString("NE");
        QTest::newRow("infinite") << OptionalDouble(infinity) << OptionalDouble(0.5)
                                  << OptionalDouble(infinity) << QString("NE");
        QTest::newRow("negative zero bound") << OptionalDouble(0.01) << OptionalDouble(-0.0)
                                             << OptionalDouble(0.2) << QString("0.01 (0.00–0.20)");
    }
    void ratioWithCiHasTwoDecimalsAndAnEnDash() {
        QFETCH(OptionalDouble, estimate);
        QFETCH(OptionalDouble, lower);
        QFETCH(OptionalDouble, upper);
        QFETCH(QString, text);
        QCOMPARE(q(ratio_ci_text(estimate, lower, upper)), text);
    }

    void ratioAloneTakesTheDecimalsAsked() {
        QCOMPARE(q(ratio_text(0.78456)), QStringLiteral("0.78"));
        QCOMPARE(q(ratio_text(0.78456, 3)), QStringLiteral("0.785"));
        QCOMPARE(q(ratio_text(std::nullopt)), QStringLiteral("NE"));
    }

    void medianWithCiSaysNotReachedAndNotEstimable_data() {
        QTest::addColumn<OptionalDouble>("estimate");
        QTest::addColumn<OptionalDouble>("lower");
        QTest::addColumn<OptionalDouble>("upper");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("text");
        QTest::newRow("months") << OptionalDouble(12.34) << OptionalDouble(9.81)
                                << OptionalDouble(15.06) << 1 << QString("12.3 (9.8–15.1)");
        QTest::newRow("whole days") << OptionalDouble(36.0) << OptionalDouble(29.0)
                                    << OptionalDouble(57.0) << 0 << QString("36 (29–57)");
        QTest::newRow("upper not estimable") << OptionalDouble(7.85) << OptionalDouble(5.59)
                                             << OptionalDouble() << 1 << QString("7.8 (5.6–NE)");
        QTest::newRow("not reached") << OptionalDouble() << OptionalDouble(12.5) << OptionalDouble()
                                     << 1 << QString("NR (12.5–NE)");
        QTest::newRow("nothing estimable") << OptionalDouble() << OptionalDouble()
                                           << OptionalDouble() << 0 << QString("NR (NE–NE)");
        QTest::newRow("infinite bound") << OptionalDouble(3.0) << OptionalDouble(1.0)
                                        << OptionalDouble(infinity) << 0 << QString("3 (1–NE)");
    }
    void medianWithCiSaysNotReachedAndNotEstimable() {
        QFETCH(OptionalDouble, estimate);
        QFETCH(OptionalDouble, lower);
        QFETCH(OptionalDouble, upper);
        QFETCH(int, decimals);
        QFETCH(QString, text);
        QCOMPARE(q(median_ci_text(estimate, lower, upper, decimals)), text);
    }

    void timeDecimalsAreTheDataOwn_data() {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<int>("decimals");
        QTest::newRow("whole days") << std::vector<double>{1, 36, 365, 1200} << 0;
        QTest::newRow("36.5") << std::vector<double>{36, 36.5} << 1;
        QTest::newRow("0.1 + 0.2 is one decimal, not 17") << std::vector<double>{0.1 + 0.2} << 1;
        QTest::newRow("two decimals") << std::vector<double>{1.25, 3} << 2;
        QTest::newRow("months from days stop at 3") << std::vector<double>{36 / 30.4375, 1.0} << 3;
        QTest::newRow("large whole values") << std::vector<double>{1e9, 123456789} << 0;
        QTest::newRow("NaN and infinities skipped")
            << std::vector<double>{not_a_number, infinity, -infinity, 4} << 0;
        QTest::newRow("negative zero") << std::vector<double>{-0.0} << 0;
        QTest::newRow("none") << std::vector<double>{} << 0;
    }
    void timeDecimalsAreTheDataOwn() {
        QFETCH(std::vector<double>, values);
        QFETCH(int, decimals);
        QCOMPARE(time_decimals(values), decimals);
    }

    void timePrintsAtItsDecimals() {
        QCOMPARE(q(time_text(36, 0)), QStringLiteral("36"));
        QCOMPARE(q(time_text(36.5, 1)), QStringLiteral("36.5"));
        QCOMPARE(q(time_text(0.1 + 0.2, 1)), QStringLiteral("0.3"));
        QCOMPARE(q(time_text(-0.0, 0)), QStringLiteral("0"));
    }

    void medianDecimalsAreWholeOnlyForWholeDays_data() {
        QTest::addColumn<QString>("unit");
        QTest::addColumn<int>("data_decimals");
        QTest::addColumn<int>("decimals");
        QTest::newRow("whole days") << "DAYS" << 0 << 0;
        QTest::newRow("whole days, spec spelling") << "days" << 0 << 0;
        QTest::newRow("no unit, whole") << "" << 0 << 0;
        QTest::newRow("half days") << "DAYS" << 1 << 1;
        QTest::newRow("fine days") << "DAYS" << 3 << 1;
        QTest::newRow("whole months") << "MONTHS" << 0 << 1;
        QTest::newRow("weeks") << "weeks" << 2 << 1;
    }
    void medianDecimalsAreWholeOnlyForWholeDays() {
        QFETCH(QString, unit);
        QFETCH(int, data_decimals);
        QFETCH(int, decimals);
        QCOMPARE(median_decimals(unit.toStdString(), data_decimals), decimals);
    }

    void medianDecimalsOfResultsLookAtTimesAndMedians() {
        Results results;
        results.time_unit = "DAYS";
        results.arms.push_back(curve({3, 10, 36, 40}, 36.0, 10.0, std::nullopt));
        results.arms.push_back(curve({5, 20}, std::nullopt, 5.0, std::nullopt));
        QCOMPARE(median_decimals(results), 0);

        // A median midway between two whole days needs its decimal.
        Results midway = results;
        midway.arms[1].median.estimate = 12.5;
        QCOMPARE(median_decimals(midway), 1);

        Results subgroup = results;
        subgroup.subgroups.push_back(SubgroupRow{});
        subgroup.subgroups.back().arms.push_back(SubgroupArm{"A", 4, 2, {0.5, 20.5, 3.0, {}}});
        QCOMPARE(median_decimals(subgroup), 1);

        Results grouped = results;
        grouped.curve_groups.push_back(curve({2.25}, std::nullopt, std::nullopt, std::nullopt));
        QCOMPARE(median_decimals(grouped), 1);

        Results months = results;
        months.time_unit = "MONTHS";
        QCOMPARE(median_decimals(months), 1);
    }

    void percentagesAndCounts_data() {
        QTest::addColumn<double>("percent");
        QTest::addColumn<QString>("text");
        QTest::newRow("12.5") << 12.5 << "12.5";
        QTest::newRow("16") << 16.0 << "16.0";
        QTest::newRow("hundred") << 100.0 << "100.0";
        QTest::newRow("negative zero") << -0.0 << "0.0";
        QTest::newRow("negative") << -3.25 << "\u22123.2";
        QTest::newRow("negative rounding to zero keeps its sign") << -0.01 << "\u22120.0";
    }
    void percentagesAndCounts() {
        QFETCH(double, percent);
        QFETCH(QString, text);
        QCOMPARE(q(percent_text(percent)), text);
        QCOMPARE(q(count_percent_text(12, percent)), QStringLiteral("12 (%1%)").arg(text));
    }

    void countOfDenominator() {
        QCOMPARE(q(count_of_text(12, 75)), QStringLiteral("12 (16.0%)"));
        QCOMPARE(q(count_of_text(1, 3)), QStringLiteral("1 (33.3%)"));
        QCOMPARE(q(count_of_text(0, 0)), QStringLiteral("0 (0.0%)"));
    }

    void differenceUsesMinusSignAndComma() {
        QCOMPARE(q(difference_ci_text(-3.21, -8.14, 1.7)),
                 QStringLiteral("\u22123.2 (\u22128.1, 1.7)"));
        QCOMPARE(q(difference_ci_text(0.1234, -0.0, 0.25, 2)), QStringLiteral("0.12 (0.00, 0.25)"));
        QCOMPARE(q(difference_ci_text(not_a_number, 1, 2)), QStringLiteral("NE (1.0, 2.0)"));
    }

    void confLevelHasTheDigitsItNeeds_data() {
        QTest::addColumn<double>("level");
        QTest::addColumn<QString>("text");
        QTest::newRow("95") << 0.95 << "95%";
        QTest::newRow("90") << 0.9 << "90%";
        QTest::newRow("97.5") << 0.975 << "97.5%";
        QTest::newRow("99.95") << 0.9995 << "99.95%";
    }
    void confLevelHasTheDigitsItNeeds() {
        QFETCH(double, level);
        QFETCH(QString, text);
        QCOMPARE(q(conf_level_text(level)), text);
    }
};

QTEST_APPLESS_MAIN(TestNumberFormat)
#include "test_number_format.moc"
