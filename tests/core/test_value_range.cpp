// The observed range of a numeric variable, its missing count and the
// decimals that write its values exactly.

#include <triallens/data/build_study.h>
#include <triallens/data/value_range.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace triallens;

namespace {

ValueRange range_of(const std::vector<double>& values) {
    RawTable adsl{"adsl.csv", {}, {}};
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < values.size(); ++i) {
        ids.push_back("S" + std::to_string(i));
    }
    adsl.columns.push_back(text_column("USUBJID", "", ids));
    adsl.columns.push_back(text_column("TRT01P", "", std::vector<std::string>(values.size(), "A")));
    adsl.columns.push_back(number_column("X", "", values));
    return value_range(*build_study({adsl}, "test").subjects.find("X"));
}

} // namespace

class TestValueRange : public QObject {
    Q_OBJECT

private slots:
    void rangeAndDecimals_data() {
        const double missing = std::numeric_limits<double>::quiet_NaN();
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<double>("min");
        QTest::addColumn<double>("max");
        QTest::addColumn<int>("missing");
        QTest::addColumn<int>("decimals");
        QTest::newRow("ages") << std::vector<double>{64, missing, 51, 88} << 51.0 << 88.0 << 1 << 0;
        QTest::newRow("one decimal")
            << std::vector<double>{25.3, 19.0, -2.5} << -2.5 << 25.3 << 0 << 1;
        QTest::newRow("two decimals") << std::vector<double>{1.25, 3.0} << 1.25 << 3.0 << 0 << 2;
        QTest::newRow("ratios capped") << std::vector<double>{1.0 / 3.0, 2.0} << 1.0 / 3.0 << 2.0
                                       << 0 << ValueRange::max_decimals;
    }

    void rangeAndDecimals() {
        QFETCH(std::vector<double>, values);
        const ValueRange range = range_of(values);
        QTEST(range.min, "min");
        QTEST(range.max, "max");
        QTEST(static_cast<int>(range.missing), "missing");
        QTEST(range.decimals, "decimals");
    }

    void allMissingHasNoRange() {
        const double missing = std::numeric_limits<double>::quiet_NaN();
        const ValueRange range = range_of({missing, missing});
        QVERIFY(std::isnan(range.min));
        QVERIFY(std::isnan(range.max));
        QCOMPARE(range.missing, std::size_t{2});
    }
};

QTEST_APPLESS_MAIN(TestValueRange)
#include "test_value_range.moc"
