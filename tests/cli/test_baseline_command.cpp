// `triallens baseline`, run as a user runs it: --json prints the contract's
// document (triallens.baseline/1) with the numbers core's workspace_baseline
// computes; the text output is Table 1 then the disposition; bad input exits
// non-zero with one line on stderr and nothing on stdout.

#include "../test_paths.h"
#include "triallens_process.h"

#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/workspace.h>
#include <triallens/demo/demo_study.h>
#include <triallens/io/load_study.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace triallens;

namespace {

using cli_test::Run;
using cli_test::run;

const QString pilot_adsl = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/adsl.xpt");

QJsonValue number_or_null(const std::optional<double>& value) {
    return value ? QJsonValue(*value) : QJsonValue();
}

} // namespace

class TestBaselineCommand : public QObject {
    Q_OBJECT

private slots:
    void jsonFollowsTheContract() {
        const Run result = run({"baseline", "demo", "--p-values", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json["schema"].toString(), QStringLiteral("triallens.baseline/1"));

        const Study study = generate_demo_study();
        WorkspaceSpec spec;
        spec.baseline.p_values = true;
        const WorkspaceBaseline expected = workspace_baseline(study, spec);
        QVERIFY(expected.table && expected.disposition);
        const BaselineTable& table = *expected.table;
        QCOMPARE(json["arms"].toArray(),
                 (QJsonArray{"Nab-paclitaxel", "Benmelstobart + anlotinib", "Total"}));
        QCOMPARE(json["quantile_type"].toInt(), 2);
        const QJsonArray rows = json["rows"].toArray();
        QCOMPARE(rows.size(), static_cast<qsizetype>(table.rows.size()));
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const QJsonObject row = rows[static_cast<qsizetype>(r)].toObject();
            const BaselineRow& core = table.rows[r];
            QCOMPARE(row["variable"].toString().toStdString(), core.variable);
            QCOMPARE(row["label"].toString().toStdString(), core.label);
            QVERIFY(row["test"].isObject());
            QCOMPARE(row["test"].toObject()["p"], number_or_null(core.test->p));
            QCOMPARE(row["test"].toObject()["method"].toString().toStdString(), core.test->method);
            for (std::size_t c = 0; c < table.columns.size(); ++c) {
                const QString column = QString::fromStdString(table.columns[c]);
                if (core.type == BaselineRow::Type::Continuous) {
                    QCOMPARE(row["type"].toString(), QStringLiteral("continuous"));
                    const QJsonObject stats = row["stats"].toObject()[column].toObject();
                    const ContinuousSummary& s = core.stats[c];
                    QCOMPARE(stats["n"].toDouble(), static_cast<double>(s.n));
                    QCOMPARE(stats["mean"], number_or_null(s.mean));
                    QCOMPARE(stats["sd"], number_or_null(s.sd));
                    QCOMPARE(stats["median"], number_or_null(s.median));
                    QCOMPARE(stats["q1"], number_or_null(s.q1));
                    QCOMPARE(stats["q3"], number_or_null(s.q3));
                    QCOMPARE(stats["min"], number_or_null(s.min));
                    QCOMPARE(stats["max"], number_or_null(s.max));
                    QCOMPARE(stats["missing"].toDouble(), static_cast<double>(s.missing));
                    continue;
                }
                QCOMPARE(row["type"].toString(), QStringLiteral("categorical"));
                QCOMPARE(row["missing"].toObject()[column].toDouble(),
                         static_cast<double>(core.missing[c]));
                const QJsonArray levels = row["levels"].toArray();
                QCOMPARE(levels.size(), static_cast<qsizetype>(core.levels.size()));
                for (std::size_t l = 0; l < core.levels.size(); ++l) {
                    const QJsonObject level = levels[static_cast<qsizetype>(l)].toObject();
                    QCOMPARE(level["level"].toString().toStdString(), core.levels[l].level);
                    const QJsonObject count = level["counts"].toObject()[column].toObject();
                    QCOMPARE(count["n"].toDouble(),
                             static_cast<double>(core.levels[l].counts[c].n));
                    QCOMPARE(count["pct"], number_or_null(core.levels[l].counts[c].pct));
                }
            }
        }
        const QJsonArray disposition = json["disposition"].toArray();
        QCOMPARE(disposition.size(), static_cast<qsizetype>(expected.disposition->rows.size()));
        const QJsonObject randomised = disposition.first().toObject();
        QCOMPARE(randomised["stage"].toString(), QStringLiteral("Randomised"));
        QVERIFY(randomised["reason"].isNull());
        QCOMPARE(randomised["counts"].toObject()["Total"].toDouble(), 147.0);
        const QJsonObject reason = disposition.last().toObject();
        QCOMPARE(reason["reason"].toString().toStdString(),
                 expected.disposition->rows.back().reason);
    }

