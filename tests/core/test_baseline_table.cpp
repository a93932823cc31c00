// Table 1 (baseline_table.h) through the workspace call, against R's mean,
// sd, quantile(type = 2 and 7), table, kruskal.test, chisq.test(correct =
// FALSE) and fisher.test (tests/reference/golden_baseline.R) on the CDISC
// pilot and the demo; the tests themselves (sample_quantile, kruskal_wallis,
// pearson_chi_square, fisher_exact_table) on the goldens' tables; and what
// Table 1 does with input it cannot show.

#include "../cdisc_pilot.h"
#include "../golden.h"

#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/refit.h>
#include <triallens/analysis/workspace.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/fisher_exact_table.h>
#include <triallens/stats/kruskal_wallis.h>
#include <triallens/stats/pearson_chi_square.h>
#include <triallens/stats/sample_quantile.h>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace triallens;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

QStringList to_list(const std::vector<std::string>& names) {
    QStringList list;
    for (const auto& name : names) {
        list << QString::fromStdString(name);
    }
    return list;
}

// Every number of `table` against the golden `expected` (one of a golden
// file's "tables"), column by column.
void compare_table(const BaselineTable& table, const QJsonObject& file,
                   const QJsonObject& expected) {
    QStringList columns;
    for (const auto& arm : golden::as_array(file["arms"])) {
        columns << arm.toString();
    }
    columns << "Total";
    QCOMPARE(to_list(table.columns), columns);
    const auto n = golden::values<std::size_t>(file["n"]);
    QCOMPARE(table.n, n);
    QCOMPARE(table.quantile_type, expected["quantile_type"].toInt());
    const QJsonArray rows = expected["rows"].toArray();
    QCOMPARE(table.rows.size(), static_cast<std::size_t>(rows.size()));
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonObject golden_row = rows[r].toObject();
        const BaselineRow& row = table.rows[static_cast<std::size_t>(r)];
        QCOMPARE(QString::fromStdString(row.variable), golden_row["variable"].toString());
        QVERIFY(row.test.has_value());
        // R has no test of a table with one level (the demo's SEX): no p.
        const bool tested = !golden_row["test"].isNull();
        const QJsonObject test = golden_row["test"].toObject();
        if (tested) {
            QCOMPARE(QString::fromStdString(row.test->method), test["method"].toString());
            COMPARE_GOLDEN(row.test->p, test["p"]);
        } else {
            QVERIFY(!row.test->p);
        }
        if (golden_row["type"].toString() == "continuous") {
            QCOMPARE(row.type, BaselineRow::Type::Continuous);
            COMPARE_GOLDEN(row.test->statistic, test["statistic"]);
            COMPARE_GOLDEN(row.test->df, test["df"]);
            const QJsonArray stats = golden_row["stats"].toArray();
            QCOMPARE(row.stats.size(), static_cast<std::size_t>(stats.size()));
            for (std::size_t c = 0; c < row.stats.size(); ++c) {
                const QJsonObject g = stats[static_cast<qsizetype>(c)].toObject();
                const ContinuousSummary& s = row.stats[c];
                QCOMPARE(static_cast<double>(s.n), g["n"].toDouble());
                QCOMPARE(static_cast<double>(s.missing), g["missing"].toDouble());
                COMPARE_GOLDEN(s.mean, g["mean"]);
                COMPARE_GOLDEN(s.sd, g["sd"]);
                COMPARE_GOLDEN(s.median, g["median"]);
                COMPARE_GOLDEN(s.q1, g["q1"]);
                COMPARE_GOLDEN(s.q3, g["q3"]);
                COMPARE_GOLDEN(s.min, g["min"]);
                COMPARE_GOLDEN(s.max, g["max"]);
            }
            continue;
        }
        QCOMPARE(row.type, BaselineRow::Type::Categorical);
        if (tested && row.test->method == "Pearson chi-square") {
            COMPARE_GOLDEN(row.test->statistic, test["chisq"].toObject()["statistic"]);
            COMPARE_GOLDEN(row.test->df, test["chisq"].toObject()["df"]);
        }
        QCOMPARE(row.missing, golden::values<std::size_t>(golden_row["missing"]));
        const QJsonArray levels = golden_row["levels"].toArray();
        QCOMPARE(row.levels.size(), static_cast<std::size_t>(levels.size()));
        for (std::size_t l = 0; l < row.levels.size(); ++l) {
            const QJsonObject g = levels[static_cast<qsizetype>(l)].toObject();
            QCOMPARE(QString::fromStdString(row.levels[l].level), g["level"].toString());
            const QJsonArray pct = golden::as_array(g["pct"]);
            const auto counts = golden::values<std::size_t>(g["n"]);
            for (std::size_t c = 0; c < row.levels[l].counts.size(); ++c) {
                QCOMPARE(row.levels[l].counts[c].n, counts[c]);
                COMPARE_GOLDEN(row.levels[l].counts[c].pct, pct[static_cast<qsizetype>(c)]);
            }
        }
    }
}

