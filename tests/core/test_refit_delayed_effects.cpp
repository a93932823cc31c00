// The delayed-effects tests in refit: the spec's FH tests and MaxCombo of the
// compared arm against the reference, with the spec's strata, against the
// goldens of tests/reference/golden_weighted_logrank.R (the demo's OS and
// PFS, the CDISC pilot's TTDE with three arms), and the demo's story: its
// late-separating OS is clearer to FH(0,1) and MaxCombo than to the log-rank.

#include "../golden.h"
#include "golden_cases.h"

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/maxcombo.h>

#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace triallens;

namespace {

using golden_cases::demo;

QJsonObject golden_case(const QString& name) {
    return golden_cases::find(golden::load("weighted_logrank.json").toArray(), name);
}

std::vector<FhWeight> golden_fh_tests(const QJsonObject& golden) {
    std::vector<FhWeight> tests;
    for (const auto& value : golden["fh"].toArray()) {
        tests.push_back({value.toObject()["rho"].toDouble(), value.toObject()["gamma"].toDouble()});
    }
    return tests;
}

} // namespace

class TestRefitDelayedEffects : public QObject {
    Q_OBJECT

private slots:
    void matchesR_data() {
        golden_cases::add_columns();
        golden_cases::add_demo_and_pilot_rows();
        QTest::newRow("demo PFS stratified") << "demo_PFS_stratified" << false << "PFS"
                                             << "" << QStringList{"PRTAXFL", "LIVBRNFL"};
    }

    void matchesR() {
        QFETCH(QString, name);
        const QJsonObject golden = golden_case(name);
        const Study& study = golden_cases::row_study();
        AnalysisSpec spec = golden_cases::row_spec();
        spec.fh_tests = golden_fh_tests(golden);
        spec.maxcombo = maxcombo_default_tests();
        const Results results = refit(study, resolve_spec(study, spec));

        const QJsonArray fh = golden["fh"].toArray();
        QCOMPARE(results.weighted_logrank.size(), static_cast<std::size_t>(fh.size()));
        for (std::size_t j = 0; j < results.weighted_logrank.size(); ++j) {
            const WeightedLogRankRow& row = results.weighted_logrank[j];
            const QJsonObject expected = fh[static_cast<int>(j)].toObject();
            QCOMPARE(row.rho, expected["rho"].toDouble());
            QCOMPARE(row.gamma, expected["gamma"].toDouble());
            COMPARE_GOLDEN(row.z, expected["z"]);
            COMPARE_GOLDEN(row.chisq, expected["chisq"]);
            COMPARE_GOLDEN(row.p, expected["p"]);
        }
        QVERIFY(results.maxcombo.has_value());
        const QJsonObject combo = golden["maxcombo"].toObject()["default"].toObject();
        COMPARE_GOLDEN(results.maxcombo->z_max, combo["z_max"]);
        QVERIFY2(std::fabs(results.maxcombo->p - combo["p"].toDouble()) <=
                     1e-6 + combo["p_error"].toDouble(),
                 qPrintable(QString::number(results.maxcombo->p - combo["p"].toDouble())));
        QCOMPARE(results.maxcombo->correlation.size(), std::size_t{16});
    }

    // The story: OS separates late, so the test that weighs late
    // differences, FH(0,1), and MaxCombo find it more clearly than the
    // log-rank test does.
    void demoOsLateSeparationFavoursLateWeights() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.fh_tests = {{0, 0}, {0, 1}};
        spec.maxcombo = maxcombo_default_tests();
        const Results results = refit(demo(), resolve_spec(demo(), spec));
        QVERIFY(results.logrank && results.maxcombo);
        QCOMPARE(results.weighted_logrank.size(), std::size_t{2});
        const double logrank_p = results.logrank->p;
        QVERIFY(std::fabs(*results.weighted_logrank[0].p - logrank_p) <= 1e-12 * logrank_p);
        QVERIFY2(*results.weighted_logrank[1].p < logrank_p,
                 qPrintable(QString("FH(0,1) p %1, log-rank p %2")
                                .arg(*results.weighted_logrank[1].p)
                                .arg(logrank_p)));
        QVERIFY(results.maxcombo->p < logrank_p);
        QVERIFY(*results.weighted_logrank[1].z < 0); // favours the compared arm
    }

    void notAskedNotComputed() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const Results results = refit(demo(), resolve_spec(demo(), spec));
        QVERIFY(results.weighted_logrank.empty());
        QVERIFY(!results.maxcombo);
    }

    void armWithoutRecordsGivesAWarning() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.filter = "TRT01P == \"Nab-paclitaxel\"";
        spec.fh_tests = {{0, 1}};
        spec.maxcombo = maxcombo_simtrial_tests();
        const Results results = refit(demo(), resolve_spec(demo(), spec));
        QVERIFY(results.weighted_logrank.empty());
        QVERIFY(!results.maxcombo);
        QVERIFY(std::any_of(results.warnings.begin(), results.warnings.end(),
                            [](const std::string& warning) {
                                return warning.starts_with("weighted log-rank tests not computed");
                            }));
    }

    void refusesBadTests_data() {
        QTest::addColumn<double>("rho");
        QTest::addColumn<double>("gamma");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("maxcombo");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("negative rho") << -1.0 << 0.0 << 1 << false;
        QTest::newRow("negative gamma") << 0.0 << -0.5 << 1 << true;
        QTest::newRow("NaN") << nan << 0.0 << 1 << false;
        QTest::newRow("infinite") << 0.0 << std::numeric_limits<double>::infinity() << 1 << true;
        QTest::newRow("eleven tests") << 0.0 << 0.0 << 11 << false;
        QTest::newRow("eleven in MaxCombo") << 0.0 << 1.0 << 11 << true;
        QTest::newRow("empty MaxCombo") << 0.0 << 0.0 << 0 << true;
    }

    void refusesBadTests() {
        QFETCH(double, rho);
        QFETCH(double, gamma);
        QFETCH(int, count);
        QFETCH(bool, maxcombo);
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const std::vector<FhWeight> tests(static_cast<std::size_t>(count), FhWeight{rho, gamma});
        if (maxcombo) {
            spec.maxcombo = tests;
        } else {
            spec.fh_tests = tests;
        }
        QVERIFY_THROWS_EXCEPTION(SpecError, resolve_spec(demo(), spec));
    }

    void threeArmsNeedTheComparedArm() {
        AnalysisSpec spec;
        spec.paramcd = "TTDE";
        spec.fh_tests = {{0, 1}};
        QVERIFY_THROWS_EXCEPTION(SpecError, resolve_spec(cdisc_pilot::study(), spec));
    }
};

QTEST_APPLESS_MAIN(TestRefitDelayedEffects)
#include "test_refit_delayed_effects.moc"
