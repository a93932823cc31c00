// Fleming–Harrington FH(rho, gamma) weighted log-rank tests against the R
// implementation in tests/reference/golden_weighted_logrank.R (itself checked
// against survdiff(rho = )), and against our own log-rank test.

#include "../golden.h"

#include <triallens/stats/log_rank.h>
#include <triallens/stats/weighted_log_rank.h>

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <limits>
#include <stdexcept>

using namespace triallens;

namespace {

struct Case {
    std::vector<double> time;
    std::vector<std::uint8_t> status;
    std::vector<std::int32_t> group;
    std::vector<std::int32_t> stratum; // empty: unstratified
};

Case case_data(const QJsonObject& golden) {
    Case c{golden::values(golden["time"]),
           golden::values<std::uint8_t>(golden["status"]),
           golden::values<std::int32_t>(golden["group"]),
           {}};
    if (golden["strata"].toBool()) {
        c.stratum = golden::values<std::int32_t>(golden["stratum"]);
    }
    return c;
}

} // namespace

class TestWeightedLogRank : public QObject {
    Q_OBJECT

private slots:
    void matchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("weighted_logrank.json").toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(c["name"].toString())) << c;
        }
    }

    void matchesR() {
        QFETCH(QJsonObject, golden);
        const Case c = case_data(golden);
        const TwoSampleDeathTerms terms =
            two_sample_death_terms(c.time, c.status, c.group, c.stratum);
        const QJsonArray tests = golden["fh"].toArray();
        QVERIFY(!tests.isEmpty());
        for (const auto& value : tests) {
            const QJsonObject expected = value.toObject();
            const FhWeight weight{expected["rho"].toDouble(), expected["gamma"].toDouble()};
            const WeightedLogRank test = weighted_log_rank(terms, weight);
            QVERIFY(test.defined);
            COMPARE_GOLDEN(test.score, expected["score"]);
            COMPARE_GOLDEN(test.variance, expected["variance"]);
            COMPARE_GOLDEN(test.z, expected["z"]);
            COMPARE_GOLDEN(test.chisq, expected["chisq"]);
            COMPARE_GOLDEN(test.p, expected["p"]);
        }
    }

    // FH(0, 0) is the log-rank test; FH(rho, 0) is survdiff(rho = rho), which
    // log_rank_test reproduces. Same walk, different arithmetic order: equal
    // to rounding.
    void fhZeroZeroIsTheLogRankTest_data() { matchesR_data(); }

    void fhZeroZeroIsTheLogRankTest() {
        QFETCH(QJsonObject, golden);
        const Case c = case_data(golden);
        for (const double rho : {0.0, 0.5, 1.0, 2.0}) {
            const WeightedLogRank weighted =
                weighted_log_rank_test(c.time, c.status, c.group, c.stratum, {rho, 0});
            LogRankOptions options;
            options.rho = rho;
            const LogRank plain = log_rank_test(c.time, c.status, c.group, 2, c.stratum, options);
            QVERIFY(plain.defined && weighted.defined);
            QVERIFY2(std::fabs(weighted.chisq - plain.chisq) <= 1e-12 * plain.chisq,
                     qPrintable(QString::number(weighted.chisq - plain.chisq)));
            // the sign: the compared group's O - E
            const double observed_minus_expected = plain.observed[1] - plain.expected[1];
            QVERIFY(std::fabs(weighted.score - observed_minus_expected) <=
                    1e-12 * std::fabs(observed_minus_expected));
        }
    }

    void negativeZFavoursTheComparedGroup() {
        // The compared group (1) dies later than the reference (0).
        const std::vector<double> time{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        const std::vector<std::uint8_t> status(10, 1);
        const std::vector<std::int32_t> group{0, 0, 0, 1, 0, 1, 0, 1, 1, 1};
        const WeightedLogRank test = weighted_log_rank_test(time, status, group, {}, {0, 1});
        QVERIFY(test.defined);
        QVERIFY(test.z < 0);
        QCOMPARE(test.chisq, test.z * test.z);
    }

    void undefinedWithoutVariance() {
        // One death time: FH(0, 1) weighs it 1 - S(t-) = 0.
        const std::vector<double> time{1, 2, 3};
        const std::vector<std::uint8_t> status{1, 0, 0};
        const std::vector<std::int32_t> group{0, 1, 1};
        QVERIFY(weighted_log_rank_test(time, status, group, {}, {0, 0}).defined);
        const WeightedLogRank late = weighted_log_rank_test(time, status, group, {}, {0, 1});
        QVERIFY(!late.defined);
        QCOMPARE(late.p, 1.0);
    }

    void refusesNegativeOrNonFiniteWeights() {
        const TwoSampleDeathTerms terms;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, weighted_log_rank(terms, {-1, 0}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, weighted_log_rank(terms, {0, -0.5}));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            weighted_log_rank(terms, {std::numeric_limits<double>::quiet_NaN(), 0}));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            weighted_log_rank(terms, {0, std::numeric_limits<double>::infinity()}));
    }
};

QTEST_APPLESS_MAIN(TestWeightedLogRank)
#include "test_weighted_log_rank.moc"
