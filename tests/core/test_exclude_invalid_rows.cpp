// Loading without the invalid rows (LoadOptions::exclude_invalid_rows): each
// kind of row-level error drops exactly its row (a subject dropped from ADSL
// takes its other records along) and is listed as an "excluded: " warning at
// the same file and line; errors about a whole file still refuse the load;
// clean data (the CDISC pilot) loads identically with the option on.

#include "../data_files.h"

#include <triallens/io/load_study.h>

#include <QTest>

using namespace triallens;
namespace fs = std::filesystem;

namespace {

using data_files::names_only;
using data_files::texts;

const char* const clean_adsl = "USUBJID,TRT01P,AGE\n"
                               "S1,Drug,63\n"
                               "S2,Placebo,64\n"
                               "S3,Drug,71\n";
const char* const clean_adtte = "USUBJID,PARAMCD,AVAL,CNSR\n"
                                "S1,OS,10.5,0\n"
                                "S2,OS,3,1\n"
                                "S3,OS,7.25,0\n";

// Every endpoint record as "PARAMCD USUBJID time".
QStringList records(const Study& study) {
    QStringList rows;
    for (const auto& endpoint : study.endpoints) {
        for (std::size_t r = 0; r < endpoint.size(); ++r) {
            rows << QString("%1 %2 %3")
                        .arg(QString::fromStdString(endpoint.paramcd()),
                             QString::fromStdString(
                                 study.subjects
                                     .usubjid()[static_cast<std::size_t>(endpoint.subject()[r])]))
                        .arg(endpoint.time()[r]);
        }
    }
    return rows;
}

QStringList subjects(const Study& study) {
    QStringList ids;
    for (const auto& id : study.subjects.usubjid()) {
        ids << QString::fromStdString(id);
    }
    return ids;
}

} // namespace