    // Quantile type 7 and the chosen variables, on the pilot's ADSL alone.
    void pilotAdslAloneWithTypeSeven() {
        const Run result =
            run({"baseline", pilot_adsl, "--vars", "AGE,SEX", "--quantile-type", "7", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json["quantile_type"].toInt(), 7);
        const QJsonArray rows = json["rows"].toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].toObject()["variable"].toString(), QStringLiteral("AGE"));
        QVERIFY(rows[0].toObject()["test"].isNull());
        // The numbers are core's (test_baseline_table checks them against R).
        const QJsonObject placebo = rows[0].toObject()["stats"].toObject()["Placebo"].toObject();
        QCOMPARE(placebo["n"].toDouble(), 86.0);
        QCOMPARE(rows[1].toObject()["levels"].toArray()[0].toObject()["level"].toString(),
                 QStringLiteral("F"));
        StudyLoad load = load_study({pilot_adsl.toStdString()});
        QVERIFY(load.ok());
        WorkspaceSpec spec;
        spec.baseline = {{"AGE", "SEX"}, 7, false};
        const WorkspaceBaseline expected = workspace_baseline(*load.study, spec);
        QVERIFY(expected.table);
        QCOMPARE(placebo["q1"], number_or_null(expected.table->rows[0].stats[0].q1));
        QCOMPARE(placebo["q3"], number_or_null(expected.table->rows[0].stats[0].q3));
    }

    void textIsTableOneThenTheDisposition() {
        const Run result = run({"baseline", pilot_adsl, "--p-values"});
        QCOMPARE(result.exit_code, 0);
        const QString text = QString::fromUtf8(result.out);
        const qsizetype table1 = text.indexOf(QStringLiteral("Table 1 by TRT01P"));
        const qsizetype disposition = text.indexOf(QStringLiteral("Disposition by TRT01P"));
        QVERIFY2(table1 >= 0 && disposition > table1, result.out.constData());
        QVERIFY(text.contains(QStringLiteral("Placebo (N=86)")));
        QVERIFY(text.contains(QStringLiteral("(Kruskal-Wallis)")));
        QVERIFY(text.contains(QStringLiteral("(Fisher exact)")));
        QVERIFY(text.contains(QStringLiteral("  Mean (SD)")));
        QVERIFY(text.contains(QStringLiteral("Discontinued study")));
        QVERIFY(text.contains(QStringLiteral("  Adverse Event")));
    }

    void badInvocationsFailWithOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("quantile type")
            << QStringList{"baseline", "demo", "--quantile-type", "5"}
            << "--quantile-type must be 2 (SAS's default) or 7 (R's), got \"5\"";
        QTest::newRow("unknown variable") << QStringList{"baseline", "demo", "--vars", "AGE,NOPE"}
                                          << "no column NOPE in the subject-level data";
        QTest::newRow("a baseline option elsewhere")
            << QStringList{"analyze", "demo", "--param", "OS", "--p-values"}
            << "--p-values is a baseline option";
        QTest::newRow("unknown arm column") << QStringList{"baseline", "demo", "--arm", "NOPE"}
                                            << "no column NOPE in the subject-level data";
    }
    void badInvocationsFailWithOneLine() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run result = run(arguments);
        QVERIFY(result.exit_code != 0);
        QVERIFY(result.out.isEmpty());
        QCOMPARE(result.err.count('\n'), 1);
        QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestBaselineCommand)
#include "test_baseline_command.moc"
