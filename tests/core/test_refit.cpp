// The analysis engine on the demo study against R: every point of every arm's
// curve under all three CI transforms, the medians and quartiles with their
// CIs, and the arm hazard ratio under Efron and Breslow ties.

#include "../cdisc_pilot.h"
#include "../km_golden.h"

#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/refit.h>
#include <triallens/data/build_study.h>
#include <triallens/demo/demo_study.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

using namespace triallens;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

// A study of `n` subjects in arms A and B, the first `recorded` (default:
// all) with one OS record each (seeded exponential times, a third censored),
// and the subject-level `columns`.
Study synthetic_study(std::size_t n, std::vector<RawColumn> columns,
                      std::size_t recorded = static_cast<std::size_t>(-1)) {
    std::mt19937 random(17);
    std::exponential_distribution<double> time(0.1);
    std::vector<std::string> ids;
    std::vector<std::string> arms;
    std::vector<double> aval;
    std::vector<double> cnsr;
    for (std::size_t i = 0; i < n; ++i) {
        ids.push_back("S" + std::to_string(i));
        arms.push_back(i % 2 == 0 ? "A" : "B");
        aval.push_back(std::ceil(time(random) * (i % 2 == 0 ? 1.0 : 1.5)));
        cnsr.push_back(i % 3 == 0 ? 1.0 : 0.0);
    }
    RawTable adsl{"adsl.csv", {}, {}};
    adsl.columns.push_back(text_column("USUBJID", "", ids));
    adsl.columns.push_back(text_column("TRT01P", "", arms));
    for (auto& column : columns) {
        adsl.columns.push_back(std::move(column));
    }
    recorded = std::min(recorded, n);
    aval.resize(recorded);
    cnsr.resize(recorded);
    RawTable adtte{"adtte.csv", {}, {}};
    adtte.columns.push_back(
        text_column("USUBJID", "",
                    std::vector<std::string>(ids.begin(), ids.begin() + std::ptrdiff_t(recorded))));
    adtte.columns.push_back(text_column("PARAMCD", "", std::vector<std::string>(recorded, "OS")));
    adtte.columns.push_back(number_column("AVAL", "", std::move(aval)));
    adtte.columns.push_back(number_column("CNSR", "", std::move(cnsr)));
    return build_study({adsl, adtte}, "synthetic");
}

// 20,000 subjects, each its own level of the text column ID.
const Study& wide() {
    static const Study study = [] {
        constexpr std::size_t n = 20000;
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < n; ++i) {
            ids.push_back("ID" + std::to_string(i));
        }
        return synthetic_study(n, {text_column("ID", "", ids)});
    }();
    return study;
}

// The arm's Cox coefficient and the model's tests against coxph.
void compare_cox(const CoxSummary& cox, const QJsonObject& golden) {
    const HazardRatio& hr = cox.terms.front();
    COMPARE_GOLDEN(hr.coef, golden::as_array(golden["coef"])[0]);
    COMPARE_GOLDEN(hr.se, golden::as_array(golden["se"])[0]);
    COMPARE_GOLDEN(cox.loglik_null, golden["loglik_null"]);
    COMPARE_GOLDEN(cox.loglik, golden["loglik"]);
    COMPARE_GOLDEN(cox.score_chisq, golden["score_chisq"]);
    COMPARE_GOLDEN(cox.wald_chisq, golden["wald_chisq"]);
    COMPARE_GOLDEN(cox.lr_chisq, golden["lr_chisq"]);
}

} // namespace

