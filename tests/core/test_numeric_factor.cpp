// Numeric factors' level labels: doubles spelled as R 4.2's as.character()
// spells them (the expected texts are R's output), and the distinct values
// that decide whether a numeric column is a factor.

#include <triallens/data/numeric_factor.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace triallens;

Q_DECLARE_METATYPE(std::vector<double>)

class TestNumericFactor : public QObject {
    Q_OBJECT

private slots:
    void spellsNumbersAsRDoes_data() {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        // Rscript -e 'as.character(c(0, 1, 2.5, 1e5, 1e4, ...))'
        QTest::newRow("zero") << 0.0 << "0";
        QTest::newRow("negative zero") << -0.0 << "0";
        QTest::newRow("one") << 1.0 << "1";
        QTest::newRow("decimal") << 2.5 << "2.5";
        QTest::newRow("1e5 is narrower in scientific") << 100000.0 << "1e+05";
        QTest::newRow("1e4 ties go to fixed") << 10000.0 << "10000";
        QTest::newRow("six digits") << 123456.0 << "123456";
        QTest::newRow("1e-04") << 0.0001 << "1e-04";
        QTest::newRow("0.001 ties go to fixed") << 0.001 << "0.001";
        QTest::newRow("1e15") << 1e15 << "1e+15";
        QTest::newRow("15 significant digits") << 1.0 / 3 << "0.333333333333333";
        QTest::newRow("negative") << -1.5 << "-1.5";
        QTest::newRow("rounding noise at 15 digits") << 0.1 + 0.2 << "0.3";
        QTest::newRow("three-digit exponent") << 1e-300 << "1e-300";
        QTest::newRow("negative small") << -0.00012 << "-0.00012";
        QTest::newRow("fixed with decimals") << 1234567.1 << "1234567.1";
        QTest::newRow("wide fixed") << 100000.1 << "100000.1";
        QTest::newRow("2^60 prints whole") << 1152921504606846976.0 << "1152921504606846976";
        QTest::newRow("scientific with digits") << 1.5e20 << "1.5e+20";
        QTest::newRow("missing") << std::numeric_limits<double>::quiet_NaN() << "NA";
        QTest::newRow("infinite") << -std::numeric_limits<double>::infinity() << "-Inf";
    }

    void spellsNumbersAsRDoes() {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(r_number_text(value)), text);
    }

    void distinctValuesStopPastTheLimit() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const std::vector<double> values{2, nan, 0, 2, 1, 0};
        QCOMPARE(distinct_values(values, 3), (std::vector<double>{0, 1, 2}));
        QVERIFY(distinct_values(values, 2).empty());
        QVERIFY(distinct_values(std::vector<double>{nan, nan}, 3).empty());
        QCOMPARE(count_distinct(values), std::size_t{3});
        QCOMPARE(count_distinct(std::vector<double>{nan}), std::size_t{0});
        QCOMPARE(max_numeric_factor_levels, std::size_t{12});
    }
};

QTEST_APPLESS_MAIN(TestNumericFactor)
#include "test_numeric_factor.moc"
