// `triallens reconstruct`, run as a user runs it: from CSV points and an
// at-risk table into a folder that `analyze` then reads; every refused input
// exits non-zero with one line on stderr and writes nothing.

#include "../cdisc_pilot.h"
#include "../test_paths.h"
#include "triallens_process.h"

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/number_at_risk.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

using cli_test::Run;
using cli_test::run;

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

// The demo's PFS numbers at risk every 3 months to 24, per arm, as the
// committed figure's table prints them: the published table of that figure.
QByteArray demo_pfs_at_risk() {
    using namespace triallens;
    const Study study = generate_demo_study();
    AnalysisSpec spec;
    spec.paramcd = "PFS";
    const Results results = refit(study, spec);
    const std::vector<double> times = {0, 3, 6, 9, 12, 15, 18, 21, 24};
    QByteArray text = "time";
    std::vector<NumberAtRisk> columns;
    for (const char* arm : {demo_control_arm, demo_experimental_arm}) {
        const auto found = std::find_if(results.arms.begin(), results.arms.end(),
                                        [&](const ArmSurvival& a) { return a.arm == arm; });
        if (found == results.arms.end()) {
            qFatal("no arm %s in the demo", arm);
        }
        text += QByteArray(",") + arm;
        columns.push_back(number_at_risk(found->km, times));
    }
    text += "\n";
    for (std::size_t t = 0; t < times.size(); ++t) {
        text += QByteArray::number(times[t]);
        for (const NumberAtRisk& column : columns) {
            text += "," + QByteArray::number(static_cast<qulonglong>(column.n_risk[t]));
        }
        text += "\n";
    }
    return text;
}

// The CDISC pilot's Placebo arm (TTDE) as a publication shows it: its KM
// curve's corners in months, and its numbers at risk every month, as
// `reconstruct`'s points.csv and risk.csv ("Placebo" the arm).
struct PublishedPlacebo {
    QByteArray points = "time,survival\n0,1\n";
    QByteArray at_risk = "time,Placebo\n";
    std::size_t events = 0;
};
PublishedPlacebo pilot_placebo_as_published() {
    using namespace triallens;
    AnalysisSpec spec;
    spec.paramcd = "TTDE";
    spec.time_unit = "months";
    const Results results = refit(cdisc_pilot::study(), spec);
    const auto placebo = std::find_if(results.arms.begin(), results.arms.end(),
                                      [](const ArmSurvival& a) { return a.arm == "Placebo"; });
    if (placebo == results.arms.end()) {
        qFatal("no Placebo arm in the pilot");
    }
    const SurvivalCurve& curve = placebo->km.curve;
    PublishedPlacebo published;
    double before = 1;
    for (std::size_t i = 0; i < curve.size(); ++i) {
        if (curve.n_event[i] > 0) {
            const QByteArray t = QByteArray::number(curve.time[i], 'g', 17);
            published.points += t + "," + QByteArray::number(before, 'g', 17) + "\n" + t + "," +
                                QByteArray::number(curve.surv[i], 'g', 17) + "\n";
            before = curve.surv[i];
        }
    }
    // The curve runs on to the last censoring, as a figure draws it.
    published.points += QByteArray::number(curve.time.back(), 'g', 17) + "," +
                        QByteArray::number(before, 'g', 17) + "\n";
    std::vector<double> months;
    for (double month = 0; month <= curve.time.back(); ++month) {
        months.push_back(month);
    }
    const NumberAtRisk at_risk = number_at_risk(placebo->km, months);
    for (std::size_t k = 0; k < months.size(); ++k) {
        published.at_risk += QByteArray::number(months[k]) + "," +
                             QByteArray::number(static_cast<qulonglong>(at_risk.n_risk[k])) + "\n";
    }
    published.events = placebo->km.n_events;
    return published;
}

const QJsonObject* arm_named(const QJsonArray& arms, const QString& name,
                             std::vector<QJsonObject>& keep) {
    for (const auto& arm : arms) {
        if (arm.toObject()["arm"].toString() == name) {
            keep.push_back(arm.toObject());
            return &keep.back();
        }
    }
    return nullptr;
}

