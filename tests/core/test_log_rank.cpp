// The log-rank family against R's survdiff: two and three groups, strata,
// and Fleming–Harrington weights.

#include "../golden.h"

#include <triallens/stats/log_rank.h>

#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace triallens;

class TestLogRank : public QObject {
    Q_OBJECT

private slots:
    void matchesR_data() {
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QJsonObject>("golden");
        const QJsonObject file = golden::load("logrank_small.json").toObject();
        for (const auto& value : file["cases"].toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(c["name"].toString())) << file["data"].toObject() << c;
        }
    }

    void matchesR() {
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, golden);
        const auto time = golden::values(data["time"]);
        const auto event = golden::values<std::uint8_t>(data["status"]);
        const auto group = golden::values<std::int32_t>(data[golden["group"].toString()]);
        const std::int32_t groups = *std::max_element(group.begin(), group.end()) + 1;
        const auto stratum = golden["strata"].toBool()
                                 ? golden::values<std::int32_t>(data["stratum"])
                                 : std::vector<std::int32_t>{};
        LogRankOptions options;
        options.rho = golden["rho"].toDouble();
        const LogRank test =
            log_rank_test(time, event, group, static_cast<std::size_t>(groups), stratum, options);

        const QJsonArray observed = golden::as_array(golden["observed"]);
        const QJsonArray expected = golden::as_array(golden["expected"]);
        const QJsonArray variance = golden::as_array(golden["variance"]);
        QCOMPARE(test.observed.size(), static_cast<std::size_t>(observed.size()));
        for (std::size_t k = 0; k < test.observed.size(); ++k) {
            COMPARE_GOLDEN(test.observed[k], observed[static_cast<int>(k)]);
            COMPARE_GOLDEN(test.expected[k], expected[static_cast<int>(k)]);
            QCOMPARE(static_cast<double>(test.n[k]),
                     golden::as_array(golden["n"])[static_cast<int>(k)].toDouble());
        }
        // R's var is column-major; it is symmetric, so the order does not matter.
        for (std::size_t i = 0; i < test.variance.size(); ++i) {
            COMPARE_GOLDEN(test.variance[i], variance[static_cast<int>(i)]);
        }
        QVERIFY(test.defined);
        COMPARE_GOLDEN(test.chisq, golden["chisq"]);
        QCOMPARE(static_cast<double>(test.df), golden["df"].toDouble());
        COMPARE_GOLDEN(test.p, golden["p"]);
    }

    void noExpectedEventsGivesNoTest() {
        const std::vector<double> time{1, 2, 3};
        const std::vector<std::uint8_t> event{0, 0, 0};
        const std::vector<std::int32_t> group{0, 1, 1};
        const LogRank test = log_rank_test(time, event, group, 2);
        QVERIFY(!test.defined);
        QCOMPARE(test.df, std::size_t{0});
    }

    void singularVarianceGivesNoTest() {
        // One subject per stratum: no risk set ever holds two subjects.
        const std::vector<double> time{1, 2, 3, 4};
        const std::vector<std::uint8_t> event{1, 1, 1, 1};
        const std::vector<std::int32_t> group{0, 1, 0, 1};
        const std::vector<std::int32_t> stratum{0, 1, 2, 3};
        QVERIFY(!log_rank_test(time, event, group, 2, stratum).defined);
    }
};

QTEST_APPLESS_MAIN(TestLogRank)
#include "test_log_rank.moc"
