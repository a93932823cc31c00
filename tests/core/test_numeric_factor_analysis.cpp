// Numeric columns as factors through the whole analysis, against R
// (tests/reference/golden_numeric_factors.R): a trial whose ADSL codes
// ECOGBL 0/1 and NODEGR 0/1/2 as numbers, read from CSV. Stratified log-rank
// and Cox by each and by both, forest rows and interaction tests for each,
// levels in numeric order spelled as R spells them; records with a missing
// NODEGR left out with a warning, as R drops them; and the one clear error
// for a numeric column with too many values to be a factor.

#include "../km_golden.h"
#include "../test_paths.h"

#include <triallens/analysis/refit.h>
#include <triallens/io/load_study.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <filesystem>

using namespace triallens;

namespace {

const Study& study() {
    static const Study loaded = [] {
        const std::filesystem::path folder = TRIALLENS_TEST_DATA + "/reference/numeric_factors";
        StudyLoad load = load_study({folder / "adsl.csv", folder / "adtte.csv"});
        if (!load.ok()) {
            qFatal("cannot load the numeric-factor fixture: %s",
                   load.findings.front().text().c_str());
        }
        return std::move(*load.study);
    }();
    return loaded;
}

const QJsonObject& golden_file() {
    static const QJsonObject golden = golden::load("numeric_factors.json").toObject();
    return golden;
}

std::vector<std::string> names_of(const QJsonValue& value) {
    std::vector<std::string> names;
    for (const auto& name : golden::as_array(value)) {
        names.push_back(name.toString().toStdString());
    }
    return names;
}

bool mentions(const std::vector<std::string>& warnings, const std::string& text) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& warning) {
        return warning.find(text) != std::string::npos;
    });
}

} // namespace

class TestNumericFactorAnalysis : public QObject {
    Q_OBJECT

private slots:
    void numericColumnsAreFactorsInNumericOrder() {
        const QJsonObject levels = golden_file()["levels"].toObject();
        for (const char* name : {"ECOGBL", "NODEGR"}) {
            const Variable* variable = study().subjects.find(name);
            QVERIFY(variable != nullptr);
            QVERIFY(variable->is_categorical() && variable->is_numeric());
            QCOMPARE(variable->levels(), names_of(levels[name]));
        }
        QVERIFY(!study().subjects.find("AGE")->is_categorical());
    }

