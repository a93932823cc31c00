// Genz's separation-of-variables MVN rectangle probabilities against closed
// forms: independent variables, the bivariate orthant, an exchangeable
// correlation (a one-dimensional integral), and singular correlations.

#include <triallens/stats/multivariate_normal.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

using namespace triallens;

namespace {

constexpr double pi = 3.14159265358979323846;
const double infinity = std::numeric_limits<double>::infinity();

double phi(double x) {
    return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

std::vector<double> exchangeable(std::size_t m, double r) {
    std::vector<double> c(m * m, r);
    for (std::size_t i = 0; i < m; ++i) {
        c[i * m + i] = 1;
    }
    return c;
}

// P(|Z_k| < b, k = 1..m) with corr r >= 0: Z_k = sqrt(r) U + sqrt(1 - r) E_k,
// integrated over U by Simpson's rule on [-10, 10].
double exchangeable_box(std::size_t m, double r, double b) {
    const int steps = 20000;
    const double h = 20.0 / steps;
    double sum = 0;
    for (int i = 0; i <= steps; ++i) {
        const double u = -10 + i * h;
        const double s = std::sqrt(1 - r);
        const double inner = phi((b - std::sqrt(r) * u) / s) - phi((-b - std::sqrt(r) * u) / s);
        const double f = std::exp(-u * u / 2) / std::sqrt(2 * pi) * std::pow(inner, double(m));
        sum += f * (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2));
    }
    return sum * h / 3;
}

} // namespace

class TestMultivariateNormal : public QObject {
    Q_OBJECT

private slots:
    void independentVariablesMultiply() {
        for (const std::size_t m : {1u, 2u, 4u, 7u, 10u}) {
            const std::vector<double> lower(m, -1.7);
            const std::vector<double> upper(m, 2.1);
            const MvnProbability p = mvn_rectangle_probability(exchangeable(m, 0), lower, upper);
            const double exact = std::pow(phi(2.1) - phi(-1.7), double(m));
            QVERIFY2(std::fabs(p.value - exact) < 1e-9,
                     qPrintable(QString::number(p.value - exact)));
        }
    }

    void bivariateOrthantIsSheppards() {
        for (const double r : {-0.9, -0.3, 0.0, 0.5, 0.95}) {
            const std::vector<double> c{1, r, r, 1};
            const std::vector<double> lower{0, 0};
            const std::vector<double> upper{infinity, infinity};
            const double exact = 0.25 + std::asin(r) / (2 * pi);
            const MvnProbability p = mvn_rectangle_probability(c, lower, upper);
            QVERIFY2(std::fabs(p.value - exact) < 1e-7,
                     qPrintable(QString::number(p.value - exact)));
        }
    }

    void exchangeableBoxMatchesOneDimensionalIntegral_data() {
        QTest::addColumn<int>("m");
        QTest::addColumn<double>("r");
        QTest::addColumn<double>("bound");
        QTest::addColumn<double>("tolerance"); // nine lattice dimensions converge slowest
        QTest::newRow("m3 r0.5") << 3 << 0.5 << 1.5 << 1e-7;
        QTest::newRow("m4 r0.9") << 4 << 0.9 << 2.2 << 1e-7;
        QTest::newRow("m6 r0.3") << 6 << 0.3 << 2.6 << 1e-7;
        QTest::newRow("m10 r0.8") << 10 << 0.8 << 3.0 << 1e-6;
        QTest::newRow("m4 r0.999") << 4 << 0.999 << 1.0 << 1e-7;
    }

    void exchangeableBoxMatchesOneDimensionalIntegral() {
        QFETCH(int, m);
        QFETCH(double, r);
        QFETCH(double, bound);
        QFETCH(double, tolerance);
        const auto k = static_cast<std::size_t>(m);
        const MvnProbability p = mvn_rectangle_probability(
            exchangeable(k, r), std::vector<double>(k, -bound), std::vector<double>(k, bound));
        const double exact = exchangeable_box(k, r, bound);
        QVERIFY2(std::fabs(p.value - exact) < tolerance,
                 qPrintable(QString("%1 vs %2").arg(p.value, 0, 'g', 12).arg(exact, 0, 'g', 12)));
    }

    void identicalVariablesCountOnce() {
        // correlation 1: the probability of one variable
        const MvnProbability p = mvn_rectangle_probability(
            exchangeable(3, 1.0), std::vector<double>(3, -1.96), std::vector<double>(3, 1.96));
        QVERIFY(std::fabs(p.value - (phi(1.96) - phi(-1.96))) < 1e-12);
        // two identical of three correlated at 0.6: the bivariate box
        const std::vector<double> c{1, 1, 0.6, 1, 1, 0.6, 0.6, 0.6, 1};
        const std::vector<double> two{1, 0.6, 0.6, 1};
        const MvnProbability p3 =
            mvn_rectangle_probability(c, std::vector<double>(3, -1), std::vector<double>(3, 1));
        const MvnProbability p2 =
            mvn_rectangle_probability(two, std::vector<double>(2, -1), std::vector<double>(2, 1));
        QVERIFY2(std::fabs(p3.value - p2.value) < 1e-8,
                 qPrintable(QString::number(p3.value - p2.value)));
    }

    void sameDigitsEveryRun() {
        const std::vector<double> c = exchangeable(3, 0.7);
        const auto a =
            mvn_rectangle_probability(c, std::vector<double>(3, -2), std::vector<double>(3, 2));
        const auto b =
            mvn_rectangle_probability(c, std::vector<double>(3, -2), std::vector<double>(3, 2));
        QCOMPARE(a.value, b.value);
    }

    void refusesMismatchedSizes() {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 mvn_rectangle_probability(exchangeable(2, 0),
                                                           std::vector<double>(3, 0),
                                                           std::vector<double>(3, 1)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 mvn_rectangle_probability(exchangeable(1, 0),
                                                           std::vector<double>{1},
                                                           std::vector<double>{0}));
    }
};

QTEST_APPLESS_MAIN(TestMultivariateNormal)
#include "test_multivariate_normal.moc"
