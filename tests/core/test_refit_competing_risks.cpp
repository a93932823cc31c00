// Competing risks through refit (AnalysisSpec::cause_of_interest,
// Results::competing_risks) on the demo's PFS, whose events are disease
// progression or death without progression (EVNTDESC), against the goldens
// of tests/reference/golden_competing_risks.R (cmprsk::cuminc, timepoints)
// and golden_fine_gray.R (cmprsk::crr): the same numbers as the statistics'
// own tests, now from the study, with its arms and causes by name.

#include "../golden.h"
#include "golden_cases.h"

#include <triallens/analysis/refit.h>
#include <triallens/data/build_study.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>

using namespace triallens;
using golden_cases::demo;

namespace {

// The golden's codes: group 0 the control arm, cause 1 progression, 2 death.
const char* const arm_of_group[] = {"Nab-paclitaxel", "Benmelstobart + anlotinib"};
const char* const cause_of_code[] = {"", "DISEASE PROGRESSION", "DEATH"};

QJsonObject competing_risks_case(const QString& name) {
    return golden_cases::find(
        golden::load("competing_risks.json").toObject()["competing_risks"].toArray(), name);
}

QJsonObject fine_gray_case(const QString& name) {
    return golden_cases::find(golden::load("fine_gray.json").toArray(), name);
}

// Three arms of eight subjects whose PFS events are progression or death;
// `deaths` says, per arm, how many of its events are deaths.
Study three_arm_causes(const std::array<int, 3>& deaths) {
    std::vector<std::string> id;
    std::vector<std::string> arm;
    std::vector<double> time;
    std::vector<double> cnsr;
    std::vector<std::string> cause;
    const char* const names[] = {"A", "B", "C"};
    for (std::size_t a = 0; a < 3; ++a) {
        for (int i = 0; i < 8; ++i) {
            id.push_back(std::string(names[a]) + std::to_string(i));
            arm.push_back(names[a]);
            time.push_back(1.0 + 3.0 * i + static_cast<double>(a));
            const bool censored = i == 7;
            cnsr.push_back(censored ? 1 : 0);
            cause.push_back(censored ? "" : i < deaths[a] ? "DEATH" : "PROGRESSION");
        }
    }
    RawTable adsl{"causes:ADSL", {}, {}};
    adsl.columns.push_back(text_column("USUBJID", "", id));
    adsl.columns.push_back(text_column("TRT01P", "", arm));
    RawTable adtte{"causes:ADTTE", {}, {}};
    adtte.columns.push_back(text_column("USUBJID", "", id));
    adtte.columns.push_back(text_column("PARAMCD", "", std::vector<std::string>(id.size(), "PFS")));
    adtte.columns.push_back(number_column("AVAL", "", time));
    adtte.columns.push_back(number_column("CNSR", "", cnsr));
    adtte.columns.push_back(text_column("EVNTDESC", "", cause));
    return build_study({adsl, adtte}, "causes");
}

Results deaths_of(const Study& study) {
    AnalysisSpec spec;
    spec.paramcd = "PFS";
    spec.cause_of_interest = "DEATH";
    return refit(study, resolve_spec(study, spec));
}

bool warns_not_estimable(const Results& results, const std::string& arms) {
    return std::any_of(results.warnings.begin(), results.warnings.end(), [&](const auto& w) {
        return w.starts_with("the Fine–Gray hazard ratio of DEATH is not estimable") &&
               w.ends_with(": " + arms);
    });
}

Results demo_pfs(std::optional<std::string> cause, std::vector<std::string> strata = {}) {
    AnalysisSpec spec;
    spec.paramcd = "PFS";
    spec.cause_of_interest = std::move(cause);
    spec.landmarks = {6, 12, 24};
    spec.strata = std::move(strata);
    return refit(demo(), resolve_spec(demo(), spec));
}

const IncidenceCurve& curve_of(const CompetingRisksSummary& risks, const std::string& arm,
                               const std::string& cause) {
    const auto found = std::find_if(risks.cif.begin(), risks.cif.end(), [&](const auto& curve) {
        return curve.arm == arm && curve.cause == cause;
    });
    if (found == risks.cif.end()) {
        qFatal("no curve of %s, %s", arm.c_str(), cause.c_str());
    }
    return *found;
}

void compare_gray(const std::vector<GrayTestRow>& rows, const QJsonArray& tests) {
    QCOMPARE(rows.size(), static_cast<std::size_t>(tests.size()));
    for (const auto& value : tests) {
        const QJsonObject test = value.toObject();
        const std::string cause = cause_of_code[test["cause"].toInt()];
        const auto row = std::find_if(rows.begin(), rows.end(),
                                      [&](const GrayTestRow& r) { return r.cause == cause; });
        QVERIFY(row != rows.end());
        COMPARE_GOLDEN(row->chisq, test["chisq"]);
        COMPARE_GOLDEN(row->p, test["p"]);
        QCOMPARE(row->df, test["df"].toInt());
    }
}

} // namespace

