// `triallens reconstruct`, run as a user runs it: from CSV points and an
// at-risk table into a folder that `analyze` then reads; every refused input
// exits non-zero with one line on stderr and writes nothing.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

QString write(const QTemporaryDir& dir, const QString& name, const QByteArray& text) {
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly)) {
        qFatal("cannot write %s", qPrintable(file.fileName()));
    }
    file.write(text);
    return file.fileName();
}

// Arm A: 10 patients dying one by one at 1..10 (percent scale, a rise at 2.5
// that the cleaning lowers). Arm B: 2 deaths at 1, 1 censored, 1 death at 4,
// 6 censored at 6. Their real numbers at risk at 0, 3 and 5.
const QByteArray arm_a_points = "time,survival %\n0,100\n1,100\n1,90\n2,90\n2,80\n2.5,81\n3,80\n"
                                "3,70\n4,70\n4,60\n5,60\n5,50\n6,50\n6,40\n7,40\n7,30\n8,30\n"
                                "8,20\n9,20\n9,10\n10,10\n10,0\n";
const QByteArray arm_b_points = "0;1\n1;1\n1;0,8\n4;0,8\n4;0,685714\n6;0,685714\n";
const QByteArray risk_table = "time,Arm A,Arm B\n0,10,10\n3,8,7\n5,6,6\n";

} // namespace

