// The whole analysis on small edge cases against R (tests/reference/
// golden_edge.R): every arm's Kaplan–Meier curve and quartiles, the log-rank
// test, and the Cox model under Efron, Breslow and exact ties — including
// R's warnings, and no comparison where R has none to give.

#include "../km_golden.h"

#include <triallens/analysis/refit.h>
#include <triallens/data/build_study.h>

#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace triallens;

namespace {

// ADSL (USUBJID, TRT01P, STRATUM) and ADTTE (PARAMCD EDGE) for one case.
Study study_of(const QJsonObject& c) {
    const auto time = golden::values(c["input_time"]);
    const auto status = golden::values<int>(c["input_status"]);
    const QJsonArray arm = golden::as_array(c["input_arm"]);
    const auto stratum = c["input_stratum"].isNull() ? std::vector<int>(time.size(), 1)
                                                     : golden::values<int>(c["input_stratum"]);
    std::vector<std::string> id;
    std::vector<std::string> arms;
    std::vector<std::string> strata;
    std::vector<double> cnsr;
    // Zero-padded so that text order is numeric order, as in R.
    const auto padded = [](const char* prefix, std::size_t value) {
        const std::string digits = std::to_string(value);
        return prefix + std::string(digits.size() < 3 ? 3 - digits.size() : 0, '0') + digits;
    };
    for (std::size_t i = 0; i < time.size(); ++i) {
        id.push_back(padded("S", i));
        arms.push_back(arm[static_cast<int>(i)].toString().toStdString());
        strata.push_back(padded("s", static_cast<std::size_t>(stratum[i])));
        cnsr.push_back(status[i] == 1 ? 0 : 1);
    }
    RawTable adsl{"edge:ADSL", {}, {}};
    adsl.columns.push_back(text_column("USUBJID", "", id));
    adsl.columns.push_back(text_column("TRT01P", "", arms));
    adsl.columns.push_back(text_column("STRATUM", "", strata));
    RawTable adtte{"edge:ADTTE", {}, {}};
    adtte.columns.push_back(text_column("USUBJID", "", id));
    adtte.columns.push_back(
        text_column("PARAMCD", "", std::vector<std::string>(id.size(), "EDGE")));
    adtte.columns.push_back(number_column("AVAL", "", time));
    adtte.columns.push_back(number_column("CNSR", "", cnsr));
    return build_study({adsl, adtte}, c["name"].toString().toStdString());
}

// R's warning texts carry stray spaces ("variable  1 ; ..."): compare without.
std::string squeezed(std::string text) {
    text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
    return text;
}

void expect_warnings(const Results& results, const QJsonValue& r_warnings) {
    if (r_warnings.isUndefined() || r_warnings.isNull()) {
        return;
    }
    for (const auto& w : golden::as_array(r_warnings)) {
        const std::string wanted = squeezed(w.toString().toStdString());
        const bool said = std::any_of(results.warnings.begin(), results.warnings.end(),
                                      [&](const std::string& ours) {
                                          return squeezed(ours).find(wanted) != std::string::npos;
                                      });
        QVERIFY2(said, qPrintable("R warns \"" + w.toString() + "\"; TrialLens does not"));
    }
}

} // namespace

class TestEdgeCases : public QObject {
    Q_OBJECT

private slots:
    void matchesR_data() {
        QTest::addColumn<QJsonObject>("golden");
        QTest::addColumn<QString>("ties");
        for (const auto& value : golden::load("edge_cases.json").toArray()) {
            const QJsonObject c = value.toObject();
            for (const char* ties : {"efron", "breslow", "exact"}) {
                QTest::newRow(qPrintable(c["name"].toString() + "/" + ties)) << c << ties;
            }
        }
    }

    void matchesR() {
        QFETCH(QJsonObject, golden);
        QFETCH(QString, ties);
        const Study study = study_of(golden);
        AnalysisSpec spec;
        spec.reference_arm = "A";
        if (!golden["input_stratum"].isNull()) {
            spec.strata = {"STRATUM"};
        }
        spec.ties = *ties_from_name(ties.toStdString());
        const Results results = refit(study, spec);

        const QJsonArray arms = golden["arms"].toArray();
        QCOMPARE(results.arms.size(), static_cast<std::size_t>(arms.size()));
        for (std::size_t k = 0; k < results.arms.size(); ++k) {
            const QJsonObject arm = arms[static_cast<int>(k)].toObject();
            QCOMPARE(QString::fromStdString(results.arms[k].arm), arm["arm"].toString());
            QCOMPARE(static_cast<double>(results.arms[k].km.n), arm["n"].toDouble());
            QCOMPARE(static_cast<double>(results.arms[k].km.n_events), arm["events"].toDouble());
            golden::compare_km(results.arms[k].km, arm);
        }

        // Log-rank: present exactly when R tests something — no error, and
        // two groups with deaths expected (else survdiff says df -1).
        const QJsonObject logrank = golden["logrank"].toObject();
        const auto expected = golden::values(logrank["expected"]);
        const bool r_tests =
            !golden["logrank"].isNull() && logrank["error"].isNull() &&
            std::count_if(expected.begin(), expected.end(), [](double e) { return e > 0; }) >= 2;
        QCOMPARE(results.logrank.has_value(), r_tests);
        if (r_tests) {
            COMPARE_GOLDEN(results.logrank->chisq, logrank["chisq"]);
            QCOMPARE(static_cast<double>(results.logrank->df), logrank["df"].toDouble());
            COMPARE_GOLDEN(results.logrank->p, logrank["p"]);
        }

        // Cox: R fits whenever two arms are present; without events its
        // coefficient is NA and TrialLens leaves the model out.
        QJsonObject cox;
        for (const auto& value : golden["cox"].toArray()) {
            if (value.toObject()["ties"].toString() == ties) {
                cox = value.toObject();
            }
        }
        if (cox.isEmpty() || golden::as_array(cox["coef"]).first().isNull()) {
            QVERIFY(!results.cox.has_value());
            return;
        }
        QVERIFY(results.cox.has_value());
        const QJsonArray coef = golden::as_array(cox["coef"]);
        const QJsonArray se = golden::as_array(cox["se"]);
        QCOMPARE(results.cox->terms.size(), static_cast<std::size_t>(coef.size()));
        for (std::size_t j = 0; j < results.cox->terms.size(); ++j) {
            const HazardRatio& term = results.cox->terms[j];
            COMPARE_GOLDEN(term.coef, coef[static_cast<int>(j)]);
            COMPARE_GOLDEN(term.se, se[static_cast<int>(j)]);
            // The ratio is reported exactly when R's standard error is positive.
            QCOMPARE(term.hr.has_value(), se[static_cast<int>(j)].toDouble() > 0);
        }
        COMPARE_GOLDEN(results.cox->loglik_null, cox["loglik_null"]);
        COMPARE_GOLDEN(results.cox->loglik, cox["loglik"]);
        COMPARE_GOLDEN(results.cox->score_chisq, cox["score_chisq"]);
        COMPARE_GOLDEN(results.cox->lr_chisq, cox["lr_chisq"]);
        if (!cox["wald_chisq"].isNull()) {
            COMPARE_GOLDEN(results.cox->wald_chisq, cox["wald_chisq"]);
        }
        expect_warnings(results, cox["warnings"]);
    }
};

QTEST_APPLESS_MAIN(TestEdgeCases)
#include "test_edge_cases.moc"
