// Piecewise hazard ratios (AnalysisSpec::hr_cuts) and survival from a
// landmark (AnalysisSpec::from) through refit, against the goldens of
// tests/reference/golden_piecewise.R: the demo's OS (cuts 6, 12; from 6) and
// the CDISC pilot's TTDE (Placebo vs High Dose, cuts 30, 90; from 30).

#include "../golden.h"
#include "golden_cases.h"

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>

#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace triallens;

namespace {

using golden_cases::demo;

QJsonObject golden_case(const QString& group, const QString& name) {
    return golden_cases::find(golden::load("piecewise.json").toObject()[group].toArray(), name);
}

bool has_warning(const Results& results, const std::string& start) {
    return std::any_of(results.warnings.begin(), results.warnings.end(),
                       [&](const std::string& warning) { return warning.starts_with(start); });
}

} // namespace

class TestRefitPiecewise : public QObject {
    Q_OBJECT

private slots:
    void piecewiseMatchesR_data() {
        golden_cases::add_columns();
        golden_cases::add_demo_and_pilot_rows();
        QTest::newRow("demo OS stratified breslow") << "demo_OS_stratified_breslow" << false << "OS"
                                                    << "" << QStringList{"PRTAXFL", "LIVBRNFL"};
    }

    void piecewiseMatchesR() {
        QFETCH(QString, name);
        QFETCH(bool, pilot);
        QFETCH(QString, compare);
        const QJsonObject golden = golden_case("piecewise", name);
        const Study& study = golden_cases::row_study();
        AnalysisSpec spec = golden_cases::row_spec();
        spec.ties = *ties_from_name(golden["ties"].toString().toStdString());
        spec.hr_cuts = golden::values(golden["cuts"]);
        const Results results = refit(study, resolve_spec(study, spec));

        const QJsonArray periods = golden["periods"].toArray();
        QCOMPARE(results.piecewise_hr.size(), static_cast<std::size_t>(periods.size()));
        for (std::size_t k = 0; k < results.piecewise_hr.size(); ++k) {
            const PiecewiseHazardRatio& row = results.piecewise_hr[k];
            const QJsonObject expected = periods[static_cast<int>(k)].toObject();
            QCOMPARE(row.from, expected["from"].toDouble());
            COMPARE_GOLDEN(row.to, expected["to"]);
            QCOMPARE(row.events, static_cast<std::size_t>(expected["events"].toInt()));
            COMPARE_GOLDEN(row.hr, expected["hr"]);
            COMPARE_GOLDEN(row.lower, expected["lower"]);
            COMPARE_GOLDEN(row.upper, expected["upper"]);
            COMPARE_GOLDEN(row.p, expected["p"]);
        }
        QCOMPARE(results.delayed_effects_arm,
                 pilot ? compare.toStdString() : std::string("Benmelstobart + anlotinib"));
    }