class TestRefitCompetingRisks : public QObject {
    Q_OBJECT

private slots:
    void demoPfsMatchesCmprsk() {
        const Results results = demo_pfs("DISEASE PROGRESSION");
        QVERIFY(results.competing_risks);
        const CompetingRisksSummary& risks = *results.competing_risks;
        QCOMPARE(risks.cause_column, std::string("EVNTDESC"));
        QCOMPARE(risks.causes, (std::vector<std::string>{"DEATH", "DISEASE PROGRESSION"}));
        QCOMPARE(risks.cif.size(), std::size_t{4});
        const QJsonObject golden = competing_risks_case(QStringLiteral("demo_PFS"));
        for (const auto& value : golden["curves"].toArray()) {
            const QJsonObject expected = value.toObject();
            const IncidenceCurve& curve = curve_of(risks, arm_of_group[expected["group"].toInt()],
                                                   cause_of_code[expected["cause"].toInt()]);
            const QJsonArray time = expected["time"].toArray();
            QCOMPARE(curve.time.size(), static_cast<std::size_t>(time.size()));
            for (std::size_t i = 0; i < curve.time.size(); ++i) {
                const auto k = static_cast<qsizetype>(i);
                COMPARE_GOLDEN(curve.time[i], time[k]);
                COMPARE_GOLDEN(curve.estimate[i], expected["estimate"].toArray()[k]);
                COMPARE_GOLDEN(curve.std_err[i] * curve.std_err[i],
                               expected["variance"].toArray()[k]);
                COMPARE_GOLDEN(curve.lower[i], expected["lower"].toArray()[k]);
                COMPARE_GOLDEN(curve.upper[i], expected["upper"].toArray()[k]);
            }
        }
        for (const auto& value : golden["at"].toArray()) {
            const QJsonObject expected = value.toObject();
            const std::string arm = arm_of_group[expected["group"].toInt()];
            const std::string cause = cause_of_code[expected["cause"].toInt()];
            const QJsonArray times = expected["time"].toArray();
            for (qsizetype t = 0; t < times.size(); ++t) {
                const auto row = std::find_if(
                    risks.landmarks.begin(), risks.landmarks.end(), [&](const auto& r) {
                        return r.arm == arm && r.cause == cause && r.time == times[t].toDouble();
                    });
                QVERIFY(row != risks.landmarks.end());
                COMPARE_GOLDEN(row->estimate, expected["estimate"].toArray()[t]);
                COMPARE_GOLDEN(row->lower, expected["lower"].toArray()[t]);
                COMPARE_GOLDEN(row->upper, expected["upper"].toArray()[t]);
            }
        }
        compare_gray(risks.gray, golden["tests"].toArray());

        QVERIFY(risks.fine_gray);
        QCOMPARE(risks.fine_gray->cause, std::string("DISEASE PROGRESSION"));
        QCOMPARE(risks.fine_gray->terms.size(), std::size_t{1});
        const FineGrayRow& term = risks.fine_gray->terms.front();
        QCOMPARE(term.arm, std::string(arm_of_group[1]));
        const QJsonObject fine = fine_gray_case(QStringLiteral("demo_PFS_cause1"));
        COMPARE_GOLDEN(term.coef, fine["coef"]);
        COMPARE_GOLDEN(term.se, fine["se"]);
        COMPARE_GOLDEN(term.hr, fine["hr"]);
        COMPARE_GOLDEN(term.lower, fine["lower"]);
        COMPARE_GOLDEN(term.upper, fine["upper"]);
        COMPARE_GOLDEN(term.p, fine["p"]);

        // The events of each curve add up to the arm's events of its cause.
        std::size_t events = 0;
        for (const auto& curve : risks.cif) {
            for (const std::size_t e : curve.n_event) {
                events += e;
            }
        }
        QCOMPARE(events, results.events);
    }

