// Cox regression against R's coxph on a small data set with ties, a
// continuous covariate and strata, under Efron and Breslow ties.

#include "../golden.h"

#include <triallens/stats/cox_regression.h>

#include <QJsonObject>
#include <QTest>

using namespace triallens;

class TestCoxRegression : public QObject {
    Q_OBJECT

private slots:
    void matchesR_data() {
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QJsonObject>("golden");
        const QJsonObject file = golden::load("cox_small.json").toObject();
        for (const auto& value : file["cases"].toArray()) {
            const QJsonObject c = value.toObject();
            QTest::newRow(qPrintable(c["name"].toString() + "/" + c["ties"].toString()))
                << file["data"].toObject() << c;
        }
    }

    void matchesR() {
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, golden);
        const auto time = golden::values(data["time"]);
        const auto event = golden::values<std::uint8_t>(data["status"]);
        const auto stratum = golden["strata"].toBool()
                                 ? golden::values<std::int32_t>(data["stratum"])
                                 : std::vector<std::int32_t>{};
        std::vector<double> covariates;
        const QJsonArray terms = golden::as_array(golden["terms"]);
        for (const auto& term : terms) {
            const auto values = golden::values(data[term.toString()]);
            covariates.insert(covariates.end(), values.begin(), values.end());
        }
        CoxOptions options;
        options.ties = *ties_from_name(golden["ties"].toString().toStdString());
        const CoxFit fit = fit_cox(
            {time, event, stratum, static_cast<std::size_t>(terms.size()), covariates}, options);

        QVERIFY(fit.converged);
        QVERIFY(fit.warnings.empty());
        const QJsonArray coef = golden::as_array(golden["coef"]);
        const QJsonArray se = golden::as_array(golden["se"]);
        const auto p = static_cast<std::size_t>(terms.size());
        for (std::size_t j = 0; j < p; ++j) {
            COMPARE_GOLDEN(fit.coef[j], coef[static_cast<int>(j)]);
            COMPARE_GOLDEN(std::sqrt(fit.var[j * p + j]), se[static_cast<int>(j)]);
        }
        COMPARE_GOLDEN(fit.loglik_null, golden["loglik_null"]);
        COMPARE_GOLDEN(fit.loglik, golden["loglik"]);
        COMPARE_GOLDEN(fit.score_chisq, golden["score_chisq"]);
        COMPARE_GOLDEN(fit.wald_chisq, golden["wald_chisq"]);
        COMPARE_GOLDEN(fit.lr_chisq, golden["lr_chisq"]);
        QCOMPARE(fit.iterations, golden["iter"].toInt());
    }
};

QTEST_APPLESS_MAIN(TestCoxRegression)
#include "test_cox_regression.moc"