    void fromMatchesR_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("pilot");
        QTest::addColumn<QString>("paramcd");
        QTest::newRow("demo OS from 6") << "demo_OS_from_6" << false << "OS";
        QTest::newRow("pilot TTDE from 30") << "cdisc_ttde_from_30" << true << "TTDE";
    }

    void fromMatchesR() {
        QFETCH(QString, name);
        QFETCH(bool, pilot);
        QFETCH(QString, paramcd);
        const QJsonObject golden = golden_case("from", name);
        const Study& study = pilot ? cdisc_pilot::study() : demo();
        AnalysisSpec spec;
        spec.paramcd = paramcd.toStdString();
        spec.from = golden["from"].toDouble();
        const Results results = refit(study, resolve_spec(study, spec));
        QCOMPARE(results.from, spec.from);
        QCOMPARE(results.n, static_cast<std::size_t>(golden["n"].toInt()));
        QCOMPARE(results.events, static_cast<std::size_t>(golden["events"].toInt()));
        const QJsonArray arms = golden["arms"].toArray();
        QCOMPARE(results.arms.size(), static_cast<std::size_t>(arms.size()));
        for (std::size_t a = 0; a < results.arms.size(); ++a) {
            const QJsonObject expected = arms[static_cast<int>(a)].toObject();
            QCOMPARE(results.arms[a].arm, expected["arm"].toString().toStdString());
            QCOMPARE(results.arms[a].km.n, static_cast<std::size_t>(expected["n"].toInt()));
            COMPARE_GOLDEN(results.arms[a].median.estimate, expected["median"]);
            COMPARE_GOLDEN(results.arms[a].median.lower, expected["lower"]);
            COMPARE_GOLDEN(results.arms[a].median.upper, expected["upper"]);
        }
        QVERIFY(results.logrank.has_value());
        COMPARE_GOLDEN(results.logrank->chisq, golden["logrank_chisq"]);
        QVERIFY(results.cox.has_value());
        const QJsonArray cox = golden["cox"].toArray();
        QCOMPARE(results.cox->terms.size(), static_cast<std::size_t>(cox.size()));
        for (std::size_t j = 0; j < results.cox->terms.size(); ++j) {
            const QJsonObject expected = cox[static_cast<int>(j)].toObject();
            QCOMPARE(results.cox->terms[j].arm, expected["arm"].toString().toStdString());
            COMPARE_GOLDEN(results.cox->terms[j].hr, expected["hr"]);
            COMPARE_GOLDEN(results.cox->terms[j].lower, expected["lower"]);
            COMPARE_GOLDEN(results.cox->terms[j].upper, expected["upper"]);
        }
    }

    // From 0 changes nothing: every record has time > 0 in the demo.
    void fromZeroIsTheWholeAnalysis() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const Results whole = refit(demo(), resolve_spec(demo(), spec));
        spec.from = 0.0;
        const Results from_zero = refit(demo(), resolve_spec(demo(), spec));
        QCOMPARE(from_zero.n, whole.n);
        QCOMPARE(from_zero.cox->terms[0].hr, whole.cox->terms[0].hr);
        QVERIFY(!whole.from.has_value());
    }

    // Those --from leaves out are meant to be: no "have no record" warning.
    void fromSaysNothingOfThoseItLeavesOut() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.from = 12.0;
        const Results results = refit(demo(), resolve_spec(demo(), spec));
        spec.from.reset();
        const Results whole = refit(demo(), resolve_spec(demo(), spec));
        QVERIFY(results.n < whole.n);
        QCOMPARE(has_warning(results, "OS: "), has_warning(whole, "OS: "));
    }

    void notAskedNotComputed() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const Results results = refit(demo(), resolve_spec(demo(), spec));
        QVERIFY(results.piecewise_hr.empty());
    }

    // A last period holding events of one arm only: no ratio, a warning, the
    // other periods still there.
    void periodWithoutEventsInAnArmWarns() {
        AnalysisSpec spec;
        spec.paramcd = "TTDE";
        spec.compare_arm = "Xanomeline High Dose";
        spec.hr_cuts = {180};
        const Results results =
            refit(cdisc_pilot::study(), resolve_spec(cdisc_pilot::study(), spec));
        QCOMPARE(results.piecewise_hr.size(), std::size_t{2});
        QVERIFY(results.piecewise_hr[0].hr.has_value());
        QVERIFY(!results.piecewise_hr[1].hr.has_value());
        QVERIFY(!results.piecewise_hr[1].p.has_value());
        QVERIFY(has_warning(results, "piecewise hazard ratio in (180, end) not computed"));
    }

    void refusesBadCuts_data() {
        QTest::addColumn<QList<double>>("cuts");
        QTest::addColumn<QString>("named");
        QTest::newRow("zero") << QList<double>{0.0, 6.0} << "cut point 0 ";
        QTest::newRow("negative") << QList<double>{-1.0} << "cut point -1 ";
        QTest::newRow("NaN") << QList<double>{std::numeric_limits<double>::quiet_NaN()}
                             << "cut point nan ";
        QTest::newRow("infinite") << QList<double>{std::numeric_limits<double>::infinity()}
                                  << "cut point inf ";
        QTest::newRow("unsorted") << QList<double>{12.0, 6.0} << "cut point 6 ";
        QTest::newRow("duplicate") << QList<double>{6.0, 6.0} << "cut point 6 ";
        QList<double> many;
        for (int k = 1; k <= 21; ++k) {
            many.append(k);
        }
        QTest::newRow("21 cuts") << many << "piecewise hazard ratios take at most 20";
    }

    void refusesBadCuts() {
        QFETCH(QList<double>, cuts);
        QFETCH(QString, named);
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.hr_cuts.assign(cuts.begin(), cuts.end());
        try {
            resolve_spec(demo(), spec);
            QFAIL("no SpecError");
        } catch (const SpecError& error) {
            QVERIFY2(std::string(error.what()).starts_with(named.toStdString()), error.what());
        }
    }

    void refusesCutsAfterTheLastTime() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.hr_cuts = {6, 1000};
        QVERIFY_THROWS_EXCEPTION(SpecError, refit(demo(), resolve_spec(demo(), spec)));
        // After --from 6, a cut is counted from 6: the last time moves down.
        spec.hr_cuts = {6};
        spec.from = 6.0;
        QCOMPARE(refit(demo(), resolve_spec(demo(), spec)).piecewise_hr.size(), std::size_t{2});
    }

    void refusesFromAfterTheLastTime() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.from = 1000.0;
        QVERIFY_THROWS_EXCEPTION(SpecError, refit(demo(), resolve_spec(demo(), spec)));
        spec.from = -1.0;
        QVERIFY_THROWS_EXCEPTION(SpecError, resolve_spec(demo(), spec));
        spec.from = std::numeric_limits<double>::infinity();
        QVERIFY_THROWS_EXCEPTION(SpecError, resolve_spec(demo(), spec));
    }
};

QTEST_APPLESS_MAIN(TestRefitPiecewise)
#include "test_refit_piecewise.moc"