    void deathIsTheOtherFineGrayModel() {
        const Results results = demo_pfs("DEATH");
        const QJsonObject fine = fine_gray_case(QStringLiteral("demo_PFS_cause2"));
        QVERIFY(results.competing_risks && results.competing_risks->fine_gray);
        COMPARE_GOLDEN(results.competing_risks->fine_gray->terms.front().coef, fine["coef"]);
        COMPARE_GOLDEN(results.competing_risks->fine_gray->terms.front().se, fine["se"]);
    }

    void strataStratifyGraysTestOnly() {
        const Results results = demo_pfs("DISEASE PROGRESSION", {"PRTAXFL", "LIVBRNFL"});
        const QJsonObject golden = competing_risks_case(QStringLiteral("demo_PFS"));
        compare_gray(results.competing_risks->gray, golden["tests_stratified"].toArray());
        const QJsonObject fine = fine_gray_case(QStringLiteral("demo_PFS_cause1"));
        COMPARE_GOLDEN(results.competing_risks->fine_gray->terms.front().coef, fine["coef"]);
        QVERIFY(std::any_of(results.warnings.begin(), results.warnings.end(),
                            [](const std::string& w) { return w.starts_with("the Fine–Gray"); }));
    }

    // "" asks for the most frequent cause, and for nothing where the
    // endpoint has one cause (the window's default on every endpoint).
    void emptyCauseIsTheMostFrequent() {
        const Results results = demo_pfs(std::string());
        QVERIFY(results.competing_risks);
        QCOMPARE(results.competing_risks->cause_of_interest, std::string("DISEASE PROGRESSION"));
        AnalysisSpec os;
        os.paramcd = "OS";
        os.cause_of_interest = std::string();
        QVERIFY(!refit(demo(), os).competing_risks);
        QVERIFY(!demo_pfs(std::nullopt).competing_risks);
    }

    void aCauseThatNeverOccursIsAnError() {
        QVERIFY_THROWS_EXCEPTION(SpecError, demo_pfs("RELAPSE"));
        AnalysisSpec filtered;
        filtered.paramcd = "PFS";
        filtered.cause_of_interest = "DEATH";
        filtered.filter = "AGE > 1000";
        QVERIFY_THROWS_EXCEPTION(SpecError, refit(demo(), filtered));
    }

    // An arm without a death has no finite subdistribution ratio: its row
    // says so (no HR, CI or p) instead of the numbers crr stops at, and the
    // warnings name the arm; every ratio goes when the reference has none.
    void anArmWithoutTheCauseIsNotEstimable() {
        const Results some = deaths_of(three_arm_causes({3, 2, 0}));
        QVERIFY(some.competing_risks && some.competing_risks->fine_gray);
        const auto& terms = some.competing_risks->fine_gray->terms;
        QCOMPARE(terms.size(), std::size_t{2});
        QCOMPARE(terms[0].arm, std::string("B"));
        QVERIFY(terms[0].hr && terms[0].lower && terms[0].upper && terms[0].p);
        QVERIFY(*terms[0].lower < *terms[0].hr && *terms[0].hr < *terms[0].upper);
        QCOMPARE(terms[1].arm, std::string("C"));
        QVERIFY(!terms[1].hr && !terms[1].lower && !terms[1].upper && !terms[1].p);
        QVERIFY(warns_not_estimable(some, "C"));

        const Results none = deaths_of(three_arm_causes({0, 2, 3}));
        for (const auto& term : none.competing_risks->fine_gray->terms) {
            QVERIFY(!term.hr && !term.p);
        }
        QVERIFY(warns_not_estimable(none, "A"));

        const Results all = deaths_of(three_arm_causes({3, 2, 1}));
        for (const auto& term : all.competing_risks->fine_gray->terms) {
            QVERIFY(term.hr && term.p);
        }
        QVERIFY(!warns_not_estimable(all, "A") && !warns_not_estimable(all, "C"));
    }

    // --from: the conditional records, causes carried with them.
    void fromKeepsTheCauses() {
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.cause_of_interest = "DEATH";
        spec.from = 3.0;
        const Results results = refit(demo(), resolve_spec(demo(), spec));
        QVERIFY(results.competing_risks);
        std::size_t events = 0;
        for (const auto& curve : results.competing_risks->cif) {
            QCOMPARE(curve.time.front(), 0.0);
            for (const std::size_t e : curve.n_event) {
                events += e;
            }
        }
        QCOMPARE(events, results.events);
        QVERIFY(results.events < demo_pfs(std::nullopt).events);
    }
};

QTEST_MAIN(TestRefitCompetingRisks)
#include "test_refit_competing_risks.moc"
