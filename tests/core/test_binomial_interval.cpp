// Binomial confidence intervals against R: binom.test, prop.test without
// continuity correction, beta quantiles, Newcombe's difference, and the
// Miettinen–Nurminen difference (an R implementation checked against
// Newcombe 1998, Table II; tests/reference/golden_response.R).

#include "../golden.h"

#include <triallens/stats/binomial_interval.h>

#include <QJsonObject>
#include <QTest>

using namespace triallens;

class TestBinomialInterval : public QObject {
    Q_OBJECT

private slots:
    void singleProportionsMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value :
             golden::load("binomial_small.json").toObject()["single"].toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(QStringLiteral("%1/%2 at %3")
                                         .arg(c["x"].toInt())
                                         .arg(c["n"].toInt())
                                         .arg(c["conf_level"].toDouble())))
                << c;
        }
    }

    void singleProportionsMatchR() {
        QFETCH(QJsonObject, golden);
        const auto x = static_cast<std::size_t>(golden["x"].toInt());
        const auto n = static_cast<std::size_t>(golden["n"].toInt());
        const double level = golden["conf_level"].toDouble();
        const auto compare = [&](const Interval& interval, const char* key) {
            const QJsonArray r = golden[key].toArray();
            COMPARE_GOLDEN(interval.lower, r[0]);
            COMPARE_GOLDEN(interval.upper, r[1]);
        };
        compare(clopper_pearson(x, n, level), "clopper_pearson");
        compare(wilson(x, n, level), "wilson");
        compare(jeffreys(x, n, level), "jeffreys");
    }

    void differencesMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value :
             golden::load("binomial_small.json").toObject()["difference"].toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(QStringLiteral("%1/%2 - %3/%4")
                                         .arg(c["x1"].toInt())
                                         .arg(c["n1"].toInt())
                                         .arg(c["x2"].toInt())
                                         .arg(c["n2"].toInt())))
                << c;
        }
    }

    void differencesMatchR() {
        QFETCH(QJsonObject, golden);
        const Interval d = newcombe_difference(static_cast<std::size_t>(golden["x1"].toInt()),
                                               static_cast<std::size_t>(golden["n1"].toInt()),
                                               static_cast<std::size_t>(golden["x2"].toInt()),
                                               static_cast<std::size_t>(golden["n2"].toInt()),
                                               golden["conf_level"].toDouble());
        COMPARE_GOLDEN(d.lower, golden["lower"]);
        COMPARE_GOLDEN(d.upper, golden["upper"]);
    }

    void miettinenNurminenMatchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value :
             golden::load("response_small.json").toObject()["difference"].toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(QStringLiteral("%1/%2 - %3/%4 at %5")
                                         .arg(c["x1"].toInt())
                                         .arg(c["n1"].toInt())
                                         .arg(c["x2"].toInt())
                                         .arg(c["n2"].toInt())
                                         .arg(c["conf_level"].toDouble())))
                << c;
        }
    }

    void miettinenNurminenMatchesR() {
        QFETCH(QJsonObject, golden);
        const Interval d = miettinen_nurminen_difference(
            static_cast<std::size_t>(golden["x1"].toInt()),
            static_cast<std::size_t>(golden["n1"].toInt()),
            static_cast<std::size_t>(golden["x2"].toInt()),
            static_cast<std::size_t>(golden["n2"].toInt()), golden["conf_level"].toDouble());
        COMPARE_GOLDEN(d.lower, golden["lower"]);
        COMPARE_GOLDEN(d.upper, golden["upper"]);
    }

    // Every table up to 8 per arm: the interval holds the estimate, stays in
    // [-1, 1], reaches -1 or 1 only at the extreme tables, and swapping the
    // arms mirrors it.
    void miettinenNurminenIsOrderedAndMirrors() {
        for (std::size_t n1 = 1; n1 <= 8; ++n1) {
            for (std::size_t n2 = 1; n2 <= 8; ++n2) {
                for (std::size_t x1 = 0; x1 <= n1; ++x1) {
                    for (std::size_t x2 = 0; x2 <= n2; ++x2) {
                        const Interval d = miettinen_nurminen_difference(x1, n1, x2, n2);
                        const Interval m = miettinen_nurminen_difference(x2, n2, x1, n1);
                        const double estimate = static_cast<double>(x1) / static_cast<double>(n1) -
                                                static_cast<double>(x2) / static_cast<double>(n2);
                        QVERIFY(-1 <= d.lower && d.lower <= estimate);
                        QVERIFY(estimate <= d.upper && d.upper <= 1);
                        QCOMPARE(d.lower == -1, x1 == 0 && x2 == n2);
                        QCOMPARE(d.upper == 1, x1 == n1 && x2 == 0);
                        QVERIFY(golden::close(m.lower, -d.upper));
                        QVERIFY(golden::close(m.upper, -d.lower));
                    }
                }
            }
        }
    }

    void emptySampleIsRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, clopper_pearson(0, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, wilson(5, 4));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, miettinen_nurminen_difference(1, 4, 0, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, miettinen_nurminen_difference(5, 4, 0, 3));
    }
};

QTEST_APPLESS_MAIN(TestBinomialInterval)
#include "test_binomial_interval.moc"
