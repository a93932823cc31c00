// The command line, run as a user runs it: `analyze demo --json` prints the
// contract's keys with the numbers the core computes; bad input exits
// non-zero with one line on stderr and nothing on stdout.

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace triallens;

namespace {

struct Run {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(TRIALLENS_BINARY), arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

void compare_optional(const QJsonValue& json, const std::optional<double>& value) {
    if (value) {
        QCOMPARE(json.toDouble(), *value);
    } else {
        QVERIFY(json.isNull());
    }
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void analyzeJsonHasContractKeysAndCoreNumbers() {
        const Run result = run({"analyze", "demo", "--param", "PFS", "--json"});
        QCOMPARE(result.exit_code, 0);
        QVERIFY(result.err.isEmpty());
        QJsonParseError error;
        const QJsonObject json = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);

        AnalysisSpec spec;
        spec.paramcd = "PFS";
        const Results expected = refit(generate_demo_study(), spec);
        QCOMPARE(json["schema"].toString(), QStringLiteral("triallens.analyze/1"));
        QCOMPARE(json["n"].toDouble(), 147.0);
        QCOMPARE(json["events"].toDouble(), static_cast<double>(expected.events));
        QCOMPARE(json["synthetic"].toBool(), true);

        const QJsonArray arms = json["arms"].toArray();
        QCOMPARE(arms.size(), 2);
        for (qsizetype a = 0; a < arms.size(); ++a) {
            const QJsonObject arm = arms[a].toObject();
            const ArmSurvival& core = expected.arms[static_cast<std::size_t>(a)];
            QCOMPARE(arm["arm"].toString().toStdString(), core.arm);
            QCOMPARE(arm["n"].toDouble(), static_cast<double>(core.km.n));
            QCOMPARE(arm["events"].toDouble(), static_cast<double>(core.km.n_events));
            compare_optional(arm["median"], core.median.estimate);
            compare_optional(arm["median_lower"], core.median.lower);
            compare_optional(arm["median_upper"], core.median.upper);
            const QJsonObject curve = arm["curve"].toObject();
            for (const char* key :
                 {"time", "n_risk", "n_event", "n_censor", "surv", "std_err", "lower", "upper"}) {
                QCOMPARE(curve[key].toArray().size(), static_cast<qsizetype>(core.km.curve.size()));
            }
            // Numbers survive the JSON round trip bit for bit.
            for (std::size_t i = 0; i < core.km.curve.size(); ++i) {
                const int j = static_cast<int>(i);
                QCOMPARE(curve["time"].toArray()[j].toDouble(), core.km.curve.time[i]);
                QCOMPARE(curve["surv"].toArray()[j].toDouble(), core.km.curve.surv[i]);
                compare_optional(curve["std_err"].toArray()[j], core.km.curve.std_err[i]);
                compare_optional(curve["lower"].toArray()[j], core.km.curve.lower[i]);
                compare_optional(curve["upper"].toArray()[j], core.km.curve.upper[i]);
            }
        }
        const QJsonObject logrank = json["logrank"].toObject();
        QCOMPARE(logrank["chisq"].toDouble(), expected.logrank->chisq);
        QCOMPARE(logrank["df"].toDouble(), 1.0);
        QCOMPARE(logrank["p"].toDouble(), expected.logrank->p);
        const QJsonObject cox = json["cox"].toObject();
        QCOMPARE(cox["ties"].toString(), QStringLiteral("efron"));
        QCOMPARE(cox["ref"].toString(), QStringLiteral("Nab-paclitaxel"));
        QCOMPARE(cox["terms"].toArray()[0].toObject()["hr"].toDouble(),
                 *expected.cox->terms.front().hr);
    }

