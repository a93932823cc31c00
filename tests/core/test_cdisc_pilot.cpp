// The public CDISC pilot study (tests/data/cdiscpilot01, read from its
// original SAS transport files) against R (tests/reference/golden_cdisc.R):
// time to first dermatologic event by planned treatment, three arms — every
// curve point under the three CI transforms, the quartiles, the log-rank test
// and the Cox model under the three ties methods with and without SITEGR1
// strata, and the forest rows for SEX, AGEGR1 and RACE (High Dose against
// Placebo), including the race level that holds one arm only.

#include "../cdisc_pilot.h"
#include "../km_golden.h"

#include <triallens/analysis/refit.h>

#include <QJsonObject>
#include <QTest>

using namespace triallens;

namespace {

const Study& study() {
    return cdisc_pilot::study();
}

const QJsonObject& tte() {
    static const QJsonObject golden = golden::load("cdisc_tte.json").toObject();
    return golden;
}

} // namespace

class TestCdiscPilot : public QObject {
    Q_OBJECT

private slots:
    void curvesMatchR_data() {
        QTest::addColumn<QString>("conf_type");
        QTest::addColumn<int>("index");
        const char* types[] = {"log", "log-log", "plain"};
        for (int i = 0; i < 3; ++i) {
            QTest::newRow(types[i]) << QString(types[i]) << i;
        }
    }

    void curvesMatchR() {
        QFETCH(QString, conf_type);
        QFETCH(int, index);
        AnalysisSpec spec;
        spec.km.conf_type = golden::conf_type_of(conf_type);
        const Results results = refit(study(), spec);
        QCOMPARE(QString::fromStdString(results.paramcd), tte()["param"].toString());
        QCOMPARE(static_cast<double>(results.n), tte()["n"].toDouble());
        QCOMPARE(static_cast<double>(results.events), tte()["events"].toDouble());
        const QJsonArray arms = tte()["arms"].toArray();
        QCOMPARE(results.arms.size(), static_cast<std::size_t>(arms.size()));
        for (std::size_t k = 0; k < results.arms.size(); ++k) {
            const QJsonObject arm = arms[static_cast<int>(k)].toObject();
            QCOMPARE(QString::fromStdString(results.arms[k].arm), arm["arm"].toString());
            QCOMPARE(static_cast<double>(results.arms[k].km.n), arm["n"].toDouble());
            golden::compare_km(results.arms[k].km, arm["km"].toArray()[index].toObject());
        }
    }

    void comparisonsMatchR_data() {
        QTest::addColumn<bool>("stratified");
        QTest::addColumn<QJsonObject>("cox");
        for (const bool stratified : {false, true}) {
            for (const auto& cox : tte()[stratified ? "cox_stratified" : "cox"].toArray()) {
                QTest::newRow(
                    qPrintable(cox.toObject()["ties"].toString() + (stratified ? "/SITEGR1" : "")))
                    << stratified << cox.toObject();
            }
        }
    }