class TestRefit : public QObject {
    Q_OBJECT

private slots:
    void demoCurvesMatchR_data() {
        QTest::addColumn<QString>("param");
        QTest::addColumn<int>("arm_index");
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& p : golden::load("demo.json").toArray()) {
            const QJsonObject param = p.toObject();
            const QJsonArray arms = param["arms"].toArray();
            for (int a = 0; a < arms.size(); ++a) {
                for (const auto& km : arms[a].toObject()["km"].toArray()) {
                    const QString tag = param["param"].toString() + "/" +
                                        arms[a].toObject()["arm"].toString() + "/" +
                                        km.toObject()["conf_type"].toString();
                    QTest::newRow(qPrintable(tag))
                        << param["param"].toString() << a << km.toObject();
                }
            }
        }
    }

    void demoCurvesMatchR() {
        QFETCH(QString, param);
        QFETCH(int, arm_index);
        QFETCH(QJsonObject, golden);
        AnalysisSpec spec;
        spec.paramcd = param.toStdString();
        spec.km.conf_type = golden::conf_type_of(golden["conf_type"].toString());
        const Results results = refit(demo(), spec);
        const ArmSurvival& arm = results.arms.at(static_cast<std::size_t>(arm_index));
        golden::compare_km(arm.km, golden);
        QCOMPARE(arm.median.estimate, survival_quantile(arm.km, 0.5).estimate);
        // The reported quartiles are R's too.
        const QJsonArray quantiles = golden["quantiles"].toArray();
        QCOMPARE(arm.quartiles.size(), std::size_t{3});
        for (std::size_t q = 0; q < 3; ++q) {
            const QJsonObject r = quantiles[static_cast<int>(q)].toObject();
            QCOMPARE(arm.quartiles[q].probability, r["p"].toDouble());
            COMPARE_GOLDEN(arm.quartiles[q].estimate, r["estimate"]);
            COMPARE_GOLDEN(arm.quartiles[q].lower, r["lower"]);
            COMPARE_GOLDEN(arm.quartiles[q].upper, r["upper"]);
        }
    }

    void demoLandmarksAndRestrictedMeansMatchR_data() {
        QTest::addColumn<QString>("param");
        QTest::addColumn<int>("arm_index");
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& p : golden::load("demo.json").toArray()) {
            const QJsonObject param = p.toObject();
            const QJsonArray arms = param["arms"].toArray();
            for (int a = 0; a < arms.size(); ++a) {
                QTest::newRow(qPrintable(param["param"].toString() + "/" +
                                         arms[a].toObject()["arm"].toString()))
                    << param["param"].toString() << a << arms[a].toObject();
            }
        }
    }

    void demoLandmarksAndRestrictedMeansMatchR() {
        QFETCH(QString, param);
        QFETCH(int, arm_index);
        QFETCH(QJsonObject, golden);
        AnalysisSpec spec;
        spec.paramcd = param.toStdString();
        spec.landmarks = {6, 12, 24};
        spec.tau = 24;
        const Results results = refit(demo(), spec);
        const ArmSurvival& arm = results.arms.at(static_cast<std::size_t>(arm_index));
        const QJsonObject landmarks = golden["landmarks"].toObject();
        QCOMPARE(arm.landmarks.size(), std::size_t{3});
        // R leaves out landmarks beyond the arm's last time; they are not estimable.
        const int reported = static_cast<int>(golden::as_array(landmarks["time"]).size());
        for (int i = reported; i < 3; ++i) {
            QVERIFY(!arm.landmarks[static_cast<std::size_t>(i)].surv.has_value());
        }
        for (int i = 0; i < reported; ++i) {
            const auto at = [&](const char* key) -> QJsonValue {
                return golden::as_array(landmarks[key])[i];
            };
            const SurvivalAt& estimate = arm.landmarks[static_cast<std::size_t>(i)];
            QCOMPARE(estimate.time, at("time").toDouble());
            QCOMPARE(static_cast<double>(estimate.n_risk), at("n_risk").toDouble());
            COMPARE_GOLDEN(estimate.surv, at("surv"));
            COMPARE_GOLDEN(estimate.std_err, at("std_err"));
            COMPARE_GOLDEN(estimate.lower, at("lower"));
            COMPARE_GOLDEN(estimate.upper, at("upper"));
        }
        QVERIFY(arm.rmst.has_value());
        COMPARE_GOLDEN(arm.rmst->estimate, golden["rmst"].toObject()["estimate"]);
        COMPARE_GOLDEN(arm.rmst->std_err, golden["rmst"].toObject()["std_err"]);

        // Contrasts with the reference: Wald on independent arms.
        if (arm_index == 1) {
            const ArmSurvival& reference = results.arms.front();
            const double z = normal_critical_value(0.95);
            const SurvivalDifference& d = results.landmark_differences.at(1);
            QCOMPARE(d.time, 12.0);
            const double se =
                std::hypot(*arm.landmarks[1].std_err, *reference.landmarks[1].std_err);
            QCOMPARE(*d.difference, *arm.landmarks[1].surv - *reference.landmarks[1].surv);
            QCOMPARE(*d.lower, *d.difference - z * se);
            const RmstComparison& c = results.rmst_comparisons.at(0);
            QCOMPARE(c.difference, arm.rmst->estimate - reference.rmst->estimate);
            QVERIFY(*c.ratio_lower < *c.ratio && *c.ratio < *c.ratio_upper);
        }
    }

    void demoComparisonsMatchR_data() {
        QTest::addColumn<QString>("param");
        QTest::addColumn<bool>("stratified");
        QTest::addColumn<QJsonObject>("param_golden");
        QTest::addColumn<QJsonObject>("logrank");
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& p : golden::load("demo.json").toArray()) {
            const QJsonObject param = p.toObject();
            for (const bool stratified : {false, true}) {
                const QJsonObject logrank =
                    param[stratified ? "logrank_stratified" : "logrank"].toObject();
                for (const auto& cox : param[stratified ? "cox_stratified" : "cox"].toArray()) {
                    const QString tag = param["param"].toString() + "/" +
                                        cox.toObject()["ties"].toString() +
                                        (stratified ? "/stratified" : "");
                    QTest::newRow(qPrintable(tag)) << param["param"].toString() << stratified
                                                   << param << logrank << cox.toObject();
                }
            }
        }
    }

    void demoComparisonsMatchR() {
        QFETCH(QString, param);
        QFETCH(bool, stratified);
        QFETCH(QJsonObject, param_golden);
        QFETCH(QJsonObject, logrank);
        QFETCH(QJsonObject, golden);
        AnalysisSpec spec;
        spec.paramcd = param.toStdString();
        if (stratified) {
            spec.strata = {"PRTAXFL", "LIVBRNFL"};
        }
        spec.ties = *ties_from_name(golden["ties"].toString().toStdString());
        const Results results = refit(demo(), spec);
        QCOMPARE(static_cast<double>(results.n), param_golden["n"].toDouble());
        QCOMPARE(static_cast<double>(results.events), param_golden["events"].toDouble());
        QVERIFY(results.cox.has_value() && results.logrank.has_value());
        QCOMPARE(results.cox->reference_arm, std::string(demo_control_arm));
        COMPARE_GOLDEN(results.logrank->chisq, logrank["chisq"]);
        COMPARE_GOLDEN(results.logrank->p, logrank["p"]);
        for (int k = 0; k < 2; ++k) {
            COMPARE_GOLDEN(results.logrank->observed[static_cast<std::size_t>(k)],
                           golden::as_array(logrank["observed"])[k]);
            COMPARE_GOLDEN(results.logrank->expected[static_cast<std::size_t>(k)],
                           golden::as_array(logrank["expected"])[k]);
        }
        compare_cox(*results.cox, golden);
        // Stratifying changes the comparisons, never the Kaplan–Meier curves.
        AnalysisSpec plain = spec;
        plain.strata.clear();
        QCOMPARE(refit(demo(), plain).arms.front().km.curve.surv,
                 results.arms.front().km.curve.surv);
    }

    void subgroupsMatchR_data() {
        QTest::addColumn<QString>("param");
        QTest::addColumn<bool>("stratified");
        QTest::addColumn<QJsonArray>("golden");
        for (const auto& p : golden::load("demo.json").toArray()) {
            const QJsonObject param = p.toObject();
            const QString code = param["param"].toString();
            QTest::newRow(qPrintable(code + "/efron"))
                << code << false << param["subgroups"].toArray();
            QTest::newRow(qPrintable(code + "/stratified breslow"))
                << code << true << param["subgroups_stratified_breslow"].toArray();
        }
    }

    void subgroupsMatchR() {
        QFETCH(QString, param);
        QFETCH(bool, stratified);
        QFETCH(QJsonArray, golden);
        AnalysisSpec spec;
        spec.paramcd = param.toStdString();
        spec.subgroups = {"PDL1STAT", "ECOGBL", "AGEGR1"};
        if (stratified) {
            spec.strata = {"PRTAXFL", "LIVBRNFL"};
            spec.ties = Ties::Breslow;
        }
        const Results results = refit(demo(), spec);
        QCOMPARE(results.subgroups.size(), static_cast<std::size_t>(golden.size()));
        for (std::size_t i = 0; i < results.subgroups.size(); ++i) {
            const SubgroupRow& row = results.subgroups[i];
            const QJsonObject r = golden[static_cast<int>(i)].toObject();
            golden::compare_subgroup_row(row, r);
            QCOMPARE(row.arms.size(), std::size_t{2});
            QCOMPARE(row.arms[0].n + row.arms[1].n, row.n);
            QCOMPARE(row.arms[0].arm, std::string(demo_control_arm));
        }
    }

    // One refit gives the arm ratio under all three ties methods and every
    // median's CI under all three transforms, each as R computes it alone.
    void methodConcordanceMatchesR_data() {
        QTest::addColumn<QJsonObject>("param");
        for (const auto& p : golden::load("demo.json").toArray()) {
            QTest::newRow(qPrintable(p.toObject()["param"].toString())) << p.toObject();
        }
    }

    void methodConcordanceMatchesR() {
        QFETCH(QJsonObject, param);
        AnalysisSpec spec;
        spec.paramcd = param["param"].toString().toStdString();
        const Results results = refit(demo(), spec);
        const QJsonArray cox = param["cox"].toArray();
        QCOMPARE(results.concordance.ties.size(), static_cast<std::size_t>(cox.size()));
        for (const auto& value : cox) {
            const QJsonObject golden = value.toObject();
            const auto it =
                std::find_if(results.concordance.ties.begin(), results.concordance.ties.end(),
                             [&](const TiesConcordance& t) {
                                 return QString::fromStdString(t.ties) == golden["ties"].toString();
                             });
            QVERIFY(it != results.concordance.ties.end());
            COMPARE_GOLDEN(it->terms.front().coef, golden::as_array(golden["coef"])[0]);
            COMPARE_GOLDEN(it->terms.front().se, golden::as_array(golden["se"])[0]);
        }
        const QJsonArray arms = param["arms"].toArray();
        QCOMPARE(results.concordance.medians.size(), static_cast<std::size_t>(arms.size() * 3));
        std::size_t compared = 0;
        for (const MedianConcordance& m : results.concordance.medians) {
            for (const auto& a : arms) {
                if (a.toObject()["arm"].toString() != QString::fromStdString(m.arm)) {
                    continue;
                }
                for (const auto& km : a.toObject()["km"].toArray()) {
                    if (km.toObject()["conf_type"].toString() !=
                        QString::fromStdString(m.conf_type)) {
                        continue;
                    }
                    const QJsonObject median = km.toObject()["quantiles"].toArray()[1].toObject();
                    COMPARE_GOLDEN(m.median.estimate, median["estimate"]);
                    COMPARE_GOLDEN(m.median.lower, median["lower"]);
                    COMPARE_GOLDEN(m.median.upper, median["upper"]);
                    ++compared;
                }
            }
        }
        QCOMPARE(compared, results.concordance.medians.size());
    }

    // --covariates AGE,PDL1STAT with the randomisation strata: the adjusted
    // arm ratio, the covariates' own, the model tests and cox.zph per term.
    void adjustedModelMatchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& p : golden::load("demo.json").toArray()) {
            for (const auto& fit : p.toObject()["adjusted"].toArray()) {
                QTest::newRow(qPrintable(p.toObject()["param"].toString() + "/" +
                                         fit.toObject()["ties"].toString()))
                    << fit.toObject();
            }
        }
    }

    void adjustedModelMatchesR() {
        QFETCH(QJsonObject, golden);
        AnalysisSpec spec;
        spec.paramcd = QString(QTest::currentDataTag()).section('/', 0, 0).toStdString();
        spec.strata = {"PRTAXFL", "LIVBRNFL"};
        spec.covariates = {"AGE", "PDL1STAT"};
        spec.ties = *ties_from_name(golden["ties"].toString().toStdString());
        const Results results = refit(demo(), spec);
        QVERIFY(results.cox.has_value());
        compare_cox(*results.cox, golden);
        QCOMPARE(results.cox->df, std::size_t{3});
        QCOMPARE(results.cox->adjustments.size(), std::size_t{2});
        QCOMPARE(results.cox->adjustments[1].level, std::string("Positive"));
        for (int j = 1; j < 3; ++j) {
            const HazardRatio& term = results.cox->adjustments[static_cast<std::size_t>(j - 1)];
            COMPARE_GOLDEN(term.coef, golden["coef"].toArray()[j]);
            COMPARE_GOLDEN(term.se, golden["se"].toArray()[j]);
        }
        const QJsonObject zph = golden["zph"].toObject();
        QVERIFY(results.ph_test.has_value());
        QCOMPARE(results.ph_test->rows.size(),
                 static_cast<std::size_t>(zph["term"].toArray().size()));
        for (std::size_t r = 0; r < results.ph_test->rows.size(); ++r) {
            const PhTestRow& row = results.ph_test->rows[r];
            QCOMPARE(QString::fromStdString(row.term),
                     zph["term"].toArray()[static_cast<int>(r)].toString());
            COMPARE_GOLDEN(row.chisq, zph["chisq"].toArray()[static_cast<int>(r)]);
            COMPARE_GOLDEN(row.p, zph["p"].toArray()[static_cast<int>(r)]);
        }
    }

    void proportionalHazardsTestMatchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("zph_demo.json").toObject()["cases"].toArray()) {
            const QJsonObject c = value.toObject();
            if (c["transform"].toString() == "km") {
                QTest::newRow(qPrintable(c["dataset"].toString() + "/" + c["name"].toString() +
                                         "/" + c["ties"].toString()))
                    << c;
            }
        }
    }

    void proportionalHazardsTestMatchesR() {
        QFETCH(QJsonObject, golden);
        AnalysisSpec spec;
        spec.paramcd = golden["dataset"].toString().toStdString();
        if (!golden["strata"].isNull()) {
            spec.strata = {"PRTAXFL", "LIVBRNFL"};
        }
        spec.ties = *ties_from_name(golden["ties"].toString().toStdString());
        const Results results = refit(demo(), spec);
        QVERIFY(results.ph_test.has_value());
        QCOMPARE(results.ph_test->transform, std::string("km"));
        for (int r = 0; r < 2; ++r) {
            const PhTestRow& row = results.ph_test->rows[static_cast<std::size_t>(r)];
            QCOMPARE(QString::fromStdString(row.term), golden["terms"].toArray()[r].toString());
            COMPARE_GOLDEN(row.chisq, golden["chisq"].toArray()[r]);
            COMPARE_GOLDEN(row.p, golden["p"].toArray()[r]);
        }
    }

    void responseRatesCountBestOverallResponse() {
        const QJsonObject counts =
            golden::load("demo.json").toArray()[0].toObject()["response"].toObject();
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const Results results = refit(demo(), spec);
        QVERIFY(results.response.has_value());
        QCOMPARE(results.response->arms.size(), std::size_t{2});
        for (const ResponseRate& rate : results.response->arms) {
            const QJsonObject r = counts[QString::fromStdString(rate.arm)].toObject();
            QCOMPARE(static_cast<double>(rate.n), r["n"].toDouble());
            QCOMPARE(static_cast<double>(rate.responders), r["responders"].toDouble());
            QCOMPARE(rate.clopper_pearson.lower, clopper_pearson(rate.responders, rate.n).lower);
        }
        const ResponseDifference& d = results.response->differences.front();
        QCOMPARE(d.arm, std::string(demo_experimental_arm));
        QCOMPARE(d.difference, results.response->arms[1].rate - results.response->arms[0].rate);
    }

    // Response difference (Miettinen–Nurminen), odds ratios (Woolf, Fisher)
    // and, with the randomisation strata, the Mantel–Haenszel OR and CMH test.
    void responseComparisonsMatchR() {
        const QJsonObject golden = golden::load("response_demo.json").toObject();
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const Results plain = refit(demo(), spec);
        QVERIFY(plain.response && plain.response->differences.size() == 1);
        const ResponseDifference& d = plain.response->differences.front();
        QCOMPARE(QString::fromStdString(d.arm), golden["arm"].toString());
        QVERIFY(!d.cmh);
        const QJsonObject unstratified = golden["unstratified"].toObject();
        const QJsonObject mn = unstratified["difference"].toObject();
        COMPARE_GOLDEN(d.difference, mn["estimate"]);
        COMPARE_GOLDEN(d.miettinen_nurminen.lower, mn["lower"]);
        COMPARE_GOLDEN(d.miettinen_nurminen.upper, mn["upper"]);
        for (const auto& [ratio, key] :
             {std::pair{d.woolf, "woolf"}, std::pair{d.fisher.odds_ratio, "fisher"}}) {
            const QJsonObject r = unstratified[key].toObject();
            COMPARE_GOLDEN(ratio.estimate, r["estimate"]);
            COMPARE_GOLDEN(ratio.lower, r["lower"]);
            COMPARE_GOLDEN(ratio.upper, r["upper"]);
        }
        COMPARE_GOLDEN(d.fisher.p_value, unstratified["fisher"].toObject()["p_value"]);

        spec.strata = {"PRTAXFL", "LIVBRNFL"};
        const Results stratified = refit(demo(), spec);
        const auto& cmh = stratified.response->differences.front().cmh;
        QVERIFY(cmh.has_value());
        const QJsonObject r = golden["stratified"].toObject();
        QCOMPARE(static_cast<double>(cmh->strata), r["strata_used"].toDouble());
        COMPARE_GOLDEN(cmh->odds_ratio.estimate, r["estimate"]);
        COMPARE_GOLDEN(cmh->odds_ratio.lower, r["lower"]);
        COMPARE_GOLDEN(cmh->odds_ratio.upper, r["upper"]);
        COMPARE_GOLDEN(cmh->chisq, r["chisq"]);
        COMPARE_GOLDEN(cmh->p_value, r["p_value"]);
    }

    // The best-overall-response table (each subject once, at its best
    // record, missing last) and the disease control rate (CR, PR, SD or
    // NON-CR/NON-PD) with binom.test, Newcombe, Miettinen–Nurminen, Woolf,
    // Fisher and, stratified, mantelhaen.test, against R.
    void bestOverallResponseAndDiseaseControlMatchR() {
        const QJsonObject golden = golden::load("response_bor_demo.json").toObject();
        AnalysisSpec spec;
        spec.paramcd = "OS";
        const Results plain = refit(demo(), spec);
        QVERIFY(plain.response.has_value());
        const ResponseSummary& response = *plain.response;

        const QJsonArray categories = golden["categories"].toArray();
        QCOMPARE(response.bor_categories.size(), static_cast<std::size_t>(categories.size()));
        for (std::size_t k = 0; k < response.bor_categories.size(); ++k) {
            const QJsonValue expected = categories[static_cast<int>(k)];
            QCOMPARE(QString::fromStdString(response.bor_categories[k]),
                     expected.isNull() ? QString() : expected.toString());
        }
        const QJsonArray tables = golden["best_overall_response"].toArray();
        QCOMPARE(response.best_overall_response.size(), static_cast<std::size_t>(tables.size()));
        for (std::size_t a = 0; a < response.best_overall_response.size(); ++a) {
            const ArmBestResponse& arm = response.best_overall_response[a];
            const QJsonObject expected = tables[static_cast<int>(a)].toObject();
            QCOMPARE(QString::fromStdString(arm.arm), expected["arm"].toString());
            QCOMPARE(static_cast<double>(arm.n), expected["n"].toDouble());
            QCOMPARE(arm.arm, response.arms[a].arm);
            const QJsonArray counts = expected["counts"].toArray();
            QCOMPARE(arm.counts.size(), static_cast<std::size_t>(counts.size()));
            for (std::size_t k = 0; k < arm.counts.size(); ++k) {
                const QJsonObject count = counts[static_cast<int>(k)].toObject();
                QCOMPARE(static_cast<double>(arm.counts[k].n), count["n"].toDouble());
                COMPARE_GOLDEN(arm.counts[k].fraction, count["fraction"]);
            }
        }

        const QJsonObject dcr = golden["disease_control"].toObject();
        const QJsonArray rates = dcr["arms"].toArray();
        QCOMPARE(response.disease_control.size(), static_cast<std::size_t>(rates.size()));
        for (std::size_t a = 0; a < response.disease_control.size(); ++a) {
            const ResponseRate& rate = response.disease_control[a];
            const QJsonObject expected = rates[static_cast<int>(a)].toObject();
            QCOMPARE(QString::fromStdString(rate.arm), expected["arm"].toString());
            QCOMPARE(static_cast<double>(rate.n), expected["n"].toDouble());
            QCOMPARE(static_cast<double>(rate.responders), expected["x"].toDouble());
            for (const auto& [interval, key] :
                 {std::pair{rate.clopper_pearson, "clopper_pearson"},
                  std::pair{rate.wilson, "wilson"}, std::pair{rate.jeffreys, "jeffreys"}}) {
                const QJsonArray limits = expected[key].toArray();
                COMPARE_GOLDEN(interval.lower, limits[0]);
                COMPARE_GOLDEN(interval.upper, limits[1]);
            }
        }
        QCOMPARE(response.disease_control_differences.size(), std::size_t{1});
        const ResponseDifference& d = response.disease_control_differences.front();
        QCOMPARE(QString::fromStdString(d.arm), golden["arm"].toString());
        const QJsonObject mn = dcr["miettinen_nurminen"].toObject();
        COMPARE_GOLDEN(d.difference, mn["estimate"]);
        COMPARE_GOLDEN(d.miettinen_nurminen.lower, mn["lower"]);
        COMPARE_GOLDEN(d.miettinen_nurminen.upper, mn["upper"]);
        COMPARE_GOLDEN(d.newcombe.lower, dcr["newcombe"].toObject()["lower"]);
        COMPARE_GOLDEN(d.newcombe.upper, dcr["newcombe"].toObject()["upper"]);
        const QJsonObject odds = dcr["odds_ratio"].toObject();
        for (const auto& [ratio, key] :
             {std::pair{d.woolf, "woolf"}, std::pair{d.fisher.odds_ratio, "fisher"}}) {
            const QJsonObject r = odds[key].toObject();
            COMPARE_GOLDEN(ratio.estimate, r["estimate"]);
            COMPARE_GOLDEN(ratio.lower, r["lower"]);
            COMPARE_GOLDEN(ratio.upper, r["upper"]);
        }
        COMPARE_GOLDEN(d.fisher.p_value, odds["fisher"].toObject()["p_value"]);
        QVERIFY(!d.cmh);

        spec.strata = {"PRTAXFL", "LIVBRNFL"};
        const Results stratified = refit(demo(), spec);
        const auto& cmh = stratified.response->disease_control_differences.front().cmh;
        QVERIFY(cmh.has_value());
        const QJsonObject r = dcr["stratified"].toObject();
        QCOMPARE(static_cast<double>(cmh->strata), r["strata_used"].toDouble());
        COMPARE_GOLDEN(cmh->odds_ratio.estimate, r["estimate"]);
        COMPARE_GOLDEN(cmh->odds_ratio.lower, r["lower"]);
        COMPARE_GOLDEN(cmh->odds_ratio.upper, r["upper"]);
        COMPARE_GOLDEN(cmh->chisq, r["chisq"]);
        COMPARE_GOLDEN(cmh->p_value, r["p_value"]);
    }

    // Values outside RECIST come after NE in byte order, subjects without a
    // BOR record (or with an empty AVALC) are "missing", and a subject with
    // several BOR records counts once, at its best; ORR and DCR agree with
    // the table.
    void bestResponseOrdersCategoriesAndCountsEachSubjectOnce() {
        Study study = demo();
        Responses& r = study.responses;
        const auto code = [](CodedText& text, const std::string& value) {
            const auto found = std::find(text.levels.begin(), text.levels.end(), value);
            if (found != text.levels.end()) {
                return static_cast<std::uint32_t>(found - text.levels.begin());
            }
            text.levels.push_back(value);
            return static_cast<std::uint32_t>(text.levels.size() - 1);
        };
        const std::string upgraded = r.value[5];
        r.value.codes[0] = code(r.value, "NON-CR/NON-PD");
        r.value.codes[1] = code(r.value, "UNKNOWN");
        r.value.codes[2] = code(r.value, "ALPHA");
        r.paramcd.codes[3] = code(r.paramcd, "OVRLRESP"); // its subject has no BOR left
        r.value.codes[4] = code(r.value, "");
        // A second, better and a second, worse record of the same subject.
        r.subject.insert(r.subject.end(), {r.subject[5], r.subject[5]});
        r.paramcd.codes.insert(r.paramcd.codes.end(), 2, code(r.paramcd, "BOR"));
        r.value.codes.push_back(code(r.value, "CR"));
        r.value.codes.push_back(code(r.value, "PD"));

        AnalysisSpec spec;
        spec.paramcd = "OS";
        const ResponseSummary before = *refit(demo(), spec).response;
        const ResponseSummary after = *refit(study, spec).response;
        QCOMPARE(after.bor_categories,
                 (std::vector<std::string>{"CR", "PR", "SD", "NON-CR/NON-PD", "PD", "NE", "ALPHA",
                                           "UNKNOWN", ""}));
        const auto total = [](const ResponseSummary& s, const std::string& category) {
            std::size_t n = 0;
            for (const ArmBestResponse& arm : s.best_overall_response) {
                for (const BorCount& count : arm.counts) {
                    n += count.category == category ? count.n : 0;
                }
            }
            return n;
        };
        QCOMPARE(total(after, "NON-CR/NON-PD"), std::size_t{1});
        QCOMPARE(total(after, "UNKNOWN"), std::size_t{1});
        QCOMPARE(total(after, "ALPHA"), std::size_t{1});
        QCOMPARE(total(after, ""), std::size_t{2});
        QCOMPARE(total(after, "CR"), total(before, "CR") + (upgraded == "CR" ? 0 : 1) -
                                         (std::string(demo().responses.value[0]) == "CR" ? 1 : 0) -
                                         (std::string(demo().responses.value[1]) == "CR" ? 1 : 0) -
                                         (std::string(demo().responses.value[2]) == "CR" ? 1 : 0) -
                                         (std::string(demo().responses.value[3]) == "CR" ? 1 : 0) -
                                         (std::string(demo().responses.value[4]) == "CR" ? 1 : 0));
        for (std::size_t a = 0; a < after.best_overall_response.size(); ++a) {
            const ArmBestResponse& arm = after.best_overall_response[a];
            QCOMPARE(arm.counts.size(), after.bor_categories.size());
            std::size_t subjects = 0;
            for (const BorCount& count : arm.counts) {
                subjects += count.n;
            }
            QCOMPARE(subjects, arm.n);
            QCOMPARE(arm.n, after.arms[a].n);
            QCOMPARE(after.arms[a].responders, arm.counts[0].n + arm.counts[1].n);
            QCOMPARE(after.disease_control[a].responders,
                     arm.counts[0].n + arm.counts[1].n + arm.counts[2].n + arm.counts[3].n);
            QCOMPARE(after.disease_control[a].clopper_pearson.lower,
                     clopper_pearson(after.disease_control[a].responders, arm.n).lower);
        }
    }

    void filterMatchesSubsetInR() {
        const QJsonObject golden =
            golden::load("demo.json").toArray()[1].toObject()["filtered"].toObject();
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.filter = R"(PDL1STAT == "Positive" and AGE >= 40)";
        const Results results = refit(demo(), spec);
        QCOMPARE(static_cast<double>(results.n), golden["n"].toDouble());
        QCOMPARE(static_cast<double>(results.events), golden["events"].toDouble());
        compare_cox(*results.cox, golden);
        // Every demo subject has an OS record, so the subjects kept are the records.
        QCOMPARE(results.subjects, results.n);
        QCOMPARE(results.subjects_total, demo().subjects.size());
        QVERIFY(results.subjects < results.subjects_total);
    }

    void unknownStratumColumnIsASpecError() {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.strata = {"NOPE"};
        QVERIFY_THROWS_EXCEPTION(SpecError, refit(demo(), spec));
        spec.strata = {"AGE"};
        QVERIFY_THROWS_EXCEPTION(SpecError, refit(demo(), spec));
    }

    void unknownParameterIsASpecError() {
        AnalysisSpec spec;
        spec.paramcd = "DFS";
        QVERIFY_THROWS_EXCEPTION(SpecError, refit(demo(), spec));
    }

    // A column of more levels than the spec's cap, in any role whose work
    // grows with its levels, is a SpecError naming it and its count, raised
    // by resolve_spec before anything is counted or fitted: the pilot's
    // SUBJID as a covariate (253 dummy columns, 14 s before), 20,000 levels
    // (tens of GB before). Raising the cap lets a column through.
    void columnsOfTooManyLevelsAreRefusedBeforeAnyWork_data() {
        QTest::addColumn<QString>("study_name");
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("cap");
        QTest::newRow("pilot SUBJID covariate") << "pilot"
                                                << "covariates"
                                                << "SUBJID" << 0;
        QTest::newRow("pilot SITEID subgroups, cap 10") << "pilot"
                                                        << "subgroups"
                                                        << "SITEID" << 10;
        QTest::newRow("pilot SITEID strata, cap 10") << "pilot"
                                                     << "strata"
                                                     << "SITEID" << 10;
        QTest::newRow("20,000 levels subgroups") << "wide"
                                                 << "subgroups"
                                                 << "ID" << 0;
        QTest::newRow("20,000 levels strata") << "wide"
                                              << "strata"
                                              << "ID" << 0;
        QTest::newRow("20,000 levels curves-by") << "wide"
                                                 << "curves_by"
                                                 << "ID" << 0;
        QTest::newRow("20,000 levels covariate") << "wide"
                                                 << "covariates"
                                                 << "ID" << 0;
        QTest::newRow("20,000 levels treatment") << "wide"
                                                 << "arm"
                                                 << "ID" << 0;
    }

    void columnsOfTooManyLevelsAreRefusedBeforeAnyWork() {
        QFETCH(QString, study_name);
        QFETCH(QString, role);
        QFETCH(QString, column);
        QFETCH(int, cap);
        const Study& study = study_name == "pilot" ? cdisc_pilot::study() : wide();
        const std::string name = column.toStdString();
        AnalysisSpec spec;
        spec.paramcd = study.endpoints.front().paramcd();
        if (cap > 0) {
            spec.max_levels = static_cast<std::size_t>(cap);
        }
        if (role == "covariates") {
            spec.covariates = {name};
        } else if (role == "subgroups") {
            spec.subgroups = {name};
        } else if (role == "strata") {
            spec.strata = {name};
        } else if (role == "curves_by") {
            spec.curves_by = name;
        } else {
            spec.arm_variable = name;
        }
        const std::size_t levels = study.subjects.find(name)->levels().size();
        QVERIFY(levels > spec.max_levels);
        const std::string expected = name + " has " + std::to_string(levels) + " levels; ";
        const std::string cap_text = "at most " + std::to_string(spec.max_levels);
        for (const auto& attempt : {std::function<void()>([&] { resolve_spec(study, spec); }),
                                    std::function<void()>([&] { complete_spec(study, spec); }),
                                    std::function<void()>([&] { refit(study, spec); })}) {
            try {
                attempt();
                QFAIL("a column of too many levels was accepted");
            } catch (const SpecError& error) {
                const std::string message = error.what();
                QVERIFY2(message.starts_with(expected) &&
                             message.find(cap_text) != std::string::npos,
                         error.what());
            }
        }
        if (cap > 0) {
            spec.max_levels = levels;
            QVERIFY(!refit(study, complete_spec(study, spec)).arms.empty());
        }
    }

    // Strata of many levels each multiply: six of 40 levels are 40^6 (past
    // an int32) combinations. The fits run over the combinations present and
    // give what one column holding the combination gives.
    void strataOfManyLevelsCombineOverTheCombinationsPresent() {
        constexpr std::size_t factors = 6;
        constexpr std::size_t levels = 40;
        constexpr std::size_t groups = 11; // odd: each holds both arms
        constexpr std::size_t n = 1200;
        std::vector<std::vector<std::string>> values(factors);
        std::vector<std::string> combination;
        for (std::size_t i = 0; i < n; ++i) {
            std::string combined;
            for (std::size_t k = 0; k < factors; ++k) {
                // Most subjects fall in `groups` combinations; the last
                // `levels` make every level appear in every factor.
                const std::size_t level =
                    i + levels >= n ? i + levels - n : (i % groups * (k + 3) + k) % levels;
                const std::string text = (level < 10 ? "L0" : "L") + std::to_string(level);
                values[k].push_back(text);
                combined += (k == 0 ? "" : "|") + text;
            }
            combination.push_back(combined);
        }
        std::vector<RawColumn> columns;
        AnalysisSpec by_factors;
        by_factors.paramcd = "OS";
        for (std::size_t k = 0; k < factors; ++k) {
            const std::string name = "F" + std::to_string(k);
            columns.push_back(text_column(name, "", values[k]));
            by_factors.strata.push_back(name);
        }
        columns.push_back(text_column("COMBINATION", "", combination));
        const Study study = synthetic_study(n, std::move(columns));
        QCOMPARE(study.subjects.find("F0")->levels().size(), levels);

        AnalysisSpec by_combination = by_factors;
        by_combination.strata = {"COMBINATION"};
        by_combination.max_levels = study.subjects.find("COMBINATION")->levels().size();
        const Results expected = refit(study, by_combination);
        const Results results = refit(study, by_factors);
        QVERIFY(expected.logrank && results.logrank && expected.cox && results.cox);
        QVERIFY(qFuzzyCompare(results.logrank->chisq, expected.logrank->chisq));
        QVERIFY(qFuzzyCompare(results.cox->terms.front().coef, expected.cox->terms.front().coef));
        QVERIFY(qFuzzyCompare(results.cox->terms.front().se, expected.cox->terms.front().se));
    }

    // Subjects analysed (kept by the filter, with an arm) that have no record
    // of the parameter are in no curve: one warning counts them. Subjects
    // 30 to 39 of 40 have none; GROUP is X for 0 to 19, Y for 20 to 39.
    void analysedSubjectsWithNoRecordAreCounted_data() {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("analysed");
        QTest::addColumn<int>("without");
        QTest::newRow("all subjects") << "" << 40 << 10;
        QTest::newRow("the group of those without") << "GROUP == \"Y\"" << 20 << 10;
        QTest::newRow("a group with every record") << "GROUP == \"X\"" << 20 << 0;
    }

    void analysedSubjectsWithNoRecordAreCounted() {
        QFETCH(QString, filter);
        QFETCH(int, analysed);
        QFETCH(int, without);
        std::vector<std::string> group;
        for (std::size_t i = 0; i < 40; ++i) {
            group.push_back(i < 20 ? "X" : "Y");
        }
        const Study study = synthetic_study(40, {text_column("GROUP", "", group)}, 30);
        AnalysisSpec spec;
        spec.filter = filter.toStdString();
        const Results results = refit(study, spec);
        QCOMPARE(results.subjects, std::size_t(analysed));
        const std::string expected = "OS: " + std::to_string(without) + " of the " +
                                     std::to_string(analysed) + " subjects analysed have no record";
        const auto said =
            std::count_if(results.warnings.begin(), results.warnings.end(),
                          [&](const std::string& w) { return w.starts_with(expected); });
        const auto any = std::count_if(
            results.warnings.begin(), results.warnings.end(),
            [](const std::string& w) { return w.find("have no record") != std::string::npos; });
        QCOMPARE(any, without > 0 ? 1 : 0);
        QCOMPARE(said, any);
    }

    // NaN and infinity in the spec's numbers are refused by the engine
    // itself, wherever the spec came from (the window, a saved analysis).
    void nonFiniteNumbersAreSpecErrors_data() {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const double inf = std::numeric_limits<double>::infinity();
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::newRow("landmark nan") << "landmark" << nan;
        QTest::newRow("landmark inf") << "landmark" << inf;
        QTest::newRow("landmark -inf") << "landmark" << -inf;
        QTest::newRow("tau nan") << "tau" << nan;
        QTest::newRow("tau inf") << "tau" << inf;
        QTest::newRow("conf level nan") << "conf_level" << nan;
        QTest::newRow("conf level inf") << "conf_level" << inf;
    }

    void nonFiniteNumbersAreSpecErrors() {
        QFETCH(QString, field);
        QFETCH(double, value);
        AnalysisSpec spec;
        spec.paramcd = "OS";
        if (field == "landmark") {
            spec.landmarks = {12, value};
        } else if (field == "tau") {
            spec.tau = value;
        } else {
            spec.km.conf_level = value;
        }
        QVERIFY_THROWS_EXCEPTION(SpecError, refit(demo(), spec));
    }
};

QTEST_APPLESS_MAIN(TestRefit)
#include "test_refit.moc"
