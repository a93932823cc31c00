// Cumulative incidence and Gray's test (cumulative_incidence.h) against
// cmprsk 2.2 in tests/reference/golden_competing_risks.R: every point of every
// curve, every landmark and every test of the demo's PFS (progression, death),
// the CDISC pilot's TTDE (one cause, three arms), survival's mgus2 and colon,
// and a hand case of tied causes and censorings. Then the properties that
// hold whatever R says, and the input the functions refuse.

#include "../golden.h"

#include <triallens/stats/cumulative_incidence.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>

#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

using namespace triallens;

namespace {

// A golden case's records, owning what CompetingRisksData views.
struct Records {
    std::vector<double> time;
    std::vector<std::int32_t> status;
    std::vector<std::int32_t> group;
    std::vector<std::int32_t> stratum;
    std::int32_t n_groups = 1;
    std::int32_t n_causes = 1;
    std::int32_t n_strata = 1;

    explicit Records(const QJsonObject& c)
        : time(golden::values(c["time"])), status(golden::values<std::int32_t>(c["status"])),
          group(golden::values<std::int32_t>(c["group"])), n_groups(c["n_groups"].toInt()),
          n_causes(c["n_causes"].toInt()) {}

    CompetingRisksData data(bool stratified = false) const {
        CompetingRisksData d{time, status, group, {}, n_groups, n_causes, 1};
        if (stratified) {
            d.stratum = stratum;
            d.n_strata = n_strata;
        }
        return d;
    }
};

Records records_of(const QJsonObject& c) {
    Records r(c);
    if (c.contains("stratum")) {
        r.stratum = golden::values<std::int32_t>(c["stratum"]);
        r.n_strata = c["n_strata"].toInt();
    }
    return r;
}

const CumulativeIncidence& curve_of(const std::vector<CumulativeIncidence>& curves, int group,
                                    int cause) {
    const auto it = std::find_if(curves.begin(), curves.end(), [&](const auto& c) {
        return c.group == group && c.cause == cause;
    });
    if (it == curves.end()) {
        qFatal("no curve for group %d cause %d", group, cause);
    }
    return *it;
}

std::string refusal(const CompetingRisksData& data) {
    try {
        cumulative_incidence(data);
    } catch (const std::invalid_argument& e) {
        try {
            gray_tests(data);
        } catch (const std::invalid_argument&) {
            return e.what();
        }
        return "gray_tests accepted it";
    }
    return "cumulative_incidence accepted it";
}

void add_golden_rows() {
    QTest::addColumn<QJsonObject>("golden");
    for (const auto& value :
         golden::load("competing_risks.json").toObject()["competing_risks"].toArray()) {
        const QJsonObject c = value.toObject();
        QTest::newRow(qPrintable(c["name"].toString())) << c;
    }
}

void compare_tests(const std::vector<GrayTest>& tests, const QJsonValue& expected) {
    const QJsonArray rows = golden::as_array(expected);
    QCOMPARE(tests.size(), static_cast<std::size_t>(rows.size()));
    for (std::size_t i = 0; i < tests.size(); ++i) {
        const QJsonObject r = rows[static_cast<int>(i)].toObject();
        QCOMPARE(tests[i].cause, r["cause"].toInt());
        QCOMPARE(tests[i].df, r["df"].toInt());
        // cuminc's stat −1: the score's variance is singular, no statistic.
        if (r["chisq"].toDouble() == -1) {
            QVERIFY(std::isnan(tests[i].chisq) && std::isnan(tests[i].p));
            continue;
        }
        COMPARE_GOLDEN(tests[i].chisq, r["chisq"]);
        COMPARE_GOLDEN(tests[i].p, r["p"]);
    }
}

} // namespace

