// The Delayed effects verdict on Results built by hand: each branch of the
// rule in delayed_effects_verdict.h.

#include <triallens/analysis/results.h>
#include <triallens/format/delayed_effects_verdict.h>

#include <QTest>

using namespace triallens;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Two arms, log-rank p as given, FH(0,0) and FH(0,1), MaxCombo.
Results two_arm(double logrank_p, std::optional<double> fh01_p, double maxcombo_p) {
    Results results;
    results.delayed_effects_arm = "Drug";
    results.logrank = LogRankSummary{};
    results.logrank->p = logrank_p;
    results.logrank->df = 1;
    HazardRatio term;
    term.arm = "Drug";
    term.hr = 0.78;
    term.p = logrank_p;
    results.cox = CoxSummary{};
    results.cox->terms.push_back(term);
    results.weighted_logrank.push_back({0, 0, -1.0, 1.0, logrank_p});
    WeightedLogRankRow fh01{0, 1, {}, {}, fh01_p};
    if (fh01_p) {
        fh01.z = -2.0;
        fh01.chisq = 4.0;
    }
    results.weighted_logrank.push_back(fh01);
    results.maxcombo = MaxComboSummary{};
    results.maxcombo->p = maxcombo_p;
    return results;
}

PiecewiseHazardRatio period(double from, std::optional<double> to, double hr, double lower,
                            double upper) {
    return {from, to, 10, hr, lower, upper, 0.5};
}

} // namespace

class TestDelayedEffectsVerdict : public QObject {
    Q_OBJECT

private slots:
    void emptyWithoutDelayedEffectsTests() {
        Results results = two_arm(0.29, 0.084, 0.14);
        results.weighted_logrank.clear();
        results.maxcombo.reset();
        QVERIFY(delayed_effects_verdict(results).empty());
        Results no_logrank = two_arm(0.29, 0.084, 0.14);
        no_logrank.logrank.reset();
        QVERIFY(delayed_effects_verdict(no_logrank).empty());
    }

    void noMethodChangesTheConclusionWhenAllAreAbove() {
        const std::string verdict = delayed_effects_verdict(two_arm(0.29, 0.084, 0.14));
        QVERIFY2(contains(verdict, "Log-rank p = 0.290"), verdict.c_str());
        QVERIFY2(contains(verdict, "Cox HR 0.78"), verdict.c_str());
        QVERIFY2(contains(verdict, "FH(0,1) p = 0.084 and MaxCombo p = 0.140 also above 0.05"),
                 verdict.c_str());
        QVERIFY2(contains(verdict, "no method changes the conclusion"), verdict.c_str());
        QVERIFY2(!contains(verdict, "FH(0,0)"), verdict.c_str()); // the log-rank itself
    }

    void noMethodChangesTheConclusionWhenAllAreBelow() {
        const std::string verdict = delayed_effects_verdict(two_arm(0.01, 0.002, 0.004));
        QVERIFY2(contains(verdict, "also below 0.05 — no method changes the conclusion"),
                 verdict.c_str());
    }

    void aMethodOnTheOtherSideChangesTheConclusion() {
        const std::string verdict = delayed_effects_verdict(two_arm(0.29, 0.012, 0.31));
        QVERIFY2(contains(verdict, "FH(0,1) p = 0.012 below 0.05 — it changes the conclusion"),
                 verdict.c_str());
        QVERIFY2(contains(verdict, "MaxCombo p = 0.310 above 0.05 as the log-rank"),
                 verdict.c_str());
        const std::string both = delayed_effects_verdict(two_arm(0.29, 0.012, 0.03));
        QVERIFY2(contains(both, "they change the conclusion"), both.c_str());
        const std::string significant = delayed_effects_verdict(two_arm(0.03, 0.2, 0.04));
        QVERIFY2(contains(significant, "FH(0,1) p = 0.200 above 0.05 — it changes"),
                 significant.c_str());
    }

    void exactlyFivePercentIsNotSignificant() {
        const std::string verdict = delayed_effects_verdict(two_arm(0.05, 0.049, 0.2));
        QVERIFY2(contains(verdict, "FH(0,1) p = 0.049 below 0.05 — it changes"), verdict.c_str());
    }

    void aTestWithoutVarianceIsNamedNotComputable() {
        const std::string verdict = delayed_effects_verdict(two_arm(0.29, std::nullopt, 0.14));
        QVERIFY2(contains(verdict, "FH(0,1) not computable"), verdict.c_str());
        QVERIFY2(contains(verdict, "MaxCombo p = 0.140 also above 0.05"), verdict.c_str());
    }

    void piecewiseCisApartSuggestNonProportionalHazards() {
        Results results = two_arm(0.29, 0.084, 0.14);
        results.piecewise_hr = {period(0, 6, 0.71, 0.9, 1.3), period(6, 12, 1.54, 1.35, 2.0),
                                period(12, std::nullopt, 0.35, 0.2, 0.6)};
        const std::string verdict = delayed_effects_verdict(results);
        QVERIFY2(contains(verdict, "piecewise HRs 0.71 → 1.54 → 0.35 (CIs apart) suggest "
                                   "non-proportional hazards"),
                 verdict.c_str());
    }

    void overlappingPiecewiseCisShowNoSign() {
        Results results = two_arm(0.29, 0.084, 0.14);
        results.piecewise_hr = {period(0, 6, 0.71, 0.4, 1.3),
                                period(6, std::nullopt, 0.9, 0.5, 1.6)};
        const std::string verdict = delayed_effects_verdict(results);
        QVERIFY2(contains(verdict, "no sign of non-proportional hazards (piecewise HRs 0.71 → "
                                   "0.90 with overlapping CIs)"),
                 verdict.c_str());
    }

    void schoenfeldBelowFivePercentSuggestsNonProportionalHazards() {
        Results results = two_arm(0.29, 0.084, 0.14);
        results.ph_test = PhTestSummary{};
        results.ph_test->rows.push_back({"arm", 6.0, 1, 0.014});
        results.ph_test->rows.push_back({"GLOBAL", 6.0, 1, 0.9});
        const std::string verdict = delayed_effects_verdict(results);
        QVERIFY2(contains(verdict, "Schoenfeld test p = 0.014 suggests non-proportional hazards"),
                 verdict.c_str());
        results.ph_test->rows.front().p = 0.4;
        const std::string none = delayed_effects_verdict(results);
        QVERIFY2(contains(none, "no sign of non-proportional hazards (Schoenfeld test p = 0.400)"),
                 none.c_str());
    }
};

QTEST_APPLESS_MAIN(TestDelayedEffectsVerdict)
#include "test_delayed_effects_verdict.moc"
