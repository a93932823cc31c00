// The fast computations against the plain ones they replace, on random
// studies with heavy ties, strata and empty cells: Cox fits under every ties
// method and cox.zph with records grouped into covariate patterns (Efron's
// tied deaths in closed form, the exact likelihood as a noncentral
// hypergeometric sum) must give the plain record-by-record numbers.

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/cox_regression.h>
#include <triallens/stats/proportional_hazards_test.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace triallens;

namespace {

struct RandomData {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::int32_t> stratum;
    std::vector<double> covariates; // column-major
    std::size_t terms = 0;

    CoxInput input(bool strata) const {
        return {time, event,
                strata ? std::span<const std::int32_t>(stratum) : std::span<const std::int32_t>(),
                terms, covariates};
    }
};

// n records, times drawn from `distinct` values (few distinct values: heavy
// ties), `arms` arms as 0/1 columns against the first, and optionally a
// 3-level factor; stratum 2 holds no records of the last arm (an empty cell).
RandomData tied_data(std::size_t n, int distinct, int arms, bool factor, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> day(1, distinct);
    std::uniform_int_distribution<int> arm_of(0, arms - 1);
    std::uniform_int_distribution<int> stratum_of(0, 2);
    std::uniform_int_distribution<int> level_of(0, 2);
    std::bernoulli_distribution dies(0.7);
    RandomData data;
    std::vector<int> arm(n);
    std::vector<int> level(n);
    for (std::size_t i = 0; i < n; ++i) {
        data.stratum.push_back(stratum_of(random));
        arm[i] = arm_of(random);
        if (data.stratum.back() == 2 && arm[i] == arms - 1) {
            arm[i] = 0;
        }
        level[i] = level_of(random);
        // The experimental arms live longer, so the coefficients are not 0.
        data.time.push_back(day(random) * (1 + 0.5 * arm[i]) / 30.4375);
        data.event.push_back(dies(random) ? 1 : 0);
    }
    for (int a = 1; a < arms; ++a) {
        for (std::size_t i = 0; i < n; ++i) {
            data.covariates.push_back(arm[i] == a ? 1.0 : 0.0);
        }
        ++data.terms;
    }
    if (factor) {
        for (int l = 1; l < 3; ++l) {
            for (std::size_t i = 0; i < n; ++i) {
                data.covariates.push_back(level[i] == l ? 1.0 : 0.0);
            }
            ++data.terms;
        }
    }
    return data;
}

void compare(double fast, double plain, const char* what) {
    const double scale = std::max({1.0, std::fabs(fast), std::fabs(plain)});
    if (!(std::fabs(fast - plain) <= 1e-9 * scale)) {
        QFAIL(qPrintable(QString("%1: fast %2, plain %3")
                             .arg(what)
                             .arg(fast, 0, 'g', 17)
                             .arg(plain, 0, 'g', 17)));
    }
}

void compare(const std::optional<double>& fast, const std::optional<double>& plain,
             const char* what) {
    QCOMPARE(fast.has_value(), plain.has_value());
    if (fast) {
        compare(*fast, *plain, what);
    }
}

void compare(const HazardRatio& fast, const HazardRatio& plain) {
    compare(fast.coef, plain.coef, "coef");
    compare(fast.se, plain.se, "se");
    compare(fast.lower, plain.lower, "hr lower");
    compare(fast.p, plain.p, "hr p");
}

void compare(const QuantileEstimate& fast, const QuantileEstimate& plain) {
    compare(fast.estimate, plain.estimate, "quantile");
    compare(fast.lower, plain.lower, "quantile lower");
    compare(fast.upper, plain.upper, "quantile upper");
}

// Every number a refit reports that the counting touches.
void compare(const Results& fast, const Results& plain) {
    QCOMPARE(fast.warnings, plain.warnings);
    QCOMPARE(fast.n, plain.n);
    QCOMPARE(fast.events, plain.events);
    QCOMPARE(fast.arms.size(), plain.arms.size());
    for (std::size_t a = 0; a < fast.arms.size(); ++a) {
        QCOMPARE(fast.arms[a].km.curve.time, plain.arms[a].km.curve.time);
        for (std::size_t q = 0; q < fast.arms[a].quartiles.size(); ++q) {
            compare(fast.arms[a].quartiles[q], plain.arms[a].quartiles[q]);
        }
        QCOMPARE(fast.arms[a].rmst.has_value(), plain.arms[a].rmst.has_value());
        if (fast.arms[a].rmst) {
            compare(fast.arms[a].rmst->std_err, plain.arms[a].rmst->std_err, "rmst se");
        }
    }
    QCOMPARE(fast.median_follow_up.has_value(), plain.median_follow_up.has_value());
    if (fast.median_follow_up) {
        compare(*fast.median_follow_up, *plain.median_follow_up);
    }
    QCOMPARE(fast.logrank.has_value(), plain.logrank.has_value());
    if (fast.logrank) {
        compare(fast.logrank->chisq, plain.logrank->chisq, "log-rank");
    }
    QCOMPARE(fast.cox.has_value(), plain.cox.has_value());
    if (fast.cox) {
        compare(fast.cox->loglik, plain.cox->loglik, "loglik");
        compare(fast.cox->score_chisq, plain.cox->score_chisq, "score");
        for (std::size_t t = 0; t < fast.cox->terms.size(); ++t) {
            compare(fast.cox->terms[t], plain.cox->terms[t]);
        }
        for (std::size_t t = 0; t < fast.cox->adjustments.size(); ++t) {
            compare(fast.cox->adjustments[t], plain.cox->adjustments[t]);
        }
    }
    QCOMPARE(fast.ph_test.has_value(), plain.ph_test.has_value());
    if (fast.ph_test) {
        for (std::size_t r = 0; r < fast.ph_test->rows.size(); ++r) {
            compare(fast.ph_test->rows[r].chisq, plain.ph_test->rows[r].chisq, "zph");
        }
    }
    QCOMPARE(fast.concordance.ties.size(), plain.concordance.ties.size());
    for (std::size_t k = 0; k < fast.concordance.ties.size(); ++k) {
        for (std::size_t t = 0; t < fast.concordance.ties[k].terms.size(); ++t) {
            compare(fast.concordance.ties[k].terms[t], plain.concordance.ties[k].terms[t]);
        }
    }
    QCOMPARE(fast.subgroups.size(), plain.subgroups.size());
    for (std::size_t r = 0; r < fast.subgroups.size(); ++r) {
        const SubgroupRow& a = fast.subgroups[r];
        const SubgroupRow& b = plain.subgroups[r];
        QCOMPARE(a.level, b.level);
        QCOMPARE(a.n, b.n);
        QCOMPARE(a.events, b.events);
        compare(a.hr, b.hr, "subgroup hr");
        compare(a.upper, b.upper, "subgroup upper");
        compare(a.interaction_p, b.interaction_p, "interaction p");
        for (std::size_t k = 0; k < a.arms.size(); ++k) {
            compare(a.arms[k].median.estimate, b.arms[k].median.estimate, "subgroup median");
        }
    }
}

} // namespace

