// The proportional-hazards score test against R's cox.zph (survival 3.5):
// every term's and GLOBAL's chi-square and p under Efron, Breslow and exact
// ties, the km, identity, rank and log transforms, strata, a two-column term,
// data built to violate and to keep proportional hazards, and the demo
// study's PFS and OS; plus the edges where R stops with an error.

#include "../golden.h"

#include <triallens/stats/cox_regression.h>
#include <triallens/stats/proportional_hazards_test.h>

#include <QJsonObject>
#include <QTest>

#include <limits>
#include <stdexcept>

using namespace triallens;

namespace {

// One model's inputs, owning the vectors CoxInput spans.
struct Model {
    std::vector<double> time;
    std::vector<std::uint8_t> event;
    std::vector<std::int32_t> stratum;
    std::vector<double> covariates;
    std::size_t n_columns = 0;

    CoxInput input() const { return {time, event, stratum, n_columns, covariates}; }
};

Model model_of(const QJsonObject& data, const QJsonObject& golden) {
    Model model;
    model.time = golden::values(data["time"]);
    model.event = golden::values<std::uint8_t>(data["status"]);
    if (!golden["strata"].isNull()) {
        model.stratum = golden::values<std::int32_t>(data[golden["strata"].toString()]);
    }
    for (const auto& column : golden::as_array(golden["columns"])) {
        const auto values = golden::values(data[column.toString()]);
        model.covariates.insert(model.covariates.end(), values.begin(), values.end());
        ++model.n_columns;
    }
    return model;
}

ZphTransform transform_of(const QString& name) {
    if (name == "identity") {
        return ZphTransform::Identity;
    }
    if (name == "rank") {
        return ZphTransform::Rank;
    }
    if (name == "log") {
        return ZphTransform::Log;
    }
    return ZphTransform::Km;
}

ZphOptions options_of(const QJsonObject& golden) {
    ZphOptions options;
    options.transform = transform_of(golden["transform"].toString());
    options.term_of_column = golden::values<std::size_t>(golden["assign"]);
    return options;
}

Ties ties_of(const QString& name) {
    if (name == "breslow") {
        return Ties::Breslow;
    }
    return name == "exact" ? Ties::Exact : Ties::Efron;
}

// R's coefficients as a fit, to test the PH test apart from fit_cox.
CoxFit fit_from_r(const QJsonObject& golden) {
    CoxFit fit;
    fit.coef = golden::values(golden["coef"]);
    return fit;
}

// One case of a golden file with its data set.
struct GoldenCase {
    QJsonObject data;
    QJsonObject golden;
};

GoldenCase find_case(const QString& name, const QString& ties, const QString& transform) {
    const QJsonObject all = golden::load("zph_small.json").toObject();
    for (const auto& value : all["cases"].toArray()) {
        const QJsonObject c = value.toObject();
        if (c["name"] == name && c["ties"] == ties && c["transform"] == transform) {
            return {all["data"].toObject()[c["dataset"].toString()].toObject(), c};
        }
    }
    qFatal("no golden case %s/%s/%s", qPrintable(name), qPrintable(ties), qPrintable(transform));
}

void compare_to_r(const ZphResult& result, const QJsonObject& golden) {
    const QJsonArray chisq = golden::as_array(golden["chisq"]);
    const QJsonArray df = golden::as_array(golden["df"]);
    const QJsonArray p = golden::as_array(golden["p"]);
    const auto n_terms = static_cast<qsizetype>(result.terms.size());
    QCOMPARE(n_terms + 1, chisq.size());
    for (qsizetype t = 0; t <= n_terms; ++t) {
        const ZphTerm& term =
            t < n_terms ? result.terms[static_cast<std::size_t>(t)] : result.global;
        COMPARE_GOLDEN(term.chisq, chisq[t]);
        COMPARE_GOLDEN(term.p, p[t]);
        QCOMPARE(static_cast<double>(term.df), df[t].toDouble());
    }
    QVERIFY(result.problems.empty());
}

} // namespace

class TestProportionalHazardsTest : public QObject {
    Q_OBJECT

private slots:
    void matchesR_data() {
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<QJsonObject>("golden");
        QTest::addColumn<bool>("coef_from_r");
        for (const QString& file :
             {QStringLiteral("zph_small.json"), QStringLiteral("zph_demo.json")}) {
            const QJsonObject all = golden::load(file).toObject();
            for (const auto& value : all["cases"].toArray()) {
                const QJsonObject c = value.toObject();
                const QJsonObject data = all["data"].toObject()[c["dataset"].toString()].toObject();
                const QString tag = c["dataset"].toString() + "/" + c["name"].toString() + "/" +
                                    c["ties"].toString() + "/" + c["transform"].toString();
                QTest::newRow(qPrintable(tag + "/r_coef")) << data << c << true;
                QTest::newRow(qPrintable(tag + "/fit_cox")) << data << c << false;
            }
        }
    }

    void matchesR() {
        QFETCH(QJsonObject, data);
        QFETCH(QJsonObject, golden);
        QFETCH(bool, coef_from_r);
        const Model model = model_of(data, golden);
        // ties = "exact" included: R tests it with the Breslow information.
        const Ties ties = ties_of(golden["ties"].toString());
        const CoxFit fit = coef_from_r ? fit_from_r(golden) : fit_cox(model.input(), {ties});
        if (!coef_from_r) {
            QVERIFY(fit.converged);
        }
        compare_to_r(test_proportional_hazards(model.input(), fit, ties, options_of(golden)),
                     golden);
    }

    void crossingHazardsRejectProportionality() {
        const auto [data, golden] = find_case("crossing", "efron", "km");
        const Model model = model_of(data, golden);
        const ZphResult result =
            test_proportional_hazards(model.input(), fit_cox(model.input()), Ties::Efron);
        COMPARE_GOLDEN(result.global.p, golden::as_array(golden["p"]).last());
        QVERIFY(result.global.p && *result.global.p < 0.05);
    }

