// The command line, run as a user runs it: `analyze demo --json` prints the
// contract's keys with the numbers the core computes; bad input exits
// non-zero with one line on stderr and nothing on stdout.

#include "../pilot_published_arm.h"
#include "../test_paths.h"
#include "triallens_process.h"

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/refit.h>
#include <triallens/analysis/workspace.h>
#include <triallens/data/adam_labels.h>
#include <triallens/demo/demo_study.h>
#include <triallens/reconstruct/reconstructed_study.h>

#include <cli/command_line.h>
#include <cli/export_command.h>
#include <cli/saved_analysis_source.h>
#include <document/km_figure_options.h>
#include <document/saved_analysis.h>
#include <export/figure_export.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSize>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

#include <sys/stat.h>

using namespace triallens;

Q_DECLARE_METATYPE(triallens::ui::FigureExportOptions)

namespace {

// export's figure options for `flags` after `export demo --out km.svg`, as
// the export command makes them before it loads anything.
ui::FigureExportOptions parsed_figure_options(const QStringList& flags,
                                              const ui::KmFigureOptions& km = {}) {
    std::vector<std::string> words{"export", "demo", "--out", "km.svg"};
    for (const QString& flag : flags) {
        words.push_back(flag.toStdString());
    }
    const cli::CommandLine line = cli::parse_command_line(words);
    return cli::figure_export_options(line.figure, line.out, km);
}

using cli_test::Run;
using cli_test::run;

// A PNG's pixel size from its IHDR chunk (bytes 16–23, big-endian).
QSize png_size(const QByteArray& png) {
    if (png.size() < 24 || !png.startsWith("\x89PNG")) {
        return {};
    }
    const auto word = [&png](int at) {
        return (static_cast<quint32>(static_cast<quint8>(png[at])) << 24) |
               (static_cast<quint32>(static_cast<quint8>(png[at + 1])) << 16) |
               (static_cast<quint32>(static_cast<quint8>(png[at + 2])) << 8) |
               static_cast<quint32>(static_cast<quint8>(png[at + 3]));
    };
    return QSize(static_cast<int>(word(16)), static_cast<int>(word(20)));
}

// RFC 4180 rows of a CSV file (a byte-order mark skipped).
QList<QStringList> csv_rows(const QByteArray& bytes) {
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            row << cell;
            cell.clear();
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            row << cell;
            rows << row;
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    if (!cell.isEmpty() || !row.isEmpty()) {
        row << cell;
        rows << row;
    }
    return rows;
}

QByteArray read_all(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The numbers of a PDF's first /MediaBox, in points.
QList<double> media_box(const QByteArray& pdf) {
    static const QRegularExpression box(
        QStringLiteral(R"(/MediaBox\s*\[\s*([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s*\])"));
    const QRegularExpressionMatch match = box.match(QString::fromLatin1(pdf));
    QList<double> numbers;
    for (int i = 1; match.hasMatch() && i <= 4; ++i) {
        numbers << match.captured(i).toDouble();
    }
    return numbers;
}

void compare_optional(const QJsonValue& json, const std::optional<double>& value) {
    if (value) {
        QCOMPARE(json.toDouble(), *value);
    } else {
        QVERIFY(json.isNull());
    }
}

Run run_in(const QString& folder, const QStringList& arguments) {
    QProcess process;
    process.setWorkingDirectory(folder);
    process.start(QString::fromStdString(TRIALLENS_BINARY), arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

// A one-row-per-patient file whose GROUP levels are hostile file names.
QString write_hostile_levels(const QString& folder, const QStringList& levels) {
    const QString path = QDir(folder).filePath("levels.csv");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return {};
    }
    file.write("USUBJID,ARM,GROUP,TIME,EVENT\n");
    int subject = 0;
    for (const QString& level : levels) {
        for (int i = 0; i < 12; ++i, ++subject) {
            QString quoted = level;
            quoted.replace(u'"', QStringLiteral("\"\""));
            file.write(QStringLiteral("S%1,%2,\"%3\",%4,%5\n")
                           .arg(subject)
                           .arg(i % 2 == 0 ? "A" : "B", quoted)
                           .arg(3 + (subject * 7) % 29)
                           .arg(i % 3 == 0 ? 0 : 1)
                           .toUtf8());
        }
    }
    return path;
}

bool write_file(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
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

    // --focus analyses one forest row's subjects, as the window's focus
    // does: the survival of PDL1STAT == "Positive" only, the forest of every subject.
    void focusFlagAnalysesOneSubgroup() {
        const Run result = run({"analyze", "demo", "--param", "OS", "--subgroups", "PDL1STAT",
                                "--focus", "PDL1STAT=Positive", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        WorkspaceSpec spec;
        spec.analysis.paramcd = "OS";
        spec.analysis.subgroups = {"PDL1STAT"};
        spec.focus = SubgroupFocus{"PDL1STAT", "Positive"};
        const Results expected = compute_workspace(generate_demo_study(), spec);
        QVERIFY(expected.subjects < expected.subjects_total);
        QCOMPARE(json["n"].toDouble(), static_cast<double>(expected.subjects));
        QCOMPARE(json["logrank"].toObject()["chisq"].toDouble(), expected.logrank->chisq);
        QCOMPARE(json["subgroups"].toArray().size(), qsizetype{2});
    }

    // response.best_overall_response and response.disease_control carry the
    // core's counts and rates; the keys that were there stay.
    void responseJsonAddsBestResponseAndDiseaseControl() {
        const Run result =
            run({"analyze", "demo", "--param", "OS", "--strata", "PRTAXFL,LIVBRNFL", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject response =
            QJsonDocument::fromJson(result.out).object()["response"].toObject();
        for (const char* key : {"param", "ci", "arms", "differences"}) {
            QVERIFY2(response.contains(QLatin1String(key)), key);
        }
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.strata = {"PRTAXFL", "LIVBRNFL"};
        const ResponseSummary expected = *refit(generate_demo_study(), spec).response;
        const QJsonArray tables = response["best_overall_response"].toArray();
        QCOMPARE(tables.size(), static_cast<qsizetype>(expected.best_overall_response.size()));
        const ArmBestResponse& arm = expected.best_overall_response.front();
        const QJsonArray counts = tables[0].toObject()["counts"].toArray();
        QCOMPARE(counts.size(), static_cast<qsizetype>(arm.counts.size()));
        QCOMPARE(counts[0].toObject()["category"].toString(), QStringLiteral("CR"));
        QVERIFY(counts.last().toObject()["category"].isNull());
        QCOMPARE(counts[2].toObject()["n"].toDouble(), static_cast<double>(arm.counts[2].n));

        const QJsonObject dcr = response["disease_control"].toObject();
        const ResponseRate& rate = expected.disease_control.back();
        const QJsonObject json_rate = dcr["arms"].toArray().last().toObject();
        QCOMPARE(json_rate["responders"].toDouble(), static_cast<double>(rate.responders));
        QCOMPARE(json_rate["lower"].toDouble(), rate.clopper_pearson.lower);
        const QJsonObject difference = dcr["differences"].toArray()[0].toObject();
        const ResponseDifference& d = expected.disease_control_differences.front();
        QCOMPARE(difference["miettinen_nurminen"].toObject()["upper"].toDouble(),
                 d.miettinen_nurminen.upper);
        QCOMPARE(difference["cmh"].toObject()["p"].toDouble(), *d.cmh->p_value);
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

    // The contract's delayed-effects keys, exactly these names.
    void fhAndMaxComboAddTheirKeys() {
        const Run result = run(
            {"analyze", "demo", "--param", "OS", "--fh", "0,0;0,1;1,0.5", "--maxcombo", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        const QJsonArray fh = json["weighted_logrank"].toArray();
        QCOMPARE(fh.size(), 3);
        for (const auto& value : fh) {
            QCOMPARE(value.toObject().keys(), (QStringList{"chisq", "gamma", "p", "rho", "z"}));
        }
        QCOMPARE(fh[2].toObject()["rho"].toDouble(), 1.0);
        QCOMPARE(fh[2].toObject()["gamma"].toDouble(), 0.5);
        // FH(0,0) is the log-rank test
        const double logrank = json["logrank"].toObject()["chisq"].toDouble();
        QVERIFY(std::fabs(fh[0].toObject()["chisq"].toDouble() - logrank) <= 1e-9 * logrank);
        const QJsonObject combo = json["maxcombo"].toObject();
        QCOMPARE(combo.keys(), (QStringList{"correlation", "p", "tests", "z_max"}));
        QCOMPARE(combo["tests"].toArray().size(), 4); // Lin et al. 2020's four
        QCOMPARE(combo["tests"].toArray()[1].toObject().keys(), (QStringList{"gamma", "rho", "z"}));
        QCOMPARE(combo["correlation"].toArray().size(), 4);
        QCOMPARE(combo["correlation"].toArray()[0].toArray()[0].toDouble(), 1.0);
        QVERIFY(combo["p"].toDouble() < json["logrank"].toObject()["p"].toDouble());

        const Run simtrial =
            run({"analyze", "demo", "--param", "OS", "--maxcombo", "simtrial", "--json"});
        QCOMPARE(simtrial.exit_code, 0);
        const QJsonObject three = QJsonDocument::fromJson(simtrial.out).object();
        QCOMPARE(three["maxcombo"].toObject()["tests"].toArray().size(), 3);
        QVERIFY(!three.contains("weighted_logrank"));

        const Run listed = run({"analyze", "demo", "--param", "OS", "--maxcombo", "0,0;0,1"});
        QCOMPARE(listed.exit_code, 0);
        QVERIFY2(listed.out.contains("MaxCombo of FH(0,0) FH(0,1)"), listed.out.constData());
    }

    // One verdict line (delayed_effects_verdict.h) when the delayed-effects
    // tests ran, none otherwise; the JSON keeps its keys.
    void textSummaryGivesTheDelayedEffectsVerdict() {
        const Run with = run({"analyze", "demo", "--param", "OS", "--fh", "0,1", "--maxcombo"});
        QCOMPARE(with.exit_code, 0);
        const QList<QByteArray> verdicts = [&] {
            QList<QByteArray> lines;
            for (const QByteArray& line : with.out.split('\n')) {
                if (line.startsWith("Verdict: ")) {
                    lines << line;
                }
            }
            return lines;
        }();
        QCOMPARE(verdicts.size(), 1);
        QVERIFY2(verdicts.front().contains("Log-rank p ") &&
                     verdicts.front().contains("FH(0,1) p ") &&
                     verdicts.front().contains("MaxCombo p ") &&
                     verdicts.front().contains("the conclusion"),
                 verdicts.front().constData());
        const Run without = run({"analyze", "demo", "--param", "OS"});
        QCOMPARE(without.exit_code, 0);
        QVERIFY2(!without.out.contains("Verdict:"), without.out.constData());
        const Run json =
            run({"analyze", "demo", "--param", "OS", "--fh", "0,1", "--maxcombo", "--json"});
        QVERIFY(!QJsonDocument::fromJson(json.out).object().contains("verdict"));
    }

    // The contract's piecewise and landmark keys, exactly these names.
    void cutsAndFromAddTheirKeys() {
        const Run result =
            run({"analyze", "demo", "--param", "OS", "--cuts", "6,12", "--from", "3", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json["from"].toDouble(), 3.0);
        const QJsonArray periods = json["piecewise_hr"].toArray();
        QCOMPARE(periods.size(), 3);
        for (const auto& value : periods) {
            QCOMPARE(value.toObject().keys(),
                     (QStringList{"events", "from", "hr", "lower", "p", "to", "upper"}));
        }
        QCOMPARE(periods[1].toObject()["from"].toDouble(), 6.0);
        QCOMPARE(periods[1].toObject()["to"].toDouble(), 12.0);
        QVERIFY(periods[2].toObject()["to"].isNull());
        double events = 0;
        for (const auto& value : periods) {
            events += value.toObject()["events"].toDouble();
        }
        QCOMPARE(events, json["events"].toDouble()); // two arms: every event in one period

        const Run text = run({"analyze", "demo", "--param", "OS", "--cuts", "6,12", "--from", "3"});
        QCOMPARE(text.exit_code, 0);
        QVERIFY2(text.out.contains("Piecewise hazard ratios (Benmelstobart + anlotinib vs "
                                   "Nab-paclitaxel)"),
                 text.out.constData());
        QVERIFY2(text.out.contains("followed at 3"), text.out.constData());
        const Run plain = run({"analyze", "demo", "--param", "OS", "--json"});
        const QJsonObject whole = QJsonDocument::fromJson(plain.out).object();
        QVERIFY(!whole.contains("from") && !whole.contains("piecewise_hr"));
        QVERIFY(whole["n"].toDouble() > json["n"].toDouble());
    }

    // The contract's competing-risks keys, exactly these names, and numbers
    // that hold together: at each arm's last event time its causes'
    // cumulative incidences add up to 1 - KM there.
    void competingRisksAddTheirKeys() {
        const Run result =
            run({"analyze", "demo", "--param", "PFS", "--cause", "EVNTDESC", "--cause-of-interest",
                 "DISEASE PROGRESSION", "--landmarks", "6,12", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        const QJsonObject risks = json["competing_risks"].toObject();
        QCOMPARE(risks["cause_of_interest"].toString(), QString("DISEASE PROGRESSION"));
        QCOMPARE(risks["causes"].toArray(),
                 (QJsonArray{QString("DEATH"), QString("DISEASE PROGRESSION")}));
        for (const auto& value : risks["cif"].toArray()) {
            QCOMPARE(value.toObject().keys(), (QStringList{"arm", "cause", "estimate", "lower",
                                                           "std_err", "time", "upper"}));
        }
        QCOMPARE(risks["landmarks"].toArray().size(), 2 * 2 * 2); // landmarks x arms x causes
        QCOMPARE(risks["gray"].toArray().size(), 2);
        QCOMPARE(risks["gray"].toArray()[0].toObject().keys(),
                 (QStringList{"cause", "chisq", "df", "p"}));
        const QJsonObject fine = risks["fine_gray"].toObject();
        QCOMPARE(fine["cause"].toString(), QString("DISEASE PROGRESSION"));
        QCOMPARE(fine["terms"].toArray().size(), 1);
        QCOMPARE(fine["terms"].toArray()[0].toObject().keys(),
                 (QStringList{"arm", "coef", "hr", "lower", "p", "se", "upper"}));
        for (const auto& arm_value : json["arms"].toArray()) {
            const QJsonObject arm = arm_value.toObject();
            const QJsonObject curve = arm["curve"].toObject();
            const QJsonArray times = curve["time"].toArray();
            const QJsonArray surv = curve["surv"].toArray();
            const QJsonArray events = curve["n_event"].toArray();
            qsizetype last = times.size() - 1;
            while (last > 0 && events[last].toDouble() == 0) {
                --last;
            }
            double total = 0;
            for (const auto& cause : risks["causes"].toArray()) {
                double at_last = 0;
                for (const auto& value : risks["cif"].toArray()) {
                    const QJsonObject point = value.toObject();
                    if (point["arm"] == arm["arm"] && point["cause"] == cause &&
                        point["time"].toDouble() <= times[last].toDouble()) {
                        at_last = point["estimate"].toDouble();
                    }
                }
                total += at_last;
            }
            QVERIFY2(std::abs(total - (1 - surv[last].toDouble())) < 1e-12,
                     qPrintable(arm["arm"].toString()));
        }

        const Run text = run({"analyze", "demo", "--param", "PFS", "--cause", "EVNTDESC"});
        QCOMPARE(text.exit_code, 0);
        QVERIFY2(text.out.contains("Competing risks (causes in EVNTDESC; of interest: DISEASE "
                                   "PROGRESSION)"),
                 text.out.constData());
        QVERIFY2(text.out.contains("Gray's test, DEATH"), text.out.constData());
        const Run plain = run({"analyze", "demo", "--param", "PFS", "--json"});
        QVERIFY(!QJsonDocument::fromJson(plain.out).object().contains("competing_risks"));
    }

    // A plain one-row-per-patient file coded as cmprsk codes it.
    void statusColumnGivesCauses() {
        QTemporaryDir dir;
        QFile file(dir.filePath("cr.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("id,months,status,arm\n");
        for (int i = 0; i < 40; ++i) {
            file.write(QByteArray::number(i) + "," + QByteArray::number(1 + (i * 7) % 23) + "," +
                       QByteArray::number(i % 3) + "," + (i % 2 == 0 ? "A" : "B") + "\n");
        }
        file.close();
        const Run result = run({"analyze", file.fileName(), "--time", "months", "--status",
                                "status", "--arm", "arm", "--cause-of-interest", "2", "--json"});
        QVERIFY2(result.exit_code == 0, result.err.constData());
        const QJsonObject risks =
            QJsonDocument::fromJson(result.out).object()["competing_risks"].toObject();
        QCOMPARE(risks["causes"].toArray(), (QJsonArray{QString("1"), QString("2")}));
        QCOMPARE(risks["cause_of_interest"].toString(), QString("2"));
        QCOMPARE(risks["cause_column"].toString(), QString("status"));

        QFile bad(dir.filePath("bad.csv"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("id,months,status,arm\n1,3,1,A\n2,4,1.5,B\n3,5,0,A\n");
        bad.close();
        const Run refused = run(
            {"analyze", bad.fileName(), "--time", "months", "--status", "status", "--arm", "arm"});
        QCOMPARE(refused.exit_code, 1);
        QVERIFY(refused.out.isEmpty());
        QVERIFY2(refused.err.contains("bad.csv:3: column status: status must be 0 (censored) or "
                                      "the integer code of a cause"),
                 refused.err.constData());
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
        QCOMPARE(json["grade_variable"].toString(), QStringLiteral("AETOXGR"));

        // Added keys: each row's risk difference against the reference arm.
        AeSpec spec;
        spec.filter.related_only = true;
        const AeTable expected = adverse_event_table(generate_demo_study(), spec);
        QCOMPARE(json["reference"].toString(), QStringLiteral("Nab-paclitaxel"));
        QCOMPARE(json["conf_level"].toDouble(), 0.95);
        const QJsonObject differences = any["risk_difference"].toObject();
        QVERIFY(!differences.contains("Nab-paclitaxel"));
        const AeRiskDifference& core = *expected.rows.front().risk_difference[1];
        const QJsonObject arm = differences["Benmelstobart + anlotinib"].toObject();
        QCOMPARE(arm["any"].toObject()["estimate"].toDouble(), core.any.estimate);
        QCOMPARE(arm["any"].toObject()["lower"].toDouble(), core.any.lower);
        QCOMPARE(arm["any"].toObject()["upper"].toDouble(), core.any.upper);
        QCOMPARE(arm["grade3plus"].toObject()["estimate"].toDouble(), core.grade3plus.estimate);
        QCOMPARE(arm["grade3plus"].toObject()["lower"].toDouble(), core.grade3plus.lower);
        QCOMPARE(arm["grade3plus"].toObject()["upper"].toDouble(), core.grade3plus.upper);
    }

    // --overview adds the safety overview, --exposure-adjusted the rates; every
    // row gains its records and relative risks; nothing existing is renamed.
    void aeOverviewAndExposureFollowTheContract() {
        const Run plain = run({"ae", "demo", "--json"});
        QCOMPARE(plain.exit_code, 0);
        const QJsonObject without = QJsonDocument::fromJson(plain.out).object();
        QVERIFY(!without.contains("overview") && !without.contains("exposure"));
        const QJsonObject first = without["rows"].toArray()[0].toObject();
        QVERIFY(!first.contains("exposure_adjusted"));

        const Run result = run({"ae", "demo", "--overview", "--exposure-adjusted", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        const AeReport expected = adverse_event_report(generate_demo_study(), AeSpec{});
        const QString arm = QStringLiteral("Benmelstobart + anlotinib");
        const QString control = QStringLiteral("Nab-paclitaxel");

        const QJsonArray overview = json["overview"].toArray();
        QCOMPARE(overview.size(), static_cast<qsizetype>(expected.overview.rows.size()));
        for (qsizetype r = 0; r < overview.size(); ++r) {
            const QJsonObject row = overview[r].toObject();
            const AeOverviewRow& core = expected.overview.rows[static_cast<std::size_t>(r)];
            QCOMPARE(row["key"].toString().toStdString(), core.key);
            QCOMPARE(row["category"].toString().toStdString(), core.category);
            QCOMPARE(row["counts"][arm]["n"].toDouble(), static_cast<double>(core.counts[1]));
            QCOMPARE(row["counts"][control]["pct"].toDouble(), core.pct[0]);
            QCOMPARE(row["risk_difference"][arm]["lower"].toDouble(),
                     core.risk_difference[1]->lower);
            QVERIFY(!row["risk_difference"].toObject().contains(control));
            QCOMPARE(row["exposure_adjusted"][arm]["rate"].toDouble(),
                     core.exposure_adjusted[1]->rate);
            QCOMPARE(row["rate_difference"][arm]["upper"].toDouble(),
                     core.rate_difference[1]->upper);
        }
        QCOMPARE(overview[4].toObject()["category"].toString(),
                 QStringLiteral("TEAE leading to discontinuation"));

        const QJsonObject exposure = json["exposure"].toObject();
        QCOMPARE(exposure["source"].toString(), QStringLiteral("TRTDURD"));
        QCOMPARE(exposure["patient_years"][arm].toDouble(), expected.table.patient_years[1]);
        QCOMPARE(exposure["missing"].toDouble(), 0.0);

        const QJsonObject row = json["rows"].toArray()[2].toObject(); // the first PT
        const AeRow& core = expected.table.rows[2];
        QCOMPARE(row["counts"][arm]["events"].toDouble(),
                 static_cast<double>(core.counts[1].events));
        QCOMPARE(row["relative_risk"][arm]["estimate"].toDouble(), core.relative_risk[1]->estimate);
        QCOMPARE(row["relative_risk"][arm]["fisher_p"].toDouble(), core.relative_risk[1]->fisher_p);
        QCOMPARE(row["exposure_adjusted"][control]["upper"].toDouble(),
                 core.exposure_adjusted[0]->upper);
        QCOMPARE(row["rate_difference"][arm]["estimate"].toDouble(),
                 core.rate_difference[1]->estimate);
    }

    // The text: the overview first, the pilot's blank AEACN as not recorded,
    // the rate columns and their definition under the table.
    void aeOverviewTextSaysWhatIsNotRecorded() {
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const Run result = run(
            {"ae", pilot + "adsl.xpt", pilot + "adae.xpt", "--overview", "--exposure-adjusted"});
        QCOMPARE(result.exit_code, 0);
        const QString out = QString::fromUtf8(result.out);
        QVERIFY2(out.indexOf("Severe TEAE") < out.indexOf("Any adverse event"),
                 result.out.constData());
        QVERIFY(out.contains("not recorded: AEACN is absent or blank on every record"));
        QVERIFY(out.contains("Placebo EAIR (95% CI)"));
        QVERIFY(out.contains("per 100 patient-years of treatment (treatment days from TRTDUR"));
        const Run plain = run({"ae", pilot + "adsl.xpt", pilot + "adae.xpt"});
        QVERIFY(!QString::fromUtf8(plain.out).contains("EAIR"));
        QVERIFY(!QString::fromUtf8(plain.out).contains("Severe TEAE"));
    }

    void aeReferenceAndLevelFollowTheFlags() {
        const Run result = run(
            {"ae", "demo", "--ref", "Benmelstobart + anlotinib", "--conf-level", "0.9", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json["reference"].toString(), QStringLiteral("Benmelstobart + anlotinib"));
        QCOMPARE(json["conf_level"].toDouble(), 0.9);
        QCOMPARE(json["arms"].toArray()[0].toObject()["arm"].toString(),
                 QStringLiteral("Benmelstobart + anlotinib"));
        QVERIFY(json["rows"].toArray()[0].toObject()["risk_difference"].toObject().contains(
            "Nab-paclitaxel"));
    }

    void aeTableShowsRiskDifferences() {
        const Run result = run({"ae", "demo"});
        QCOMPARE(result.exit_code, 0);
        QVERIFY(result.out.contains("Benmelstobart + anlotinib - Nab-paclitaxel, % (95% CI)"));
    }

    // The severe column says what it counts: "≥ 3" where AETOXGR grades (the
    // demo), "Severe" where AESEV does (the pilot), with the note naming it.
    void aeTableNamesItsGradingVariable() {
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const Run demo = run({"ae", "demo"});
        const Run by_severity = run({"ae", pilot + "adsl.xpt", pilot + "adae.xpt"});
        QCOMPARE(demo.exit_code, 0);
        QCOMPARE(by_severity.exit_code, 0);
        const QStringList demo_lines = QString::fromUtf8(demo.out).split(u'\n');
        const QStringList pilot_lines = QString::fromUtf8(by_severity.out).split(u'\n');
        const auto subheading = [](const QStringList& lines) {
            const auto found = std::find_if(lines.begin(), lines.end(), [](const QString& line) {
                return line.trimmed().startsWith(QStringLiteral("Any "));
            });
            return found == lines.end() ? QString() : *found;
        };
        QVERIFY2(subheading(demo_lines).contains(QStringLiteral("\u2265 3")), demo.out.constData());
        QVERIFY(!subheading(demo_lines).contains(QStringLiteral("Severe")));
        QVERIFY2(subheading(pilot_lines).contains(QStringLiteral("Severe")),
                 by_severity.out.constData());
        QVERIFY(QString::fromUtf8(demo.out).contains(QStringLiteral("Grade from AETOXGR")));
        QVERIFY(
            QString::fromUtf8(by_severity.out)
                .contains(QStringLiteral("Grade from AESEV: severe counted as grade \u2265 3")));
        const QJsonObject json =
            QJsonDocument::fromJson(
                run({"ae", pilot + "adsl.xpt", pilot + "adae.xpt", "--json"}).out)
                .object();
        QCOMPARE(json["grade_variable"].toString(), QStringLiteral("AESEV"));
        // Under the heading, the counts: the any-AE row's cells are the JSON's.
        const auto any_row = std::find_if(pilot_lines.begin(), pilot_lines.end(), [](auto& line) {
            return line.startsWith(QStringLiteral("Any adverse event"));
        });
        QVERIFY(any_row != pilot_lines.end());
        const QStringList cells = any_row->split(QRegularExpression(QStringLiteral(" {2,}")));
        const QJsonObject placebo =
            json["rows"][0]["counts"][json["arms"][0]["arm"].toString()].toObject();
        QVERIFY2(cells.value(1).startsWith(QStringLiteral("%1 (").arg(placebo["any"].toInt())),
                 qPrintable(*any_row));
        QVERIFY2(
            cells.value(2).startsWith(QStringLiteral("%1 (").arg(placebo["grade3plus"].toInt())),
            qPrintable(*any_row));
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

    // Read back from its CSVs, the demo's ECOGBL is numbers 0/1: a factor
    // still for strata, subgroups and curves by, levels "0" and "1" as in R,
    // with the numbers of the demo in memory (where ECOGBL is text).
    void numericColumnsWithFewValuesAreFactors() {
        QTemporaryDir dir;
        QCOMPARE(run({"demo", "--out", dir.path()}).exit_code, 0);
        // The CSVs do not declare the control arm: name it, as the demo in memory does.
        const Run result =
            run({"analyze", dir.path(), "--param", "OS", "--ref", demo_control_arm, "--strata",
                 "ECOGBL", "--subgroups", "ECOGBL", "--curves-by", "ECOGBL", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.strata = {"ECOGBL"};
        spec.subgroups = {"ECOGBL"};
        const Results expected = refit(generate_demo_study(), spec);
        const auto close = [](double actual, double wanted) {
            return std::abs(actual - wanted) <= 1e-9 * std::abs(wanted);
        };
        QVERIFY(close(json["logrank"].toObject()["chisq"].toDouble(), expected.logrank->chisq));
        const QJsonArray rows = json["subgroups"].toArray();
        QCOMPARE(rows.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const QJsonObject row = rows[i].toObject();
            const SubgroupRow& want = expected.subgroups[static_cast<std::size_t>(i)];
            QCOMPARE(row["level"].toString(), QString::number(i));
            QCOMPARE(row["level"].toString().toStdString(), want.level);
            QVERIFY(close(row["hr"].toDouble(), *want.hr));
            QVERIFY(close(row["interaction_p"].toDouble(), *want.interaction_p));
        }
        QCOMPARE(json["curve_groups"].toArray().size(), 4);
    }

    void timeUnitAndCurvesByAddTheirKeys() {
        const Run result = run({"analyze", "demo", "--param", "OS", "--time-unit", "weeks",
                                "--curves-by", "PDL1STAT", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.time_unit = "weeks";
        spec.curves_by = "PDL1STAT";
        const Results expected = refit(generate_demo_study(), spec);
        QCOMPARE(json["time_unit"].toString(), QStringLiteral("WEEKS"));
        QCOMPARE(json["arms"].toArray()[0].toObject()["median"].toDouble(),
                 *expected.arms.front().median.estimate);

        const QJsonArray groups = json["curve_groups"].toArray();
        QVERIFY(!expected.curve_groups.empty());
        QCOMPARE(groups.size(), static_cast<qsizetype>(expected.curve_groups.size()));
        for (qsizetype g = 0; g < groups.size(); ++g) {
            const QJsonObject group = groups[g].toObject();
            const ArmSurvival& core = expected.curve_groups[static_cast<std::size_t>(g)];
            QCOMPARE(group["arm"].toString().toStdString(), core.arm);
            QCOMPARE(group["level"].toString().toStdString(), core.level);
            QCOMPARE(group["n"].toDouble(), static_cast<double>(core.km.n));
            QCOMPARE(group["events"].toDouble(), static_cast<double>(core.km.n_events));
            compare_optional(group["median"], core.median.estimate);
            compare_optional(group["median_lower"], core.median.lower);
            compare_optional(group["median_upper"], core.median.upper);
            QCOMPARE(group["quantiles"].toArray().size(), 3);
            const QJsonArray surv = group["curve"].toObject()["surv"].toArray();
            QCOMPARE(surv.size(), static_cast<qsizetype>(core.km.curve.size()));
            for (std::size_t i = 0; i < core.km.curve.size(); ++i) {
                QCOMPARE(surv[static_cast<int>(i)].toDouble(), core.km.curve.surv[i]);
            }
        }

        const QJsonObject follow_up = json["median_follow_up"].toObject();
        QVERIFY(expected.median_follow_up.has_value());
        compare_optional(follow_up["estimate"], expected.median_follow_up->estimate);
        compare_optional(follow_up["lower"], expected.median_follow_up->lower);
        compare_optional(follow_up["upper"], expected.median_follow_up->upper);
    }

    void withoutTheFlagsCurveGroupsAreEmptyAndFollowUpIsReported() {
        const Run result = run({"analyze", "demo", "--param", "PFS", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QVERIFY(json["curve_groups"].isArray());
        QVERIFY(json["curve_groups"].toArray().isEmpty());
        QCOMPARE(json["time_unit"].toString(), QStringLiteral("MONTHS"));
        QVERIFY(json["median_follow_up"].toObject()["estimate"].isDouble());
    }

    void analyzeTableShowsMedianFollowUpAndCurveGroups() {
        const Run result = run({"analyze", "demo", "--param", "OS", "--time-unit", "years",
                                "--curves-by", "PDL1STAT"});
        QCOMPARE(result.exit_code, 0);
        QVERIFY2(result.out.contains("Median follow-up (reverse KM): "), result.out.constData());
        QVERIFY(result.out.contains(" years\n"));
        QVERIFY(result.out.contains("Nab-paclitaxel / "));
    }

    void analyzeTableNamesArmsAndHazardRatio() {
        const Run result = run({"analyze", "demo", "--param", "OS"});
        QCOMPARE(result.exit_code, 0);
        QVERIFY(result.out.contains("SYNTHETIC"));
        QVERIFY(result.out.contains("Benmelstobart + anlotinib"));
        QVERIFY(result.out.contains("Hazard ratio vs Nab-paclitaxel"));
        // Numbers as triallens/format/number_format.h writes them: medians in
        // months to one decimal, ratios to two with an en dash, p to three.
        const QString out = QString::fromUtf8(result.out);
        for (const char* pattern :
             {R"(Nab-paclitaxel +\d+ +\d+  \d+\.\d \(\d+\.\d–(\d+\.\d|NE)\)\n)",
              R"(anlotinib  \d\.\d\d \(\d\.\d\d–\d\.\d\d\)  p = 0\.\d{3}\n)",
              R"(Log-rank test: chi-square \d+\.\d{3} on 1 df, p = 0\.\d{3}\n)"}) {
            QVERIFY2(out.contains(QRegularExpression(QString::fromUtf8(pattern))),
                     qPrintable(QStringLiteral("%1 not in\n%2").arg(pattern, out)));
        }
    }

    void badInvocationsFailWithOneLine_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown parameter") << QStringList{"analyze", "demo", "--param", "XYZ"}
                                           << "no parameter XYZ (present: DURRSP, OS, PFS)";
        QTest::newRow("no parameter named")
            << QStringList{"analyze", "demo"} << "choose a parameter with --param: DURRSP, OS, PFS";
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
        QTest::newRow("negative rho")
            << QStringList{"analyze", "demo", "--param", "OS", "--fh", "-1,0"}
            << "--fh: rho and gamma must not be negative";
        QTest::newRow("fh not finite")
            << QStringList{"analyze", "demo", "--param", "OS", "--fh", "0,nan"}
            << "--fh expects a finite number";
        QTest::newRow("fh malformed")
            << QStringList{"analyze", "demo", "--param", "OS", "--fh", "0,0;1"}
            << "--fh expects rho,gamma pairs";
        QTest::newRow("maxcombo too many")
            << QStringList{"analyze", "demo",       "--param",
                           "OS",      "--maxcombo", "0,0;0,1;1,0;1,1;0,2;2,0;2,2;0,3;3,0;3,3;1,2"}
            << "--maxcombo takes at most 10 tests, got 11";
        QTest::newRow("cut not a number")
            << QStringList{"analyze", "demo", "--param", "OS", "--cuts", "6,x"}
            << "--cuts expects a";
        QTest::newRow("cut zero") << QStringList{"analyze", "demo",   "--param",
                                                 "OS",      "--cuts", "0,6"}
                                  << "cut point 0 of the piecewise hazard ratios must be positive";
        QTest::newRow("cuts unsorted")
            << QStringList{"analyze", "demo", "--param", "OS", "--cuts", "12,6"}
            << "cut point 6 of the piecewise hazard ratios is not after 12";
        QTest::newRow("cut duplicated")
            << QStringList{"analyze", "demo", "--param", "OS", "--cuts", "6,6"}
            << "cut point 6 of the piecewise hazard ratios is not after 6";
        QTest::newRow("cut after the follow-up")
            << QStringList{"analyze", "demo", "--param", "OS", "--cuts", "6,500"}
            << "cut point 500 of the piecewise hazard ratios is not before the last time";
        QTest::newRow("from after the follow-up")
            << QStringList{"analyze", "demo", "--param", "OS", "--from", "500"}
            << "--from 500 is not before the last time of OS";
        QTest::newRow("from negative")
            << QStringList{"analyze", "demo", "--param", "OS", "--from", "-1"}
            << "the landmark of --from must be finite and not negative, got -1";
        QTest::newRow("cause of interest that never occurs")
            << QStringList{"analyze", "demo", "--param", "PFS", "--cause-of-interest", "RELAPSE"}
            << "the cause of interest \"RELAPSE\" never occurs among the PFS events analysed "
               "(causes in EVNTDESC: DEATH, DISEASE PROGRESSION)";
        QTest::newRow("status with event")
            << QStringList{"analyze", "demo", "--status", "S", "--event", "E"}
            << "--status gives both the events and their causes";
        QTest::newRow("bad filter")
            << QStringList{"analyze", "demo", "--param", "OS", "--filter", "AGE == \"old\""}
            << "filter, column 8: AGE is numeric; compare it with a number";
        QTest::newRow("unknown time unit")
            << QStringList{"analyze", "demo", "--param", "OS", "--time-unit", "fortnights"}
            << "--time-unit must be days, weeks, months or years, got \"fortnights\"";
        QTest::newRow("numeric curves-by")
            << QStringList{"analyze", "demo", "--param", "OS", "--curves-by", "AGE"}
            << "distinct values: too many for a factor (at most 12); use a grouped column such "
               "as AGEGR1, or a filter";
        QTest::newRow("unknown option")
            << QStringList{"analyze", "demo", "--bogus"} << "unknown option --bogus";
        QTest::newRow("bad level") << QStringList{"analyze", "demo", "--conf-level", "1.5"}
                                   << "--conf-level must lie strictly between 0 and 1";
        QTest::newRow("export: bad unit")
            << QStringList{"export", "demo",       "--param", "PFS",
                           "--out",  "/tmp/x.png", "--width", "10furlongs"}
            << "--width expects a length with a unit (in, cm, mm, pt or px), got \"10furlongs\"";
        QTest::newRow("export: no unit") << QStringList{"export", "demo",       "--param",  "PFS",
                                                        "--out",  "/tmp/x.png", "--height", "6"}
                                         << "--height expects a length with a unit";
        QTest::newRow("export: missing --out")
            << QStringList{"export", "demo", "--param", "PFS"} << "export needs --out PATH";
        QTest::newRow("export: unknown format")
            << QStringList{"export", "demo", "--param", "PFS", "--out", "/tmp/figure.gif"}
            << "--out must end in .png, .svg or .pdf, got \"/tmp/figure.gif\"";
        QTest::newRow("export: unknown --format")
            << QStringList{"export",          "demo", "--param",  "PFS", "--out", "/tmp/figs",
                           "--each-subgroup", "SEX",  "--format", "tiff"}
            << "--format must be png, svg or pdf, got \"tiff\"";
        QTest::newRow("export: unknown figure")
            << QStringList{"export", "demo", "--figure", "pie", "--out", "/tmp/x.png"}
            << "--figure must be km, cif, forest, ae, summary, response, landmarks, waterfall, "
               "spider, swimmer, dor, baseline, disposition, ae-overview, ae-dotplot or "
               "ae-volcano, got \"pie\"";
        QTest::newRow("export: Table 1 to a figure's format")
            << QStringList{"export", "demo", "--figure", "baseline", "--out", "/tmp/x.png"}
            << "--out must end in .csv, .html or .rtf for --figure baseline";
        QTest::newRow("export: disposition to neither a table's nor a figure's format")
            << QStringList{"export", "demo", "--figure", "disposition", "--out", "/tmp/x.docx"}
            << "--out must end in .csv, .html or .rtf (the disposition table) or .png, .svg or "
               ".pdf (its flow diagram), got \"/tmp/x.docx\"";
        QTest::newRow("unknown quantile type")
            << QStringList{"export",          "demo", "--figure", "baseline",
                           "--quantile-type", "5",    "--out",    "/tmp/x.html"}
            << "--quantile-type must be 2 (SAS's default) or 7 (R's), got \"5\"";
        QTest::newRow("export: a table to a figure's format")
            << QStringList{"export", "demo", "--figure", "ae", "--out", "/tmp/x.png"}
            << "--out must end in .csv, .html or .rtf for --figure ae";
        QTest::newRow("export: unknown preset")
            << QStringList{"export",   "demo",   "--param", "PFS",
                           "--preset", "poster", "--out",   "/tmp/x.png"}
            << "--preset must be one of slide-16x9, half-slide, slide-4x3, journal-single, "
               "journal-double, got \"poster\"";
        QTest::newRow("export: unknown subgroup variable")
            << QStringList{"export",          "demo", "--param", "PFS",
                           "--each-subgroup", "NOPE", "--out",   "/tmp/triallens-no-such-folder"}
            << "--each-subgroup: no column NOPE in the subject-level data";
        QTest::newRow("focus without a level")
            << QStringList{"analyze", "demo", "--param", "OS", "--focus", "SEX"}
            << "--focus expects VAR=LEVEL, e.g. SEX=F, got \"SEX\"";
        QTest::newRow("focus on an unknown column")
            << QStringList{"ae", "demo", "--focus", "NOPE=1"}
            << "--focus: no column NOPE in the subject-level data";
        QTest::newRow("focus on an unknown level")
            << QStringList{"export",  "demo",  "--param", "PFS",
                           "--focus", "SEX=X", "--out",   "/tmp/triallens-no-such-file.png"}
            << "--focus: SEX has no level \"X\" (its levels: ";
        QTest::newRow("focus with a batch")
            << QStringList{"export",          "demo",
                           "--param",         "PFS",
                           "--focus",         "SEX=F",
                           "--each-subgroup", "SEX",
                           "--out",           "/tmp/triallens-no-such-folder"}
            << "--each-subgroup focuses each figure on one level: give it or --focus, not both";
        QTest::newRow("first-paint timing with a command")
            << QStringList{"analyze", "demo", "--quit-after-first-paint"}
            << "--quit-after-first-paint times the workspace: give it alone";
        QTest::newRow("unknown ae reference")
            << QStringList{"ae", "demo", "--ref", "Placebo"} << "no arm \"Placebo\" in TRT01A";
        // NaN and infinity, in any spelling from_chars takes, in a numeric option.
        for (const auto& [flag, value] :
             std::initializer_list<std::pair<const char*, const char*>>{{"--landmarks", "nan"},
                                                                        {"--landmarks", "12,inf"},
                                                                        {"--tau", "-INFINITY"},
                                                                        {"--conf-level", "NaN"},
                                                                        {"--font-size", "inf"}}) {
            QTest::addRow("non-finite %s %s", flag, value)
                << QStringList{"analyze", "demo", "--param", "OS", flag, value}
                << QString("%1 expects a finite number, got").arg(flag);
        }
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        QTest::newRow("covariate of too many levels")
            << QStringList{"analyze", pilot + "adsl.xpt", pilot + "adtte.xpt", "--covariates",
                           "SUBJID"}
            << "SUBJID has 254 levels; text covariates take at most 50";
        QTest::newRow("subgroups of too many levels")
            << QStringList{"analyze",     pilot + "adsl.xpt", pilot + "adtte.xpt",
                           "--subgroups", "SITEID",           "--max-levels",
                           "10"}
            << "SITEID has 17 levels; subgroups take at most 10";
        QTest::newRow("ae: a treatment column of too many levels")
            << QStringList{"ae",    pilot + "adsl.xpt", pilot + "adae.xpt",
                           "--arm", "SITEID",           "--max-levels",
                           "10"}
            << "SITEID has 17 levels; the treatment column takes at most 10";
        QTest::newRow("export: a batch of too many levels")
            << QStringList{"export",
                           pilot + "adsl.xpt",
                           pilot + "adtte.xpt",
                           "--each-subgroup",
                           "SUBJID",
                           "--out",
                           "/tmp/triallens-no-such-folder"}
            << "--each-subgroup: SUBJID has 254 levels; a batch takes at most 50";

        // KM figure flags: one line naming the flag and what it expects.
        const auto km = [](const char* name, const QStringList& flags, const QString& message) {
            QTest::newRow(name) << QStringList{"export",  "demo",
                                               "--param", "OS",
                                               "--out",   "/tmp/triallens-never-written.svg"} +
                                       flags
                                << message;
        };
        km("--xlim 0", {"--xlim", "0"},
           "--xlim expects a positive number of time units, got \"0\"");
        km("--xlim abc", {"--xlim", "abc"}, "--xlim expects a number, got \"abc\"");
        km("--break-by past --xlim", {"--break-by", "5", "--xlim", "2"},
           "--xlim/--break-by: the break interval (5) is longer than the x-axis (2)");
        km("too many breaks", {"--xlim", "1e9", "--break-by", "1"},
           QStringLiteral("--xlim/--break-by: a break every 1 up to 1e+09 makes more than %1 ticks")
               .arg(ui::km_max_breaks));
        km("--xlabel too long", {"--xlabel", QString(ui::km_max_axis_title + 1, 'x')},
           QStringLiteral("--xlabel: the x-axis title has %1 characters")
               .arg(ui::km_max_axis_title + 1));
        km("--y sideways", {"--y", "sideways"},
           "--y must be survival or cumulative, got \"sideways\"");
        km("--risk-table all", {"--risk-table", "all"},
           "--risk-table must be at-risk, events or kmunicate, got \"all\"");
        km("--style fancy", {"--style", "fancy"}, "--style must be kmunicate, got \"fancy\"");
        km("--xlim on a forest", {"--xlim", "12", "--figure", "forest"},
           "--xlim applies to --figure km");
        km("--percent on a table", {"--figure", "summary", "--percent"},
           "--percent applies to --figure km");
        km("--xlim without a value", {"--xlim"}, "--xlim needs a value");
        QTest::newRow("KM flag on analyze")
            << QStringList{"analyze", "demo", "--param", "OS", "--ci-bands"}
            << "--ci-bands is an export option";
    }

    // Every KM figure flag reaches FigureExportOptions, in any order, the
    // style first and each flag given beside it winning.
    void kmFigureFlagsReachTheFigureOptions_data() {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<ui::FigureExportOptions>("expected");
        const auto row = [](const char* name, const QStringList& flags, auto edit) {
            ui::FigureExportOptions expected;
            edit(expected);
            QTest::newRow(name) << flags << expected;
        };
        using Options = ui::FigureExportOptions;
        row("no flags", {}, [](Options&) {});
        row("--xlim", {"--xlim", "24"}, [](Options& o) { o.km.x_limit = 24; });
        row("--xlim, shortest text", {"--xlim", "0.30000000000000004"},
            [](Options& o) { o.km.x_limit = 0.1 + 0.2; });
        row("--break-by", {"--break-by", "6"}, [](Options& o) { o.km.break_by = 6; });
        row("--xlabel", {"--xlabel", "Months since randomisation"},
            [](Options& o) { o.km.x_label = QStringLiteral("Months since randomisation"); });
        row("--ylabel", {"--ylabel", "Alive (%)"},
            [](Options& o) { o.km.y_label = QStringLiteral("Alive (%)"); });
        row("--y cumulative", {"--y", "cumulative"},
            [](Options& o) { o.km.y_scale = ui::KmYScale::Cumulative; });
        row("--y survival", {"--y", "survival"}, [](Options&) {});
        row("--percent", {"--percent"}, [](Options& o) { o.km.percent = true; });
        row("--risk-table events", {"--risk-table", "events"},
            [](Options& o) { o.km.risk_table = ui::KmRiskTable::AtRiskEvents; });
        row("--risk-table kmunicate", {"--risk-table", "kmunicate"},
            [](Options& o) { o.km.risk_table = ui::KmRiskTable::Kmunicate; });
        row("--risk-table at-risk", {"--risk-table", "at-risk"}, [](Options&) {});
        row("--style kmunicate", {"--style", "kmunicate"},
            [](Options& o) { o.km = ui::with_kmunicate_style(o.km); });
        row("--style, then a flag that wins", {"--style", "kmunicate", "--risk-table", "events"},
            [](Options& o) {
                o.km = ui::with_kmunicate_style(o.km);
                o.km.risk_table = ui::KmRiskTable::AtRiskEvents;
            });
        row("a flag, then --style: the flag still wins",
            {"--no-risk-table", "--style", "kmunicate"}, [](Options& o) {
                o.km = ui::with_kmunicate_style(o.km);
                o.km.at_risk_row = false;
            });
        row("--ci-bands", {"--ci-bands"}, [](Options& o) { o.km.ci_bands = true; });
        row("--no-median-lines", {"--no-median-lines"},
            [](Options& o) { o.km.median_lines = false; });
        row("--no-censor-marks", {"--no-censor-marks"},
            [](Options& o) { o.km.censor_marks = false; });
        row("--no-risk-table", {"--no-risk-table"}, [](Options& o) { o.km.at_risk_row = false; });
        row("--censored-row", {"--censored-row"}, [](Options& o) { o.km.censored_row = true; });
        row("--events-row", {"--events-row"}, [](Options& o) { o.km.events_row = true; });
        row("--font-family", {"--font-family", "DejaVu Serif"},
            [](Options& o) { o.font_family = QStringLiteral("DejaVu Serif"); });
        row("--font-family on a forest", {"--figure", "forest", "--font-family", "DejaVu Serif"},
            [](Options& o) {
                o.kind = ui::FigureKind::Forest;
                o.font_family = QStringLiteral("DejaVu Serif");
            });
        row("with --each-subgroup", {"--each-subgroup", "SEX", "--xlim", "12"},
            [](Options& o) { o.km.x_limit = 12; });
    }
    void kmFigureFlagsReachTheFigureOptions() {
        QFETCH(QStringList, flags);
        QFETCH(ui::FigureExportOptions, expected);
        const ui::FigureExportOptions options = parsed_figure_options(flags);
        QVERIFY(options.km == expected.km);
        QVERIFY(options == expected);
    }

    // A saved analysis's KM choices are where the flags start from.
    void kmFigureFlagsApplyOnTopOfASavedAnalysis() {
        ui::KmFigureOptions saved;
        saved.x_limit = 36;
        saved.y_scale = ui::KmYScale::Cumulative;
        saved.events_row = true;
        ui::KmFigureOptions expected = ui::with_kmunicate_style(saved);
        expected.x_limit = 24;
        QVERIFY(parsed_figure_options({"--style", "kmunicate", "--xlim", "24"}, saved).km ==
                expected);
        QVERIFY(parsed_figure_options({}, saved).km == saved);
        // A combination only the two make is refused, naming the flag.
        try {
            parsed_figure_options({"--break-by", "48"}, saved);
            QFAIL("a break interval past the saved x-axis limit was taken");
        } catch (const cli::UsageError& error) {
            QVERIFY2(QByteArray(error.what()).startsWith("--break-by: "), error.what());
        }
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

    // The contract's example: 13.333in x 7.5in is 4000 x 2250 px at 300 dpi,
    // and a 960 x 540 pt PDF page; the SVG states its size in mm.
    // The summary and AE tables a statistician pastes into a report carry the
    // numbers `analyze --json` and `ae --json` give for the same data.
    void exportTablesCarryTheNumbersOfTheJson() {
        QTemporaryDir dir;
        const QString summary = dir.filePath("summary.csv");
        QCOMPARE(run({"export", "demo", "--figure", "summary", "--out", summary}).exit_code, 0);
        const QList<QStringList> rows = csv_rows(read_all(summary));
        for (const char* param : {"PFS", "OS"}) {
            const QJsonObject json =
                QJsonDocument::fromJson(run({"analyze", "demo", "--param", param, "--json"}).out)
                    .object();
            const auto block = std::find_if(rows.begin(), rows.end(), [&](const QStringList& row) {
                return row.value(0) == json["param_label"].toString();
            });
            QVERIFY2(block != rows.end(), param);
            QCOMPARE(block->value(1).toInt(), json["n"].toInt());
            QCOMPARE(block->value(2).toInt(), json["events"].toInt());
            const QJsonArray arms = json["arms"].toArray();
            for (qsizetype a = 0; a < arms.size(); ++a) {
                const QJsonObject arm = arms[a].toObject();
                const QStringList& row = *(block + 1 + a);
                QCOMPARE(row.value(0), arm["arm"].toString());
                QCOMPARE(row.value(1).toInt(), arm["n"].toInt());
                QCOMPARE(row.value(2).toInt(), arm["events"].toInt());
                // The demo's times are in months: medians to one decimal, then the CI.
                QVERIFY(row.value(3).startsWith(QString::number(arm["median"].toDouble(), 'f', 1) +
                                                QStringLiteral(" (")));
            }
            const QJsonObject term = json["cox"].toObject()["terms"].toArray()[0].toObject();
            QVERIFY(
                (block + 2)->value(4).startsWith(QString::number(term["hr"].toDouble(), 'f', 2)));
        }

        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/sites");
        const QString ae = dir.filePath("ae.csv");
        QCOMPARE(run({"export", pilot, "--figure", "ae", "--out", ae}).exit_code, 0);
        const QList<QStringList> ae_rows = csv_rows(read_all(ae));
        const QJsonObject json = QJsonDocument::fromJson(run({"ae", pilot, "--json"}).out).object();
        const QJsonArray arms = json["arms"].toArray();
        const QJsonArray json_rows = json["rows"].toArray();
        int checked = 0;
        for (const QJsonValue& value : json_rows) {
            const QJsonObject row = value.toObject();
            const QString label = row["pt"].isNull()
                                      ? (row["soc"].isNull() ? QStringLiteral("Any adverse event")
                                                             : row["soc"].toString())
                                      : row["pt"].toString();
            const auto found =
                std::find_if(ae_rows.begin(), ae_rows.end(),
                             [&](const QStringList& r) { return r.value(0) == label; });
            QVERIFY2(found != ae_rows.end(), qPrintable(label));
            for (qsizetype a = 0; a < arms.size(); ++a) {
                const QJsonObject counts =
                    row["counts"].toObject()[arms[a].toObject()["arm"].toString()].toObject();
                QVERIFY(found->value(1 + 2 * a).startsWith(
                    QStringLiteral("%1 (").arg(counts["any"].toInt())));
                QVERIFY(found->value(2 + 2 * a).startsWith(
                    QStringLiteral("%1 (").arg(counts["grade3plus"].toInt())));
            }
            ++checked;
        }
        QVERIFY(checked > 20);
    }

    // The Baseline tab's exports from the command line: Table 1 to a table
    // file with its flags, the disposition as a table or as its flow
    // diagram at a preset's size, on the pilot (three arms).
    void exportBaselineAndDispositionWriteTablesAndTheFlow() {
        QTemporaryDir dir;
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const QStringList files{pilot + "adsl.xpt", pilot + "adtte.xpt"};
        const Run table1 = run(QStringList{"export", "--figure", "baseline", "--vars", "AGE,SEX",
                                           "--quantile-type", "7", "--p-values", "--out",
                                           dir.filePath("t1.html")} +
                               files);
        QCOMPARE(table1.exit_code, 0);
        QVERIFY2(table1.err.isEmpty(), table1.err.constData());
        const QString html = QString::fromUtf8(read_all(dir.filePath("t1.html")));
        QVERIFY(html.contains("<table"));
        QVERIFY(html.contains("Xanomeline High Dose"));
        QVERIFY(html.contains("Median (Q1–Q3)"));
        QVERIFY(html.contains("type 7"));
        QVERIFY(html.contains("p-value"));
        QVERIFY(!html.contains("Race")); // only the variables asked for

        const Run csv = run(QStringList{"export", "--figure", "disposition", "--out",
                                        dir.filePath("disposition.csv")} +
                            files);
        QCOMPARE(csv.exit_code, 0);
        QVERIFY(read_all(dir.filePath("disposition.csv")).contains("Randomised"));

        const Run png = run(QStringList{"export", "--figure", "disposition", "--preset",
                                        "journal-single", "--out", dir.filePath("flow.png")} +
                            files);
        QCOMPARE(png.exit_code, 0);
        QVERIFY2(png.err.isEmpty(), png.err.constData());
        QCOMPARE(png_size(read_all(dir.filePath("flow.png"))), QSize(1050, 1200));
        const Run svg = run(
            QStringList{"export", "--figure", "disposition", "--out", dir.filePath("flow.svg")} +
            files);
        QCOMPARE(svg.exit_code, 0);
        QVERIFY(read_all(dir.filePath("flow.svg")).contains("Randomised"));
    }

    void exportKmWritesEachFormatAtItsPhysicalSize() {
        QTemporaryDir dir;
        const QStringList size{"--width", "13.333in", "--height", "7.5in"};
        const Run png =
            run(QStringList{"export", "demo", "--param", "PFS", "--out", dir.filePath("km.png")} +
                size);
        QCOMPARE(png.exit_code, 0);
        QVERIFY2(png.err.isEmpty(), png.err.constData());
        QCOMPARE(png_size(read_all(dir.filePath("km.png"))), QSize(4000, 2250));

        const Run pdf =
            run(QStringList{"export", "demo", "--param", "PFS", "--out", dir.filePath("km.pdf")} +
                size);
        QCOMPARE(pdf.exit_code, 0);
        const QList<double> box = media_box(read_all(dir.filePath("km.pdf")));
        QCOMPARE(box.size(), 4);
        QVERIFY(qAbs(box[2] - box[0] - 960) < 0.05);
        QVERIFY(qAbs(box[3] - box[1] - 540) < 0.05);

        const Run svg = run({"export", "demo", "--param", "OS", "--out", dir.filePath("km.svg"),
                             "--width", "25.4cm", "--height", "3.5in", "--font-size", "10"});
        QCOMPARE(svg.exit_code, 0);
        const QByteArray text = read_all(dir.filePath("km.svg"));
        QVERIFY(text.contains("width=\"254mm\""));
        QVERIFY(text.contains("height=\"88.9mm\""));
        QVERIFY(text.contains("Number at risk"));

        // The default size is 10in x 6in; --dpi sets the raster's resolution.
        const Run small = run({"export", "demo", "--param", "PFS", "--out",
                               dir.filePath("default.png"), "--dpi", "96"});
        QCOMPARE(small.exit_code, 0);
        QCOMPARE(png_size(read_all(dir.filePath("default.png"))), QSize(960, 576));
    }

    // The demo in the KMunicate style on a 24-month axis, as a script writes it.
    void exportKmWithFigureOptionsWritesTheSvg() {
        QTemporaryDir dir;
        const QString out = dir.filePath("km.svg");
        const Run svg = run({"export", "demo", "--param", "OS", "--time-unit", "months", "--style",
                             "kmunicate", "--xlim", "24", "--break-by", "6", "--y", "cumulative",
                             "--percent", "--out", out});
        QCOMPARE(svg.exit_code, 0);
        QVERIFY2(svg.err.isEmpty(), svg.err.constData());
        QCOMPARE(svg.out.trimmed(), out.toUtf8());
        QVERIFY(read_all(out).contains("<svg"));
    }

    // `export --analysis FILE`: the saved workspace and KM choices, drawn as
    // the same flags on the data files draw them; flags given beside it win.
    void exportOfASavedAnalysisDrawsItsKmChoices() {
        QTemporaryDir dir;
        ui::SavedAnalysis analysis;
        analysis.demo = true;
        analysis.state.spec.paramcd = "OS";
        analysis.state.spec.ties = Ties::Breslow;
        analysis.km_figure.ci_bands = true;
        analysis.km_figure.x_limit = 24;
        analysis.km_figure.break_by = 6;
        analysis.km_figure.risk_table = ui::KmRiskTable::AtRiskEvents;
        const QString file = dir.filePath("demo.triallens.json");
        QVERIFY(write_file(file, ui::to_json(analysis)));
        QVERIFY(cli::load_saved_analysis(file.toStdString()).km_figure == analysis.km_figure);

        const auto svg = [&](const QString& name, const QStringList& arguments) {
            const Run result = run(QStringList{"export", "--out", dir.filePath(name)} + arguments);
            return result.exit_code == 0 ? read_all(dir.filePath(name)) : result.err;
        };
        const QByteArray saved = svg("saved.svg", {"--analysis", file, "--percent"});
        QVERIFY2(saved.contains("<svg"), saved.constData());
        QCOMPARE(saved, svg("flags.svg",
                            {"demo", "--param", "OS", "--ties", "breslow", "--ci-bands", "--xlim",
                             "24", "--break-by", "6", "--risk-table", "events", "--percent"}));

        // The analysis's workspace is its own: no spec flag beside it.
        const Run spec =
            run({"export", "--analysis", file, "--param", "PFS", "--out", dir.filePath("x.svg")});
        QCOMPARE(spec.exit_code, 2);
        QVERIFY2(spec.err.contains("--analysis takes every setting"), spec.err.constData());
    }

    void exportPresetAndForest() {
        QTemporaryDir dir;
        const Run forest =
            run({"export", "demo", "--param", "PFS", "--figure", "forest", "--subgroups",
                 "PDL1STAT,ECOGBL", "--preset", "half-slide", "--dpi", "144", "--palette",
                 "grayscale", "--title", "Forest", "--footnote", "--out", dir.filePath("f.png")});
        QCOMPARE(forest.exit_code, 0);
        QVERIFY2(forest.err.isEmpty(), forest.err.constData());
        // 6.667 in wide; a forest is as tall as its rows need there.
        const QSize size = png_size(read_all(dir.filePath("f.png")));
        QCOMPARE(size.width(), 960);
        QVERIFY2(size.height() > 300 && size.height() != 720,
                 qPrintable(QString::number(size.height())));
        // A height asked for is kept: 5 in.
        const Run fixed = run({"export", "demo", "--param", "PFS", "--figure", "forest",
                               "--subgroups", "PDL1STAT,ECOGBL", "--preset", "half-slide",
                               "--height", "5in", "--dpi", "144", "--out", dir.filePath("g.png")});
        QCOMPARE(fixed.exit_code, 0);
        QCOMPARE(png_size(read_all(dir.filePath("g.png"))), QSize(960, 720));
    }

    // Without --subgroups the forest is the window's default one: the same
    // variables (core's default_subgroups), so its table lists their levels.
    // `--figure landmarks`: the Survival tab's landmark and RMST table, in
    // each table format; without --landmarks or --tau one line says so.
    void exportLandmarkTable() {
        QTemporaryDir dir;
        for (const char* suffix : {"csv", "html", "rtf"}) {
            const QString out = dir.filePath(QStringLiteral("landmarks.%1").arg(suffix));
            const Run written = run({"export", "demo", "--param", "OS", "--figure", "landmarks",
                                     "--landmarks", "12", "--tau", "24", "--out", out});
            QVERIFY2(written.exit_code == 0, written.err.constData());
            const QByteArray file = read_all(out);
            QVERIFY2(file.contains("RMST to 24") && file.contains("S(12)"), suffix);
        }
        const Run refused = run({"export", "demo", "--param", "OS", "--figure", "landmarks",
                                 "--out", dir.filePath(QStringLiteral("none.csv"))});
        QCOMPARE(refused.exit_code, 2);
        QVERIFY2(refused.err.contains("--figure landmarks needs --landmarks or --tau"),
                 refused.err.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("none.csv"))));
    }

    void exportForestWithoutSubgroupsDrawsTheWindowsDefault() {
        QTemporaryDir dir;
        const Run figure = run({"export", "demo", "--param", "PFS", "--figure", "forest", "--out",
                                dir.filePath("f.svg")});
        QCOMPARE(figure.exit_code, 0);
        QVERIFY2(figure.err.isEmpty(), figure.err.constData());
        const QByteArray svg = read_all(dir.filePath("f.svg"));
        const Study demo = generate_demo_study();
        const std::vector<std::string> variables = default_subgroups(demo);
        QVERIFY(!variables.empty());
        for (const std::string& name : variables) {
            for (const std::string& level : demo.subjects.find(name)->levels()) {
                const QString text = QString::fromStdString(level).toHtmlEscaped();
                QVERIFY2(svg.contains(text.toUtf8()), level.c_str());
            }
        }
        const Run table = run({"export", "demo", "--param", "PFS", "--figure", "forest", "--out",
                               dir.filePath("f.csv")});
        QCOMPARE(table.exit_code, 0);
        const QByteArray csv = read_all(dir.filePath("f.csv"));
        // The header rows read the variables' labels, as the window's forest does.
        QVERIFY2(csv.contains(QByteArray::fromStdString(
                     display_label(*demo.subjects.find(variables.front())))),
                 csv.constData());
    }

    void exportEachSubgroupWritesOneFigurePerLevel() {
        QTemporaryDir dir;
        const QString folder = dir.filePath("by-pdl1");
        const Run result = run({"export", "demo", "--param", "PFS", "--each-subgroup", "PDL1STAT",
                                "--format", "svg", "--out", folder});
        QCOMPARE(result.exit_code, 0);
        QVERIFY2(result.err.isEmpty(), result.err.constData());
        QCOMPARE(QDir(folder).entryList(QDir::Files),
                 (QStringList{"Negative.svg", "Positive.svg"}));
        // Each is refitted on its level's subjects, whose count the legend shows.
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.filter = "PDL1STAT == \"Positive\"";
        const Results positive = refit(generate_demo_study(), spec);
        const QByteArray svg = read_all(QDir(folder).filePath("Positive.svg"));
        QVERIFY(svg.contains("PDL1STAT = Positive"));
        QVERIFY(svg.contains(QStringLiteral("n=%1,").arg(positive.arms.front().km.n).toUtf8()));
        QVERIFY(result.out.contains("Positive.svg"));
    }

    // A figure side above 200 in (or a PNG above 20,000 pixels a side or
    // 100 million in all) is refused before anything is written.
    void exportSizeBeyondTheCapIsRefused_data() {
        QTest::addColumn<QStringList>("size");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("300 in PDF") << QStringList{"--width", "300in"} << "km.pdf"
                                    << "width, 300 in, is more than the largest, 200 in";
        QTest::newRow("600 cm SVG") << QStringList{"--height", "600cm"} << "km.svg"
                                    << "height, 236.2 in, is more than the largest";
        QTest::newRow("PNG of 59,700 px") << QStringList{"--width", "199in"} << "km.png"
                                          << "a PNG has at most 20000 a side";
        QTest::newRow("zero width") << QStringList{"--width", "0in"} << "km.pdf"
                                    << "--width expects a length";
    }
    void exportSizeBeyondTheCapIsRefused() {
        QFETCH(QStringList, size);
        QFETCH(QString, file);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const Run result = run(
            QStringList{"export", "demo", "--param", "PFS", "--out", dir.filePath(file)} + size);
        QCOMPARE(result.exit_code, 2);
        QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
        QVERIFY(result.out.isEmpty());
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
    }

    // Level text makes safe, capped file names; the batch goes beside --out
    // and moves in whole, or not at all.
    void eachSubgroupFileNamesAreSafeAndTheBatchWhole() {
        QTemporaryDir dir;
        const QString long_level(300, u'L');
        const QString data = write_hostile_levels(
            dir.path(), {"../x", long_level, "a/b", "a_b", "CON", "com1.txt", ".hidden"});
        QVERIFY(!data.isEmpty());
        const QString folder = dir.filePath("figs");
        const QStringList export_batch{
            "export",          data,    "--time",   "TIME", "--event", "EVENT", "--arm", "ARM",
            "--each-subgroup", "GROUP", "--format", "svg",  "--out",   folder};
        const Run result = run(export_batch);
        QCOMPARE(result.exit_code, 0);
        QVERIFY2(result.err.isEmpty(), result.err.constData());
        const QStringList names = QDir(folder).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(names.size(), 7);
        static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]*\\.svg$"));
        for (const QString& name : names) {
            QVERIFY2(safe.match(name).hasMatch(), qPrintable(name));
            QVERIFY2(name.toUtf8().size() <= 80 + 4, qPrintable(name));
            QVERIFY2(!name.contains(".."), qPrintable(name));
        }
        QVERIFY(names.contains("_x.svg"));
        QVERIFY(names.contains("CON_.svg"));
        QVERIFY(names.contains("com1_.txt.svg"));
        QVERIFY(names.contains("hidden.svg"));
        QVERIFY(names.contains("a_b.svg"));
        static const QRegularExpression hashed(QStringLiteral("^a_b_[0-9a-f]{8}\\.svg$"));
        static const QRegularExpression cut(QStringLiteral("^L{71}_[0-9a-f]{8}\\.svg$"));
        QCOMPARE(names.filter(hashed).size(), 1);
        QCOMPARE(names.filter(cut).size(), 1);
        // Nothing outside the folder, nothing left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{"figs", "levels.csv"}));

        // Into a folder where one name is taken by a folder: the move fails
        // and the folder is as it was, its old file restored.
        const QString again = dir.filePath("again");
        QVERIFY(QDir().mkpath(QDir(again).filePath("a_b.svg")));
        QVERIFY(write_file(QDir(again).filePath("CON_.svg"), "old"));
        QStringList into_again = export_batch;
        into_again.last() = again;
        const Run failed = run(into_again);
        QVERIFY(failed.exit_code != 0);
        QVERIFY2(failed.err.contains("a_b.svg"), failed.err.constData());
        QVERIFY(failed.out.isEmpty());
        QCOMPARE(QDir(again).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{"a_b.svg", "CON_.svg"}));
        QCOMPARE(read_all(QDir(again).filePath("CON_.svg")), QByteArray("old"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 (QStringList{"again", "figs", "levels.csv"}));
    }

    // `analyze --analysis FILE`: the window's workspace, headless; files
    // missing, refused or changed are one line each and exit 1.
    void savedAnalysisIsCheckedAndComputedHeadless() {
        QTemporaryDir dir;
        ui::SavedAnalysis demo_analysis;
        demo_analysis.demo = true;
        demo_analysis.state.spec.paramcd = "PFS";
        demo_analysis.state.spec.ties = Ties::Breslow;
        const QString demo_file = dir.filePath("demo.triallens.json");
        QVERIFY(write_file(demo_file, ui::to_json(demo_analysis)));
        const Run saved = run({"analyze", "--analysis", demo_file, "--json"});
        QCOMPARE(saved.exit_code, 0);
        const Run flags = run({"analyze", "demo", "--param", "PFS", "--ties", "breslow", "--json"});
        QCOMPARE(saved.out, flags.out);

        // Files, saved with paths relative to the analysis, run from elsewhere.
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        QStringList copies;
        for (const QString& name : {QStringLiteral("adsl.csv"), QStringLiteral("adtte.csv")}) {
            QVERIFY(QFile::copy(pilot + name, dir.filePath(name)));
            copies << dir.filePath(name);
        }
        QString error;
        auto files = ui::hash_files(copies, &error);
        QVERIFY2(files.has_value(), qPrintable(error));
        ui::SavedAnalysis analysis;
        analysis.files = *files;
        for (ui::SavedFile& file : analysis.files) {
            file.path = QFileInfo(file.path).fileName();
        }
        analysis.state.spec.ties = Ties::Exact;
        const QString file = dir.filePath("pilot.triallens.json");
        QVERIFY(write_file(file, ui::to_json(analysis)));
        QTemporaryDir elsewhere;
        const Run good = run_in(elsewhere.path(), {"analyze", "--analysis", file, "--json"});
        QCOMPARE(good.exit_code, 0);
        QVERIFY2(good.err.isEmpty(), good.err.constData());
        QCOMPARE(QJsonDocument::fromJson(good.out)["cox"]["ties"].toString(), "exact");

        QFile adsl(copies[0]);
        QVERIFY(adsl.open(QIODevice::Append));
        adsl.write("\n");
        adsl.close();
        QVERIFY(QFile::remove(copies[1]));
        QCOMPARE(::mkfifo(QFile::encodeName(copies[1]).constData(), 0600), 0);
        const Run bad = run_in(elsewhere.path(), {"analyze", "--analysis", file, "--json"});
        QCOMPARE(bad.exit_code, 1);
        QVERIFY(bad.out.isEmpty());
        const QList<QByteArray> lines = bad.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 3); // one per file, then the summary
        QVERIFY2(lines[0].contains(copies[0].toUtf8()) && lines[0].contains("changed"),
                 lines[0].constData());
        QVERIFY2(lines[1].contains(copies[1].toUtf8()) && lines[1].contains("not a regular file"),
                 lines[1].constData());
        QVERIFY(QFile::remove(copies[1]));
        const Run gone = run_in(elsewhere.path(), {"analyze", "--analysis", file});
        QCOMPARE(gone.exit_code, 1);
        QVERIFY2(gone.err.contains("missing (not found)"), gone.err.constData());

        const Run both = run({"analyze", "demo", "--analysis", demo_file});
        QCOMPARE(both.exit_code, 2);
        QVERIFY(both.err.contains("give no FILE"));
    }

    // A saved analysis with a folder of published arms: `analyze --analysis`
    // checks the folder as it checks the data files, then adds its arms on
    // the endpoint it joined — the numbers `--published` gives.
    void savedAnalysisAddsItsPublishedArms() {
        QTemporaryDir dir;
        const QString folder = dir.filePath("recon");
        ReconstructedStudyOptions options;
        options.paramcd = "TTDE";
        options.source = "Doe 2024, Figure 2";
        write_reconstructed_tables(
            reconstructed_tables({cdisc_pilot::placebo_as_published()}, options),
            folder.toStdString());
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const QStringList trial{pilot + "adsl.xpt", pilot + "adtte.xpt"};
        QString error;
        const auto files = ui::hash_files(trial, &error);
        const auto recon = ui::hash_files({folder}, &error);
        QVERIFY2(files && recon, qPrintable(error));
        ui::SavedAnalysis analysis;
        analysis.files = *files;
        analysis.published = {{recon->front(), "TTDE", ""}};
        analysis.state.spec.paramcd = "TTDE";
        const QString file = dir.filePath("published.triallens.json");
        QVERIFY(write_file(file, ui::to_json(analysis)));

        const Run saved = run({"analyze", "--analysis", file, "--json"});
        QVERIFY2(saved.exit_code == 0, saved.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(saved.out).object();
        QCOMPARE(json["reconstructed"]["subjects"].toInt(), 86);
        const Run flags = run(QStringList{"analyze"} + trial +
                              QStringList{"--param", "TTDE", "--published", folder, "--json"});
        QVERIFY2(flags.exit_code == 0, flags.err.constData());
        const QJsonObject expected = QJsonDocument::fromJson(flags.out).object();
        QCOMPARE(json["arms"].toArray().size(), 4);
        QCOMPARE(json["arms"], expected["arms"]);
        QCOMPARE(json["cox"], expected["cox"]);

        // The folder changed since: one line naming it, and nothing on stdout.
        QFile adsl(QDir(folder).filePath("adsl.csv"));
        QVERIFY(adsl.open(QIODevice::Append));
        adsl.write("\n");
        adsl.close();
        const Run changed = run({"analyze", "--analysis", file, "--json"});
        QCOMPARE(changed.exit_code, 1);
        QVERIFY(changed.out.isEmpty());
        QVERIFY2(changed.err.contains(folder.toUtf8()) && changed.err.contains("changed") &&
                     changed.err.contains("1 of 3 data paths"),
                 changed.err.constData());
    }

    void exportErrorsWriteNothing() {
        QTemporaryDir dir;
        const Run result =
            run({"export", "demo", "--param", "XYZ", "--out", dir.filePath("km.png")});
        QVERIFY(result.exit_code != 0);
        QVERIFY(!QFile::exists(dir.filePath("km.png")));
    }

    // The cold-start measurement of docs/performance.md: the workspace opens
    // on the demo (offscreen here, as ctest sets QT_QPA_PLATFORM), paints its
    // KM plot, prints the milliseconds since process start alone on stdout
    // and exits 0 by itself.
    void quitAfterFirstPaintPrintsMillisecondsAndExits() {
        const Run result = run({"--quit-after-first-paint"});
        QCOMPARE(result.exit_code, 0);
        const QString out = QString::fromUtf8(result.out).trimmed();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9]+$")).match(out).hasMatch(),
                 result.out.constData());
        QVERIFY(out.toLongLong() > 0);
        QVERIFY(result.err.contains("first KM plot painted"));
    }

    // `triallens saved.triallens.json`, as the desktop entry runs it for a
    // double-clicked analysis: the workspace opens the analysis (here one of
    // the demo) rather than trying to read it as data, and paints its KM plot.
    // A load refused as data would never paint. Settings go to a temporary
    // folder, not the user's.
    void savedAnalysisOnTheCommandLineOpensTheWorkspace() {
        QTemporaryDir dir;
        const QString file = dir.filePath("os.triallens.json");
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"schema": "triallens.analysis/1", "version": 1, "demo": true, "files": [],
            "state": {"spec": {"paramcd": "OS", "arm_variable": "TRT01P",
              "reference_arm": "Nab-paclitaxel", "compare_arm": "Benmelstobart + anlotinib",
              "filter": "", "strata": [], "subgroups": [], "covariates": [],
              "conf_type": "log", "conf_level": 0.95, "landmarks": [], "tau": null,
              "ties": "breslow", "time_unit": "", "curves_by": ""},
              "filters": {"populations": [], "levels": {}, "ranges": {}}},
            "focus": {"variable": "", "level": ""}, "tab": "Survival"})");
        out.close();
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath("config"));
        process.setProcessEnvironment(environment);
        process.start(QString::fromStdString(TRIALLENS_BINARY),
                      {QStringLiteral("--quit-after-first-paint"), file});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardError().contains("first KM plot painted"));
        // The analysis was opened as one: it is now a recent analysis.
        QFile settings(dir.filePath("config/TrialLens/TrialLens.conf"));
        QVERIFY(settings.open(QIODevice::ReadOnly));
        QVERIFY(settings.readAll().contains("os.triallens.json"));
    }

    void demoWritesOneCsvPerDatasetAndSite() {
        QTemporaryDir dir;
        const Run result = run({"demo", "--out", dir.path()});
        QCOMPARE(result.exit_code, 0);
        const QStringList files = QDir(dir.path()).entryList({"*.csv"}, QDir::Files);
        QCOMPARE(files.size(), 5 * 12); // ADSL, ADTTE, ADAE, ADRS, ADTR per site
        for (const char* dataset : {"adsl", "adtte", "adae", "adrs", "adtr"}) {
            QVERIFY(files.contains(QStringLiteral("%1_site101.csv").arg(dataset)));
        }
        QFile adsl(dir.filePath("adsl_site101.csv"));
        QVERIFY(adsl.open(QIODevice::ReadOnly));
        QVERIFY(adsl.readLine().startsWith("STUDYID,USUBJID,SITEID,AGE"));
    }

    // The CDISC pilot as SAS transport: ADSL's TRT01P arms, ADTTE's one parameter (TTDE).
    // The pilot's TTDE has one cause; naming its column still asks for the
    // competing-risks analysis (the incidence is 1 - KM), and for the figure.
    void namedCauseColumnOfOneCause() {
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const Run result = run({"analyze", pilot + "adsl.xpt", pilot + "adtte.xpt", "--cause",
                                "EVNTDESC", "--landmarks", "30,90", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject risks =
            QJsonDocument::fromJson(result.out).object()["competing_risks"].toObject();
        QCOMPARE(risks["causes"].toArray().size(), 1);
        QCOMPARE(risks["cause_of_interest"].toString(),
                 QStringLiteral("Dematologic Event Occured"));
        QCOMPARE(risks["fine_gray"].toObject()["terms"].toArray().size(), 2); // three arms
        QCOMPARE(risks["gray"].toArray()[0].toObject()["df"].toInt(), 2);
        const Run unnamed = run(
            {"analyze", pilot + "adsl.xpt", pilot + "adtte.xpt", "--competing-risks", "--json"});
        QCOMPARE(unnamed.exit_code, 0);
        QVERIFY(!QJsonDocument::fromJson(unnamed.out).object().contains("competing_risks"));

        QTemporaryDir dir;
        const QString figure = dir.filePath("cif.png");
        const Run exported =
            run({"export", pilot + "adsl.xpt", pilot + "adtte.xpt", "--cause", "EVNTDESC",
                 "--figure", "cif", "--preset", "journal-single", "--out", figure});
        QVERIFY2(exported.exit_code == 0, exported.err.constData());
        QVERIFY(QFileInfo(figure).size() > 0);
        const Run refused = run({"export", pilot + "adsl.xpt", pilot + "adtte.xpt", "--figure",
                                 "cif", "--out", dir.filePath("none.png")});
        QCOMPARE(refused.exit_code, 2);
        QVERIFY2(refused.err.contains("--figure cif: the events of TTDE have fewer than two "
                                      "causes"),
                 refused.err.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath("none.png")));
    }

    void analyzeReadsThePilotTransportFiles() {
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const Run result = run({"analyze", pilot + "adsl.xpt", pilot + "adtte.xpt", "--json"});
        QCOMPARE(result.exit_code, 0);
        QVERIFY2(result.err.isEmpty(), result.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json["n"].toDouble(), 254.0);
        QCOMPARE(json["arm_variable"].toString(), QStringLiteral("TRT01P"));
        QStringList arms;
        for (const auto arm : json["arms"].toArray()) {
            arms << arm.toObject()["arm"].toString();
        }
        // In ADaM's TRT01PN order (0, 54, 81), not alphabetical.
        QCOMPARE(arms, (QStringList{"Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"}));
        QCOMPARE(json["arms"].toArray()[0].toObject()["n"].toDouble(), 86.0);
        QCOMPARE(json["cox"].toObject()["ref"].toString(), QStringLiteral("Placebo"));

        // The 17 sites' CSVs, named as a folder, give the same numbers.
        const Run sites = run({"analyze", pilot + "sites", "--json"});
        QCOMPARE(sites.exit_code, 0);
        QJsonObject from_sites = QJsonDocument::fromJson(sites.out).object();
        QJsonObject from_xpt = json;
        from_sites.remove("study");
        from_xpt.remove("study");
        QCOMPARE(from_sites, from_xpt);
    }

    // ADTTE's own TRTA (absent from ADSL) as the treatment: on the pilot it
    // agrees with ADSL's TRT01A subject by subject, so the numbers are the same.
    void armFromTheTimeToEventData() {
        const QString sites = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/sites");
        const Run trta = run({"analyze", sites, "--arm", "TRTA", "--json"});
        QCOMPARE(trta.exit_code, 0);
        QVERIFY2(trta.err.isEmpty(), trta.err.constData());
        const Run trt01a = run({"analyze", sites, "--arm", "TRT01A", "--json"});
        QCOMPARE(trt01a.exit_code, 0);
        QJsonObject from_trta = QJsonDocument::fromJson(trta.out).object();
        QJsonObject from_trt01a = QJsonDocument::fromJson(trt01a.out).object();
        QCOMPARE(from_trta["arm_variable"].toString(), QStringLiteral("TRTA"));
        const QJsonArray terms = from_trta["cox"].toObject()["terms"].toArray();
        QCOMPARE(terms.size(), 2);
        QCOMPARE(terms, from_trt01a["cox"].toObject()["terms"].toArray());
        from_trta.remove("arm_variable");
        from_trt01a.remove("arm_variable");
        QCOMPARE(from_trta, from_trt01a);
    }

    void armNotConstantPerSubjectNamesTheSubjectAndItsValues() {
        QTemporaryDir dir;
        QFile adsl(dir.filePath("adsl.csv"));
        QVERIFY(adsl.open(QIODevice::WriteOnly));
        adsl.write("USUBJID,TRT01P\nS1,A\nS2,B\n");
        adsl.close();
        QFile adtte(dir.filePath("adtte.csv"));
        QVERIFY(adtte.open(QIODevice::WriteOnly));
        adtte.write("USUBJID,PARAMCD,AVAL,CNSR,TRTA\nS1,OS,4,0,A\nS2,OS,5,0,B\nS2,PFS,3,0,A\nS1,"
                    "PFS,2,0,A\n");
        adtte.close();
        QCOMPARE(run({"analyze", dir.path(), "--param", "OS"}).exit_code, 0);
        const Run result = run({"analyze", dir.path(), "--param", "OS", "--arm", "TRTA"});
        QVERIFY(result.exit_code != 0);
        QVERIFY(result.out.isEmpty());
        QCOMPARE(QString::fromUtf8(result.err).trimmed(),
                 "triallens: TRTA is not constant for subject S2 in " + dir.filePath("adtte.csv") +
                     ": \"B\" (line 3) and \"A\" (line 4)");
    }

    void plainFileWithNamedColumns() {
        QTemporaryDir dir;
        QFile file(dir.filePath("trial.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ID,GROUP,MONTHS,DIED\n1,A,3,1\n2,B,5,0\n3,A,7,1\n4,B,9,1\n");
        file.close();
        const Run result = run({"analyze", file.fileName(), "--time", "MONTHS", "--event", "DIED",
                                "--arm", "GROUP", "--json"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json["n"].toDouble(), 4.0);
        QCOMPARE(json["events"].toDouble(), 3.0);
        QCOMPARE(json["arms"].toArray().size(), 2);
    }

    // --exclude-invalid-rows analyses the rest and prints each excluded row
    // as a warning on stderr; without it the same data are refused.
    void excludeInvalidRowsAnalysesTheRestWithWarnings() {
        QTemporaryDir dir;
        QFile adsl(dir.filePath("adsl.csv"));
        QVERIFY(adsl.open(QIODevice::WriteOnly));
        adsl.write("USUBJID,TRT01P\nS1,A\nS2,B\nS3,A\nS4,B\n");
        adsl.close();
        QFile adtte(dir.filePath("adtte.csv"));
        QVERIFY(adtte.open(QIODevice::WriteOnly));
        adtte.write("USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,-4,0\nS2,OS,5,0\nS3,OS,7,1\nS4,OS,9,0\n");
        adtte.close();
        QVERIFY(run({"analyze", dir.path(), "--json"}).exit_code != 0);
        QVERIFY(run({"ae", dir.path(), "--exclude-invalid-rows"}).err.contains("excluded: "));

        const Run result = run({"analyze", dir.path(), "--json", "--exclude-invalid-rows"});
        QCOMPARE(result.exit_code, 0);
        const QJsonObject json = QJsonDocument::fromJson(result.out).object();
        QCOMPARE(json["n"].toDouble(), 3.0);
        const QStringList lines = QString::fromUtf8(result.err).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines,
                 (QStringList{"triallens: warning: " + dir.filePath("adtte.csv") +
                                  ":2: column AVAL: excluded: negative time",
                              "triallens: warning: " + dir.filePath("adtte.csv") +
                                  ": column PARAMCD: OS: 1 of 4 subjects in ADSL has no record "
                                  "(S1)",
                              QStringLiteral("triallens: warning: 1 invalid row excluded")}));
    }

    void dataErrorsGoToStderrOneLineEachWithFileAndLine() {
        QTemporaryDir dir;
        QFile adsl(dir.filePath("adsl.csv"));
        QVERIFY(adsl.open(QIODevice::WriteOnly));
        adsl.write("USUBJID,TRT01P\nS1,A\nS2,B\nS3\n");
        adsl.close();
        QFile adtte(dir.filePath("adtte.csv"));
        QVERIFY(adtte.open(QIODevice::WriteOnly));
        adtte.write("USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,-4,0\nS2,OS,5,2.5\n");
        adtte.close();
        const Run result = run({"analyze", dir.path(), "--json"});
        QVERIFY(result.exit_code != 0);
        QVERIFY(result.out.isEmpty());
        const QStringList lines = QString::fromUtf8(result.err).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], "triallens: " + dir.filePath("adsl.csv") +
                               ":4: the row has 1 fields, the header 2 (a ragged row)");
        QCOMPARE(lines[1], QStringLiteral("triallens: nothing was loaded: 1 error in the data"));

        // With the ragged row fixed, the next errors show, each on its own line.
        QVERIFY(adsl.open(QIODevice::WriteOnly | QIODevice::Truncate));
        adsl.write("USUBJID,TRT01P\nS1,A\nS2,B\n");
        adsl.close();
        const Run again = run({"analyze", dir.path()});
        QVERIFY(again.exit_code != 0);
        QVERIFY(again.out.isEmpty());
        const QStringList errors = QString::fromUtf8(again.err).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors[0],
                 "triallens: " + dir.filePath("adtte.csv") + ":2: column AVAL: negative time");
        QVERIFY(errors[1].startsWith("triallens: " + dir.filePath("adtte.csv") +
                                     ":3: column CNSR: censor flag must be 0"));
    }

    // export --figure waterfall|spider|swimmer|dor: their options apply to
    // them alone, and a figure the data cannot feed is refused with what it
    // needs, no file written.
    void tumourFigureOptionsApplyToTheirFigures() {
        QTemporaryDir dir;
        const QString out = dir.filePath("x.png");
        const QList<std::pair<QStringList, QString>> refused{
            {{"--figure", "km", "--colour-by", "arm"}, "--colour-by applies to export --figure"},
            {{"--figure", "waterfall", "--colour-by", "size"}, "--colour-by must be bor or arm"},
            {{"--figure", "waterfall", "--responders-only"}, "--responders-only applies to"},
            {{"--figure", "spider", "--waterfall-layout", "interleaved"},
             "--waterfall-layout applies to"},
            {{"--figure", "swimmer", "--ci-bands"}, "applies to --figure km, cif and dor"},
        };
        for (const auto& [flags, message] : refused) {
            const Run result =
                run(QStringList{"export", "demo", "--param", "PFS", "--out", out} + flags);
            QCOMPARE(result.exit_code, 2);
            QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
        }
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const Run waterfall = run({"export", pilot + "adsl.xpt", pilot + "adtte.xpt", "--figure",
                                   "waterfall", "--out", out});
        QCOMPARE(waterfall.exit_code, 2);
        QVERIFY2(waterfall.err.contains("--figure waterfall: ") && waterfall.err.contains("ADTR"),
                 waterfall.err.constData());
        QVERIFY(!QFileInfo::exists(out));
    }

    // export --figure ae-overview|ae-dotplot|ae-volcano on the pilot (three
    // arms, ADSL and ADAE alone: no time-to-event data needed): the table
    // with "not recorded" for AEACN, the figures at their exact sizes; each
    // AE flag refused on a figure it does not apply to.
    void aeSafetyExports() {
        QTemporaryDir dir;
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        const QStringList files{pilot + "adsl.xpt", pilot + "adae.xpt"};
        const Run overview = run(QStringList{"export"} + files +
                                 QStringList{"--figure", "ae-overview", "--exposure-adjusted",
                                             "--out", dir.filePath("overview.csv")});
        QVERIFY2(overview.exit_code == 0, overview.err.constData());
        const QByteArray csv = read_all(dir.filePath("overview.csv"));
        QVERIFY(csv.contains("not recorded"));
        QVERIFY(csv.contains("Xanomeline High Dose"));
        QVERIFY(csv.contains("per 100 PY"));
        for (const char* figure : {"ae-dotplot", "ae-volcano"}) {
            const QString out = dir.filePath(QStringLiteral("%1.png").arg(figure));
            const Run drawn = run(QStringList{"export"} + files +
                                  QStringList{"--figure", figure, "--preset", "journal-single",
                                              "--dpi", "100", "--out", out});
            QVERIFY2(drawn.exit_code == 0, drawn.err.constData());
            QCOMPARE(png_size(read_all(out)), QSize(350, 400));
        }
        const Run ratio = run(QStringList{"export"} + files +
                              QStringList{"--figure", "ae-dotplot", "--ae-top", "15", "--ae-scale",
                                          "ratio", "--out", dir.filePath("ratio.svg")});
        QVERIFY2(ratio.exit_code == 0, ratio.err.constData());
        const QString out = dir.filePath("x.png");
        const QList<std::pair<QStringList, QString>> refused{
            {{"--figure", "ae-volcano", "--ae-threshold", "10"}, "--ae-threshold chooses"},
            {{"--figure", "km", "--ae-top", "10"}, "--ae-top chooses"},
            {{"--figure", "ae-volcano", "--ae-scale", "ratio"}, "--ae-scale applies to"},
            {{"--figure", "ae-dotplot", "--exposure-adjusted"}, "--exposure-adjusted adds"},
            {{"--figure", "ae-dotplot", "--ae-top", "5", "--ae-threshold", "3"}, "not both"},
            {{"--figure", "ae-dotplot", "--ae-threshold", "150"}, "from 0 to 100"},
            {{"--figure", "ae-dotplot", "--ae-scale", "log"}, "difference or ratio"},
        };
        for (const auto& [flags, message] : refused) {
            const Run result =
                run(QStringList{"export"} + files + QStringList{"--out", out} + flags);
            QCOMPARE(result.exit_code, 2);
            QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
        }
        QVERIFY(!QFileInfo::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