    void comparisonsMatchR() {
        QFETCH(bool, stratified);
        QFETCH(QJsonObject, cox);
        AnalysisSpec spec;
        if (stratified) {
            spec.strata = {"SITEGR1"};
        }
        spec.ties = *ties_from_name(cox["ties"].toString().toStdString());
        const Results results = refit(study(), spec);
        const QJsonObject logrank = tte()[stratified ? "logrank_stratified" : "logrank"].toObject();
        QVERIFY(results.logrank && results.cox);
        COMPARE_GOLDEN(results.logrank->chisq, logrank["chisq"]);
        QCOMPARE(static_cast<double>(results.logrank->df), logrank["df"].toDouble());
        COMPARE_GOLDEN(results.logrank->p, logrank["p"]);
        // Per arm, in the order of TRT01PN (Placebo, Low Dose, High Dose), as R's factor is.
        QCOMPARE(results.arms.size(), std::size_t{3});
        for (int k = 0; k < 3; ++k) {
            QCOMPARE(QString::fromStdString(results.arms[static_cast<std::size_t>(k)].arm),
                     tte()["logrank_arms"].toArray()[k].toString());
            COMPARE_GOLDEN(results.logrank->observed[static_cast<std::size_t>(k)],
                           logrank["observed"].toArray()[k]);
            COMPARE_GOLDEN(results.logrank->expected[static_cast<std::size_t>(k)],
                           logrank["expected"].toArray()[k]);
        }
        QCOMPARE(results.cox->terms.size(), std::size_t{2});
        for (int j = 0; j < 2; ++j) {
            const HazardRatio& term = results.cox->terms[static_cast<std::size_t>(j)];
            QCOMPARE(QString::fromStdString(term.arm), cox["term"].toArray()[j].toString());
            COMPARE_GOLDEN(term.coef, cox["coef"].toArray()[j]);
            COMPARE_GOLDEN(term.se, cox["se"].toArray()[j]);
            COMPARE_GOLDEN(term.hr, cox["hr"].toArray()[j]);
            COMPARE_GOLDEN(term.lower, cox["lower"].toArray()[j]);
            COMPARE_GOLDEN(term.upper, cox["upper"].toArray()[j]);
            COMPARE_GOLDEN(term.p, cox["p"].toArray()[j]);
        }
        COMPARE_GOLDEN(results.cox->loglik_null, cox["loglik_null"]);
        COMPARE_GOLDEN(results.cox->loglik, cox["loglik"]);
        COMPARE_GOLDEN(results.cox->score_chisq, cox["score_chisq"]);
        COMPARE_GOLDEN(results.cox->wald_chisq, cox["wald_chisq"]);
        COMPARE_GOLDEN(results.cox->lr_chisq, cox["lr_chisq"]);

        // cox.zph: the arm term (two contrasts, df 2) and GLOBAL.
        const QJsonObject zph = cox["zph"].toObject();
        QVERIFY(results.ph_test.has_value());
        QCOMPARE(results.ph_test->rows.size(), std::size_t{2});
        for (int r = 0; r < 2; ++r) {
            const PhTestRow& row = results.ph_test->rows[static_cast<std::size_t>(r)];
            QCOMPARE(QString::fromStdString(row.term), zph["term"].toArray()[r].toString());
            COMPARE_GOLDEN(row.chisq, zph["chisq"].toArray()[r]);
            QCOMPARE(static_cast<double>(row.df), zph["df"].toArray()[r].toDouble());
            COMPARE_GOLDEN(row.p, zph["p"].toArray()[r]);
        }

        // The concordance panel repeats the main fit under its own ties.
        const auto same =
            std::find_if(results.concordance.ties.begin(), results.concordance.ties.end(),
                         [&](const TiesConcordance& t) { return t.ties == results.cox->ties; });
        QVERIFY(same != results.concordance.ties.end());
        QCOMPARE(same->terms.front().coef, results.cox->terms.front().coef);
    }

    void forestRowsMatchR_data() {
        QTest::addColumn<bool>("stratified");
        QTest::addColumn<QString>("ties");
        QTest::addColumn<QJsonArray>("rows");
        for (const auto& value : tte()["subgroups"].toArray()) {
            const QJsonObject set = value.toObject();
            QTest::newRow(qPrintable(set["ties"].toString()))
                << false << set["ties"].toString() << set["rows"].toArray();
        }
        QTest::newRow("efron/SITEGR1")
            << true << QStringLiteral("efron") << tte()["subgroups_stratified"].toArray();
    }

    void forestRowsMatchR() {
        QFETCH(bool, stratified);
        QFETCH(QString, ties);
        QFETCH(QJsonArray, rows);
        AnalysisSpec spec;
        spec.compare_arm = tte()["compare"].toString().toStdString();
        spec.subgroups = {"SEX", "AGEGR1", "RACE"};
        if (stratified) {
            spec.strata = {"SITEGR1"};
        }
        spec.ties = *ties_from_name(ties.toStdString());
        const Results results = refit(study(), spec);
        QCOMPARE(results.subgroups.size(), static_cast<std::size_t>(rows.size()));
        for (const auto& value : rows) {
            const QJsonObject r = value.toObject();
            const auto row = std::find_if(
                results.subgroups.begin(), results.subgroups.end(), [&](const SubgroupRow& s) {
                    return QString::fromStdString(s.variable) == r["variable"].toString() &&
                           QString::fromStdString(s.level) == r["level"].toString();
                });
            QVERIFY2(row != results.subgroups.end(), qPrintable(r["level"].toString()));
            QCOMPARE(static_cast<double>(row->n), r["n"].toDouble());
            QCOMPARE(static_cast<double>(row->events), r["events"].toDouble());
            COMPARE_GOLDEN(row->hr, r["hr"]);
            COMPARE_GOLDEN(row->lower, r["lower"]);
            COMPARE_GOLDEN(row->upper, r["upper"]);
            COMPARE_GOLDEN(row->interaction_p, r["interaction_p"]);
        }
    }
};

QTEST_APPLESS_MAIN(TestCdiscPilot)
#include "test_cdisc_pilot.moc"