class TestExcludeInvalidRows : public QObject {
    Q_OBJECT

private slots:
    // Each row-level error: refused by default, loaded without its row when asked.
    void eachRowLevelErrorDropsItsRow_data() {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("contents");
        QTest::addColumn<QStringList>("columns"); // time, event (one row per patient)
        QTest::addColumn<QStringList>("warnings");
        QTest::addColumn<QStringList>("kept_subjects");
        QTest::addColumn<QStringList>("kept_records");
        QTest::addColumn<int>("excluded_rows");
        const QString adsl = clean_adsl;
        const QStringList all{"S1", "S2", "S3"};
        QTest::newRow("negative time")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,-1,0\nS2,OS,3,1\nS3,OS,7,0\n"}
            << QStringList{}
            << QStringList{"adtte.csv:2: column AVAL: excluded: negative time",
                           "adtte.csv: column PARAMCD: OS: 1 of 3 subjects in ADSL has no record "
                           "(S1)"}
            << all << QStringList{"OS S2 3", "OS S3 7"} << 1;
        QTest::newRow("missing time")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\nS2,OS,NA,1\nS3,OS,7,0\n"}
            << QStringList{}
            << QStringList{"adtte.csv:3: column AVAL: excluded: missing time",
                           "adtte.csv: column PARAMCD: OS: 1 of 3 subjects in ADSL has no record "
                           "(S2)"}
            << all << QStringList{"OS S1 1", "OS S3 7"} << 1;
        QTest::newRow("bad censor code")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\nS2,OS,3,1\nS3,OS,7,-1\n"}
            << QStringList{}
            << QStringList{"adtte.csv:4: column CNSR: excluded: censor flag must be 0 (event) or "
                           "a positive integer (censored), found \"-1\"",
                           "adtte.csv: column PARAMCD: OS: 1 of 3 subjects in ADSL has no record "
                           "(S3)"}
            << all << QStringList{"OS S1 1", "OS S2 3"} << 1;
        QTest::newRow("text in a numeric cell")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl,
                           "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\nS2,OS,2 months,1\nS3,OS,7,0\n"}
            << QStringList{}
            << QStringList{"adtte.csv:3: column AVAL: excluded: text in a numeric column: \"2 "
                           "months\"",
                           "adtte.csv:3: column AVAL: excluded: missing time",
                           "adtte.csv: column PARAMCD: OS: 1 of 3 subjects in ADSL has no record "
                           "(S2)"}
            << all << QStringList{"OS S1 1", "OS S3 7"} << 1;
        QTest::newRow("duplicate subject keeps the first")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl + "S1,Drug,80\n", clean_adtte} << QStringList{}
            << QStringList{"adsl.csv:5: column USUBJID: excluded: subject S1 appears again "
                           "(first at line 2)"}
            << all << QStringList{"OS S1 10.5", "OS S2 3", "OS S3 7.25"} << 1;
        QTest::newRow("second record of a parameter keeps the first")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, QString(clean_adtte) + "S2,OS,99,0\n"} << QStringList{}
            << QStringList{"adtte.csv:5: column USUBJID: excluded: subject S2 has a second OS "
                           "record (first at line 3)"}
            << all << QStringList{"OS S1 10.5", "OS S2 3", "OS S3 7.25"} << 1;
        QTest::newRow("time-to-event record of a subject absent from ADSL")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, QString(clean_adtte) + "S9,OS,4,0\n"} << QStringList{}
            << QStringList{"adtte.csv:5: column USUBJID: excluded: subject S9 is not in ADSL"}
            << all << QStringList{"OS S1 10.5", "OS S2 3", "OS S3 7.25"} << 1;
        QTest::newRow("arm conflicting with ADSL")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR,TRTP\nS1,OS,1,0,Drug\nS2,OS,3,1,"
                                 "Drug\nS3,OS,7,0,Drug\n"}
            << QStringList{}
            << QStringList{"adtte.csv:3: column TRTP: excluded: subject S2 is in arm \"Drug\" "
                           "here but in \"Placebo\" in ADSL (TRT01P at adsl.csv:3)",
                           "adtte.csv: column PARAMCD: OS: 1 of 3 subjects in ADSL has no record "
                           "(S2)"}
            << all << QStringList{"OS S1 1", "OS S3 7"} << 1;
        QTest::newRow("ragged row")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\nS2,OS,3\nS3,OS,7,0\n"}
            << QStringList{}
            << QStringList{"adtte.csv:3: excluded: the row has 3 fields, the header 4 (a ragged "
                           "row)",
                           "adtte.csv: column PARAMCD: OS: 1 of 3 subjects in ADSL has no record "
                           "(S2)"}
            << all << QStringList{"OS S1 1", "OS S3 7"} << 1;
        QTest::newRow("ragged subject row: its records are of a subject not in ADSL")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{"USUBJID,TRT01P,AGE\nS1,Drug,63\nS2,Placebo\nS3,Drug,71\n", clean_adtte}
            << QStringList{}
            << QStringList{"adsl.csv:3: excluded: the row has 2 fields, the header 3 (a ragged "
                           "row)",
                           "adtte.csv:3: column USUBJID: excluded: subject S2 is not in ADSL"}
            << QStringList{"S1", "S3"} << QStringList{"OS S1 10.5", "OS S3 7.25"} << 2;
        QTest::newRow("subject dropped from a one-row-per-patient file takes its AEs")
            << QStringList{"patients.csv", "adae.csv"}
            << QStringList{"USUBJID,TRT01P,OS_DAYS,DEATH\nS1,Drug,10,1\nS2,Placebo,5,2\n"
                           "S3,Drug,7,0\n",
                           "USUBJID,AEDECOD\nS1,RASH\nS2,COUGH\nS2,RASH\n"}
            << QStringList{"OS_DAYS", "DEATH"}
            << QStringList{"patients.csv:3: column DEATH: excluded: event flag must be 1 (event) "
                           "or 0 (censored), found \"2\"",
                           "patients.csv:3: column USUBJID: excluded: subject S2's 2 records in "
                           "other datasets go with its excluded row"}
            << QStringList{"S1", "S3"} << QStringList{"OS_DAYS S1 10", "OS_DAYS S3 7"} << 3;
    }

    void eachRowLevelErrorDropsItsRow() {
        QFETCH(QStringList, names);
        QFETCH(QStringList, contents);
        QFETCH(QStringList, columns);
        QFETCH(QStringList, warnings);
        QFETCH(QStringList, kept_subjects);
        QFETCH(QStringList, kept_records);
        QFETCH(int, excluded_rows);
        const QTemporaryDir dir;
        const auto files = data_files::write_all(dir, names, contents);
        LoadOptions options;
        if (!columns.isEmpty()) {
            options.time_column = columns[0].toStdString();
            options.event_column = columns[1].toStdString();
        }

        const StudyLoad refused = load_study(files, options);
        QVERIFY(!refused.ok()); // by default, still all or nothing
        QCOMPARE(refused.excluded_rows, std::size_t{0});

        options.exclude_invalid_rows = true;
        const StudyLoad load = load_study(files, options);
        QVERIFY2(load.ok(), qPrintable(texts(load.findings, Severity::Error).join('\n')));
        QCOMPARE(names_only(texts(load.findings, Severity::Warning), dir), warnings);
        QCOMPARE(subjects(*load.study), kept_subjects);
        QCOMPARE(records(*load.study), kept_records);
        QCOMPARE(load.excluded_rows, static_cast<std::size_t>(excluded_rows));
    }

    void adverseEventsGoWithTheirSubject() {
        const QTemporaryDir dir;
        const auto files = data_files::write_all(
            dir, {"patients.csv", "adae.csv"},
            {"USUBJID,TRT01P,OS_DAYS,DEATH\nS1,Drug,10,1\nS2,Placebo,-5,0\nS3,Drug,7,0\n",
             "USUBJID,AEDECOD\nS1,RASH\nS2,COUGH\nS3,RASH\n"});
        LoadOptions options;
        options.time_column = "OS_DAYS";
        options.event_column = "DEATH";
        options.exclude_invalid_rows = true;
        const StudyLoad load = load_study(files, options);
        QVERIFY(load.ok());
        QCOMPARE(load.study->adverse_events.size(), std::size_t{2});
        QCOMPARE(load.excluded_rows, std::size_t{2});
    }

    void responseRecordOfASubjectAbsentFromAdslIsDropped() {
        const QTemporaryDir dir;
        const auto files = data_files::write_all(
            dir, {"adsl.csv", "adrs.csv"},
            {clean_adsl, "USUBJID,PARAMCD,AVALC\nS1,BOR,CR\nS9,BOR,PR\nS3,BOR,SD\n"});
        LoadOptions options;
        options.exclude_invalid_rows = true;
        const StudyLoad load = load_study(files, options);
        QVERIFY2(load.ok(), qPrintable(texts(load.findings, Severity::Error).join('\n')));
        QCOMPARE(names_only(texts(load.findings, Severity::Warning), dir),
                 QStringList{"adrs.csv:3: column USUBJID: excluded: subject S9 is not in ADSL"});
        QCOMPARE(load.study->responses.size(), std::size_t{2});
    }

    // Past twenty of a kind the rows are counted, and all of them excluded.
    void countedRowsAreExcludedToo() {
        const QTemporaryDir dir;
        std::string adsl = "USUBJID,TRT01P\n";
        std::string adtte = "USUBJID,PARAMCD,AVAL,CNSR\n";
        for (int i = 0; i < 50; ++i) {
            adsl += "S" + std::to_string(i) + ",A\n";
            adtte += "S" + std::to_string(i) + ",OS," + (i < 30 ? "-1" : "5") + ",0\n";
        }
        LoadOptions options;
        options.exclude_invalid_rows = true;
        const StudyLoad load = load_study(
            {data_files::write(dir, "adsl.csv", adsl), data_files::write(dir, "adtte.csv", adtte)},
            options);
        QVERIFY(load.ok());
        const QStringList warnings = names_only(texts(load.findings, Severity::Warning), dir);
        // The excluded rows (twenty listed, then counted), then the subjects
        // they leave without a record.
        QCOMPARE(warnings.size(), 22);
        QCOMPARE(warnings[20], QStringLiteral("adtte.csv: column AVAL: excluded: and 10 more "
                                              "rows with: negative time"));
        QCOMPARE(warnings.back(), QStringLiteral("adtte.csv: column PARAMCD: OS: 30 of 50 "
                                                 "subjects in ADSL have no record (first: S0, "
                                                 "S1, S2)"));
        QCOMPARE(load.excluded_rows, std::size_t{30});
        QCOMPARE(load.study->endpoint("OS")->size(), std::size_t{20});
    }

    // Errors about a whole file or dataset refuse the load with the option too.
    void fileLevelErrorsStillRefuse_data() {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("contents");
        const QString adsl = clean_adsl;
        QTest::newRow("unterminated quote")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\nS2,\"OS,2,0\n"};
        QTest::newRow("duplicate column name")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,AVAL,CNSR\nS1,OS,1,1,0\n"};
        QTest::newRow("unrecognised dataset")
            << QStringList{"adsl.csv", "notes.csv"} << QStringList{adsl, "A,B\n1,2\n"};
        QTest::newRow("no subject-level table")
            << QStringList{"adtte.csv"} << QStringList{clean_adtte};
        QTest::newRow("unreadable transport file")
            << QStringList{"adsl.csv", "adtte.xpt"} << QStringList{adsl, "USUBJID,AVAL\n"};
    }

    void fileLevelErrorsStillRefuse() {
        QFETCH(QStringList, names);
        QFETCH(QStringList, contents);
        const QTemporaryDir dir;
        LoadOptions options;
        options.exclude_invalid_rows = true;
        const StudyLoad load = load_study(data_files::write_all(dir, names, contents), options);
        QVERIFY(!load.ok());
        QVERIFY(!texts(load.findings, Severity::Error).isEmpty());
    }

    // Clean data: nothing excluded, no extra finding, the same study.
    void pilotLoadsIdenticallyWithTheOption() {
        const StudyLoad plain = load_study({data_files::pilot("sites")});
        LoadOptions options;
        options.exclude_invalid_rows = true;
        const StudyLoad excluding = load_study({data_files::pilot("sites")}, options);
        QVERIFY(plain.ok());
        QVERIFY(excluding.ok());
        QVERIFY(excluding.findings.empty());
        QCOMPARE(excluding.excluded_rows, std::size_t{0});
        QCOMPARE(excluding.study->subjects.usubjid(), plain.study->subjects.usubjid());
        QCOMPARE(records(*excluding.study), records(*plain.study));
        QCOMPARE(excluding.study->adverse_events.subject, plain.study->adverse_events.subject);
        QCOMPARE(excluding.study->subjects.variables().size(),
                 plain.study->subjects.variables().size());
        QCOMPARE(excluding.study->sources, plain.study->sources);
    }
};

QTEST_APPLESS_MAIN(TestExcludeInvalidRows)

#include "test_exclude_invalid_rows.moc"