// A small ADSL: TRT01P "A"/"B" over `n` subjects, AGE 40 + s, and `extra`.
Study small_study(std::size_t n, std::vector<Variable> extra = {}) {
    std::vector<std::string> usubjid;
    std::vector<std::int32_t> arm;
    std::vector<double> age;
    for (std::size_t s = 0; s < n; ++s) {
        usubjid.push_back("S" + std::to_string(s));
        arm.push_back(static_cast<std::int32_t>(s % 2));
        age.push_back(40.0 + static_cast<double>(s));
    }
    std::vector<Variable> variables{
        Variable::factor("TRT01P", "Planned Treatment", arm, {"A", "B"}),
        Variable::measurement("AGE", "Age", age)};
    for (auto& variable : extra) {
        variables.push_back(std::move(variable));
    }
    Study study;
    study.name = "small";
    study.subjects = SubjectTable(std::move(usubjid), std::move(variables));
    return study;
}

WorkspaceSpec baseline_of(std::vector<std::string> variables, int quantile_type = 2) {
    WorkspaceSpec spec;
    spec.baseline.variables = std::move(variables);
    spec.baseline.quantile_type = quantile_type;
    spec.baseline.p_values = true;
    return spec;
}

} // namespace

class TestBaselineTable : public QObject {
    Q_OBJECT

private slots:
    void pilotMatchesR_data() {
        QTest::addColumn<int>("table");
        QTest::newRow("quantile type 2") << 0;
        QTest::newRow("quantile type 7") << 1;
    }
    void pilotMatchesR() {
        QFETCH(int, table);
        const QJsonObject file = golden::load("baseline_cdisc.json").toObject();
        const QJsonObject expected = file["tables"].toArray()[table].toObject();
        WorkspaceSpec spec;
        spec.analysis = default_spec(cdisc_pilot::study());
        spec.baseline.quantile_type = expected["quantile_type"].toInt();
        spec.baseline.p_values = true;
        for (const auto& row : expected["rows"].toArray()) {
            spec.baseline.variables.push_back(row.toObject()["variable"].toString().toStdString());
        }
        const Results results = compute_workspace(cdisc_pilot::study(), spec);
        QVERIFY2(results.baseline.has_value(), results.baseline_error.c_str());
        QCOMPARE(results.baseline->arm_variable, std::string("TRT01P"));
        QCOMPARE(results.baseline->population, std::string("ITT population (ITTFL = \"Y\")"));
        compare_table(*results.baseline, file, expected);
        QVERIFY(results.baseline->notes.empty());
    }