// `reconstruct` with a one-arm table and `arguments` fails with one line of
// error holding `message`, and writes nothing into `out`.
void checkRefused(const QTemporaryDir& dir, const QString& out, const QStringList& arguments,
                  const QString& message) {
    const Run made = run(QStringList{"reconstruct", "--at-risk",
                                     write(dir, "risk.csv", "time,A\n0,10\n"), "--out", out} +
                         arguments);
    QVERIFY(made.exit_code != 0);
    const QString error = QString::fromUtf8(made.err);
    QVERIFY2(error.contains(message), qPrintable(error));
    QCOMPARE(error.count('\n'), 1);
    QVERIFY(!QDir(out).exists());
}

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
        // Every subject is a pseudo-patient, and the output says so.
        const QJsonObject reconstructed = analysis["reconstructed"].toObject();
        QCOMPARE(reconstructed["subjects"].toInt(), 20);
        QCOMPARE(reconstructed["sources"].toArray(), QJsonArray{"Hand-built figure"});
        QCOMPARE(analysis["synthetic"].toBool(), false);
        const Run summary = run({"analyze", out, "--param", "RECON", "--arm", "ARM"});
        QVERIFY2(summary.out.contains("[RECONSTRUCTED from a publication: Hand-built figure]"),
                 summary.out.constData());
    }

    // Issue 23's command-line path: CSV points of a published arm to its
    // HR and RMST against a trial's own arm. The pilot's Placebo, published
    // in months, joins the pilot (in days) as "Placebo (published)": HR
    // against the real Placebo and RMST as two copies of one arm give them,
    // within what Guyot's spread of censorings between at-risk times moves.
    void publishedArmsJoinTheTrialOnTheCommandLine() {
        const QTemporaryDir dir;
        const PublishedPlacebo placebo = pilot_placebo_as_published();
        const QString out = dir.filePath("published");
        const Run made =
            run({"reconstruct", "--curve", "Placebo=" + write(dir, "placebo.csv", placebo.points),
                 "--at-risk", write(dir, "risk.csv", placebo.at_risk), "--events",
                 QStringLiteral("Placebo=%1").arg(placebo.events), "--param", "TTDE", "--source",
                 "Doe 2024, Figure 2", "--out", out});
        QVERIFY2(made.exit_code == 0, made.err.constData());

        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const QStringList trial{pilot + "adsl.xpt", pilot + "adtte.xpt"};
        const Run analysed = run(QStringList{"analyze"} + trial +
                                 QStringList{"--param", "TTDE", "--ref", "Placebo", "--tau", "180",
                                             "--published", out, "--json"});
        QVERIFY2(analysed.exit_code == 0, analysed.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(analysed.out).object();
        QCOMPARE(json["reconstructed"].toObject()["subjects"].toInt(), 86);
        QCOMPARE(json["reconstructed"].toObject()["sources"].toArray(),
                 QJsonArray{"Doe 2024, Figure 2"});
        const QJsonArray arms = json["arms"].toArray();
        QCOMPARE(arms.size(), 4);
        std::vector<QJsonObject> keep;
        keep.reserve(2);
        const QJsonObject* real = arm_named(arms, "Placebo", keep);
        const QJsonObject* copy = arm_named(arms, "Placebo (published)", keep);
        QVERIFY(real && copy);
        QCOMPARE((*copy)["n"].toInt(), 86);
        QCOMPARE((*copy)["events"].toInt(), (*real)["events"].toInt());
        double hr = 0;
        for (const auto& term : json["cox"].toObject()["terms"].toArray()) {
            if (term.toObject()["arm"].toString() == QStringLiteral("Placebo (published)")) {
                hr = term.toObject()["hr"].toDouble();
            }
        }
        const double rmst_real = (*real)["rmst"].toObject()["estimate"].toDouble();
        const double rmst_copy = (*copy)["rmst"].toObject()["estimate"].toDouble();
        qInfo("published Placebo against the real one: HR %.4f, RMST(180 days) %.2f vs %.2f", hr,
              rmst_copy, rmst_real);
        QVERIFY(std::abs(hr - 1) <= 0.05);
        QVERIFY(std::abs(rmst_copy / rmst_real - 1) <= 0.01);

        // The text summary and every figure say the data are partly rebuilt.
        const Run summary = run(QStringList{"analyze"} + trial +
                                QStringList{"--param", "TTDE", "--published", out});
        QVERIFY2(
            summary.out.contains("[Partly RECONSTRUCTED from a publication: Doe 2024, Figure 2]"),
            summary.out.constData());
        const QString svg = dir.filePath("km.svg");
        const Run exported = run(QStringList{"export"} + trial +
                                 QStringList{"--param", "TTDE", "--published", out, "--out", svg});
        QVERIFY2(exported.exit_code == 0, exported.err.constData());
        QFile figure(svg);
        QVERIFY(figure.open(QIODevice::ReadOnly));
        QVERIFY(figure.readAll().contains("Partly RECONSTRUCTED from a publication: Doe 2024"));
    }

    // A folder that is not a rebuilt study, or --published where it adds
    // nothing, is one line on stderr and no output.
    void publishedIsChecked_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        QTest::newRow("a trial's own data")
            << QStringList{"analyze", pilot + "adsl.xpt", pilot + "adtte.xpt", "--published",
                           pilot + "sites"}
            << QStringLiteral("not all reconstructed");
        QTest::newRow("a saved analysis")
            << QStringList{"analyze", "--analysis", "x.triallens.json", "--published", "recon"}
            << QStringLiteral("a saved analysis (--analysis) reopens its own files and "
                              "published arms");
        QTest::newRow("demo command")
            << QStringList{"demo", "--out", "x", "--published", "recon"}
            << QStringLiteral("--published adds arms to the data of analyze");
        QTest::newRow("missing folder")
            << QStringList{"analyze", "demo", "--published", "/nonexistent/recon"}
            << QStringLiteral("/nonexistent/recon");
    }

    void publishedIsChecked() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Run refused = run(arguments);
        QVERIFY(refused.exit_code != 0);
        QVERIFY(refused.out.isEmpty());
        const QString error = QString::fromUtf8(refused.err);
        QVERIFY2(error.contains(message), qPrintable(error));
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
            << "--events names the arm \"Arm C\", which no --curve or --colour gives";
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

    // The committed demo PFS figure, as PNG (traced by colour) and as PDF
    // (read exactly through pdftocairo; the SVG's ticks, in points from the
    // page's top-left corner): both arms rebuilt to the at-risk numbers its
    // table prints, and the analysis of them reads n and a hazard ratio.
    void reconstructsFromAFigure_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QStringList>("axes");
        QTest::newRow("PNG") << "demo_pfs_km.png"
                             << QStringList{"--x-axis", "287.598:0,1014.648:27", "--y-axis",
                                            "507.041:0,153.865:1"};
        QTest::newRow("PDF") << "demo_pfs_km.pdf" << QStringList{"--page",   "1",
                                                                 "--x-axis", "138.047:0,487.031:27",
                                                                 "--y-axis", "243.380:0,73.855:1"};
    }
    void reconstructsFromAFigure() {
        QFETCH(QString, file);
        QFETCH(QStringList, axes);
        if (file.endsWith(".pdf") && QStandardPaths::findExecutable("pdftocairo").isEmpty()) {
            QSKIP("pdftocairo (poppler-utils) is not installed");
        }
        const QTemporaryDir dir;
        const QString risk = write(dir, "risk.csv", demo_pfs_at_risk());
        const QString figure =
            QString::fromStdString(TRIALLENS_SOURCE_DIR + "/tests/data/reconstruct/") + file;
        const QString out = dir.filePath("recon");
        const Run made = run(QStringList{"reconstruct", "--image", figure} + axes +
                             QStringList{"--colour", "Nab-paclitaxel=#0072b2", "--colour",
                                         "Benmelstobart + anlotinib=#d55e00", "--at-risk", risk,
                                         "--out", out, "--json"});
        QVERIFY2(made.exit_code == 0, made.err.constData());
        const QJsonArray arms = QJsonDocument::fromJson(made.out).object()["arms"].toArray();
        QCOMPARE(arms.size(), 2);
        QCOMPARE(arms[0].toObject()["n"].toInt(), 72);
        QCOMPARE(arms[1].toObject()["n"].toInt(), 75);
        for (const auto& arm : arms) {
            const QJsonObject fit = arm.toObject()["fit"].toObject();
            // RMS: one pseudo-patient at the tail, where one or two are at
            // risk, moves the largest difference by the curve's last step.
            QVERIFY2(fit["rms_difference"].toDouble() < 0.02, made.out.constData());
            for (const auto& row : fit["at_risk"].toArray()) {
                QCOMPARE(row.toObject()["rebuilt"].toInt(), row.toObject()["published"].toInt());
            }
        }
        const Run analysed =
            run({"analyze", out, "--param", "RECON", "--ref", "Nab-paclitaxel", "--json"});
        QVERIFY2(analysed.exit_code == 0, analysed.err.constData());
        QVERIFY(analysed.out.contains("Benmelstobart + anlotinib"));
    }

    // A PDF --image and --page: each refusal one line naming what is wrong
    // (and the file and page), nothing written.
    void pdfPagesAreChecked_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("needs_poppler");
        const QString pdf = QString::fromStdString(TRIALLENS_SOURCE_DIR +
                                                   "/tests/data/reconstruct/demo_pfs_km.pdf");
        const QString png = QString::fromStdString(TRIALLENS_SOURCE_DIR +
                                                   "/tests/data/reconstruct/demo_pfs_km.png");
        const QStringList axes{"--colour", "A=#0072b2",         "--x-axis", "138.047:0,487.031:27",
                               "--y-axis", "243.380:0,73.855:1"};
        QTest::newRow("page beyond the last")
            << QStringList{"--image", pdf, "--page", "2"} + axes
            << pdf + ", page 2: no such page (the PDF has 1 page)" << true;
        QTest::newRow("page 0") << QStringList{"--image", pdf, "--page", "0"} + axes
                                << "--page expects a page of the PDF, 1 to 9999" << false;
        QTest::newRow("page not a number") << QStringList{"--image", pdf, "--page", "two"} + axes
                                           << "--page expects a number, got \"two\"" << false;
        QTest::newRow("page of a PNG") << QStringList{"--image", png, "--page", "1"} + axes
                                       << "--page picks a page of a PDF" << false;
        QTest::newRow("page without image")
            << QStringList{"--curve", "A=a.csv", "--page", "1"}
            << "--page picks the page of a PDF --image FIG, which is not given" << false;
        QTest::newRow("a PNG named .pdf")
            << QStringList{"--image", "COPY_PNG_AS_PDF"} + axes << "not a PDF" << false;
    }

    void pdfPagesAreChecked() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(bool, needs_poppler);
        if (needs_poppler && QStandardPaths::findExecutable("pdftocairo").isEmpty()) {
            QSKIP("pdftocairo (poppler-utils) is not installed");
        }
        const QTemporaryDir dir;
        const QString out = dir.filePath("out");
        const qsizetype copy = arguments.indexOf("COPY_PNG_AS_PDF");
        if (copy >= 0) {
            arguments[copy] = dir.filePath("figure.pdf");
            QVERIFY(QFile::copy(QString::fromStdString(TRIALLENS_SOURCE_DIR +
                                                       "/tests/data/reconstruct/demo_pfs_km.png"),
                                arguments[copy]));
            message = arguments[copy] + ": " + message;
        }
        checkRefused(dir, out, arguments, message);
    }

    void imageFlagsAreChecked_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        const QString figure = QString::fromStdString(TRIALLENS_SOURCE_DIR +
                                                      "/tests/data/reconstruct/demo_pfs_km.png");
        QTest::newRow("no axes") << QStringList{"--image", figure, "--colour", "A=#0072b2"}
                                 << "--image needs its axes";
        QTest::newRow("colour without image")
            << QStringList{"--colour", "A=#0072b2"} << "--colour picks an arm's curve in --image";
        QTest::newRow("one tick") << QStringList{"--image",  figure,  "--colour", "A=#0072b2",
                                                 "--x-axis", "287:0", "--y-axis", "507:0,153:1"}
                                  << "--x-axis expects two ticks";
        QTest::newRow("ticks on one pixel")
            << QStringList{"--image",  figure,         "--colour", "A=#0072b2",
                           "--x-axis", "287:0,287:27", "--y-axis", "507:0,153:1"}
            << "--x-axis / --y-axis:";
        QTest::newRow("not a colour")
            << QStringList{"--image",  figure,          "--colour", "A=blue",
                           "--x-axis", "287:0,1014:27", "--y-axis", "507:0,153:1"}
            << "--colour expects ARM=#RRGGBB";
        QTest::newRow("no curve of the colour")
            << QStringList{"--image",  figure,          "--colour", "A=#00ff00",
                           "--x-axis", "287:0,1014:27", "--y-axis", "507:0,153:1"}
            << "arm \"A\" (#00ff00)";
        QTest::newRow("missing figure")
            << QStringList{"--image",  "no-such.png",   "--colour", "A=#0072b2",
                           "--x-axis", "287:0,1014:27", "--y-axis", "507:0,153:1"}
            << "no-such.png";
    }

    void imageFlagsAreChecked() {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const QTemporaryDir dir;
        const QString out = dir.filePath("out");
        checkRefused(dir, out, arguments, message);
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
