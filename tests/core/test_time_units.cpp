// The spec's time unit, curves by arm x variable and median follow-up against
// R (tests/reference/golden_units.R): the demo's OS converted from months to
// weeks and to years and the pilot's TTDE from days to months (every curve
// point, quartiles with CIs, landmarks, RMST, log-rank, Efron Cox), the
// curves of the demo's OS by arm x PDL1STAT and of the pilot's TTDE (months)
// by arm x SEX, and the reverse Kaplan–Meier median follow-up under the three
// CI transforms. Integer counts are compared exactly.

#include "../cdisc_pilot.h"
#include "../km_golden.h"

#include <triallens/analysis/refit.h>
#include <triallens/analysis/time_unit.h>
#include <triallens/demo/demo_study.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace triallens;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

const QJsonObject& units() {
    static const QJsonObject golden = golden::load("units.json").toObject();
    return golden;
}

// The golden case's study: the demo's cases are named "demo ...".
const Study& study_of(const QJsonObject& golden) {
    return golden["name"].toString().startsWith("demo") ? demo() : cdisc_pilot::study();
}

AnalysisSpec spec_of(const QJsonObject& golden) {
    AnalysisSpec spec;
    spec.paramcd = golden["param"].toString().toStdString();
    spec.time_unit = golden["unit"].toString().toStdString();
    return spec;
}

void compare_count(std::size_t actual, const QJsonValue& expected) {
    QCOMPARE(static_cast<double>(actual), expected.toDouble());
}

// The curve, and the quartiles the engine stored beside it.
void compare_curve(const ArmSurvival& curve, const QJsonObject& golden) {
    QCOMPARE(QString::fromStdString(curve.arm), golden["arm"].toString());
    compare_count(curve.km.n, golden["n"]);
    compare_count(curve.km.n_events, golden["events"]);
    golden::compare_km(curve.km, golden["km"].toObject());
    const QJsonArray quantiles = golden["km"].toObject()["quantiles"].toArray();
    QCOMPARE(curve.quartiles.size(), std::size_t{3});
    for (std::size_t q = 0; q < 3; ++q) {
        const QJsonObject r = quantiles[static_cast<int>(q)].toObject();
        COMPARE_GOLDEN(curve.quartiles[q].estimate, r["estimate"]);
        COMPARE_GOLDEN(curve.quartiles[q].lower, r["lower"]);
        COMPARE_GOLDEN(curve.quartiles[q].upper, r["upper"]);
    }
    QCOMPARE(curve.median.estimate, curve.quartiles[1].estimate);
}

bool has_warning(const Results& results, const std::string& text) {
    return std::find(results.warnings.begin(), results.warnings.end(), text) !=
           results.warnings.end();
}

} // namespace

