// The Fine–Gray model (fine_gray.h) against cmprsk::crr in
// tests/reference/golden_fine_gray.R: a hand case with tied causes and
// censorings, the demo's PFS (progression vs death), the CDISC pilot's TTDE
// (two dose dummies), survival's mgus2 (one and two covariates) and colon;
// then properties: with no competing event it is Cox with Breslow ties, and
// bad input is refused by name.

#include "../golden.h"

#include <triallens/stats/cox_regression.h>
#include <triallens/stats/fine_gray.h>

#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

using namespace triallens;

namespace {

struct Records {
    std::vector<double> time;
    std::vector<std::int32_t> status;
    Eigen::MatrixXd covariates;

    CompetingRisksData data() const {
        CompetingRisksData d;
        d.time = time;
        d.status = status;
        d.n_causes = *std::max_element(status.begin(), status.end());
        return d;
    }
};

Records records_of(const QJsonObject& golden) {
    Records r;
    r.time = golden::values(golden["time"]);
    r.status = golden::values<std::int32_t>(golden["status"]);
    const QJsonArray columns = golden["covariates"].toArray();
    r.covariates.resize(static_cast<Eigen::Index>(r.time.size()), columns.size());
    for (int j = 0; j < columns.size(); ++j) {
        const std::vector<double> column = golden::values(columns[j]);
        for (std::size_t i = 0; i < column.size(); ++i) {
            r.covariates(static_cast<Eigen::Index>(i), j) = column[i];
        }
    }
    return r;
}

Records hand_records() {
    Records r;
    r.time = {1, 2, 2, 2, 3, 3, 4, 5, 5, 5, 5, 6, 7, 7, 8, 9, 9, 10, 11, 12};
    r.status = {1, 1, 2, 0, 2, 1, 0, 1, 1, 2, 0, 0, 2, 1, 1, 0, 1, 2, 0, 1};
    r.covariates.resize(20, 1);
    r.covariates.col(0) << 0, 1, 0, 1, 1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1;
    return r;
}

void expect_invalid(const Records& r, std::int32_t cause, const std::string& naming) {
    try {
        fine_gray(r.data(), r.covariates, cause);
        QFAIL("no std::invalid_argument");
    } catch (const std::invalid_argument& error) {
        QVERIFY2(std::string(error.what()).find(naming) != std::string::npos, error.what());
    }
}

} // namespace

