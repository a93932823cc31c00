// Odds ratios against R (tests/reference/golden_response.R): Woolf's interval,
// fisher.test's conditional estimate, interval and p, and mantelhaen.test's
// common odds ratio and chi-squares, on small tables with zeros and on the
// demo's objective response stratified by PRTAXFL and LIVBRNFL.

#include "../golden.h"

#include <triallens/demo/demo_study.h>
#include <triallens/stats/binomial_interval.h>
#include <triallens/stats/odds_ratio.h>

#include <QJsonObject>
#include <QTest>

#include <vector>

using namespace triallens;

namespace {

TwoByTwo table_of(const QJsonObject& counts) {
    return {static_cast<std::size_t>(counts["arm_events"].toInt()),
            static_cast<std::size_t>(counts["arm_n"].toInt()),
            static_cast<std::size_t>(counts["reference_events"].toInt()),
            static_cast<std::size_t>(counts["reference_n"].toInt())};
}

void compare_table(const TwoByTwo& table, const QJsonObject& counts) {
    QCOMPARE(static_cast<double>(table.arm_events), counts["arm_events"].toDouble());
    QCOMPARE(static_cast<double>(table.arm_n), counts["arm_n"].toDouble());
    QCOMPARE(static_cast<double>(table.reference_events), counts["reference_events"].toDouble());
    QCOMPARE(static_cast<double>(table.reference_n), counts["reference_n"].toDouble());
}

void compare_odds_ratio(const OddsRatio& odds_ratio, const QJsonObject& golden) {
    COMPARE_GOLDEN(odds_ratio.estimate, golden["estimate"]);
    COMPARE_GOLDEN(odds_ratio.lower, golden["lower"]);
    COMPARE_GOLDEN(odds_ratio.upper, golden["upper"]);
}

void compare_unstratified(const TwoByTwo& table, const QJsonObject& golden) {
    const double level = golden["conf_level"].toDouble();
    compare_odds_ratio(woolf_odds_ratio(table, level), golden["woolf"].toObject());
    const FisherExact fisher = fisher_exact(table, level);
    compare_odds_ratio(fisher.odds_ratio, golden["fisher"].toObject());
    COMPARE_GOLDEN(fisher.p_value, golden["fisher"].toObject()["p_value"]);
}

void compare_stratified(const std::vector<TwoByTwo>& strata, const QJsonObject& golden) {
    const MantelHaenszel mh = mantel_haenszel(strata, golden["conf_level"].toDouble());
    QCOMPARE(static_cast<double>(mh.strata), golden["strata_used"].toDouble());
    compare_odds_ratio(mh.odds_ratio, golden);
    COMPARE_GOLDEN(mh.chisq, golden["chisq"]);
    COMPARE_GOLDEN(mh.p_value, golden["p_value"]);
    COMPARE_GOLDEN(mh.chisq_uncorrected, golden["chisq_uncorrected"]);
    COMPARE_GOLDEN(mh.p_value_uncorrected, golden["p_value_uncorrected"]);
}

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

// The demo's objective response (BOR CR or PR) per subject.
std::vector<bool> demo_responders() {
    const Responses& responses = demo().responses;
    std::vector<bool> responder(demo().subjects.size(), false);
    for (std::size_t i = 0; i < responses.size(); ++i) {
        if (responses.paramcd[i] == "BOR" &&
            (responses.value[i] == "CR" || responses.value[i] == "PR")) {
            responder[static_cast<std::size_t>(responses.subject[i])] = true;
        }
    }
    return responder;
}

// The arm-against-reference table of the planned arms over the subjects `keep` selects.
template <typename Keep>
TwoByTwo demo_table(const QString& arm, const QString& reference, Keep keep) {
    const Variable& trt = *demo().subjects.find("TRT01P");
    const std::vector<bool> responder = demo_responders();
    TwoByTwo table;
    for (std::size_t i = 0; i < trt.codes().size(); ++i) {
        if (trt.codes()[i] < 0 || !keep(i)) {
            continue;
        }
        const QString level =
            QString::fromStdString(trt.levels()[static_cast<std::size_t>(trt.codes()[i])]);
        if (level == arm) {
            ++table.arm_n;
            table.arm_events += responder[i] ? 1 : 0;
        } else if (level == reference) {
            ++table.reference_n;
            table.reference_events += responder[i] ? 1 : 0;
        }
    }
    return table;
}

} // namespace