class TestCumulativeIncidence : public QObject {
    Q_OBJECT

private slots:
    void curvesMatchCuminc_data() { add_golden_rows(); }
    void curvesMatchCuminc() {
        QFETCH(QJsonObject, golden);
        const Records records = records_of(golden);
        const std::vector<CumulativeIncidence> curves = cumulative_incidence(records.data());
        QCOMPARE(curves.size(), static_cast<std::size_t>(records.n_groups) *
                                    static_cast<std::size_t>(records.n_causes));
        for (const auto& value : golden["curves"].toArray()) {
            const QJsonObject r = value.toObject();
            const CumulativeIncidence& curve =
                curve_of(curves, r["group"].toInt(), r["cause"].toInt());
            QCOMPARE(curve.last_time, r["last_time"].toDouble());
            const std::vector<double> time = golden::values(r["time"]);
            QCOMPARE(curve.time, time);
            const QJsonArray estimate = golden::as_array(r["estimate"]);
            const QJsonArray variance = golden::as_array(r["variance"]);
            const QJsonArray lower = golden::as_array(r["lower"]);
            const QJsonArray upper = golden::as_array(r["upper"]);
            for (std::size_t i = 0; i < time.size(); ++i) {
                const int j = static_cast<int>(i);
                COMPARE_GOLDEN(curve.estimate[i], estimate[j]);
                COMPARE_GOLDEN(curve.variance[i], variance[j]);
                COMPARE_GOLDEN(curve.lower[i], lower[j]);
                COMPARE_GOLDEN(curve.upper[i], upper[j]);
            }
        }
    }

    void landmarksMatchTimepoints_data() { add_golden_rows(); }
    void landmarksMatchTimepoints() {
        QFETCH(QJsonObject, golden);
        const Records records = records_of(golden);
        const std::vector<CumulativeIncidence> curves = cumulative_incidence(records.data());
        for (const auto& value : golden["at"].toArray()) {
            const QJsonObject r = value.toObject();
            const CumulativeIncidence& curve =
                curve_of(curves, r["group"].toInt(), r["cause"].toInt());
            const std::vector<double> times = golden::values(r["time"]);
            const QJsonArray estimate = golden::as_array(r["estimate"]);
            const QJsonArray variance = golden::as_array(r["variance"]);
            const QJsonArray lower = golden::as_array(r["lower"]);
            const QJsonArray upper = golden::as_array(r["upper"]);
            for (std::size_t i = 0; i < times.size(); ++i) {
                const int j = static_cast<int>(i);
                const std::optional<IncidenceAt> at = incidence_at(curve, times[i]);
                if (!at) {
                    // timepoints() gives NA past the group's last time.
                    QVERIFY2(estimate[j].isNull() && variance[j].isNull() && lower[j].isNull() &&
                                 upper[j].isNull(),
                             qPrintable(QStringLiteral("no value at %1, R has one").arg(times[i])));
                    continue;
                }
                COMPARE_GOLDEN(at->estimate, estimate[j]);
                COMPARE_GOLDEN(at->variance, variance[j]);
                COMPARE_GOLDEN(at->lower, lower[j]);
                COMPARE_GOLDEN(at->upper, upper[j]);
                QCOMPARE(at->std_err, std::sqrt(at->variance));
            }
        }
    }

    void grayTestsMatchCuminc_data() { add_golden_rows(); }
    void grayTestsMatchCuminc() {
        QFETCH(QJsonObject, golden);
        const Records records = records_of(golden);
        compare_tests(gray_tests(records.data()), golden["tests"]);
        if (golden.contains("tests_stratified")) {
            compare_tests(gray_tests(records.data(true)), golden["tests_stratified"]);
        }
    }

    // Every subject is at each time event-free or failed from one cause:
    // the CIFs and the all-cause KM add up to 1.
    void incidencesAndSurvivalSumToOne_data() { add_golden_rows(); }
    void incidencesAndSurvivalSumToOne() {
        QFETCH(QJsonObject, golden);
        const Records records = records_of(golden);
        const std::vector<CumulativeIncidence> curves = cumulative_incidence(records.data());
        for (std::int32_t g = 0; g < records.n_groups; ++g) {
            std::vector<double> time;
            std::vector<std::uint8_t> event;
            for (std::size_t i = 0; i < records.time.size(); ++i) {
                if (records.group[i] == g) {
                    time.push_back(records.time[i]);
                    event.push_back(records.status[i] > 0 ? 1 : 0);
                }
            }
            const KaplanMeier km = fit_kaplan_meier(tabulate_events(time, event, false));
            for (std::size_t i = 0; i < km.curve.size(); ++i) {
                double sum = km.curve.surv[i];
                for (std::int32_t k = 1; k <= records.n_causes; ++k) {
                    const auto at = incidence_at(curve_of(curves, g, k), km.curve.time[i]);
                    QVERIFY(at.has_value());
                    sum += at->estimate;
                }
                QVERIFY2(std::fabs(sum - 1) < 1e-12,
                         qPrintable(QStringLiteral("group %1 at %2: sum %3")
                                        .arg(g)
                                        .arg(km.curve.time[i])
                                        .arg(sum, 0, 'g', 17)));
            }
        }
    }