class TestFineGray : public QObject {
    Q_OBJECT

private slots:
    void matchesCrr_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("fine_gray.json").toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(c["name"].toString())) << c;
        }
    }

    void matchesCrr() {
        QFETCH(QJsonObject, golden);
        const Records r = records_of(golden);
        const FineGrayFit fit = fine_gray(r.data(), r.covariates, golden["cause"].toInt());
        QCOMPARE(fit.converged, golden["converged"].toBool());
        QCOMPARE(fit.cause, golden["cause"].toInt());
        QCOMPARE(fit.terms.size(), static_cast<std::size_t>(r.covariates.cols()));
        for (std::size_t j = 0; j < fit.terms.size(); ++j) {
            const int k = static_cast<int>(j);
            const FineGrayTerm& term = fit.terms[j];
            COMPARE_GOLDEN(term.coef, golden::as_array(golden["coef"])[k]);
            COMPARE_GOLDEN(term.se, golden::as_array(golden["se"])[k]);
            COMPARE_GOLDEN(term.hr, golden::as_array(golden["hr"])[k]);
            COMPARE_GOLDEN(term.lower, golden::as_array(golden["lower"])[k]);
            COMPARE_GOLDEN(term.upper, golden::as_array(golden["upper"])[k]);
            COMPARE_GOLDEN(term.p, golden::as_array(golden["p"])[k]);
        }
    }

    // Without another cause nobody stays in a risk set past their time, so
    // the subdistribution hazard is the hazard: Cox with Breslow ties.
    void withoutCompetingEventsIsCoxBreslow_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("fine_gray.json").toArray()) {
            const QJsonObject c = value.toObject();
            if (c["converged"].toBool()) { // Cox would not converge either
                QTest::newRow(qPrintable(c["name"].toString())) << c;
            }
        }
    }

    void withoutCompetingEventsIsCoxBreslow() {
        QFETCH(QJsonObject, golden);
        Records r = records_of(golden);
        const std::int32_t cause = golden["cause"].toInt();
        std::vector<std::uint8_t> event;
        for (std::int32_t& status : r.status) {
            status = status == cause ? 1 : 0; // other causes become censorings
            event.push_back(static_cast<std::uint8_t>(status));
        }
        const FineGrayFit fit = fine_gray(r.data(), r.covariates, 1);
        QVERIFY(fit.converged);
        const std::size_t n = r.time.size();
        const auto n_terms = static_cast<std::size_t>(r.covariates.cols());
        CoxInput input;
        input.time = r.time;
        input.event = event;
        input.n_terms = n_terms;
        const std::vector<double> columns(r.covariates.data(), r.covariates.data() + n * n_terms);
        input.covariates = columns;
        CoxOptions options;
        options.ties = Ties::Breslow;
        const CoxFit cox = fit_cox(input, options);
        // crr stops once max_j |score_j| · max(|b_j|, 1) < max(|f|, 1) · 1e-6
        // (f = −loglik), well before Cox's 1e-9 on the log-likelihood: the
        // coefficients then differ by about one Newton step, var · score.
        const double score_bound = std::max(std::abs(cox.loglik), 1.0) * 1e-6;
        for (std::size_t j = 0; j < n_terms; ++j) {
            double row = 0;
            for (std::size_t k = 0; k < n_terms; ++k) {
                row += std::abs(cox.var[j * n_terms + k]);
            }
            const double step = 1.5 * score_bound * row;
            QVERIFY2(std::abs(fit.terms[j].coef - cox.coef[j]) <= step,
                     qPrintable(QString("%1 vs %2, allowed %3")
                                    .arg(fit.terms[j].coef, 0, 'g', 10)
                                    .arg(cox.coef[j], 0, 'g', 10)
                                    .arg(step)));
        }
    }

    // The competing events matter: the hand case's cause-1 coefficient moves
    // when its deaths from cause 2 are treated as censorings.
    void competingEventsStayInTheRiskSet() {
        Records r = hand_records();
        const double with = fine_gray(r.data(), r.covariates, 1).terms[0].coef;
        for (std::int32_t& status : r.status) {
            status = status == 2 ? 0 : status;
        }
        const double censored = fine_gray(r.data(), r.covariates, 1).terms[0].coef;
        QVERIFY(std::abs(with - censored) > 1e-3);
    }

    void covariateRowsMustMatchRecords() {
        Records r = hand_records();
        r.covariates.conservativeResize(19, 1);
        expect_invalid(r, 1, "rows");
    }

    void causeWithoutEventIsRefused() { expect_invalid(hand_records(), 3, "cause 3 has no event"); }

    void constantCovariateIsRefused() {
        Records r = hand_records();
        r.covariates.conservativeResize(20, 2);
        r.covariates.col(1).setConstant(1);
        expect_invalid(r, 1, "covariate column 2 is constant");
    }

    void collinearCovariatesAreRefused() {
        Records r = hand_records();
        r.covariates.conservativeResize(20, 2);
        r.covariates.col(1) = 1 - r.covariates.col(0).array();
        expect_invalid(r, 1, "linear combination");
    }

    // An arm with every event of the cause: the coefficient runs off, crr's
    // 10 steps end before its criterion holds.
    void separatedArmDoesNotConverge() {
        Records r = hand_records();
        for (std::size_t i = 0; i < r.status.size(); ++i) {
            r.covariates(static_cast<Eigen::Index>(i), 0) = r.status[i] == 1 ? 1 : 0;
        }
        const FineGrayFit fit = fine_gray(r.data(), r.covariates, 1);
        QVERIFY(!fit.converged);
        QCOMPARE(fit.iterations, 10);
    }
};

QTEST_APPLESS_MAIN(TestFineGray)
#include "test_fine_gray.moc"
