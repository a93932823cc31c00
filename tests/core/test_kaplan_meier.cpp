// Kaplan–Meier: a hand-checked example, then every small golden case from R.

#include "../km_golden.h"

#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>
#include <triallens/stats/restricted_mean.h>

#include <QJsonObject>
#include <QTest>

using namespace triallens;

class TestKaplanMeier : public QObject {
    Q_OBJECT

private slots:
    void survivalAndGreenwoodMatchHandCalculation() {
        // 10 subjects; events at 1, 2, 3, 4, 5, 7 (two at 7); censored at 2, 4, 6.
        const std::vector<double> time{1, 2, 2, 3, 4, 4, 5, 6, 7, 7};
        const std::vector<std::uint8_t> event{1, 1, 0, 1, 0, 1, 1, 0, 1, 1};
        const KaplanMeier km = fit_kaplan_meier(tabulate_events(time, event));
        const SurvivalCurve& c = km.curve;

        QCOMPARE(c.size(), std::size_t{7});
        QCOMPARE(c.n_risk, (std::vector<std::size_t>{10, 9, 7, 6, 4, 3, 2}));
        QCOMPARE(c.n_event, (std::vector<std::size_t>{1, 1, 1, 1, 1, 0, 2}));
        QCOMPARE(c.n_censor, (std::vector<std::size_t>{0, 1, 0, 1, 0, 1, 0}));
        const double s3 = 0.8 * 6.0 / 7.0;
        const std::vector<double> expected{
            0.9, 0.8, s3, s3 * 5.0 / 6.0, s3 * 5.0 / 6.0 * 3.0 / 4.0, s3 * 5.0 / 6.0 * 3.0 / 4.0,
            0.0};
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QVERIFY(std::fabs(c.surv[i] - expected[i]) < 1e-15);
        }
        // Greenwood at t = 3: S^2 (1/(10·9) + 1/(9·8) + 1/(7·6))
        const double var3 = s3 * s3 * (1.0 / 90 + 1.0 / 72 + 1.0 / 42);
        QVERIFY(std::fabs(*c.std_err[2] - std::sqrt(var3)) < 1e-15);
        // Two deaths among the last two at risk: S = 0, Greenwood undefined.
        QVERIFY(!c.std_err[6].has_value());
        QVERIFY(!c.lower[6].has_value());
        QCOMPARE(km.n_events, std::size_t{7});

        // S first falls below 0.5 at t = 5.
        QCOMPARE(survival_quantile(km, 0.5).estimate, std::optional<double>(5.0));
    }

    void timefixMergesTimesEqualUpToRounding() {
        std::vector<double> times{1.0, 1.0 + 1e-12, 2.0, 2.5};
        apply_timefix(times);
        QCOMPARE(times[1], 1.0);
        QCOMPARE(times[3], 2.5);
        std::vector<double> untouched{1.0, 1.0 + 1e-6};
        apply_timefix(untouched);
        QCOMPARE(untouched[1], 1.0 + 1e-6);
    }

    void matchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("km_small.json").toArray()) {
            const QJsonObject c = value.toObject();
            const QString tag = c["name"].toString() + "/" + c["conf_type"].toString() + "/" +
                                QString::number(c["conf_level"].toDouble());
            QTest::newRow(qPrintable(tag)) << c;
        }
    }

    void matchesR() {
        QFETCH(QJsonObject, golden);
        const auto time = golden::values(golden["input_time"]);
        const auto event = golden::values<std::uint8_t>(golden["input_status"]);
        KmOptions options;
        options.conf_type = golden::conf_type_of(golden["conf_type"].toString());
        options.conf_level = golden["conf_level"].toDouble();
        const KaplanMeier km = fit_kaplan_meier(tabulate_events(time, event), options);
        golden::compare_km(km, golden);
    }

    void landmarksAndRestrictedMeansMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("landmarks_small.json").toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(c["name"].toString() + "/" + c["conf_type"].toString())) << c;
        }
    }

    void landmarksAndRestrictedMeansMatchR() {
        QFETCH(QJsonObject, golden);
        const auto time = golden::values(golden["input_time"]);
        const auto event = golden::values<std::uint8_t>(golden["input_status"]);
        KmOptions options;
        options.conf_type = golden::conf_type_of(golden["conf_type"].toString());
        const KaplanMeier km = fit_kaplan_meier(tabulate_events(time, event), options);

        const QJsonObject landmarks = golden["landmarks"].toObject();
        const QJsonArray times = golden::as_array(landmarks["time"]);
        for (int i = 0; i < times.size(); ++i) {
            const auto at = [&](const char* key) -> QJsonValue {
                return golden::as_array(landmarks[key])[i];
            };
            const SurvivalAt estimate = survival_at(km, times[i].toDouble());
            QCOMPARE(static_cast<double>(estimate.n_risk), at("n_risk").toDouble());
            COMPARE_GOLDEN(estimate.surv, at("surv"));
            COMPARE_GOLDEN(estimate.std_err, at("std_err"));
            COMPARE_GOLDEN(estimate.lower, at("lower"));
            COMPARE_GOLDEN(estimate.upper, at("upper"));
        }
        for (const auto& value : golden["rmst"].toArray()) {
            const QJsonObject rmst = value.toObject();
            const RestrictedMean estimate = restricted_mean(km, rmst["tau"].toDouble());
            COMPARE_GOLDEN(estimate.estimate, rmst["estimate"]);
            COMPARE_GOLDEN(estimate.std_err, rmst["std_err"]);
        }
    }

    void nothingIsEstimableBeyondTheLastTime() {
        const std::vector<double> time{1, 2, 3};
        const std::vector<std::uint8_t> event{1, 0, 0};
        const SurvivalAt beyond = survival_at(fit_kaplan_meier(tabulate_events(time, event)), 3.5);
        QVERIFY(!beyond.surv && !beyond.std_err && !beyond.lower && !beyond.upper);
        QCOMPARE(beyond.n_risk, std::size_t{0});
    }
};

QTEST_APPLESS_MAIN(TestKaplanMeier)
#include "test_kaplan_meier.moc"
