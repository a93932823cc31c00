// Binomial confidence intervals against R: binom.test, prop.test without
// continuity correction, beta quantiles, and Newcombe's difference.

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

    void emptySampleIsRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, clopper_pearson(0, 0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, wilson(5, 4));
    }
};

QTEST_APPLESS_MAIN(TestBinomialInterval)
#include "test_binomial_interval.moc"
