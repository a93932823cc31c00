// The fast computations against the plain ones they replace, on random
// studies with heavy ties, strata and empty cells: Cox fits under every ties
// method and cox.zph with records grouped into covariate patterns (Efron's
// tied deaths in closed form, the exact likelihood as a noncentral
// hypergeometric sum) must give the plain record-by-record numbers.

#include <triallens/stats/cox_regression.h>
#include <triallens/stats/proportional_hazards_test.h>

#include <QTest>

#include <cmath>
#include <random>
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
};

QTEST_APPLESS_MAIN(TestFastPath)
#include "test_fast_path.moc"
