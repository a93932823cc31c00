// Number at risk, cumulative events and cumulative censorings at given times,
// against R's summary(fit, times = t, extend = TRUE): the small hand cases of
// test_kaplan_meier (ties, time zero, censor-only times, timefix) and the
// demo's PFS and OS per arm at 0, 3, ..., 45.

#include "../golden.h"

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>
#include <triallens/stats/number_at_risk.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace triallens;

namespace {

// Counts are exact: compared as whole numbers, not at a relative tolerance.
void compare_counts(const NumberAtRisk& at_risk, const QJsonObject& golden) {
    const auto n_risk = golden::values<std::size_t>(golden["n_risk"]);
    const auto n_event = golden::values<std::size_t>(golden["n_event"]);
    const auto n_censor = golden::values<std::size_t>(golden["n_censor"]);
    QCOMPARE(at_risk.size(), n_risk.size());
    QCOMPARE(at_risk.n_risk, n_risk);
    QCOMPARE(at_risk.n_event, n_event);
    QCOMPARE(at_risk.n_censor, n_censor);
    golden::tally.count += 3 * n_risk.size();
}

} // namespace

class TestNumberAtRisk : public QObject {
    Q_OBJECT

private slots:
    void countsMatchHandCalculation() {
        // Events at 1, 2, 3, 4, 5, 7, 7; censored at 2, 4, 6 (6: censor-only).
        const std::vector<double> time{1, 2, 2, 3, 4, 4, 5, 6, 7, 7};
        const std::vector<std::uint8_t> event{1, 1, 0, 1, 0, 1, 1, 0, 1, 1};
        const KaplanMeier km = fit_kaplan_meier(tabulate_events(time, event));
        const std::vector<double> times{0, 2, 2.5, 6, 7, 7.5};
        const NumberAtRisk at_risk = number_at_risk(km, times);
        QCOMPARE(at_risk.time, times);
        // At a time the subjects with that time are still at risk; beyond the last, none.
        QCOMPARE(at_risk.n_risk, (std::vector<std::size_t>{10, 9, 7, 3, 2, 0}));
        QCOMPARE(at_risk.n_event, (std::vector<std::size_t>{0, 2, 2, 5, 7, 7}));
        QCOMPARE(at_risk.n_censor, (std::vector<std::size_t>{0, 1, 1, 3, 3, 3}));
    }

    void timeZeroCountsItsEventsButNotItsRiskSet() {
        const std::vector<double> time{0, 0, 1, 2};
        const std::vector<std::uint8_t> event{1, 0, 1, 0};
        const std::vector<double> times{0};
        const NumberAtRisk at_risk =
            number_at_risk(fit_kaplan_meier(tabulate_events(time, event)), times);
        QCOMPARE(at_risk.n_risk.front(), std::size_t{4});
        QCOMPARE(at_risk.n_event.front(), std::size_t{1});
        QCOMPARE(at_risk.n_censor.front(), std::size_t{1});
    }

    void emptyCurveHasNobodyAtRisk() {
        const std::vector<double> times{0, 1};
        const NumberAtRisk at_risk = number_at_risk(KaplanMeier{}, times);
        QCOMPARE(at_risk.n_risk, (std::vector<std::size_t>{0, 0}));
        QCOMPARE(at_risk.n_event, (std::vector<std::size_t>{0, 0}));
    }

    void smallCasesMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("at_risk.json").toObject()["small"].toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(c["name"].toString())) << c;
        }
    }

    void smallCasesMatchR() {
        QFETCH(QJsonObject, golden);
        const auto time = golden::values(golden["input_time"]);
        const auto event = golden::values<std::uint8_t>(golden["input_status"]);
        const KaplanMeier km = fit_kaplan_meier(tabulate_events(time, event));
        const auto times = golden::values(golden["times"]);
        compare_counts(number_at_risk(km, times), golden);
    }

    void demoArmsMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("at_risk.json").toObject()["demo"].toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(c["param"].toString() + "/" + c["arm"].toString())) << c;
        }
    }

    void demoArmsMatchR() {
        QFETCH(QJsonObject, golden);
        static const Study study = generate_demo_study();
        AnalysisSpec spec;
        spec.paramcd = golden["param"].toString().toStdString();
        const Results results = refit(study, spec);
        const auto arm =
            std::find_if(results.arms.begin(), results.arms.end(), [&](const ArmSurvival& a) {
                return QString::fromStdString(a.arm) == golden["arm"].toString();
            });
        QVERIFY(arm != results.arms.end());
        const auto times = golden::values(golden["times"]);
        QCOMPARE(times.size(), std::size_t{16});
        compare_counts(number_at_risk(arm->km, times), golden);
    }
};

QTEST_APPLESS_MAIN(TestNumberAtRisk)
#include "test_number_at_risk.moc"