    void proportionalHazardsAreNotRejected() {
        const auto [data, golden] = find_case("proportional", "efron", "km");
        const Model model = model_of(data, golden);
        const ZphResult result =
            test_proportional_hazards(model.input(), fit_cox(model.input()), Ties::Efron);
        COMPARE_GOLDEN(result.global.p, golden::as_array(golden["p"]).last());
        QVERIFY(result.global.p && *result.global.p > 0.05);
    }

    // A coefficient that is not finite: cox.zph drops an NA coefficient's
    // column, so the test is the one of the model without it.
    void nonFiniteCoefficientLeavesItsColumnOut() {
        const auto [data, golden] = find_case("arm", "efron", "km");
        Model model = model_of(data, golden);
        const auto age = golden::values(data["age"]);
        model.covariates.insert(model.covariates.end(), age.begin(), age.end());
        model.n_columns = 2;
        CoxFit fit = fit_from_r(golden);
        fit.coef.push_back(std::numeric_limits<double>::quiet_NaN());

        const ZphResult result = test_proportional_hazards(model.input(), fit, Ties::Efron);
        QCOMPARE(result.terms.size(), std::size_t{2});
        QCOMPARE(result.terms[1].df, std::size_t{0});
        QVERIFY(!result.terms[1].chisq && !result.terms[1].p);
        QCOMPARE(result.global.df, std::size_t{1});
        COMPARE_GOLDEN(result.terms[0].chisq, golden::as_array(golden["chisq"])[0]);
        COMPARE_GOLDEN(result.global.chisq, golden::as_array(golden["chisq"])[1]);
        QCOMPARE(result.problems.size(), std::size_t{1});
    }

    // fit_cox's aliased column (coef 0, R's NA) is left out the same way.
    void aliasedColumnIsLeftOut() {
        const auto [data, golden] = find_case("arm_age", "efron", "km");
        Model model = model_of(data, golden);
        // age again, under another name: a linear combination of the columns
        const auto age = golden::values(data["age"]);
        for (const double a : age) {
            model.covariates.push_back(2 * a + 1);
        }
        model.n_columns = 3;
        const CoxFit fit = fit_cox(model.input());
        QCOMPARE(fit.aliased, (std::vector<bool>{false, false, true}));

        const ZphResult result = test_proportional_hazards(model.input(), fit, Ties::Efron);
        QCOMPARE(result.terms[2].df, std::size_t{0});
        QCOMPARE(result.global.df, std::size_t{2});
        const QJsonArray chisq = golden::as_array(golden["chisq"]);
        COMPARE_GOLDEN(result.terms[0].chisq, chisq[0]);
        COMPARE_GOLDEN(result.terms[1].chisq, chisq[1]);
        COMPARE_GOLDEN(result.global.chisq, chisq[2]);
    }

    void noEventsIsNotEstimable() {
        const std::vector<double> time{1, 2, 3, 4};
        const std::vector<std::uint8_t> event{0, 0, 0, 0};
        const std::vector<double> arm{0, 1, 0, 1};
        const CoxInput input{time, event, {}, 1, arm};
        CoxFit fit;
        fit.coef = {0};
        const ZphResult result = test_proportional_hazards(input, fit, Ties::Efron);
        QVERIFY(!result.terms[0].chisq && !result.global.chisq && !result.global.p);
        QCOMPARE(result.global.df, std::size_t{1});
        QVERIFY(!result.problems.empty());
    }

    // All events at one time: g is 0 there after centring and the gamma block
    // of the information vanishes (R: "system is computationally singular").
    void eventsAtOneTimeGiveSingularInformation() {
        const std::vector<double> time{1, 2, 2, 2, 3, 4};
        const std::vector<std::uint8_t> event{0, 1, 1, 1, 0, 0};
        const std::vector<double> arm{0, 1, 0, 1, 0, 1};
        const CoxInput input{time, event, {}, 1, arm};
        const ZphResult result = test_proportional_hazards(input, fit_cox(input), Ties::Efron);
        QVERIFY(!result.terms[0].chisq && !result.global.chisq);
        QCOMPARE(result.problems.size(), std::size_t{2});
    }

    void logTransformNeedsPositiveEventTimes() {
        const std::vector<double> time{0, 1, 2, 3, 4, 5};
        const std::vector<std::uint8_t> event{1, 1, 0, 1, 1, 0};
        const std::vector<double> arm{0, 1, 0, 1, 0, 1};
        const CoxInput input{time, event, {}, 1, arm};
        const CoxFit fit = fit_cox(input);
        const ZphResult log =
            test_proportional_hazards(input, fit, Ties::Efron, {ZphTransform::Log, {}});
        QVERIFY(!log.global.chisq);
        QVERIFY(!log.problems.empty());
        const ZphResult km = test_proportional_hazards(input, fit, Ties::Efron);
        QVERIFY(km.global.chisq);
    }

    void inconsistentInputsThrow() {
        const std::vector<double> time{1, 2, 3, 4};
        const std::vector<std::uint8_t> event{1, 0, 1, 1};
        const std::vector<double> arm{0, 1, 0, 1};
        const CoxInput input{time, event, {}, 1, arm};
        CoxFit fit;
        fit.coef = {0, 0};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 test_proportional_hazards(input, fit, Ties::Efron));
        fit.coef = {0};
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            test_proportional_hazards(input, fit, Ties::Efron, {ZphTransform::Km, {1}}));
    }
};

QTEST_APPLESS_MAIN(TestProportionalHazardsTest)
#include "test_proportional_hazards_test.moc"
