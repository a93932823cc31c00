// Piecewise hazard ratios (piecewise_cox.h) against survSplit + coxph in
// tests/reference/golden_piecewise.R: survival's colon (death, Obs vs
// Lev+5FU), unstratified and stratified by node4, Efron and exact ties; and
// the period split itself on a hand case.

#include "../golden.h"

#include <triallens/stats/event_table.h>
#include <triallens/stats/piecewise_cox.h>

#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace triallens;

namespace {

RiskSetCounts counts_of(std::vector<double> time, const std::vector<std::uint8_t>& status,
                        const std::vector<std::int32_t>& group,
                        const std::vector<std::int32_t>& stratum) {
    apply_timefix(time);
    std::vector<std::uint32_t> pattern(group.begin(), group.end());
    return count_records(time, status, stratum, pattern, 2);
}

} // namespace

class TestPiecewiseCox : public QObject {
    Q_OBJECT

private slots:
    void matchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("piecewise.json").toObject()["piecewise"].toArray()) {
            const QJsonObject c = value.toObject();
            if (c.contains("time")) {
                QTest::newRow(qPrintable(c["name"].toString())) << c;
            }
        }
    }

    void matchesR() {
        QFETCH(QJsonObject, golden);
        std::vector<std::int32_t> stratum;
        if (golden["strata"].toBool()) {
            stratum = golden::values<std::int32_t>(golden["stratum"]);
        }
        const RiskSetCounts counts = counts_of(
            golden::values(golden["time"]), golden::values<std::uint8_t>(golden["status"]),
            golden::values<std::int32_t>(golden["group"]), stratum);
        CoxOptions options;
        options.ties = *ties_from_name(golden["ties"].toString().toStdString());
        const std::vector<double> cuts = golden::values(golden["cuts"]);
        const std::vector<PiecewisePeriod> periods = fit_piecewise_cox(counts, cuts, options);
        const QJsonArray expected = golden["periods"].toArray();
        QCOMPARE(periods.size(), static_cast<std::size_t>(expected.size()));
        for (std::size_t k = 0; k < periods.size(); ++k) {
            const PiecewisePeriod& period = periods[k];
            const QJsonObject r = expected[static_cast<int>(k)].toObject();
            QCOMPARE(period.from, r["from"].toDouble());
            COMPARE_GOLDEN(period.to, r["to"]);
            QCOMPARE(period.events, static_cast<std::size_t>(r["events"].toInt()));
            QCOMPARE(period.events_reference,
                     static_cast<std::size_t>(r["events_reference"].toInt()));
            QVERIFY(period.fit.has_value());
            COMPARE_GOLDEN(period.fit->coef[0], r["coef"]);
            COMPARE_GOLDEN(std::sqrt(period.fit->var[0]), r["se"]);
        }
    }

    // survSplit's convention: an event at a cut ends the earlier period;
    // records past the period's end are censored there, still at risk.
    void periodCountsSplitAtTheCut() {
        const RiskSetCounts counts =
            counts_of({3, 6, 6, 8, 12, 15}, {1, 1, 0, 0, 1, 1}, {0, 1, 0, 1, 0, 1}, {});
        const RiskSetCounts first = period_counts(counts, -INFINITY, 6);
        const RiskSetCounts second = period_counts(counts, 6, 12);
        std::uint32_t first_deaths = 0;
        std::uint32_t first_records = 0;
        for (const CountEntry& entry : first.entries) {
            first_deaths += entry.deaths;
            first_records += entry.deaths + entry.censored;
        }
        QCOMPARE(first_deaths, 2U);  // at 3 and at 6
        QCOMPARE(first_records, 6U); // everybody, three censored at 6 (one by data)
        QCOMPARE(first.time.back(), 6.0);
        std::uint32_t second_deaths = 0;
        std::uint32_t second_records = 0;
        for (const CountEntry& entry : second.entries) {
            second_deaths += entry.deaths;
            second_records += entry.deaths + entry.censored;
        }
        QCOMPARE(second_deaths, 1U);  // at 12
        QCOMPARE(second_records, 3U); // 8, 12 and 15 (censored at 12)
        QCOMPARE(second.time.back(), 12.0);
        QCOMPARE(second.time.front(), 8.0);
    }

    // An arm with no event in a period: no coefficient there (R's would run
    // off to infinity), the others still fitted.
    void periodWithoutEventsInAnArmHasNoFit() {
        const RiskSetCounts counts =
            counts_of({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, {1, 1, 1, 1, 0, 1, 1, 1, 1, 1},
                      {0, 1, 0, 1, 0, 0, 0, 0, 0, 1}, {});
        const std::vector<double> cuts{4.5};
        const std::vector<PiecewisePeriod> periods = fit_piecewise_cox(counts, cuts);
        QCOMPARE(periods.size(), std::size_t{2});
        QVERIFY(periods[0].fit.has_value());
        QCOMPARE(periods[0].events, std::size_t{4});
        QCOMPARE(periods[1].events, std::size_t{5});
        QCOMPARE(periods[1].events_compared, std::size_t{1});
        QVERIFY(periods[1].fit.has_value());
        const std::vector<double> late{9.5};
        const std::vector<PiecewisePeriod> tail = fit_piecewise_cox(counts, late);
        QCOMPARE(tail[1].events, std::size_t{1});
        QCOMPARE(tail[1].events_reference, std::size_t{0});
        QVERIFY(!tail[1].fit.has_value());
        QVERIFY(!tail[1].to.has_value());
    }
};

QTEST_APPLESS_MAIN(TestPiecewiseCox)
#include "test_piecewise_cox.moc"