class TestFastPath : public QObject {
    Q_OBJECT

private slots:
    void coxFitsAgree_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("distinct");
        QTest::addColumn<int>("arms");
        QTest::addColumn<bool>("factor");
        QTest::addColumn<bool>("strata");
        QTest::addColumn<int>("ties");
        const char* names[] = {"efron", "breslow", "exact"};
        for (int ties = 0; ties < 3; ++ties) {
            // 2 arms: exact ties take the hypergeometric path.
            QTest::newRow(QByteArray("2 arms, 40 deaths a day, strata/") + names[ties])
                << 3000 << 50 << 2 << false << true << ties;
            QTest::newRow(QByteArray("2 arms, no strata/") + names[ties])
                << 2000 << 12 << 2 << false << false << ties;
            QTest::newRow(QByteArray("2 arms, few ties/") + names[ties])
                << 300 << 250 << 2 << false << true << ties;
            // More patterns: exact ties take the polynomial path both ways.
            QTest::newRow(QByteArray("3 arms and a factor, strata/") + names[ties])
                << (ties == 2 ? 400 : 3000) << 40 << 3 << true << true << ties;
        }
    }

    void coxFitsAgree() {
        QFETCH(int, n);
        QFETCH(int, distinct);
        QFETCH(int, arms);
        QFETCH(bool, factor);
        QFETCH(bool, strata);
        QFETCH(int, ties);
        const RandomData data = tied_data(static_cast<std::size_t>(n), distinct, arms, factor,
                                          static_cast<unsigned>(n + distinct + ties));
        CoxOptions fast;
        fast.ties = static_cast<Ties>(ties);
        CoxOptions plain = fast;
        plain.group_patterns = false;
        const CoxFit a = fit_cox(data.input(strata), fast);
        const CoxFit b = fit_cox(data.input(strata), plain);
        QCOMPARE(a.coef.size(), data.terms);
        QCOMPARE(a.iterations, b.iterations);
        QCOMPARE(a.converged, b.converged);
        QCOMPARE(a.aliased, b.aliased);
        for (std::size_t j = 0; j < a.coef.size(); ++j) {
            compare(a.coef[j], b.coef[j], "coef");
        }
        for (std::size_t j = 0; j < a.var.size(); ++j) {
            compare(a.var[j], b.var[j], "var");
        }
        compare(a.loglik, b.loglik, "loglik");
        compare(a.loglik_null, b.loglik_null, "loglik_null");
        compare(a.score_chisq, b.score_chisq, "score");
        compare(a.wald_chisq, b.wald_chisq, "wald");
        compare(a.lr_chisq, b.lr_chisq, "lr");
        QVERIFY(std::fabs(a.coef[0]) > 0.05); // the arms differ: a real test

        const ZphResult za = test_proportional_hazards(data.input(strata), a, fast.ties);
        const ZphResult zb = test_proportional_hazards(data.input(strata), b, fast.ties);
        QVERIFY(za.global.chisq && zb.global.chisq);
        compare(*za.global.chisq, *zb.global.chisq, "zph global");
    }

    // A whole refit: counts from one pass over the endpoint's time order and
    // grouped fits, against counts gathered, timefixed and sorted per
    // analysis and fits without the closed forms.
    void refitsAgree_data() {
        QTest::addColumn<int>("subjects");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("covariate");
        QTest::addColumn<int>("ties");
        for (int ties = 0; ties < 3; ++ties) {
            const QByteArray suffix = QByteArray("/") + ties_name(static_cast<Ties>(ties));
            QTest::newRow("demo 147" + suffix) << 147 << ""
                                               << "" << ties;
            QTest::newRow("2000, filtered" + suffix) << 2000 << "AGE >= 45"
                                                     << "" << ties;
            // No control patient with ECOG 1: an empty (arm, level) cell.
            QTest::newRow("600, empty cell" + suffix)
                << 600 << "not (TRT01P == 'Nab-paclitaxel' and ECOGBL == 1)"
                << "" << ties;
            QTest::newRow("800, adjusted for AGE" + suffix) << 800 << ""
                                                            << "AGE" << ties;
        }
    }

    void refitsAgree() {
        QFETCH(int, subjects);
        QFETCH(QString, filter);
        QFETCH(QString, covariate);
        QFETCH(int, ties);
        DemoOptions demo;
        demo.subjects = static_cast<std::size_t>(subjects);
        const Study study = generate_demo_study(demo);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.strata = {"PRTAXFL", "LIVBRNFL"};
        spec.subgroups = {"PDL1STAT", "ECOGBL", "AGEGR1", "LIVBRNFL"};
        spec.landmarks = {6, 12};
        spec.tau = 24;
        spec.ties = static_cast<Ties>(ties);
        spec.filter = filter.toStdString();
        if (!covariate.isEmpty()) {
            spec.covariates = {covariate.toStdString()};
        }
        const Results fast = refit(study, spec);
        const Results plain = refit(study, spec, {false, false});
        QVERIFY(fast.cox && fast.subgroups.size() >= 8);
        compare(fast, plain);
    }

    // Whether one pass applies is decided per unit when the endpoint is
    // built: conversion scales the gaps, and timefix's absolute tolerance
    // does not scale with them. Pairs of times 1e-6 days apart stay apart in
    // days, weeks and months and are one time in years.
    void onePassIsDecidedPerUnitWhenBuilt() {
        Study study;
        std::vector<std::string> usubjid;
        std::vector<std::int32_t> arm;
        std::vector<std::int32_t> subject;
        std::vector<double> time;
        std::vector<std::uint8_t> event;
        for (std::int32_t k = 0; k < 60; ++k) {
            usubjid.push_back(std::to_string(k));
            arm.push_back(k % 3 == 0 ? 0 : 1);
            subject.push_back(k);
            time.push_back(1 + k / 2 + (k % 2) * 1e-6);
            event.push_back(k % 5 == 0 ? 0 : 1);
        }
        study.subjects =
            SubjectTable(std::move(usubjid), {Variable::factor("ARM", "", arm, {"A", "B"})});
        study.endpoints.emplace_back("OS", "", "DAYS", subject, time, event);
        const TimeToEvent& os = study.endpoints.front();
        QVERIFY(os.counts_in_one_pass());
        QVERIFY(std::is_sorted(os.by_time().time.begin(), os.by_time().time.end()));
        QVERIFY(os.in_unit(TimeUnit::Weeks).counts_in_one_pass());
        QVERIFY(os.in_unit(TimeUnit::Months).counts_in_one_pass());
        QVERIFY(!os.in_unit(TimeUnit::Years).counts_in_one_pass());

        for (const char* unit : {"days", "weeks", "months", "years"}) {
            AnalysisSpec spec;
            spec.arm_variable = "ARM";
            spec.time_unit = unit;
            const Results fast = refit(study, spec);
            const Results plain = refit(study, spec, {false, false});
            compare(fast, plain);
            for (std::size_t a = 0; a < fast.arms.size(); ++a) {
                QCOMPARE(fast.arms[a].km.curve.time, plain.arms[a].km.curve.time);
            }
            // Arm B holds 40 distinct days, both times of 10 pairs among them.
            const std::size_t merged = std::string(unit) == "years" ? 10 : 0;
            QCOMPARE(fast.arms[1].km.curve.time.size(), 40 - merged);
        }
    }

    void endpointColumnsMustAgreeInLength() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 TimeToEvent("OS", "", "", {0, 1}, {1.0}, {1, 0}));
    }
};

QTEST_APPLESS_MAIN(TestFastPath)
#include "test_fast_path.moc"