class TestOddsRatio : public QObject {
    Q_OBJECT

private slots:
    void unstratifiedMatchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value :
             golden::load("response_small.json").toObject()["odds_ratio"].toArray()) {
            QTest::newRow(qPrintable(value.toObject()["name"].toString())) << value.toObject();
        }
    }

    void unstratifiedMatchesR() {
        QFETCH(QJsonObject, golden);
        compare_unstratified(table_of(golden), golden);
    }

    void mantelHaenszelMatchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value :
             golden::load("response_small.json").toObject()["stratified"].toArray()) {
            QTest::newRow(qPrintable(value.toObject()["name"].toString())) << value.toObject();
        }
    }

    void mantelHaenszelMatchesR() {
        QFETCH(QJsonObject, golden);
        std::vector<TwoByTwo> strata;
        for (const auto& stratum : golden["strata"].toArray()) {
            strata.push_back(table_of(stratum.toObject()));
        }
        compare_stratified(strata, golden);
    }

    void demoResponseMatchesR() {
        const QJsonObject golden = golden::load("response_demo.json").toObject();
        const QString arm = golden["arm"].toString();
        const QString reference = golden["reference"].toString();
        QCOMPARE(reference, QString::fromStdString(demo().control_arm));

        const QJsonObject unstratified = golden["unstratified"].toObject();
        const TwoByTwo overall = demo_table(arm, reference, [](std::size_t) { return true; });
        compare_table(overall, unstratified);
        compare_unstratified(overall, unstratified);
        const QJsonObject difference = unstratified["difference"].toObject();
        const Interval mn = miettinen_nurminen_difference(
            overall.arm_events, overall.arm_n, overall.reference_events, overall.reference_n);
        COMPARE_GOLDEN(mn.lower, difference["lower"]);
        COMPARE_GOLDEN(mn.upper, difference["upper"]);

        const QJsonObject stratified = golden["stratified"].toObject();
        const Variable& prtaxfl = *demo().subjects.find("PRTAXFL");
        const Variable& livbrnfl = *demo().subjects.find("LIVBRNFL");
        std::vector<TwoByTwo> strata;
        for (const auto& value : stratified["strata"].toArray()) {
            const QJsonObject stratum = value.toObject();
            const auto p = prtaxfl.level_code(stratum["PRTAXFL"].toString().toStdString());
            const auto l = livbrnfl.level_code(stratum["LIVBRNFL"].toString().toStdString());
            QVERIFY(p && l);
            strata.push_back(demo_table(arm, reference, [&](std::size_t i) {
                return prtaxfl.codes()[i] == *p && livbrnfl.codes()[i] == *l;
            }));
            compare_table(strata.back(), stratum);
        }
        compare_stratified(strata, stratified);
    }

    // Which way round: more events in the arm than in the reference is an
    // odds ratio above 1, by every estimator.
    void armWithMoreEventsHasOddsRatioAboveOne() {
        const TwoByTwo table{30, 50, 20, 50};
        QVERIFY(*woolf_odds_ratio(table).estimate > 1);
        QVERIFY(*fisher_exact(table).odds_ratio.estimate > 1);
        const TwoByTwo strata[] = {table, table};
        QVERIFY(*mantel_haenszel(strata).odds_ratio.estimate > 1);
    }

    void noStratumOfTwoSubjectsEstimatesNothing() {
        const TwoByTwo strata[] = {{1, 1, 0, 0}, {0, 0, 0, 1}};
        const MantelHaenszel mh = mantel_haenszel(strata);
        QCOMPARE(mh.strata, std::size_t{0});
        QVERIFY(!mh.odds_ratio.estimate && !mh.chisq && !mh.p_value);
        QVERIFY(!mantel_haenszel({}).odds_ratio.estimate);
    }

    void impossibleCountsAreRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, woolf_odds_ratio({5, 4, 0, 3}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fisher_exact({1, 4, 4, 3}));
        const TwoByTwo strata[] = {{1, 4, 4, 3}};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, mantel_haenszel(strata));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fisher_exact({1, 4, 2, 3}, 1.0));
    }
};

QTEST_APPLESS_MAIN(TestOddsRatio)
#include "test_odds_ratio.moc"