class TestReconstructCommand : public QObject {
    Q_OBJECT

private slots:
    void reconstructsIntoAFolderThatAnalyzeReads() {
        const QTemporaryDir dir;
        const QString a = write(dir, "a.csv", arm_a_points);
        const QString b = write(dir, "b.csv", arm_b_points);
        const QString risk = write(dir, "risk.csv", risk_table);
        const QString out = dir.filePath("recon");
        const Run made =
            run({"reconstruct", "--curve", "Arm A=" + a, "--curve", "Arm B=" + b, "--at-risk", risk,
                 "--events", "Arm B=3", "--source", "Hand-built figure", "--out", out, "--json"});
        QVERIFY2(made.exit_code == 0, made.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(made.out).object();
        QCOMPARE(json["schema"].toString(), QStringLiteral("triallens.reconstruct/1"));
        QCOMPARE(json["paramcd"].toString(), QStringLiteral("RECON"));
        QCOMPARE(json["time_unit"].toString(), QStringLiteral("months"));
        const QJsonArray arms = json["arms"].toArray();
        QCOMPARE(arms.size(), 2);
        const QJsonObject arm_a = arms[0].toObject();
        QCOMPARE(arm_a["arm"].toString(), QStringLiteral("Arm A"));
        QCOMPARE(arm_a["n"].toInt(), 10);
        QCOMPARE(arm_a["events"].toInt(), 10);
        // S sits on 0.5 from 5 to 6: the midpoint, as quantile.survfit
        QCOMPARE(arm_a["median"].toDouble(), 5.5);
        QVERIFY(arm_a["total_events_published"].isNull());
        const QStringList changes = arm_a["changes"].toVariant().toStringList();
        QVERIFY2(changes.filter("percentage").size() == 1, qPrintable(changes.join('|')));
        QVERIFY2(changes.filter("1 point rose above an earlier point by up to 0.01").size() == 1,
                 qPrintable(changes.join('|')));
        const QJsonObject arm_b = arms[1].toObject();
        QCOMPARE(arm_b["events"].toInt(), 3);
        QCOMPARE(arm_b["censored"].toInt(), 7);
        QCOMPARE(arm_b["total_events_published"].toInt(), 3);
        QVERIFY(arm_b["median"].isNull());
        const QJsonArray at_risk = arm_b["fit"].toObject()["at_risk"].toArray();
        QCOMPARE(at_risk.size(), 3);
        for (const auto& row : at_risk) {
            QCOMPARE(row.toObject()["rebuilt"].toInt(), row.toObject()["published"].toInt());
        }

        const Run analysed = run({"analyze", out, "--param", "RECON", "--arm", "ARM", "--json"});
        QVERIFY2(analysed.exit_code == 0, analysed.err.constData());
        const QJsonObject analysis = QJsonDocument::fromJson(analysed.out).object();
        QCOMPARE(analysis["n"].toInt(), 20);
        QCOMPARE(analysis["events"].toInt(), 13);
        QCOMPARE(analysis["arms"].toArray().size(), 2);
        QVERIFY(analysis["cox"].toObject()["terms"].toArray().size() == 1);
    }

    void printsEachArmsFitAndChanges() {
        const QTemporaryDir dir;
        const Run made =
            run({"reconstruct", "--curve", "Arm A=" + write(dir, "a.csv", arm_a_points),
                 "--at-risk", write(dir, "risk.csv", risk_table), "--time-unit", "weeks", "--out",
                 dir.filePath("out")});
        QVERIFY2(made.exit_code == 0, made.err.constData());
        const QString text = QString::fromUtf8(made.out);
        QVERIFY2(text.contains("Arm A: n 10, events 10, censored 0, median 5.5 weeks"),
                 qPrintable(text));
        QVERIFY(text.contains("RECONFL"));
        QVERIFY(text.contains("at risk:"));
        QVERIFY(text.contains("rose above an earlier point"));
        QVERIFY(QFile::exists(dir.filePath("out/adsl.csv")));
        QVERIFY(QFile::exists(dir.filePath("out/adtte.csv")));
    }

    void badInputWritesNothing_data() {
        QTest::addColumn<QByteArray>("points");
        QTest::addColumn<QByteArray>("risk");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("exit_code");
        QTest::addColumn<QString>("message");
        const QByteArray good_risk = "time,Arm A\n0,10\n3,8\n";
        QTest::newRow("at-risk numbers rise")
            << arm_a_points << QByteArray("time,Arm A\n0,10\n3,8\n5,9\n") << QStringList{} << 1
            << "the number at risk rises from 8 at time 3 to 9 at time 5";
        QTest::newRow("at-risk time after the curve")
            << arm_a_points << QByteArray("time,Arm A\n0,10\n12,1\n") << QStringList{} << 1
            << "at-risk time 12 lies after the curve's last point";
        QTest::newRow("arm absent from the table")
            << arm_a_points << QByteArray("time,Arm B\n0,10\n") << QStringList{} << 1
            << "risk.csv:1: no column for the arm \"Arm A\"";
        QTest::newRow("NaN time") << QByteArray("0,1\nNaN,0.5\n") << good_risk << QStringList{} << 1
                                  << "a.csv:2: column time:";
        QTest::newRow("negative time")
            << QByteArray("0,1\n5,0.5\n-2,0.5\n") << good_risk << QStringList{} << 1
            << "a.csv:3: column time: this point is unusable: its time -2 is negative";
        QTest::newRow("empty curve")
            << QByteArray("time,survival\n") << good_risk << QStringList{} << 1 << "no points";
        QTest::newRow("table cannot be met")
            << arm_a_points << QByteArray("time,Arm A\n0,10\n5,10\n") << QStringList{} << 1
            << "the at-risk table cannot be met between times 0 and 5";
        QTest::newRow("events of an arm not given")
            << arm_a_points << good_risk << QStringList{"--events", "Arm C=3"} << 2
            << "--events names the arm \"Arm C\", which no --curve gives";
        QTest::newRow("source read as a formula")
            << arm_a_points << good_risk << QStringList{"--source", "=HYPERLINK(\"x\")"} << 1
            << "which a spreadsheet would open as a formula";
        QTest::newRow("events above n")
            << arm_a_points << good_risk << QStringList{"--events", "Arm A=11"} << 1
            << "the total events 11 must lie between 0 and the arm's n (10)";
    }

    void badInputWritesNothing() {
        QFETCH(QByteArray, points);
        QFETCH(QByteArray, risk);
        QFETCH(QStringList, extra);
        QFETCH(int, exit_code);
        QFETCH(QString, message);
        const QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const Run made =
            run(QStringList{"reconstruct", "--curve", "Arm A=" + write(dir, "a.csv", points),
                            "--at-risk", write(dir, "risk.csv", risk), "--out", out} +
                extra);
        QCOMPARE(made.exit_code, exit_code);
        QVERIFY(made.out.isEmpty());
        const QString error = QString::fromUtf8(made.err);
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(error.count('\n'), 1);
        QVERIFY(!QDir(out).exists());
    }

    void refusesAFolderHoldingOtherDataFiles() {
        const QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath("out"));
        const QString other = dir.filePath("out/adae.csv");
        write(dir, "out/adae.csv", "USUBJID,AEDECOD\n1,Nausea\n");
        const Run made = run(QStringList{
            "reconstruct", "--curve", "Arm A=" + write(dir, "a.csv", arm_a_points), "--at-risk",
            write(dir, "risk.csv", "time,Arm A\n0,10\n3,8\n"), "--out", dir.filePath("out")});
        QCOMPARE(made.exit_code, 2);
        const QString error = QString::fromUtf8(made.err);
        QVERIFY2(error.contains("already holds other data files (adae.csv)"), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath("out/adsl.csv")));
        QVERIFY(QFile::exists(other));
    }

    void reconstructOptionsBelongToReconstruct() {
        const Run made = run({"analyze", "demo", "--curve", "A=a.csv"});
        QCOMPARE(made.exit_code, 2);
        QVERIFY(made.err.contains("--curve is a reconstruct option"));
        const Run missing = run({"reconstruct", "--curve", "A=a.csv", "--out", "x"});
        QCOMPARE(missing.exit_code, 2);
        QVERIFY(missing.err.contains("reconstruct needs --at-risk"));
    }
};

QTEST_GUILESS_MAIN(TestReconstructCommand)
#include "test_reconstruct_command.moc"