    void stratifiedComparisonsMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        QTest::addColumn<QJsonObject>("cox");
        for (const auto& value : golden_file()["stratified"].toArray()) {
            const QJsonObject set = value.toObject();
            for (const auto& cox : set["cox"].toArray()) {
                const QString tag = QString::fromStdString([&] {
                    std::string joined;
                    for (const auto& name : names_of(set["strata"])) {
                        joined += (joined.empty() ? "" : "+") + name;
                    }
                    return joined;
                }() + "/" + cox.toObject()["ties"].toString().toStdString());
                QTest::newRow(qPrintable(tag)) << set << cox.toObject();
            }
        }
    }

    void stratifiedComparisonsMatchR() {
        QFETCH(QJsonObject, golden);
        QFETCH(QJsonObject, cox);
        AnalysisSpec spec;
        spec.strata = names_of(golden["strata"]);
        spec.ties = *ties_from_name(cox["ties"].toString().toStdString());
        const Results results = refit(study(), spec);
        QCOMPARE(static_cast<double>(results.n), golden_file()["n"].toDouble());
        QVERIFY(results.logrank && results.cox);
        const QJsonObject logrank = golden["logrank"].toObject();
        COMPARE_GOLDEN(results.logrank->chisq, logrank["chisq"]);
        COMPARE_GOLDEN(results.logrank->p, logrank["p"]);
        for (int k = 0; k < 2; ++k) {
            COMPARE_GOLDEN(results.logrank->observed[static_cast<std::size_t>(k)],
                           logrank["observed"].toArray()[k]);
            COMPARE_GOLDEN(results.logrank->expected[static_cast<std::size_t>(k)],
                           logrank["expected"].toArray()[k]);
        }
        const HazardRatio& hr = results.cox->terms.front();
        COMPARE_GOLDEN(hr.coef, golden::as_array(cox["coef"])[0]);
        COMPARE_GOLDEN(hr.se, golden::as_array(cox["se"])[0]);
        COMPARE_GOLDEN(results.cox->loglik_null, cox["loglik_null"]);
        COMPARE_GOLDEN(results.cox->loglik, cox["loglik"]);
        COMPARE_GOLDEN(results.cox->score_chisq, cox["score_chisq"]);
        COMPARE_GOLDEN(results.cox->wald_chisq, cox["wald_chisq"]);
        COMPARE_GOLDEN(results.cox->lr_chisq, cox["lr_chisq"]);
        // R's na.action: the records with a missing stratum are dropped, and said to be.
        const auto left_out = golden_file()["n"].toInt() - golden["n"].toInt();
        QCOMPARE(mentions(results.warnings, std::to_string(left_out) +
                                                " records with a missing stratum are left out"),
                 left_out > 0);
    }

    void forestRowsMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden_file()["subgroups"].toArray()) {
            QTest::newRow(qPrintable(value.toObject()["ties"].toString())) << value.toObject();
        }
        QTest::newRow("breslow/ECOGBL strata") << golden_file()["subgroups_stratified"].toObject();
    }

    void forestRowsMatchR() {
        QFETCH(QJsonObject, golden);
        const QJsonArray rows = golden["rows"].toArray();
        AnalysisSpec spec;
        spec.ties = *ties_from_name(golden["ties"].toString().toStdString());
        spec.strata = names_of(golden["strata"]);
        for (const auto& row : rows) {
            const std::string variable = row.toObject()["variable"].toString().toStdString();
            if (std::find(spec.subgroups.begin(), spec.subgroups.end(), variable) ==
                spec.subgroups.end()) {
                spec.subgroups.push_back(variable);
            }
        }
        const Results results = refit(study(), spec);
        // Row for row in R's order: variables as named, levels in numeric order.
        QCOMPARE(results.subgroups.size(), static_cast<std::size_t>(rows.size()));
        for (std::size_t i = 0; i < results.subgroups.size(); ++i) {
            const SubgroupRow& row = results.subgroups[i];
            const QJsonObject r = rows[static_cast<int>(i)].toObject();
            golden::compare_subgroup_row(row, r);
        }
        // NODEGR is missing for three subjects: left out of its rows, and said so.
        QVERIFY(mentions(results.warnings,
                         "3 records with a missing NODEGR are left out of its subgroups"));
        QVERIFY(!mentions(results.warnings, "missing ECOGBL"));
    }

    void tooManyValuesIsOneClearError_data() {
        QTest::addColumn<QString>("role");
        QTest::newRow("strata") << "stratification";
        QTest::newRow("subgroups") << "subgroup";
        QTest::newRow("curves by") << "curves-by";
    }

    void tooManyValuesIsOneClearError() {
        QFETCH(QString, role);
        const Variable& age = *study().subjects.find("AGE");
        std::vector<double> values;
        for (const double x : age.numbers()) {
            if (!std::isnan(x) && std::find(values.begin(), values.end(), x) == values.end()) {
                values.push_back(x);
            }
        }
        AnalysisSpec spec;
        if (role == "stratification") {
            spec.strata = {"AGE"};
        } else if (role == "subgroup") {
            spec.subgroups = {"AGE"};
        } else {
            spec.curves_by = "AGE";
        }
        try {
            refit(study(), spec);
            QFAIL("AGE was taken as a factor");
        } catch (const SpecError& error) {
            QCOMPARE(QString::fromStdString(error.what()),
                     QStringLiteral("%1 column AGE has %2 distinct values: too many for a factor "
                                    "(at most 12); use a grouped column, or a filter")
                         .arg(role)
                         .arg(values.size()));
        }
    }
};

QTEST_APPLESS_MAIN(TestNumericFactorAnalysis)
#include "test_numeric_factor_analysis.moc"