class TestTimeUnits : public QObject {
    Q_OBJECT

private slots:
    void convertedTimesMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& c : units()["units"].toArray()) {
            QTest::newRow(qPrintable(c.toObject()["name"].toString())) << c.toObject();
        }
    }

    void convertedTimesMatchR() {
        QFETCH(QJsonObject, golden);
        AnalysisSpec spec = spec_of(golden);
        spec.landmarks = golden::values(golden["landmark_times"]);
        spec.tau = golden["tau"].toDouble();
        const Results results = refit(study_of(golden), spec);
        QCOMPARE(QString::fromStdString(results.time_unit), golden["unit"].toString().toUpper());
        compare_count(results.n, golden["n"]);
        compare_count(results.events, golden["events"]);

        const QJsonArray arms = golden["arms"].toArray();
        QCOMPARE(results.arms.size(), static_cast<std::size_t>(arms.size()));
        for (std::size_t k = 0; k < results.arms.size(); ++k) {
            const ArmSurvival& arm = results.arms[k];
            const QJsonObject r = arms[static_cast<int>(k)].toObject();
            compare_curve(arm, r);
            // Landmarks and tau are read in the chosen unit.
            const QJsonObject landmarks = r["landmarks"].toObject();
            const int reported = static_cast<int>(golden::as_array(landmarks["time"]).size());
            QCOMPARE(reported, static_cast<int>(arm.landmarks.size()));
            for (int i = 0; i < reported; ++i) {
                const auto at = [&](const char* key) -> QJsonValue {
                    return golden::as_array(landmarks[key])[i];
                };
                const SurvivalAt& estimate = arm.landmarks[static_cast<std::size_t>(i)];
                QCOMPARE(estimate.time, at("time").toDouble());
                compare_count(estimate.n_risk, at("n_risk"));
                COMPARE_GOLDEN(estimate.surv, at("surv"));
                COMPARE_GOLDEN(estimate.std_err, at("std_err"));
                COMPARE_GOLDEN(estimate.lower, at("lower"));
                COMPARE_GOLDEN(estimate.upper, at("upper"));
            }
            QVERIFY(arm.rmst.has_value());
            COMPARE_GOLDEN(arm.rmst->estimate, r["rmst"].toObject()["estimate"]);
            COMPARE_GOLDEN(arm.rmst->std_err, r["rmst"].toObject()["std_err"]);
        }

        const QJsonObject logrank = golden["logrank"].toObject();
        QVERIFY(results.logrank.has_value());
        COMPARE_GOLDEN(results.logrank->chisq, logrank["chisq"]);
        COMPARE_GOLDEN(results.logrank->p, logrank["p"]);
        compare_count(results.logrank->df, logrank["df"]);
        for (std::size_t k = 0; k < results.arms.size(); ++k) {
            COMPARE_GOLDEN(results.logrank->observed[k],
                           golden::as_array(logrank["observed"])[static_cast<int>(k)]);
            COMPARE_GOLDEN(results.logrank->expected[k],
                           golden::as_array(logrank["expected"])[static_cast<int>(k)]);
        }

        const QJsonObject cox = golden["cox"].toObject();
        QVERIFY(results.cox.has_value());
        QCOMPARE(results.cox->terms.size(),
                 static_cast<std::size_t>(golden::as_array(cox["coef"]).size()));
        for (std::size_t k = 0; k < results.cox->terms.size(); ++k) {
            const HazardRatio& term = results.cox->terms[k];
            const int j = static_cast<int>(k);
            COMPARE_GOLDEN(term.coef, golden::as_array(cox["coef"])[j]);
            COMPARE_GOLDEN(term.se, golden::as_array(cox["se"])[j]);
            COMPARE_GOLDEN(term.hr, golden::as_array(cox["hr"])[j]);
            COMPARE_GOLDEN(term.lower, golden::as_array(cox["lower"])[j]);
            COMPARE_GOLDEN(term.upper, golden::as_array(cox["upper"])[j]);
        }
        COMPARE_GOLDEN(results.cox->loglik_null, cox["loglik_null"]);
        COMPARE_GOLDEN(results.cox->loglik, cox["loglik"]);
        COMPARE_GOLDEN(results.cox->score_chisq, cox["score_chisq"]);
        COMPARE_GOLDEN(results.cox->wald_chisq, cox["wald_chisq"]);
        COMPARE_GOLDEN(results.cox->lr_chisq, cox["lr_chisq"]);
    }

    // The Cox model depends on the order of the times only: a unit changes
    // no hazard ratio where timefix ties the same times.
    void hazardRatioDoesNotDependOnTheUnit() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const Results stored = refit(demo(), spec);
        for (const char* unit : {"days", "weeks", "months", "years"}) {
            spec.time_unit = unit;
            const Results converted = refit(demo(), spec);
            const double expected = *stored.cox->terms.front().hr;
            QVERIFY2(std::fabs(*converted.cox->terms.front().hr - expected) <= 1e-9 * expected,
                     unit);
            // Medians scale with the unit.
            const double scale = days_per(TimeUnit::Months) / days_per(*time_unit_from_name(unit));
            QVERIFY2(std::fabs(*converted.arms.front().median.estimate -
                               *stored.arms.front().median.estimate * scale) <=
                         1e-12 * *converted.arms.front().median.estimate,
                     unit);
        }
    }

    void curveGroupsMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& c : units()["curves_by"].toArray()) {
            QTest::newRow(qPrintable(c.toObject()["name"].toString())) << c.toObject();
        }
    }

    void curveGroupsMatchR() {
        QFETCH(QJsonObject, golden);
        AnalysisSpec spec = spec_of(golden);
        spec.curves_by = golden["by"].toString().toStdString();
        const Results results = refit(study_of(golden), spec);
        const QJsonArray groups = golden["groups"].toArray();
        QCOMPARE(results.curve_groups.size(), static_cast<std::size_t>(groups.size()));
        for (std::size_t g = 0; g < results.curve_groups.size(); ++g) {
            const QJsonObject r = groups[static_cast<int>(g)].toObject();
            QCOMPARE(QString::fromStdString(results.curve_groups[g].level), r["level"].toString());
            compare_curve(results.curve_groups[g], r);
        }
        // The arms' own curves and comparisons do not change.
        AnalysisSpec by_arm = spec;
        by_arm.curves_by.clear();
        const Results plain = refit(study_of(golden), by_arm);
        QCOMPARE(results.arms.size(), plain.arms.size());
        QCOMPARE(results.arms.front().km.curve.surv, plain.arms.front().km.curve.surv);
        QCOMPARE(results.logrank->chisq, plain.logrank->chisq);
        QVERIFY(plain.curve_groups.empty());
        const auto missing = static_cast<std::size_t>(golden["missing"].toDouble());
        QCOMPARE(results.warnings.size(), plain.warnings.size() + (missing > 0 ? 1 : 0));
    }

    void curveGroupsLeaveOutMissingLevelsWithAWarning() {
        // Six subjects, two arms; the third and sixth have no GROUP.
        Study study;
        study.subjects =
            SubjectTable({"1", "2", "3", "4", "5", "6"},
                         {Variable::factor("ARM", "", {0, 0, 0, 1, 1, 1}, {"A", "B"}),
                          Variable::factor("GROUP", "", {0, 1, -1, 1, 1, -1}, {"X", "Y"})});
        study.endpoints = {
            {"OS", "", "DAYS", {0, 1, 2, 3, 4, 5}, {5, 8, 3, 9, 2, 7}, {1, 0, 1, 1, 1, 0}}};
        AnalysisSpec spec;
        spec.arm_variable = "ARM";
        spec.curves_by = "GROUP";
        const Results results = refit(study, spec);
        QCOMPARE(results.curve_groups.size(), std::size_t{3}); // A x X, A x Y, B x Y
        const char* expected[][2] = {{"A", "X"}, {"A", "Y"}, {"B", "Y"}};
        for (std::size_t g = 0; g < 3; ++g) {
            QCOMPARE(results.curve_groups[g].arm, std::string(expected[g][0]));
            QCOMPARE(results.curve_groups[g].level, std::string(expected[g][1]));
        }
        QCOMPARE(results.curve_groups[2].km.n, std::size_t{2});
        QCOMPARE(results.curve_groups[2].km.curve.time, (std::vector<double>{2, 9}));
        QVERIFY(has_warning(results, "2 records with a missing GROUP are left out of the "
                                     "curves by GROUP"));
        QCOMPARE(results.arms.size(), std::size_t{2});
        QCOMPARE(results.arms[0].km.n, std::size_t{3});
    }

    void medianFollowUpMatchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        QTest::addColumn<QJsonObject>("median");
        for (const auto& c : units()["follow_up"].toArray()) {
            for (const auto& m : c.toObject()["medians"].toArray()) {
                QTest::newRow(qPrintable(c.toObject()["name"].toString() + "/" +
                                         m.toObject()["conf_type"].toString()))
                    << c.toObject() << m.toObject();
            }
        }
    }

    void medianFollowUpMatchesR() {
        QFETCH(QJsonObject, golden);
        QFETCH(QJsonObject, median);
        AnalysisSpec spec = spec_of(golden);
        spec.km.conf_type = golden::conf_type_of(median["conf_type"].toString());
        const Results results = refit(study_of(golden), spec);
        compare_count(results.n, golden["n"]);
        compare_count(results.n - results.events, golden["censored"]);
        QVERIFY(results.median_follow_up.has_value());
        QCOMPARE(results.median_follow_up->probability, 0.5);
        COMPARE_GOLDEN(results.median_follow_up->estimate, median["estimate"]);
        COMPARE_GOLDEN(results.median_follow_up->lower, median["lower"]);
        COMPARE_GOLDEN(results.median_follow_up->upper, median["upper"]);
    }

    void noRecordsHaveNoMedianFollowUp() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.filter = "AGE > 1000";
        const Results results = refit(demo(), spec);
        QCOMPARE(results.n, std::size_t{0});
        QVERIFY(!results.median_follow_up.has_value());
    }

    void unknownUnitIsASpecError() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.time_unit = "fortnights";
        try {
            refit(demo(), spec);
            QFAIL("an unknown unit was accepted");
        } catch (const SpecError& error) {
            const std::string message = error.what();
            for (const char* name : {"fortnights", "days", "weeks", "months", "years"}) {
                QVERIFY2(message.find(name) != std::string::npos, error.what());
            }
        }
    }

    void unitNamesAreCaseInsensitiveSingularOrPlural_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("label");
        QTest::newRow("MONTHS") << "MONTHS"
                                << "MONTHS";
        QTest::newRow("Month") << "Month"
                               << "MONTHS";
        QTest::newRow("week") << "week"
                              << "WEEKS";
        QTest::newRow("Days") << "Days"
                              << "DAYS";
        QTest::newRow("YEAR") << "YEAR"
                              << "YEARS";
    }

    void unitNamesAreCaseInsensitiveSingularOrPlural() {
        QFETCH(QString, name);
        QFETCH(QString, label);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.time_unit = name.toStdString();
        QCOMPARE(QString::fromStdString(refit(demo(), spec).time_unit), label);
        QCOMPARE(QString::fromStdString(resolve_spec(demo(), spec).time_unit), label.toLower());
    }

    void storedUnitIsKeptWithoutConversion() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const Results stored = refit(demo(), spec);
        spec.time_unit = "months";
        const Results same = refit(demo(), spec);
        QCOMPARE(stored.time_unit, std::string("MONTHS"));
        QCOMPARE(same.arms.front().km.curve.time, stored.arms.front().km.curve.time);
        QCOMPARE(same.warnings, stored.warnings);
    }

    void missingAvaluIsTakenAsDaysWithAWarning() {
        const Study& pilot = cdisc_pilot::study();
        QVERIFY(pilot.endpoint("TTDE")->time_unit().empty()); // the pilot's ADTTE has no AVALU
        const std::string warning = "TTDE has no AVALU: its times are taken as days";
        AnalysisSpec spec;
        const Results stored = refit(pilot, spec);
        QVERIFY(!has_warning(stored, warning));
        QCOMPARE(stored.time_unit, std::string());
        spec.time_unit = "days";
        const Results days = refit(pilot, spec);
        QCOMPARE(days.time_unit, std::string("DAYS"));
        QCOMPARE(days.arms.front().km.curve.time, stored.arms.front().km.curve.time);
        spec.time_unit = "months";
        const Results months = refit(pilot, spec);
        QCOMPARE(std::count(months.warnings.begin(), months.warnings.end(), warning), 1);
        QCOMPARE(months.arms.front().km.curve.time.back(),
                 stored.arms.front().km.curve.time.back() / 30.4375);
    }

    void curvesByMustNameACategoricalColumn() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.curves_by = "AGE";
        QVERIFY_THROWS_EXCEPTION(SpecError, refit(demo(), spec));
        spec.curves_by = "NOPE";
        QVERIFY_THROWS_EXCEPTION(SpecError, refit(demo(), spec));
    }
};

QTEST_APPLESS_MAIN(TestTimeUnits)
#include "test_time_units.moc"
