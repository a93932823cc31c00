// Table export (ui/export) on the demo study and the CDISC pilot's adverse
// events: every format reads back to the ExportTable's cells (a small
// RFC 4180 reader for CSV, the <tr>/<td> of the HTML, the \cell/\row of the
// RTF), and the numbers read back from each file equal those that
// `triallens analyze --json` and `triallens ae --json` print for the same
// data, formatted here from the JSON independently of the GUI's code.
//
// Set TRIALLENS_TABLE_EXPORT_DIR to also write the demo's tables there as
// HTML, RTF and CSV, to look at them.

#include "../cdisc_pilot.h"
#include "../test_paths.h"
#include "baseline_fixture.h"

#include <export/adverse_event_table.h>
#include <export/baseline_characteristics_table.h>
#include <export/csv_format.h>
#include <export/disposition_table.h>
#include <export/forest_table.h>
#include <export/html_format.h>
#include <export/landmark_table.h>
#include <export/response_table.h>
#include <export/rtf_format.h>
#include <export/spreadsheet_cell.h>
#include <export/summary_table.h>
#include <export/table_grid.h>
#include <export/table_mime_data.h>
#include <export/tsv_format.h>
#include <export/write_table.h>

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/refit.h>
#include <triallens/analysis/workspace.h>
#include <triallens/data/adam_labels.h>
#include <triallens/demo/demo_study.h>
#include <triallens/format/number_format.h>
#include <triallens/io/load_study.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>

#include <cctype>
#include <memory>

using namespace triallens;
using namespace triallens::ui;

namespace {

using Grid = std::vector<QStringList>;

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

const std::vector<ResultsPtr>& demo_endpoints() {
    static const std::vector<ResultsPtr> results = workspace_endpoints(demo(), WorkspaceSpec{});
    return results;
}

const QStringList subgroups{"PDL1STAT", "ECOGBL", "AGEGR1"};

const Results& demo_forest() {
    static const Results results = [] {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        for (const QString& variable : subgroups) {
            spec.subgroups.push_back(variable.toStdString());
        }
        return compute_workspace(demo(), WorkspaceSpec{spec, {}, {}, {}});
    }();
    return results;
}

const Results& demo_os() {
    static const Results results = [] {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        return refit(demo(), resolve_spec(demo(), spec));
    }();
    return results;
}

const AeTable& pilot_ae() {
    static const AeTable table = adverse_event_table(cdisc_pilot::study(), AeSpec{});
    return table;
}

QStringList pilot_files() {
    const QString folder = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
    return {folder + "adsl.xpt", folder + "adae.xpt"};
}

// `triallens COMMAND ARGS --json`, as a statistician double-programming the
// GUI would run it.
QJsonObject cli_json(const QString& command, const QStringList& arguments) {
    QProcess process;
    process.start(QString::fromStdString(TRIALLENS_BINARY),
                  QStringList{command} + arguments + QStringList{"--json"});
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        qWarning() << process.readAllStandardError();
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

// ---- readers -------------------------------------------------------------

// RFC 4180: records end in CRLF (a lone LF is accepted), quoted fields may
// hold commas, CR, LF and doubled quotes. Strips a UTF-8 byte-order mark.
Grid read_csv(const QByteArray& bytes) {
    QString text = QString::fromUtf8(bytes);
    if (text.startsWith(QChar(0xFEFF))) {
        text.remove(0, 1);
    }
    Grid records;
    QStringList record;
    QString field;
    bool quoted = false;
    bool field_started = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
            field_started = true;
        } else if (c == u',') {
            record << field;
            field.clear();
            field_started = true;
        } else if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
                ++i;
            }
            if (field_started || !field.isEmpty() || !record.isEmpty()) {
                record << field;
            }
            records.push_back(record);
            record.clear();
            field.clear();
            field_started = false;
        } else {
            field += c;
            field_started = true;
        }
    }
    if (field_started || !record.isEmpty()) {
        record << field;
        records.push_back(record);
    }
    return records;
}

// A cell's text: entities decoded, <br> as a line break.
QString html_text(const QString& html) {
    return QTextDocumentFragment::fromHtml(html).toPlainText().replace(QChar(0x2028), u'\n');
}