    void strataFlagStratifiesComparisons() {
        const Run result =
            run({"analyze", "demo", "--param", "OS", "--strata", "PRTAXFL,LIVBRNFL", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json["strata"].toArray(), (QJsonArray{"PRTAXFL", "LIVBRNFL"}));
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.strata = {"PRTAXFL", "LIVBRNFL"};
        const Results expected = refit(generate_demo_study(), spec);
        QCOMPARE(json["cox"].toObject()["terms"].toArray()[0].toObject()["hr"].toDouble(),
                 *expected.cox->terms.front().hr);
        QCOMPARE(json["logrank"].toObject()["chisq"].toDouble(), expected.logrank->chisq);
    }

    void landmarksAndTauAddTheirKeys() {
        const Run result = run(
            {"analyze", "demo", "--param", "OS", "--landmarks", "12,24", "--tau", "24", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        const QJsonObject arm = json["arms"].toArray()[0].toObject();
        QCOMPARE(arm["landmarks"].toArray().size(), 2);
        QCOMPARE(arm["landmarks"].toArray()[1].toObject()["time"].toDouble(), 24.0);
        QCOMPARE(arm["rmst"].toObject()["tau"].toDouble(), 24.0);
        QCOMPARE(json["landmark_differences"].toArray().size(), 2);
        QCOMPARE(json["rmst_comparisons"].toArray().size(), 1);
    }

    void aeJsonFollowsTheContract() {
        const Run result = run({"ae", "demo", "--related", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json["schema"].toString(), QStringLiteral("triallens.ae/1"));
        const QJsonArray arms = json["arms"].toArray();
        QCOMPARE(arms.size(), 2);
        QCOMPARE(arms[0].toObject()["n"].toDouble(), 71.0);
        const QJsonObject any = json["rows"].toArray()[0].toObject();
        QVERIFY(any["soc"].isNull() && any["pt"].isNull());
        // The published grade >= 3 treatment-related rates: 56.0% and 36.6%.
        QCOMPARE(any["counts"]
                     .toObject()["Benmelstobart + anlotinib"]
                     .toObject()["grade3plus"]
                     .toDouble(),
                 42.0);
        QCOMPARE(any["counts"].toObject()["Nab-paclitaxel"].toObject()["grade3plus"].toDouble(),
                 26.0);
        QVERIFY(json["rows"].toArray()[1].toObject()["pt"].isNull()); // a SOC row comes next
    }

    void subgroupsListEveryLevelWithTheContractKeys() {
        const Run result =
            run({"analyze", "demo", "--param", "PFS", "--subgroups", "PDL1STAT,AGEGR1", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonArray rows = QJsonDocument::fromJson(result.out).object()["subgroups"].toArray();
        QCOMPARE(rows.size(), 4);
        for (const auto& value : rows) {
            const QJsonObject row = value.toObject();
            for (const char* key :
                 {"variable", "level", "n", "events", "hr", "lower", "upper", "interaction_p"}) {
                QVERIFY2(row.contains(key), key);
            }
        }
        QCOMPARE(rows[0].toObject()["interaction_p"], rows[1].toObject()["interaction_p"]);
    }

    void analyzeTableNamesArmsAndHazardRatio() {
        const Run result = run({"analyze", "demo", "--param", "OS"});
        QCOMPARE(result.exit_code, 0);
        QVERIFY(result.out.contains("SYNTHETIC"));
        QVERIFY(result.out.contains("Benmelstobart + anlotinib"));
        QVERIFY(result.out.contains("Hazard ratio vs Nab-paclitaxel"));
    }

    void badInvocationsFailWithOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown parameter") << QStringList{"analyze", "demo", "--param", "XYZ"}
                                           << "no parameter XYZ (present: OS, PFS)";
        QTest::newRow("no parameter named")
            << QStringList{"analyze", "demo"} << "choose a parameter with --param: OS, PFS";
        QTest::newRow("unknown arm column")
            << QStringList{"analyze", "demo", "--param", "OS", "--arm", "NOPE"}
            << "no column NOPE in the subject-level data";
        QTest::newRow("unknown stratum")
            << QStringList{"analyze", "demo", "--param", "OS", "--strata", "SEX,NOPE"}
            << "no stratification column NOPE in the subject-level data";
        QTest::newRow("compare with itself")
            << QStringList{"analyze",     "demo", "--param",   "OS",
                           "--subgroups", "SEX",  "--compare", "Nab-paclitaxel"}
            << "--compare must name an arm other than the reference";
        QTest::newRow("bad filter")
            << QStringList{"analyze", "demo", "--param", "OS", "--filter", "AGE == \"old\""}
            << "filter, column 8: AGE is numeric; compare it with a number";
        QTest::newRow("unknown option")
            << QStringList{"analyze", "demo", "--bogus"} << "unknown option --bogus";
        QTest::newRow("bad level") << QStringList{"analyze", "demo", "--conf-level", "1.5"}
                                   << "--conf-level must lie strictly between 0 and 1";
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

    void demoWritesOneCsvPerDatasetAndSite() {
        QTemporaryDir dir;
        const Run result = run({"demo", "--out", dir.path()});
        QCOMPARE(result.exit_code, 0);
        const QStringList files = QDir(dir.path()).entryList({"*.csv"}, QDir::Files);
        QCOMPARE(files.size(), 4 * 12);
        for (const char* dataset : {"adsl", "adtte", "adae", "adrs"}) {
            QVERIFY(files.contains(QStringLiteral("%1_site101.csv").arg(dataset)));
        }
        QFile adsl(dir.filePath("adsl_site101.csv"));
        QVERIFY(adsl.open(QIODevice::ReadOnly));
        QVERIFY(adsl.readLine().startsWith("STUDYID,USUBJID,SITEID,AGE"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
