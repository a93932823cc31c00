// fisher_exact_p, the AE table's Fisher p summed outward from the mode with
// an early stop, against two plain computations over the whole support:
// fisher_exact()'s p (every term in logs, fisher.test()'s construction) on
// tables of up to a few hundred subjects, and a brute-force sum in long
// double on tables of up to a million, with the shapes the AE table has
// (rare and common terms, equal and unequal arms). They must agree to 1e-12
// relative wherever p is a normal double. (fisher_exact()'s running sum of
// logs drifts on larger tables: 3e-11 relative on 1436/2892 vs 631/2597,
// whose exact p, 5.670179454648306e-85, fisher_exact_p gives to 1e-15.)

#include <triallens/stats/odds_ratio.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>

using namespace triallens;

namespace {

// fisher.test()'s two-sided p summed over every x of the support, the terms
// relative to the mode's in long double (no underflow, no stop).
double brute_force_p(const TwoByTwo& table) {
    const auto m = static_cast<long double>(table.arm_events + table.reference_events);
    const auto n = static_cast<long double>(table.arm_n - table.arm_events + table.reference_n -
                                            table.reference_events);
    const auto k = static_cast<long double>(table.arm_n);
    const long double lo = std::max(0.0L, k - n);
    const long double hi = std::min(k, m);
    if (lo == hi) {
        return 1.0;
    }
    const auto up = [&](long double x) { return (m - x) * (k - x) / ((x + 1) * (n - k + x + 1)); };
    const long double mode = std::floor((k + 1) * (m + 1) / (m + n + 2));
    std::vector<long double> term(static_cast<std::size_t>(hi - lo) + 1);
    const auto at = [&](long double x) -> long double& {
        return term[static_cast<std::size_t>(x - lo)];
    };
    at(mode) = 1;
    for (long double x = mode; x < hi; ++x) {
        at(x + 1) = at(x) * up(x);
    }
    for (long double x = mode; x > lo; --x) {
        at(x - 1) = at(x) / up(x - 1);
    }
    const long double observed = at(static_cast<long double>(table.arm_events));
    long double total = 0;
    long double p = 0;
    for (const long double t : term) {
        total += t;
        p += t <= observed * (1 + 1e-7L) ? t : 0;
    }
    return static_cast<double>(std::min(1.0L, p / total));
}

// Relative agreement to `tolerance`, or both below the normal doubles.
bool agree(double fast, double reference, double tolerance) {
    constexpr double tiny = 1e-290;
    if (fast < tiny && reference < tiny) {
        return true;
    }
    return std::fabs(fast - reference) <= tolerance * std::fabs(reference);
}

// Fails the test with the table and both p-values unless they agree.
void require_agreement(const TwoByTwo& table, double fast, double reference, const char* what) {
    if (!agree(fast, reference, 1e-12)) {
        QFAIL(qPrintable(QString("%1/%2 vs %3/%4: %5, %6 %7")
                             .arg(table.arm_events)
                             .arg(table.arm_n)
                             .arg(table.reference_events)
                             .arg(table.reference_n)
                             .arg(fast, 0, 'g', 17)
                             .arg(QString::fromLatin1(what))
                             .arg(reference, 0, 'g', 17)));
    }
}

TwoByTwo random_table(std::mt19937_64& random, std::size_t most_n) {
    std::uniform_int_distribution<std::size_t> size(1, most_n);
    const std::size_t arm_n = size(random);
    const std::size_t reference_n =
        std::uniform_real_distribution<double>(0, 1)(random) < 0.3 ? arm_n : size(random);
    // Incidences from very rare to common, the two arms close or apart.
    const double rate = std::pow(10.0, std::uniform_real_distribution<double>(-4, 0)(random));
    const double shift = std::uniform_real_distribution<double>(0.5, 2)(random);
    const auto events = [&](std::size_t n, double r) {
        return std::binomial_distribution<std::size_t>(n, std::min(1.0, r))(random);
    };
    return {events(arm_n, rate * shift), arm_n, events(reference_n, rate), reference_n};
}

} // namespace

class TestFisherExactP : public QObject {
    Q_OBJECT

private slots:
    void matchesFisherExactOnSmallTables() {
        std::mt19937_64 random(20261206);
        for (int i = 0; i < 20000; ++i) {
            const TwoByTwo table = random_table(random, i % 2 == 0 ? 60 : 300);
            require_agreement(table, fisher_exact_p(table), fisher_exact(table).p_value,
                              "fisher_exact");
        }
    }

    void matchesWholeSupportSumOnLargeTables() {
        std::mt19937_64 random(531280);
        for (int i = 0; i < 600; ++i) {
            const std::size_t most_n[] = {3000, 50'000, 1'000'000};
            const TwoByTwo table = random_table(random, most_n[i % 3]);
            require_agreement(table, fisher_exact_p(table), brute_force_p(table), "whole support");
        }
    }

    // Far in the tail, where fisher_exact()'s running sum of logs drifted
    // 3e-11: the whole-support sum to 1e-14.
    void exactOnAFarTail() {
        const TwoByTwo table{1436, 2892, 631, 2597};
        QVERIFY(agree(fisher_exact_p(table), brute_force_p(table), 1e-14));
    }

    void symmetricTablesCountTheirMirror() {
        QCOMPARE(fisher_exact_p({5, 20, 5, 20}), 1.0);
        QVERIFY(agree(fisher_exact_p({3, 20, 7, 20}), fisher_exact({3, 20, 7, 20}).p_value, 1e-14));
        QVERIFY(agree(fisher_exact_p({7, 20, 3, 20}), fisher_exact_p({3, 20, 7, 20}), 1e-14));
    }

    void zeroMarginIsOne() {
        QCOMPARE(fisher_exact_p({0, 10, 0, 12}), 1.0);
        QCOMPARE(fisher_exact_p({10, 10, 12, 12}), 1.0);
        QCOMPARE(fisher_exact_p({0, 0, 3, 12}), 1.0);
    }

    void impossibleCountsAreRefused() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fisher_exact_p({5, 4, 0, 3}));
    }
};

QTEST_APPLESS_MAIN(TestFisherExactP)
#include "test_fisher_exact_p.moc"