    void demoDefaultsMatchR_data() { pilotMatchesR_data(); }
    void demoDefaultsMatchR() {
        QFETCH(int, table);
        const QJsonObject file = golden::load("baseline_demo.json").toObject();
        const QJsonObject expected = file["tables"].toArray()[table].toObject();
        QStringList variables;
        for (const auto& name : golden::as_array(file["variables"])) {
            variables << name.toString();
        }
        QCOMPARE(to_list(default_baseline_variables(demo())), variables);
        WorkspaceSpec spec;
        spec.analysis = default_spec(demo());
        spec.baseline.quantile_type = expected["quantile_type"].toInt();
        spec.baseline.p_values = true;
        const WorkspaceBaseline baseline = workspace_baseline(demo(), spec);
        QVERIFY2(baseline.table.has_value(), baseline.error.c_str());
        compare_table(*baseline.table, file, expected);
    }

    // Pearson's and Fisher's test on every categorical table of the goldens,
    // whichever of the two the rule picked.
    void contingencyTestsMatchR() {
        for (const char* name : {"baseline_cdisc.json", "baseline_demo.json"}) {
            const QJsonObject file = golden::load(name).toObject();
            for (const auto& value : file["tables"].toArray()[0].toObject()["rows"].toArray()) {
                const QJsonObject row = value.toObject();
                if (row["type"].toString() != "categorical" || row["test"].isNull()) {
                    continue;
                }
                ContingencyTable table;
                for (const auto& counts : row["table"].toArray()) {
                    const auto cells = golden::values<std::size_t>(counts);
                    table.cols = cells.size();
                    ++table.rows;
                    table.counts.insert(table.counts.end(), cells.begin(), cells.end());
                }
                const QJsonObject test = row["test"].toObject();
                const PearsonChiSquare chi = pearson_chi_square(table.without_empty_margins());
                COMPARE_GOLDEN(chi.statistic, test["chisq"].toObject()["statistic"]);
                COMPARE_GOLDEN(chi.p, test["chisq"].toObject()["p"]);
                COMPARE_GOLDEN(fisher_exact_table(table), test["fisher"]);
            }
        }
    }

    void fisherGivesUpBeyondItsBound() {
        const ContingencyTable table{3, 3, {30, 31, 29, 50, 48, 52, 20, 21, 19}};
        QVERIFY(!fisher_exact_table(table, 1000).has_value());
        QVERIFY(fisher_exact_table(table).has_value());
    }

    void quantilesFollowRsTypes() {
        // quantile(1:4, c(.25, .5, .75), type = 2): 1.5 2.5 3.5; type = 7: 1.75 2.5 3.25
        const std::vector<double> four{1, 2, 3, 4};
        QCOMPARE(sample_quantile(four, 0.25, 2), 1.5);
        QCOMPARE(sample_quantile(four, 0.5, 2), 2.5);
        QCOMPARE(sample_quantile(four, 0.75, 7), 3.25);
        // quantile(c(1, 2, 3, 4, 5), .3, type = 2): n p = 1.5, x[2]
        const std::vector<double> five{1, 2, 3, 4, 5};
        QCOMPARE(sample_quantile(five, 0.3, 2), 2.0);
        QCOMPARE(sample_quantile(std::vector<double>{7}, 0.25, 2), 7.0);
    }