    // With one cause the cumulative incidence is 1 − KM.
    void oneCauseIsOneMinusKaplanMeier() {
        const std::vector<double> time{1, 2, 2, 2, 3, 5, 5, 6, 8, 8, 9, 12};
        const std::vector<std::int32_t> status{1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0};
        const std::vector<std::int32_t> group(time.size(), 0);
        const std::vector<CumulativeIncidence> curves =
            cumulative_incidence({time, status, group, {}, 1, 1, 1});
        QCOMPARE(curves.size(), std::size_t{1});
        std::vector<std::uint8_t> event(status.begin(), status.end());
        const KaplanMeier km = fit_kaplan_meier(tabulate_events(time, event, false));
        const CumulativeIncidence& curve = curves.front();
        QCOMPARE(curve.time, (std::vector<double>{0, 1, 2, 5, 8, 9}));
        for (std::size_t i = 0; i < km.curve.size(); ++i) {
            const auto at = incidence_at(curve, km.curve.time[i]);
            QVERIFY(at.has_value());
            QVERIFY(std::fabs(at->estimate - (1 - km.curve.surv[i])) < 1e-12);
        }
        QVERIFY(!incidence_at(curve, 12.5).has_value());
        QVERIFY(incidence_at(curve, 12).has_value());
    }

    void groupWithoutRecordsIsTheOrigin() {
        const std::vector<double> time{1, 2, 3, 4};
        const std::vector<std::int32_t> status{1, 2, 1, 0};
        const std::vector<std::int32_t> group{0, 0, 2, 2};
        const std::vector<CumulativeIncidence> curves =
            cumulative_incidence({time, status, group, {}, 3, 2, 1});
        QCOMPARE(curves.size(), std::size_t{6});
        const CumulativeIncidence& empty = curve_of(curves, 1, 2);
        QCOMPARE(empty.time, std::vector<double>{0});
        QCOMPARE(empty.estimate, std::vector<double>{0});
        // Gray's test compares the two groups that have records.
        const std::vector<GrayTest> tests = gray_tests({time, status, group, {}, 3, 2, 1});
        QCOMPARE(tests.size(), std::size_t{2});
        QCOMPARE(tests.front().df, 1);
    }

    void badInputIsRefused() {
        const std::vector<double> time{1, 2, 3};
        const std::vector<std::int32_t> status{1, 0, 2};
        const std::vector<std::int32_t> group{0, 1, 0};
        QVERIFY(refusal({time, status, group, {}, 2, 2, 1}).find("accepted") != std::string::npos);
        QVERIFY(refusal({{}, {}, {}, {}, 2, 2, 1}).find("no records") != std::string::npos);
        QVERIFY(refusal({time, status, group, {}, 2, 1, 1}).find("status 2") != std::string::npos);
        const std::vector<double> negative{1, -2, 3};
        QVERIFY(refusal({negative, status, group, {}, 2, 2, 1}).find("time -2") !=
                std::string::npos);
        QVERIFY(refusal({time, status, group, {}, 1, 2, 1}).find("group 1") != std::string::npos);
        const std::vector<std::int32_t> stratum{0, 1, 2};
        QVERIFY(refusal({time, status, group, stratum, 2, 2, 2}).find("stratum 2") !=
                std::string::npos);
        const std::vector<std::int32_t> short_status{1, 0};
        QVERIFY(refusal({time, short_status, group, {}, 2, 2, 1}).find("length") !=
                std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestCumulativeIncidence)
#include "test_cumulative_incidence.moc"