// The cells of each <tr> of an HTML section ("thead" or "tbody").
Grid html_rows(const QString& html, const QString& section) {
    Grid rows;
    const QRegularExpression part(QStringLiteral("<%1>(.*?)</%1>").arg(section),
                                  QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression row(QStringLiteral("<tr>(.*?)</tr>"),
                                 QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression cell(QStringLiteral("<t[dh][^>]*>(.*?)</t[dh]>"),
                                  QRegularExpression::DotMatchesEverythingOption);
    auto parts = part.globalMatch(html);
    while (parts.hasNext()) {
        auto rows_in = row.globalMatch(parts.next().captured(1));
        while (rows_in.hasNext()) {
            QStringList cells;
            auto cells_in = cell.globalMatch(rows_in.next().captured(1));
            while (cells_in.hasNext()) {
                cells << html_text(cells_in.next().captured(1));
            }
            rows.push_back(cells);
        }
    }
    return rows;
}

// The cells of each table row of an RTF document: a small reader of the
// control words the writer uses (\uN with one fallback character, \line,
// \tab, escaped \ { }), collecting the text between \trowd and \row split at
// each \cell. Text outside rows (title, footnotes) is skipped.
Grid rtf_rows(const QByteArray& rtf) {
    Grid rows;
    QStringList cells;
    QString cell;
    bool in_row = false;
    for (qsizetype i = 0; i < rtf.size(); ++i) {
        const char c = rtf[i];
        if (c == '{' || c == '}' || c == '\n' || c == '\r') {
            continue;
        }
        if (c != '\\') {
            if (in_row) {
                cell += QChar::fromLatin1(c);
            }
            continue;
        }
        const char next = i + 1 < rtf.size() ? rtf[i + 1] : '\0';
        if (next == '\\' || next == '{' || next == '}') {
            if (in_row) {
                cell += QChar::fromLatin1(next);
            }
            ++i;
            continue;
        }
        qsizetype j = i + 1;
        while (j < rtf.size() && std::isalpha(static_cast<unsigned char>(rtf[j]))) {
            ++j;
        }
        const QByteArray word = rtf.mid(i + 1, j - i - 1);
        qsizetype k = j;
        if (k < rtf.size() && (rtf[k] == '-' || std::isdigit(static_cast<unsigned char>(rtf[k])))) {
            ++k;
            while (k < rtf.size() && std::isdigit(static_cast<unsigned char>(rtf[k]))) {
                ++k;
            }
        }
        const int parameter = rtf.mid(j, k - j).toInt();
        if (k < rtf.size() && rtf[k] == ' ') {
            ++k; // the delimiting space belongs to the control word
        }
        i = k - 1;
        if (word == "trowd") {
            in_row = true;
            cells.clear();
            cell.clear();
        } else if (word == "cell") {
            cells << cell;
            cell.clear();
        } else if (word == "row") {
            rows.push_back(cells);
            in_row = false;
        } else if (word == "u" && in_row) {
            cell += QChar(static_cast<char16_t>(static_cast<qint16>(parameter)));
            ++i; // the fallback character
        } else if (word == "line" && in_row) {
            cell += u'\n';
        } else if (word == "tab" && in_row) {
            cell += u'\t';
        }
    }
    return rows;
}

bool braces_balanced(const QByteArray& rtf) {
    int depth = 0;
    for (qsizetype i = 0; i < rtf.size(); ++i) {
        if (rtf[i] == '\\') {
            ++i;
        } else if (rtf[i] == '{') {
            ++depth;
        } else if (rtf[i] == '}' && --depth < 0) {
            return false;
        }
    }
    return depth == 0;
}

// Row by row, so a failure names the row and shows both.
void compare_grids(const Grid& actual, const Grid& expected) {
    QCOMPARE(actual.size(), expected.size());
    for (std::size_t r = 0; r < actual.size(); ++r) {
        QCOMPARE(actual[r], expected[r]);
    }
}

#define COMPARE_GRIDS(actual, expected)                                                            \
    do {                                                                                           \
        compare_grids(actual, expected);                                                           \
        if (QTest::currentTestFailed()) {                                                          \
            return;                                                                                \
        }                                                                                          \
    } while (false)

// ---- what each file holds ------------------------------------------------

Grid body_cells(const ExportTable& table) {
    Grid rows;
    const int columns = table.columnCount();
    for (const ExportRow& row : table.rows) {
        QStringList cells = row.cells;
        while (cells.size() < columns) {
            cells << QString();
        }
        rows.push_back(cells);
    }
    return rows;
}

Grid heading_cells(const ExportTable& table) {
    Grid rows;
    for (const auto& heading : table.header) {
        QStringList cells;
        for (const HeaderCell& cell : heading) {
            cells << cell.text;
        }
        rows.push_back(cells);
    }
    return rows;
}

// The body rows of the table read back from each format, by format name.
std::vector<std::pair<QString, Grid>> body_rows_of_every_format(const ExportTable& table) {
    const Grid csv = read_csv(csv_document(table));
    const auto first = csv.begin() + (table.title.isEmpty() ? 0 : 1) +
                       static_cast<std::ptrdiff_t>(table.header.size());
    const Grid rtf = rtf_rows(rtf_document(table));
    return {
        {"csv", Grid(first, first + static_cast<std::ptrdiff_t>(table.rows.size()))},
        {"html", html_rows(html_document(table), "tbody")},
        {"rtf", Grid(rtf.begin() + static_cast<std::ptrdiff_t>(table.header.size()), rtf.end())}};
}

// ---- the numbers as the JSON gives them, formatted here ------------------

QString two(double value) {
    return QString::number(value, 'f', 2);
}

QString limit(const QJsonValue& value, const QString& missing) {
    return value.isNull() || value.isUndefined() ? missing : two(value.toDouble());
}

// The demo's times are in months: medians to one decimal, "NR" for a median
// not reached and "NE" for a bound not estimable.
QString median_text(const QJsonObject& arm) {
    const auto one = [](const QJsonValue& value, const QString& missing) {
        return value.isNull() || value.isUndefined() ? missing
                                                     : QString::number(value.toDouble(), 'f', 1);
    };
    return QStringLiteral("%1 (%2–%3)")
        .arg(one(arm["median"], "NR"), one(arm["median_lower"], "NE"),
             one(arm["median_upper"], "NE"));
}

QString ratio_text(const QJsonObject& ratio, const QString& estimate = "hr") {
    if (ratio[estimate].isNull()) {
        return QStringLiteral("NE");
    }
    return QStringLiteral("%1 (%2–%3)")
        .arg(two(ratio[estimate].toDouble()), limit(ratio["lower"], "NE"),
             limit(ratio["upper"], "NE"));
}

// Three decimals between 0.001 and 0.999, as R's format.pval and journals.
QString p_text(double p) {
    return p < 0.001   ? QStringLiteral("<0.001")
           : p > 0.999 ? QStringLiteral(">0.999")
                       : QString::number(p, 'f', 3);
}

QString count_percent(qint64 count, qint64 n) {
    return QStringLiteral("%1 (%2%)")
        .arg(count)
        .arg(QString::number(100.0 * static_cast<double>(count) / static_cast<double>(n), 'f', 1));
}

QString count(const QJsonValue& value) {
    return QString::number(value.toInteger());
}

QJsonObject term_of(const QJsonObject& json, const QString& arm) {
    for (const QJsonValue& term : json["cox"]["terms"].toArray()) {
        if (term["arm"].toString() == arm) {
            return term.toObject();
        }
    }
    return {};
}

} // namespace

class TestTableExport : public QObject {
    Q_OBJECT

private slots:
    void csvRoundTripsQuotesCommasAndLineBreaks() {
        ExportTable table;
        table.title = QStringLiteral("A \"quoted\", title");
        table.header = {{{QStringLiteral("Term")}, {QStringLiteral("Arm, A"), 2}},
                        {{QString()}, {QStringLiteral("n")}, {QStringLiteral("line\nbreak")}}};
        table.rows = {
            {{QStringLiteral("say \"hi\""), QStringLiteral("1,5"), QStringLiteral("two\r\nlines")}},
            {{QStringLiteral("Grade ≥3 – Ünïcode"), QString(), QStringLiteral("x")}}};
        table.footnotes = {QStringLiteral("note, with comma")};
        const QByteArray csv = csv_document(table);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(csv.contains("\"say \"\"hi\"\"\""));
        COMPARE_GRIDS(read_csv(csv), table_grid(table));
        QCOMPARE(read_csv(csv)[3], table.rows[0].cells);
        QCOMPARE(read_csv(csv)[2], (QStringList{QString(), "n", "line\nbreak"}));
    }

    // A spreadsheet runs a cell that starts with = + - @ tab or CR as a
    // formula: such text from the data (arm names, subgroup levels) reaches
    // CSV and the clipboard's TSV with a leading apostrophe, while numbers as
    // the tables print them stay numbers.
    void formulaCellsReachSpreadsheetsAsText() {
        // The rule on its own: numeric text is left alone.
        for (const QString& number :
             {QStringLiteral("-0.311"), QStringLiteral("−0.311"), QStringLiteral("-0.446, -0.176"),
              QStringLiteral("−0.446, −0.176"), QStringLiteral("-0.31 (-0.45–-0.18)"),
              QStringLiteral("+5%"), QStringLiteral("-1.2e-05"),
              QStringLiteral("0.70 (0.46–1.06)")}) {
            QCOMPARE(spreadsheet_safe(number), number);
        }
        for (const QString& formula :
             {QStringLiteral("=1+1"), QStringLiteral("-1+2"), QStringLiteral("-1 -2"),
              QStringLiteral("@SUM(A1)"), QStringLiteral("+cmd|' /C calc'!A0"),
              QStringLiteral("\tx"), QStringLiteral("\rx"), QStringLiteral("－1+2")}) {
            QCOMPARE(spreadsheet_safe(formula), QLatin1Char('\'') + formula);
        }

        // Through a real table: hostile arm names and levels in the data.
        QTemporaryDir folder;
        QFile file(folder.filePath("hostile.csv"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QStringList arms{QStringLiteral("=HYPERLINK(\"http://x\")"),
                               QStringLiteral("Placebo")};
        const QStringList levels{QStringLiteral("@SUM(A1)"), QStringLiteral("-2+3")};
        file.write("USUBJID,ARM,GROUP,TIME,EVENT\n");
        for (int i = 0; i < 80; ++i) {
            QString arm = arms[i % 2];
            arm.replace(u'"', QStringLiteral("\"\""));
            file.write(QStringLiteral("S%1,\"%2\",%3,%4,%5\n")
                           .arg(i)
                           .arg(arm, levels[(i / 2) % 2])
                           .arg(5 + (i * 7) % 31)
                           .arg(i % 3 == 0 ? 0 : 1)
                           .toUtf8());
        }
        file.close();
        LoadOptions options;
        options.time_column = "TIME";
        options.event_column = "EVENT";
        options.arm_column = "ARM";
        StudyLoad load = triallens::load_study({file.fileName().toStdString()}, options);
        QVERIFY(load.ok());
        AnalysisSpec spec;
        spec.arm_variable = "ARM";
        spec.reference_arm = "Placebo";
        spec.subgroups = {"GROUP"};
        const Results results = compute_workspace(*load.study, WorkspaceSpec{spec, {}, {}, {}});
        const ExportTable table = forest_table(results);
        const Grid csv = read_csv(csv_document(table));
        const QStringList tsv = tsv_text(table).split(u'\n');
        bool arm_seen = false;
        bool level_seen = false;
        for (const QStringList& record : csv) {
            for (const QString& cell : record) {
                arm_seen = arm_seen || cell == QLatin1Char('\'') + arms[0];
                level_seen = level_seen || cell.startsWith(QLatin1Char('\'') + levels[0]);
                QVERIFY2(spreadsheet_safe(cell) == cell, qPrintable(cell)); // none left live
            }
        }
        QVERIFY(arm_seen);
        QVERIFY(level_seen);
        for (const QString& line : tsv) {
            for (const QString& cell : line.split(u'\t')) {
                QVERIFY2(spreadsheet_safe(cell) == cell, qPrintable(cell));
            }
        }
        // HTML is not spreadsheet input: the name as it is.
        QVERIFY(html_document(std::span(&table, 1)).contains("=HYPERLINK"));
    }

    void everyFormatReadsBackToTheTableCells_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("summary") << 0;
        QTest::newRow("forest") << 1;
        QTest::newRow("adverse events") << 2;
        QTest::newRow("response") << 3;
        QTest::newRow("best response") << 4;
    }

    void everyFormatReadsBackToTheTableCells() {
        QFETCH(int, which);
        const ExportTable table = which == 0   ? summary_table(demo_endpoints())
                                  : which == 1 ? forest_table(demo_forest())
                                  : which == 2 ? adverse_event_table(pilot_ae())
                                  : which == 3 ? response_table(demo_os())
                                               : best_response_table(demo_os());
        QVERIFY(!table.rows.empty());

        const Grid csv = read_csv(csv_document(table));
        COMPARE_GRIDS(csv, table_grid(table));

        const QString html = html_document(table);
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QCOMPARE(html.count("<tr>"),
                 static_cast<qsizetype>(table.header.size() + table.rows.size()));
        COMPARE_GRIDS(html_rows(html, "tbody"), body_cells(table));
        COMPARE_GRIDS(html_rows(html, "thead"), heading_cells(table));

        const QByteArray rtf = rtf_document(table);
        QVERIFY(rtf.startsWith("{\\rtf1"));
        QVERIFY(braces_balanced(rtf));
        QCOMPARE(rtf.count("\\row\n"),
                 static_cast<qsizetype>(table.header.size() + table.rows.size()));
        for (const char c : rtf) {
            QVERIFY2(static_cast<unsigned char>(c) < 0x80, "RTF must be 7-bit");
        }
        Grid expected = heading_cells(table);
        const Grid body = body_cells(table);
        expected.insert(expected.end(), body.begin(), body.end());
        COMPARE_GRIDS(rtf_rows(rtf), expected);
    }

    void armHeadingsSpanTheirColumns() {
        const ExportTable table = adverse_event_table(pilot_ae());
        QCOMPARE(table.header.size(), std::size_t{2});
        const QString html = html_document(table);
        // Three arms over two count columns each, the two risk differences.
        QCOMPARE(html.count("colspan=\"2\""), qsizetype{4});
        for (std::size_t a = 0; a < pilot_ae().arms.size(); ++a) {
            const QString heading =
                QStringLiteral("<th colspan=\"2\" [^>]*>%1 \\(N=%2\\)</th>")
                    .arg(QRegularExpression::escape(QString::fromStdString(pilot_ae().arms[a])))
                    .arg(pilot_ae().denominators[a]);
            QVERIFY2(html.contains(QRegularExpression(heading)), qPrintable(heading));
        }
        const ExportTable forest = forest_table(demo_forest());
        QCOMPARE(html_document(forest).count("colspan=\"2\""), qsizetype{2});
        QCOMPARE(table.columnCount(), static_cast<int>(table.header.back().size()));
    }

    void summaryNumbersEqualAnalyzeJson() {
        const ExportTable table = summary_table(demo_endpoints());
        QCOMPARE(demo().endpoints.size(), std::size_t{3}); // DURRSP, OS, PFS
        for (const auto& [format, rows] : body_rows_of_every_format(table)) {
            std::size_t r = 0;
            for (const TimeToEvent& endpoint : demo().endpoints) {
                const QJsonObject json = cli_json(
                    "analyze", {"demo", "--param", QString::fromStdString(endpoint.paramcd())});
                QVERIFY(!json.isEmpty());
                const QStringList& block = rows.at(r++);
                QVERIFY2(block[0] == QString::fromStdString(endpoint.param()), qPrintable(format));
                QCOMPARE(block[1], count(json["n"]));
                QCOMPARE(block[2], count(json["events"]));
                QCOMPARE(block[6], p_text(json["logrank"]["p"].toDouble()));
                for (const QJsonValue& arm : json["arms"].toArray()) {
                    const QStringList& row = rows.at(r++);
                    QCOMPARE(row[0], arm["arm"].toString());
                    QCOMPARE(row[1], count(arm["n"]));
                    QCOMPARE(row[2], count(arm["events"]));
                    QCOMPARE(row[3], median_text(arm.toObject()));
                    const QJsonObject term = term_of(json, arm["arm"].toString());
                    if (arm["arm"].toString() == json["cox"]["ref"].toString()) {
                        QCOMPARE(row[4], QStringLiteral("reference"));
                    } else {
                        QCOMPARE(row[4], ratio_text(term));
                        QCOMPARE(row[5], p_text(term["p"].toDouble()));
                    }
                }
            }
            QCOMPARE(r, rows.size());
        }
    }

    void forestNumbersEqualAnalyzeJson() {
        const QJsonObject json =
            cli_json("analyze", {"demo", "--param", "OS", "--subgroups", subgroups.join(',')});
        QVERIFY(!json.isEmpty());
        const ExportTable table = forest_table(demo_forest());
        const QString reference = table.header[0][1].text;
        const QString compared = table.header[0][2].text;
        QCOMPARE(reference, json["cox"]["ref"].toString());
        QJsonObject reference_arm;
        QJsonObject compared_arm;
        for (const QJsonValue& arm : json["arms"].toArray()) {
            (arm["arm"].toString() == reference ? reference_arm : compared_arm) = arm.toObject();
        }
        for (const auto& [format, rows] : body_rows_of_every_format(table)) {
            QCOMPARE(rows[0][0], QStringLiteral("All patients"));
            QCOMPARE(rows[0][1], count(reference_arm["n"]) + "/" + count(reference_arm["events"]));
            QCOMPARE(rows[0][2], median_text(reference_arm));
            QCOMPARE(rows[0][3], count(compared_arm["n"]) + "/" + count(compared_arm["events"]));
            QCOMPARE(rows[0][4], median_text(compared_arm));
            QCOMPARE(rows[0][5], ratio_text(term_of(json, compared)));
            std::size_t r = 1;
            QString variable;
            for (const QJsonValue& subgroup : json["subgroups"].toArray()) {
                if (subgroup["variable"].toString() != variable) {
                    variable = subgroup["variable"].toString();
                    const QStringList& header = rows.at(r++);
                    // The label of the variable the JSON names by its code.
                    QCOMPARE(header[0], QString::fromStdString(display_label(
                                            *demo().subjects.find(variable.toStdString()))));
                    const double p = subgroup["interaction_p"].toDouble();
                    QCOMPARE(header[6], p < 0.001   ? QStringLiteral("p < 0.001")
                                        : p > 0.999 ? QStringLiteral("p > 0.999")
                                                    : QStringLiteral("p = ") + p_text(p));
                }
                const QStringList& row = rows.at(r++);
                QVERIFY2(row[0] == subgroup["level"].toString(), qPrintable(format));
                const QStringList reference_counts = row[1].split('/');
                const QStringList compared_counts = row[3].split('/');
                QCOMPARE(reference_counts[0].toLongLong() + compared_counts[0].toLongLong(),
                         subgroup["n"].toInteger());
                QCOMPARE(reference_counts[1].toLongLong() + compared_counts[1].toLongLong(),
                         subgroup["events"].toInteger());
                QCOMPARE(row[5], ratio_text(subgroup.toObject()));
            }
            QCOMPARE(r, rows.size());
        }
    }

    void adverseEventCountsEqualAeJson() {
        const QJsonObject json = cli_json("ae", pilot_files());
        QVERIFY(!json.isEmpty());
        const ExportTable table = adverse_event_table(pilot_ae());
        const QJsonArray arms = json["arms"].toArray();
        QCOMPARE(arms.size(), qsizetype{3});
        for (qsizetype a = 0; a < arms.size(); ++a) {
            QCOMPARE(table.header[0][static_cast<std::size_t>(1 + a)].text,
                     QStringLiteral("%1 (N=%2)")
                         .arg(arms[a]["arm"].toString())
                         .arg(arms[a]["n"].toInteger()));
        }
        const QJsonArray json_rows = json["rows"].toArray();
        QVERIFY(json_rows.size() > 100);
        for (const auto& [format, rows] : body_rows_of_every_format(table)) {
            QCOMPARE(rows.size(), static_cast<std::size_t>(json_rows.size()));
            for (qsizetype r = 0; r < json_rows.size(); ++r) {
                const QJsonObject json_row = json_rows[r].toObject();
                const QStringList& row = rows[static_cast<std::size_t>(r)];
                const QString term = !json_row["pt"].isNull()    ? json_row["pt"].toString()
                                     : !json_row["soc"].isNull() ? json_row["soc"].toString()
                                                                 : "Any adverse event";
                QVERIFY2(row[0] == term, qPrintable(format + ": " + term));
                for (qsizetype a = 0; a < arms.size(); ++a) {
                    const QJsonObject counts =
                        json_row["counts"][arms[a]["arm"].toString()].toObject();
                    const qint64 n = arms[a]["n"].toInteger();
                    QCOMPARE(row[1 + 2 * a], count_percent(counts["any"].toInteger(), n));
                    QCOMPARE(row[2 + 2 * a], count_percent(counts["grade3plus"].toInteger(), n));
                }
            }
        }
    }

    void responseNumbersEqualAnalyzeJson() {
        const QJsonObject json = cli_json("analyze", {"demo", "--param", "OS"});
        const QJsonObject response = json["response"].toObject();
        QVERIFY(!response.isEmpty());
        const ExportTable rates = response_table(demo_os());
        for (const auto& [format, rows] : body_rows_of_every_format(rates)) {
            std::size_t r = 0;
            for (const QJsonObject& measure : {response, response["disease_control"].toObject()}) {
                QVERIFY(rows.at(r++)[1].isEmpty()); // the measure's own row
                const QJsonArray differences = measure["differences"].toArray();
                const QJsonArray arms = measure["arms"].toArray();
                for (qsizetype a = 0; a < arms.size(); ++a) {
                    const QStringList& row = rows.at(r++);
                    QVERIFY2(row[0] == arms[a]["arm"].toString(), qPrintable(format));
                    QCOMPARE(row[1], count(arms[a]["n"]));
                    QCOMPARE(row[2], count(arms[a]["responders"]));
                    QCOMPARE(row[3], QString::number(100 * arms[a]["rate"].toDouble(), 'f', 1));
                    QCOMPARE(row[4],
                             QStringLiteral("%1–%2").arg(
                                 QString::number(100 * arms[a]["lower"].toDouble(), 'f', 1),
                                 QString::number(100 * arms[a]["upper"].toDouble(), 'f', 1)));
                    if (a > 0) {
                        const QJsonObject odds = differences[a - 1]["odds_ratio"].toObject();
                        QCOMPARE(row[6], ratio_text(odds, "estimate"));
                        QCOMPARE(row[7], p_text(differences[a - 1]["fisher"]["p"].toDouble()));
                    }
                }
            }
            QCOMPARE(r, rows.size());
        }

        const ExportTable best = best_response_table(demo_os());
        const QJsonArray arms = response["best_overall_response"].toArray();
        for (const auto& [format, rows] : body_rows_of_every_format(best)) {
            for (qsizetype a = 0; a < arms.size(); ++a) {
                const QJsonArray counts = arms[a]["counts"].toArray();
                QCOMPARE(rows.size(), static_cast<std::size_t>(counts.size()));
                for (qsizetype k = 0; k < counts.size(); ++k) {
                    QCOMPARE(
                        rows[static_cast<std::size_t>(k)][1 + a],
                        QStringLiteral("%1 (%2%)")
                            .arg(counts[k]["n"].toInteger())
                            .arg(QString::number(100 * counts[k]["fraction"].toDouble(), 'f', 1)));
                }
            }
        }
    }

    // The Survival tab's landmark and RMST table, in every format, holds the
    // numbers `analyze --json` prints for the same flags; with a focused
    // subgroup its footnote names the subgroup by its label.
    void landmarkNumbersEqualAnalyzeJson() {
        const QJsonObject json =
            cli_json("analyze", {"demo", "--param", "OS", "--landmarks", "6,12", "--tau", "18"});
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.landmarks = {6, 12};
        spec.tau = 18;
        const Results results = compute_workspace(demo(), WorkspaceSpec{spec, {}, {}, {}});
        QVERIFY(has_landmark_estimates(results));
        const ExportTable table = landmark_table(results);
        QCOMPARE(table.header.size(), std::size_t{1});
        QCOMPARE(table.header.front().front().text, QStringLiteral("Arm"));
        QCOMPARE(table.header.front()[1].text, QStringLiteral("S(6) (95% CI)"));
        const auto three = [](const QJsonValue& value) {
            return QString::number(value.toDouble(), 'f', 3);
        };
        const auto one = [](const QJsonValue& value) {
            return QString::number(value.toDouble(), 'f', 1);
        };
        const QJsonArray arms = json["arms"].toArray();
        const QJsonArray differences = json["landmark_differences"].toArray();
        const QJsonArray rmst = json["rmst_comparisons"].toArray();
        QCOMPARE(arms.size(), 2);
        for (const auto& [format, rows] : body_rows_of_every_format(table)) {
            QCOMPARE(rows.size(), std::size_t{2});
            for (qsizetype a = 0; a < arms.size(); ++a) {
                const QStringList& row = rows.at(static_cast<std::size_t>(a));
                const QJsonObject arm = arms[a].toObject();
                QVERIFY2(row[0] == arm["arm"].toString(), qPrintable(format));
                const QJsonObject at6 = arm["landmarks"][0].toObject();
                QCOMPARE(row[1],
                         QStringLiteral("%1 (%2–%3)")
                             .arg(three(at6["surv"]), three(at6["lower"]), three(at6["upper"])));
                QCOMPARE(row[2], count(at6["n_risk"]));
                // Arm, then per landmark S, at risk, difference; then RMST.
                QCOMPARE(row[7], QStringLiteral("%1 (%2)").arg(one(arm["rmst"]["estimate"]),
                                                               one(arm["rmst"]["std_err"])));
                if (a == 0) {
                    QCOMPARE(row[3], QStringLiteral("—"));
                    QCOMPARE(row[8], QStringLiteral("—"));
                    continue;
                }
                // The comparisons as the one formatting module writes them,
                // from the JSON's numbers.
                const QJsonObject d6 = differences[0].toObject();
                QCOMPARE(d6["time"].toDouble(), 6.0);
                QCOMPARE(row[3], QString::fromStdString(difference_ci_text(
                                     d6["difference"].toDouble(), d6["lower"].toDouble(),
                                     d6["upper"].toDouble(), 3)));
                const QJsonObject r = rmst[0].toObject();
                QCOMPARE(row[8], QString::fromStdString(difference_ci_text(
                                     r["difference"].toDouble(), r["difference_lower"].toDouble(),
                                     r["difference_upper"].toDouble(), 1)));
                QCOMPARE(row[9], QString::fromStdString(ratio_ci_text(
                                     r["ratio"].toDouble(), r["ratio_lower"].toDouble(),
                                     r["ratio_upper"].toDouble())));
            }
        }
        QVERIFY(!table.footnotes.join(' ').contains(QStringLiteral("Subgroup")));

        const Results focused = compute_workspace(
            demo(), WorkspaceSpec{spec, {}, SubgroupFocus{"PDL1STAT", "Positive"}, {}});
        const ExportTable of_subgroup = landmark_table(focused);
        QVERIFY2(of_subgroup.footnotes.join(' ').contains(
                     QStringLiteral("Subgroup: PD-L1 Status = Positive · %1 of %2")
                         .arg(focused.subjects)
                         .arg(focused.subjects_total)),
                 qPrintable(of_subgroup.footnotes.join('|')));

        spec.landmarks.clear();
        spec.tau.reset();
        const Results plain = compute_workspace(demo(), WorkspaceSpec{spec, {}, {}, {}});
        QVERIFY(!has_landmark_estimates(plain));
        QVERIFY(landmark_table(plain).rows.empty());
    }

    void mimeDataHasHtmlAndTabSeparatedText() {
        const ExportTable table = forest_table(demo_forest());
        const std::unique_ptr<QMimeData> mime = table_mime_data(table);
        QVERIFY(mime->hasHtml());
        QVERIFY(mime->hasText());
        QVERIFY(!mime->html().contains("<html"));
        COMPARE_GRIDS(html_rows(mime->html(), "tbody"), body_cells(table));
        const QStringList lines = mime->text().split('\n');
        // Title, two heading rows, then the body rows tab-separated.
        QCOMPARE(lines[3].split('\t'), table.rows[0].cells);
        QCOMPARE(lines[3].split('\t').size(), table.columnCount());
    }

    // Table 1 and the disposition read back from CSV, HTML and RTF to the
    // screen's cells, labels without their on-screen indent (the formats
    // indent by level), and to the clipboard as a table a word processor
    // takes (HTML) and text (tabs).
    void baselineTablesReadBackFromEveryFormat() {
        const Results results = baseline_fixture::results(true);
        for (const ExportTable& table :
             {baseline_characteristics_table(results), disposition_table(results)}) {
            QVERIFY(!table.rows.empty());
            QCOMPARE(heading_cells(table).size(), std::size_t{1});
            for (const auto& [format, rows] : body_rows_of_every_format(table)) {
                QVERIFY2(rows == body_cells(table), qPrintable(format + ": " + table.title));
            }
            QVERIFY(braces_balanced(rtf_document(table)));
            const std::unique_ptr<QMimeData> mime = table_mime_data(table);
            COMPARE_GRIDS(html_rows(mime->html(), "tbody"), body_cells(table));
        }
        const ExportTable table1 = baseline_characteristics_table(results);
        QCOMPARE(table1.header.front().back().text, QStringLiteral("p-value"));
        QCOMPARE(table1.rows[0].cells[0], QStringLiteral("Age"));
        QVERIFY(table1.rows[0].bold);
        QCOMPARE(table1.rows[1].cells[0], QStringLiteral("n"));
        QCOMPARE(table1.rows[1].level, 1);
        QCOMPARE(table1.rows[2].cells[1], QStringLiteral("75.2 (8.6)"));
        QVERIFY(table1.footnotes.join(' ').contains(QStringLiteral("Kruskal-Wallis (AGE)")));
        const ExportTable disposition = disposition_table(results);
        QCOMPARE(disposition.rows[4].cells[0], QStringLiteral("Adverse Event"));
        QCOMPARE(disposition.rows[4].level, 1);
        QVERIFY(disposition.footnotes.join(' ').contains(QStringLiteral("randomised")));

        // No table: no rows, and the footnote says why.
        Results none;
        none.baseline_error = "no treatment column";
        QVERIFY(baseline_characteristics_table(none).rows.empty());
        QVERIFY(disposition_table(none).footnotes.join(' ').contains("no treatment column"));
    }

    void writeTablePicksTheFormatByExtension() {
        QTemporaryDir dir;
        const std::vector<ExportTable> tables = response_tables(demo_os());
        QString error;
        QVERIFY(write_tables(dir.filePath("r.CSV"), tables, &error));
        QVERIFY(write_tables(dir.filePath("r.htm"), tables, &error));
        QVERIFY(write_tables(dir.filePath("r.rtf"), tables, &error));
        const auto read = [&](const QString& name) {
            QFile file(dir.filePath(name));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        QCOMPARE(read("r.CSV"), csv_document(tables));
        QCOMPARE(read("r.htm"), html_document(tables).toUtf8());
        QCOMPARE(read("r.rtf"), rtf_document(tables));
        // Both tables in one file: rows of each, tables one after the other.
        QCOMPARE(rtf_rows(read("r.rtf")).size(), tables[0].header.size() + tables[0].rows.size() +
                                                     tables[1].header.size() +
                                                     tables[1].rows.size());
        QCOMPARE(QString::fromUtf8(read("r.htm")).count("<table"), qsizetype{2});

        QVERIFY(!write_table(dir.filePath("r.xlsx"), tables[0], &error));
        QVERIFY2(error.contains("r.xlsx") && error.contains(".rtf"), qPrintable(error));
        QVERIFY(!QFile::exists(dir.filePath("r.xlsx")));
        QVERIFY(!write_table(dir.filePath("no/such/folder/r.csv"), tables[0], &error));
        QVERIFY(error.contains("no/such/folder"));
    }

    // Not a check: writes the demo's tables to look at them.
    void writesSamplesWhenAsked() {
        const QString folder = qEnvironmentVariable("TRIALLENS_TABLE_EXPORT_DIR");
        if (folder.isEmpty()) {
            QSKIP("TRIALLENS_TABLE_EXPORT_DIR not set");
        }
        QDir().mkpath(folder);
        const std::vector<std::pair<QString, std::vector<ExportTable>>> samples{
            {"summary", {summary_table(demo_endpoints())}},
            {"forest", {forest_table(demo_forest())}},
            {"ae_demo", {adverse_event_table(adverse_event_table(demo(), AeSpec{}))}},
            {"ae_pilot", {adverse_event_table(pilot_ae())}},
            {"response", response_tables(demo_os())}};
        for (const auto& [name, tables] : samples) {
            for (const char* suffix : {".html", ".rtf", ".csv"}) {
                QString error;
                QVERIFY2(write_tables(folder + "/" + name + suffix, tables, &error),
                         qPrintable(error));
            }
        }
    }
};

QTEST_MAIN(TestTableExport)
#include "test_table_export.moc"