    // Whole numbers in a short range are tallied (a counting sort), other
    // values sorted: both must give the plain computation's summaries and
    // kruskal.test, here on ties, missing values and unequal arms.
    void talliedAndSortedColumnsMatchThePlainComputation() {
        constexpr std::size_t n = 3000;
        std::vector<double> whole;
        std::vector<double> halves;
        for (std::size_t s = 0; s < n; ++s) {
            const double value = s % 97 == 0 ? std::numeric_limits<double>::quiet_NaN()
                                             : static_cast<double>(20 + (s * 7919 + s / 3) % 61);
            whole.push_back(value);
            halves.push_back(value + 0.5);
        }
        const Study study = small_study(n, {Variable::measurement("WHOLE", "Whole", whole),
                                            Variable::measurement("HALVES", "Halves", halves)});
        const WorkspaceBaseline baseline =
            workspace_baseline(study, baseline_of({"WHOLE", "HALVES"}));
        QVERIFY2(baseline.table.has_value(), baseline.error.c_str());
        const auto& columns = baseline.table->columns;
        for (std::size_t r = 0; r < 2; ++r) {
            const std::vector<double>& column = r == 0 ? whole : halves;
            const BaselineRow& row = baseline.table->rows[r];
            // The plain computation: each column's values sorted, and the
            // test over the arms (the study's arm s % 2 is column s % 2 here).
            std::vector<std::vector<double>> sorted(columns.size());
            std::vector<double> tested;
            std::vector<std::int32_t> group;
            for (std::size_t s = 0; s < n; ++s) {
                if (std::isnan(column[s])) {
                    continue;
                }
                const std::size_t arm = columns[0] == "A" ? s % 2 : 1 - s % 2;
                sorted[arm].push_back(column[s]);
                sorted.back().push_back(column[s]);
                tested.push_back(column[s]);
                group.push_back(static_cast<std::int32_t>(arm));
            }
            for (std::size_t c = 0; c < columns.size(); ++c) {
                std::sort(sorted[c].begin(), sorted[c].end());
                const ContinuousSummary& stats = row.stats[c];
                QCOMPARE(stats.n, sorted[c].size());
                QCOMPARE(*stats.min, sorted[c].front());
                QCOMPARE(*stats.max, sorted[c].back());
                QCOMPARE(*stats.median, sample_quantile(sorted[c], 0.5, 2));
                QCOMPARE(*stats.q1, sample_quantile(sorted[c], 0.25, 2));
                QCOMPARE(*stats.q3, sample_quantile(sorted[c], 0.75, 2));
                double sum = 0;
                for (const double value : sorted[c]) {
                    sum += value;
                }
                QVERIFY(golden::close(*stats.mean, sum / static_cast<double>(sorted[c].size())));
            }
            const KruskalWallis plain = kruskal_wallis(tested, group);
            QVERIFY(row.test && row.test->statistic && plain.statistic);
            QCOMPARE(*row.test->statistic, *plain.statistic);
            QCOMPARE(*row.test->p, *plain.p);
            QCOMPARE(*row.test->df, plain.df);
        }
        QCOMPARE(*baseline.table->rows[0].test->statistic,
                 *baseline.table->rows[1].test->statistic);
    }

    void aVariableWithNoValuesKeepsItsRow() {
        const std::vector<double> none(10, std::numeric_limits<double>::quiet_NaN());
        const Study study = small_study(10, {Variable::measurement("BMIBL", "BMI", none)});
        const WorkspaceBaseline baseline = workspace_baseline(study, baseline_of({"BMIBL", "AGE"}));
        QVERIFY2(baseline.table.has_value(), baseline.error.c_str());
        const BaselineRow& row = baseline.table->rows.front();
        QCOMPARE(row.variable, std::string("BMIBL"));
        QCOMPARE(row.stats.back().n, std::size_t{0});
        QCOMPARE(row.stats.back().missing, std::size_t{10});
        QVERIFY(!row.stats.back().mean && !row.stats.back().median);
        QVERIFY(row.test && !row.test->p);
        QCOMPARE(baseline.table->notes,
                 std::vector<std::string>{"BMIBL has no values in the population"});
        QCOMPARE(baseline.table->rows[1].stats.back().n, std::size_t{10});
    }

    void unknownVariableIsNamed() {
        const WorkspaceBaseline baseline =
            workspace_baseline(small_study(4), baseline_of({"WEIGHT"}));
        QVERIFY(!baseline.table);
        QVERIFY2(baseline.error.find("WEIGHT") != std::string::npos, baseline.error.c_str());
        QVERIFY(baseline.disposition.has_value());
    }

    void quantileTypeOtherThanTwoOrSevenIsRefused() {
        const WorkspaceBaseline baseline =
            workspace_baseline(small_study(4), baseline_of({"AGE"}, 5));
        QVERIFY(!baseline.table);
        QVERIFY2(baseline.error.find("quantile type") != std::string::npos, baseline.error.c_str());
    }

