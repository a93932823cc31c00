// MaxCombo against the R implementation in
// tests/reference/golden_weighted_logrank.R: z, the correlation, z_max, and
// the p-value from mvtnorm::pmvnorm at tight GenzBretz tolerances.

#include "../golden.h"

#include <triallens/stats/maxcombo.h>

#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <stdexcept>

using namespace triallens;

class TestMaxCombo : public QObject {
    Q_OBJECT

private slots:
    void matchesR_data() {
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("weighted_logrank.json").toArray()) {
            const QJsonObject c = value.toObject();
            const QJsonObject sets = c["maxcombo"].toObject();
            for (auto set = sets.begin(); set != sets.end(); ++set) {
                QTest::newRow(qPrintable(c["name"].toString() + " " + set.key()))
                    << c << set.value().toObject();
            }
        }
    }

    void matchesR() {
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, golden);
        const std::vector<std::int32_t> stratum =
            data["strata"].toBool() ? golden::values<std::int32_t>(data["stratum"])
                                    : std::vector<std::int32_t>{};
        const TwoSampleDeathTerms terms = two_sample_death_terms(
            golden::values(data["time"]), golden::values<std::uint8_t>(data["status"]),
            golden::values<std::int32_t>(data["group"]), stratum);
        const std::vector<double> rho = golden::values(golden["rho"]);
        const std::vector<double> gamma = golden::values(golden["gamma"]);
        std::vector<FhWeight> tests;
        for (std::size_t j = 0; j < rho.size(); ++j) {
            tests.push_back({rho[j], gamma[j]});
        }
        const MaxCombo result = maxcombo_test(terms, tests);
        QVERIFY(result.defined);
        const QJsonArray z = golden::as_array(golden["z"]);
        const QJsonArray correlation = golden["correlation"].toArray();
        for (std::size_t j = 0; j < tests.size(); ++j) {
            COMPARE_GOLDEN(result.tests[j].z, z[static_cast<int>(j)]);
            const QJsonArray row = correlation[static_cast<int>(j)].toArray();
            for (std::size_t l = 0; l < tests.size(); ++l) {
                COMPARE_GOLDEN(result.correlation[j * tests.size() + l], row[static_cast<int>(l)]);
            }
        }
        COMPARE_GOLDEN(result.z_max, golden["z_max"]);
        // Absolute 1e-6, widened by the error pmvnorm itself reports (it
        // stops at maxpts before reaching abseps on some 6-test sets).
        const double expected = golden["p"].toDouble();
        const double allowed = 1e-6 + golden["p_error"].toDouble();
        ++golden::tally.count;
        QVERIFY2(std::fabs(result.p - expected) <= allowed,
                 qPrintable(QString("p %1, R gives %2 (error %3, ours %4)")
                                .arg(result.p, 0, 'g', 12)
                                .arg(expected, 0, 'g', 12)
                                .arg(golden["p_error"].toDouble())
                                .arg(result.p_error)));
    }

    void namedSets() {
        QCOMPARE(maxcombo_default_tests(), (std::vector<FhWeight>{{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
        QCOMPARE(maxcombo_simtrial_tests(), (std::vector<FhWeight>{{0, 0}, {0, 1}, {1, 1}}));
    }

    void boundedWork() {
        const TwoSampleDeathTerms terms;
        const std::vector<FhWeight> eleven(11, FhWeight{});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, maxcombo_test(terms, eleven));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 maxcombo_test(terms, std::vector<FhWeight>{}));
    }

    void oneTestIsItsOwnTwoSidedP() {
        const std::vector<double> time{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        const std::vector<std::uint8_t> status{1, 1, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0};
        const std::vector<std::int32_t> group{0, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 1};
        const TwoSampleDeathTerms terms = two_sample_death_terms(time, status, group, {});
        const std::vector<FhWeight> one{{0, 0}};
        const MaxCombo result = maxcombo_test(terms, one);
        QVERIFY(std::fabs(result.p - weighted_log_rank(terms, {0, 0}).p) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(TestMaxCombo)
#include "test_maxcombo.moc"