    void tooManyVariablesAreRefused() {
        const WorkspaceBaseline baseline = workspace_baseline(
            small_study(4),
            baseline_of(std::vector<std::string>(max_baseline_variables + 1, "AGE")));
        QVERIFY(!baseline.table);
        QVERIFY2(baseline.error.find("at most") != std::string::npos, baseline.error.c_str());
    }

    void aVariableWithManyLevelsIsLeftOutWithANote() {
        std::vector<std::int32_t> codes;
        std::vector<std::string> levels;
        for (std::int32_t s = 0; s < 60; ++s) {
            codes.push_back(s);
            levels.push_back("site " + std::to_string(100 + s));
        }
        const Study study = small_study(
            60, {Variable::factor("SITEID", "Site", std::move(codes), std::move(levels))});
        const WorkspaceBaseline baseline =
            workspace_baseline(study, baseline_of({"SITEID", "AGE"}));
        QVERIFY2(baseline.table.has_value(), baseline.error.c_str());
        QCOMPARE(baseline.table->rows.size(), std::size_t{1});
        QCOMPARE(baseline.table->rows.front().variable, std::string("AGE"));
        QCOMPARE(baseline.table->notes,
                 std::vector<std::string>{"SITEID has 60 levels (more than 50): left out"});
    }

    // Without ITTFL, RANDFL chooses the subjects; without either, every
    // subject with an arm. ADSL alone (no time-to-event data) is enough.
    void theRandomisedWithoutIttfl() {
        const Study all = small_study(6);
        QVERIFY(all.endpoints.empty());
        const WorkspaceBaseline plain = workspace_baseline(all, baseline_of({"AGE"}));
        QVERIFY2(plain.table.has_value(), plain.error.c_str());
        QCOMPARE(plain.table->population, std::string("All subjects with an arm"));
        QCOMPARE(plain.table->n, (std::vector<std::size_t>{3, 3, 6}));
        QCOMPARE(plain.table->columns, (std::vector<std::string>{"A", "B", "Total"}));

        const Study randomised =
            small_study(6, {Variable::factor("RANDFL", "Randomised", {0, 0, 0, 0, -1, 0}, {"Y"})});
        const WorkspaceBaseline flagged = workspace_baseline(randomised, baseline_of({"AGE"}));
        QVERIFY2(flagged.table.has_value(), flagged.error.c_str());
        QCOMPARE(flagged.table->population, std::string("Randomised population (RANDFL = \"Y\")"));
        QCOMPARE(flagged.table->n, (std::vector<std::size_t>{2, 3, 5}));
        // The disposition's randomised are RANDFL's too.
        QCOMPARE(flagged.disposition->rows.front().counts, (std::vector<std::size_t>{2, 3, 5}));
    }

    void theFilterAndTheFocusChooseTheSubjects() {
        WorkspaceSpec spec = baseline_of({"AGE", "SEX"});
        spec.analysis = default_spec(cdisc_pilot::study());
        spec.analysis.filter = "AGE >= 70";
        spec.focus = SubgroupFocus{"SEX", "F"};
        const WorkspaceBaseline baseline = workspace_baseline(cdisc_pilot::study(), spec);
        QVERIFY2(baseline.table.has_value(), baseline.error.c_str());
        const BaselineRow& age = baseline.table->rows.front();
        QVERIFY(*age.stats.back().min >= 70);
        const BaselineRow& sex = baseline.table->rows[1];
        QCOMPARE(sex.levels.front().level, std::string("F"));
        QCOMPARE(sex.levels.front().counts.back().n, baseline.table->n.back());
        QVERIFY(baseline.table->population.find("AGE >= 70") != std::string::npos);
    }

    void noArmColumnIsAnError() {
        Study study;
        study.subjects = SubjectTable({"S1", "S2"}, {Variable::measurement("AGE", "Age", {1, 2})});
        const WorkspaceBaseline baseline = workspace_baseline(study, {});
        QVERIFY(!baseline.table && !baseline.disposition);
        QVERIFY(!baseline.error.empty());
    }
};

QTEST_APPLESS_MAIN(TestBaselineTable)
#include "test_baseline_table.moc"
