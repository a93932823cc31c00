// Loading a study from the files sites send: site files stacked with SITEID
// from their names, columns in any order, messy encodings and dialects giving
// the same study as clean files, a plain one-row-per-patient file, every
// finding named with file and line, and all-or-nothing loading. The CDISC
// pilot gives the identical study from .xpt, whole CSVs and per-site CSVs.

#include "../data_files.h"

#include <triallens/analysis/refit.h>
#include <triallens/data/data_error.h>
#include <triallens/io/file_bytes.h>
#include <triallens/io/load_study.h>

#include <QElapsedTimer>
#include <QTest>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <span>
#include <vector>

using namespace triallens;
namespace fs = std::filesystem;

namespace {

using data_files::names_only;
using data_files::texts;

// An endpoint's column as a vector, for QCOMPARE.
template <typename T> std::vector<T> column(std::span<const T> values) {
    return {values.begin(), values.end()};
}

const char* const clean_adsl = "USUBJID,TRT01P,AGE,SITEID\n"
                               "S1,Drug,63,701\n"
                               "S2,Placebo,64,701\n"
                               "S3,Drug,71,702\n";
const char* const clean_adtte = "USUBJID,PARAMCD,PARAM,AVAL,CNSR,SITEID\n"
                                "S1,OS,Overall survival,10.5,0,701\n"
                                "S2,OS,Overall survival,3,1,701\n"
                                "S3,OS,Overall survival,7.25,0,702\n";

struct Compared {
    std::vector<std::string> subjects;
    std::vector<std::string> arms;
    std::vector<std::string> sites;
    std::vector<double> ages;
    std::vector<std::int32_t> os_subject;
    std::vector<double> os_time;
    std::vector<std::uint8_t> os_event;
};

Compared compared(const Study& study) {
    Compared c;
    c.subjects = study.subjects.usubjid();
    const Variable& arm = *study.subjects.find("TRT01P");
    const Variable& site = *study.subjects.find("SITEID");
    const Variable& age = *study.subjects.find("AGE");
    for (std::size_t s = 0; s < study.subjects.size(); ++s) {
        c.arms.push_back(arm.levels()[static_cast<std::size_t>(arm.codes()[s])]);
        c.sites.push_back(site.levels()[static_cast<std::size_t>(site.codes()[s])]);
        c.ages.push_back(age.numbers()[s]);
    }
    const TimeToEvent& os = *study.endpoint("OS");
    c.os_subject.assign(os.subject().begin(), os.subject().end());
    c.os_time.assign(os.time().begin(), os.time().end());
    c.os_event.assign(os.event().begin(), os.event().end());
    return c;
}

void compare_studies(const Compared& a, const Compared& b) {
    QCOMPARE(a.subjects, b.subjects);
    QCOMPARE(a.arms, b.arms);
    QCOMPARE(a.sites, b.sites);
    QCOMPARE(a.ages, b.ages);
    QCOMPARE(a.os_subject, b.os_subject);
    QCOMPARE(a.os_time, b.os_time);
    QCOMPARE(a.os_event, b.os_event);
}

// The study's subjects (every variable), endpoints and AE rows, keyed by
// USUBJID so file order cannot matter, as text for a readable difference.
QStringList study_rows(const Study& study) {
    QStringList rows;
    const auto& subjects = study.subjects;
    for (std::size_t s = 0; s < subjects.size(); ++s) {
        QString row = QString::fromStdString(subjects.usubjid()[s]);
        // Every subject-level variable, its type and its value.
        QStringList cells;
        for (const Variable& variable : subjects.variables()) {
            QString cell;
            if (variable.is_categorical()) {
                const auto code = variable.codes()[s];
                cell =
                    "text:" + (code < 0 ? QString()
                                        : QString::fromStdString(
                                              variable.levels()[static_cast<std::size_t>(code)]));
            } else {
                cell = "number:" + QString::number(variable.numbers()[s], 'g', 17);
            }
            cells << QString::fromStdString(variable.name()) + "=" + cell;
        }
        cells.sort();
        row += " " + cells.join(' ');
        rows << row;
    }
    for (const auto& endpoint : study.endpoints) {
        for (std::size_t r = 0; r < endpoint.size(); ++r) {
            rows << QString("%1 %2 time=%3 event=%4")
                        .arg(QString::fromStdString(endpoint.paramcd()),
                             QString::fromStdString(subjects.usubjid()[static_cast<std::size_t>(
                                 endpoint.subject()[r])]))
                        .arg(endpoint.time()[r], 0, 'g', 17)
                        .arg(endpoint.event()[r]);
        }
    }
    const auto& ae = study.adverse_events;
    for (std::size_t r = 0; r < ae.size(); ++r) {
        rows << QString("AE %1 %2 / %3 grade=%4 rel=%5 ser=%6 te=%7")
                    .arg(QString::fromStdString(
                             subjects.usubjid()[static_cast<std::size_t>(ae.subject[r])]),
                         QString::fromStdString(ae.soc[r]), QString::fromStdString(ae.pt[r]))
                    .arg(ae.grade[r])
                    .arg(ae.related[r])
                    .arg(ae.serious[r])
                    .arg(ae.treatment_emergent[r]);
    }
    rows.sort();
    return rows;
}

} // namespace

class TestLoadStudy : public QObject {
    Q_OBJECT

private slots:
    void siteFilesStackWithSiteFromTheFileName() {
        const QTemporaryDir dir;
        const auto a = data_files::write(dir, "adsl_site701.csv",
                                         "USUBJID,TRT01P,AGE\nS1,Drug,63\nS2,Placebo,64\n");
        // Another site: columns in another order.
        const auto b =
            data_files::write(dir, "adsl_site702.csv", "AGE,USUBJID,TRT01P\n71,S3,Drug\n");
        const auto t1 =
            data_files::write(dir, "adtte_site701.csv",
                              "USUBJID,PARAMCD,PARAM,AVAL,CNSR\nS1,OS,Overall survival,10.5,0\n"
                              "S2,OS,Overall survival,3,1\n");
        const auto t2 = data_files::write(dir, "adtte_site702.csv",
                                          "USUBJID,PARAMCD,PARAM,AVAL,CNSR\n"
                                          "S3,OS,Overall survival,7.25,0\n");
        const StudyLoad load = load_study({a, b, t1, t2});
        QVERIFY2(load.ok(), qPrintable(texts(load.findings, Severity::Error).join('\n')));
        QVERIFY(load.findings.empty());
        const Study& study = *load.study;
        QCOMPARE(study.subjects.usubjid(), (std::vector<std::string>{"S1", "S2", "S3"}));
        const Variable& site = *study.subjects.find("SITEID");
        QCOMPARE(site.levels(), (std::vector<std::string>{"701", "702"}));
        QCOMPARE(site.codes(), (std::vector<std::int32_t>{0, 0, 1}));
        QCOMPARE(study.sources.size(), std::size_t{4});

        // The same data as two whole files with SITEID give the same study.
        const QTemporaryDir whole;
        const StudyLoad again = load_study({data_files::write(whole, "adsl.csv", clean_adsl),
                                            data_files::write(whole, "adtte.csv", clean_adtte)});
        QVERIFY(again.ok());
        compare_studies(compared(study), compared(*again.study));
    }

    // Each file is typed as soon as it is read; a column that is numbers in
    // one site's files and text in another's is text in all, each cell as
    // written ("5.50", not 5.5), read again from the file that held numbers.
    void columnOfNumbersInOneSiteAndTextInAnotherKeepsItsCellsAsWritten() {
        const QTemporaryDir dir;
        const auto a = data_files::write(dir, "adsl_site701.csv",
                                         "USUBJID,TRT01P,LAB\nS1,Drug,5.50\nS2,Placebo,NA\n"
                                         "S3,Drug,07\n");
        const auto b = data_files::write(dir, "adsl_site702.csv",
                                         "USUBJID,TRT01P,LAB\nS4,Drug,<5\nS5,Placebo,12\n");
        const auto t = data_files::write(dir, "adtte.csv",
                                         "USUBJID,PARAMCD,PARAM,AVAL,CNSR\n"
                                         "S1,OS,Overall survival,10.5,0\n");
        const StudyLoad load = load_study({a, b, t});
        QVERIFY2(load.ok(), qPrintable(texts(load.findings, Severity::Error).join('\n')));
        const Variable& lab = *load.study->subjects.find("LAB");
        std::vector<std::string> cells;
        for (const std::int32_t code : lab.codes()) {
            cells.push_back(code < 0 ? "" : lab.levels()[static_cast<std::size_t>(code)]);
        }
        QCOMPARE(cells, (std::vector<std::string>{"5.50", "", "07", "<5", "12"}));
    }

    void messyFilesLoadAsCleanOnes() {
        const QTemporaryDir clean_dir;
        const StudyLoad clean =
            load_study({data_files::write(clean_dir, "adsl.csv", clean_adsl),
                        data_files::write(clean_dir, "adtte.csv", clean_adtte)});
        QVERIFY(clean.ok());

        const QTemporaryDir dir;
        // Site 701: European Excel (semicolons, decimal commas), Windows-1252, CRLF, a BOM-less
        // header with quoted names; site 702: UTF-8 with BOM, tab-delimited, missing tokens.
        data_files::write(dir, "adsl_site701.csv",
                          "\"USUBJID\";\"TRT01P\";\"AGE\";\"NOTE\"\r\nS1;Drug;63;caf\xE9\r\n"
                          "S2;Placebo;64;\"a;b\"\r\n");
        data_files::write(dir, "adsl_site702.tsv",
                          "\xEF\xBB\xBFNOTE\tUSUBJID\tAGE\tTRT01P\nNA\tS3\t71\tDrug\n");
        data_files::write(dir, "adtte_site701.csv",
                          "USUBJID;PARAMCD;PARAM;AVAL;CNSR\r\nS1;OS;Overall survival;10,5;0\r\n"
                          "\r\nS2;OS;\"Overall\r\nsurvival\";3;1\r\n");
        data_files::write(
            dir, "adtte_site702.txt",
            "PARAMCD\tUSUBJID\tPARAM\tAVAL\tCNSR\nOS\tS3\tOverall survival\t7.25\t0\n");
        const StudyLoad messy = load_study({fs::path(dir.path().toStdString())});
        QVERIFY2(messy.ok(), qPrintable(texts(messy.findings, Severity::Error).join('\n')));
        QCOMPARE(names_only(texts(messy.findings, Severity::Warning), dir),
                 QStringList{"adsl_site701.csv: not UTF-8: read as Windows-1252 (Latin-1)"});
        compare_studies(compared(*clean.study), compared(*messy.study));
        const Variable& note = *messy.study->subjects.find("NOTE");
        QCOMPARE(note.levels(), (std::vector<std::string>{"a;b", "caf\xC3\xA9"}));
        QCOMPARE(note.codes()[2], -1); // NA
    }

    void onePatientPerRowFileWithNamedColumns() {
        const QTemporaryDir dir;
        const auto file = data_files::write(dir, "trial.csv",
                                            "PATIENT,GROUP,OS_MONTHS,DIED\n"
                                            "1,1,10.5,1\n2,2,3,0\n3,1,7.25,1\n");
        LoadOptions options;
        options.time_column = "OS_MONTHS";
        options.event_column = "DIED";
        options.arm_column = "GROUP";
        const StudyLoad load = load_study({file}, options);
        QVERIFY2(load.ok(), qPrintable(texts(load.findings, Severity::Error).join('\n')));
        const Study& study = *load.study;
        QCOMPARE(study.subjects.size(), std::size_t{3});
        QCOMPARE(study.subjects.usubjid()[0],
                 std::string("trial.csv:2")); // no id column: file:line
        const Variable& group = *study.subjects.find("GROUP");
        QVERIFY(group.is_categorical());
        QCOMPARE(group.levels(), (std::vector<std::string>{"1", "2"}));
        const TimeToEvent& os = *study.endpoint("OS_MONTHS");
        QCOMPARE(column(os.time()), (std::vector<double>{10.5, 3, 7.25}));
        QCOMPARE(column(os.event()), (std::vector<std::uint8_t>{1, 0, 1}));
    }

    void onePatientPerRowFileWithACensorColumn() {
        const QTemporaryDir dir;
        // ADaM names for the subject and arm; the user names time and censor columns.
        const auto file = data_files::write(dir, "patients.tsv",
                                            "USUBJID\tTRT01P\tPFSDY\tPFSCNSR\n"
                                            "P1\tA\t30\t0\nP2\tB\t45\t2\nP3\tA\t12\t0\n");
        LoadOptions options;
        options.time_column = "PFSDY";
        options.censor_column = "PFSCNSR";
        const StudyLoad load = load_study({file}, options);
        QVERIFY2(load.ok(), qPrintable(texts(load.findings, Severity::Error).join('\n')));
        QCOMPARE(load.study->subjects.usubjid(), (std::vector<std::string>{"P1", "P2", "P3"}));
        const TimeToEvent& pfs = *load.study->endpoint("PFSDY");
        QCOMPARE(column(pfs.time()), (std::vector<double>{30, 45, 12}));
        QCOMPARE(column(pfs.event()), (std::vector<std::uint8_t>{1, 0, 1}));
    }

    void namedColumnsOverrideAvalAndCnsrInAdtte() {
        const QTemporaryDir dir;
        const auto adsl = data_files::write(dir, "adsl.csv", clean_adsl);
        const auto adtte = data_files::write(dir, "adtte.csv",
                                             "USUBJID,PARAMCD,AVAL,CNSR,ADY,EVNT\n"
                                             "S1,OS,1,0,30,0\nS2,OS,2,1,40,1\nS3,OS,3,0,50,1\n");
        LoadOptions options;
        options.time_column = "ADY";
        options.event_column = "EVNT";
        const StudyLoad load = load_study({adsl, adtte}, options);
        QVERIFY(load.ok());
        QCOMPARE(column(load.study->endpoint("OS")->time()), (std::vector<double>{30, 40, 50}));
        QCOMPARE(column(load.study->endpoint("OS")->event()), (std::vector<std::uint8_t>{0, 1, 1}));
    }

    // Every finding names its file and line; errors refuse the whole load.
    void findingsNameFileAndLine_data() {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("contents");
        QTest::addColumn<QStringList>("errors");
        const QString adsl = clean_adsl;
        const QString adtte = clean_adtte;
        QTest::newRow("same subject in two sites' files")
            << QStringList{"adsl_site701.csv", "adsl_site702.csv"}
            << QStringList{"USUBJID,TRT01P\nS1,Drug\nS2,Placebo\n",
                           "USUBJID,TRT01P\nS3,Drug\nS1,Drug\n"}
            << QStringList{"adsl_site702.csv:3: column USUBJID: subject S1 appears again (first "
                           "at adsl_site701.csv:2)"};
        QTest::newRow("conflicting arms")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR,TRTP\nS1,OS,1,0,Drug\nS2,OS,2,0,Drug\n"}
            << QStringList{"adtte.csv:3: column TRTP: subject S2 is in arm \"Drug\" here but in "
                           "\"Placebo\" in ADSL (TRT01P at adsl.csv:3)"};
        QTest::newRow("negative and missing times")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,-1,0\nS2,OS,NA,0\nS3,OS,4,0\n"}
            << QStringList{"adtte.csv:2: column AVAL: negative time",
                           "adtte.csv:3: column AVAL: missing time"};
        QTest::newRow("censor codes")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0.5\nS2,OS,2,-1\nS3,OS,3,.\n"}
            << QStringList{"adtte.csv:2: column CNSR: censor flag must be 0 (event) or a positive "
                           "integer (censored), found \"0.5\"",
                           "adtte.csv:3: column CNSR: censor flag must be 0 (event) or a positive "
                           "integer (censored), found \"-1\"",
                           "adtte.csv:4: column CNSR: censor flag must be 0 (event) or a positive "
                           "integer (censored), found a missing value"};
        QTest::newRow("text in a numeric column")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\nS2,OS,2 months,0\n"}
            << QStringList{"adtte.csv:3: column AVAL: text in a numeric column: \"2 months\""};
        QTest::newRow("ragged row and unterminated quote in two files")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{"USUBJID,TRT01P\nS1,Drug\nS2\n",
                           "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\nS2,\"OS,2,0\n"}
            << QStringList{"adsl.csv:3: the row has 1 fields, the header 2 (a ragged row)",
                           "adtte.csv:3: column PARAMCD: unterminated quote: the quoted field "
                           "that starts in this row runs to the end of the file"};
        QTest::newRow("time-to-event subject absent from ADSL")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\nS9,OS,2,0\n"}
            << QStringList{"adtte.csv:3: column USUBJID: subject S9 is not in ADSL"};
        QTest::newRow("second record of a parameter across sites")
            << QStringList{"adsl.csv", "adtte_site701.csv", "adtte_site702.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\n",
                           "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,2,0\n"}
            << QStringList{"adtte_site702.csv:2: column USUBJID: subject S1 has a second OS "
                           "record (first at adtte_site701.csv:2)"};
        QTest::newRow("same role, other columns")
            << QStringList{"adsl_site701.csv", "adsl_site702.csv"}
            << QStringList{"USUBJID,TRT01P,AGE\nS1,Drug,60\n", "USUBJID,TRT01P,SEX\nS2,Drug,F\n"}
            << QStringList{"adsl_site702.csv: holds subject-level data (ADSL) as adsl_site701.csv "
                           "does, with other columns (only here: SEX; only there: AGE)"};
        QTest::newRow("unrecognised file")
            << QStringList{"adsl.csv", "notes.csv"} << QStringList{adsl, "A,B\n1,2\n"}
            << QStringList{"notes.csv: not recognised as ADSL, ADTTE, ADAE, ADRS or ADTR (no "
                           "USUBJID, or no treatment, PARAMCD/AVAL/CNSR, AEDECOD, PARAMCD/AVALC "
                           "or PARAMCD/AVAL/BASE columns); for one row per patient name the "
                           "columns with --time, --event or --censor, and --arm"};
        QTest::newRow("header-only ADTTE")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,PARAM,AVAL,CNSR\n"}
            << QStringList{"adtte.csv: no records (the file has a header and no rows)"};
        QTest::newRow("header-only ADSL")
            << QStringList{"adsl.csv", "adtte.csv"} << QStringList{"USUBJID,TRT01P\n", adtte}
            << QStringList{"adsl.csv: no records (the file has a header and no rows)"};
        QTest::newRow("header-only ADTTE in every site's file")
            << QStringList{"adsl.csv", "adtte_site701.csv", "adtte_site702.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR\n", "USUBJID,PARAMCD,AVAL,CNSR\n"}
            << QStringList{"adtte_site701.csv and 1 more file: no records (the files have a "
                           "header and no rows)"};
        QTest::newRow("no subject-level table")
            << QStringList{"adtte.csv", "adae.csv"}
            << QStringList{adtte, "USUBJID,AEDECOD\nS1,RASH\n"}
            << QStringList{"no subject-level table (ADSL with USUBJID and a treatment column) "
                           "among adtte.csv, adae.csv"};
        QTest::newRow("not a transport file")
            << QStringList{"adsl.csv", "adtte.xpt"} << QStringList{adsl, "USUBJID,AVAL\n"}
            << QStringList{"adtte.xpt: not a readable SAS transport (.xpt) file: "};
    }

    void findingsNameFileAndLine() {
        QFETCH(QStringList, names);
        QFETCH(QStringList, contents);
        QFETCH(QStringList, errors);
        const QTemporaryDir dir;
        const StudyLoad load = load_study(data_files::write_all(dir, names, contents));
        QVERIFY(!load.ok()); // atomic: errors and no study
        QStringList found = names_only(texts(load.findings, Severity::Error), dir);
        if (errors.size() == 1 && errors[0].endsWith(": ")) {
            QCOMPARE(found.size(), 1);
            QVERIFY2(found[0].startsWith(errors[0]), qPrintable(found[0]));
            return;
        }
        QCOMPARE(found, errors);
    }

    // A site or sponsor may send ADAE or ADRS without records: the study
    // loads, and the warning names the file.
    void headerOnlyAdverseEventsAreWarned() {
        const QTemporaryDir dir;
        const StudyLoad load =
            load_study({data_files::write(dir, "adsl.csv", clean_adsl),
                        data_files::write(dir, "adtte.csv", clean_adtte),
                        data_files::write(dir, "adae.csv", "USUBJID,AEDECOD,AESEV\n")});
        QVERIFY(load.ok());
        QCOMPARE(names_only(texts(load.findings, Severity::Warning), dir),
                 QStringList{"adae.csv: no records (the file has a header and no rows): none are "
                             "shown"});
        QCOMPARE(load.study->adverse_events.size(), std::size_t{0});
    }

    // ADSL without TRTA, ADTTE and ADAE with it: each subject's TRTA from its
    // records, missing for a subject with none.
    void treatmentOfTheRecordsBecomesASubjectVariable() {
        const QTemporaryDir dir;
        const StudyLoad load = load_study(
            {data_files::write(dir, "adsl.csv", "USUBJID,TRT01P\nS1,Drug\nS2,Placebo\nS3,Drug\n"),
             data_files::write(dir, "adtte.csv",
                               "USUBJID,PARAMCD,AVAL,CNSR,TRTA\nS1,OS,3,0,Drug\n"
                               "S2,OS,5,1,\nS1,PFS,2,0,Drug\n"),
             data_files::write(dir, "adae.csv", "USUBJID,AEDECOD,TRTA\nS2,RASH,Drug low\n")});
        QVERIFY(load.ok());
        const Variable* trta = load.study->subjects.find("TRTA");
        QVERIFY(trta != nullptr);
        QVERIFY(trta->is_categorical());
        QCOMPARE(trta->levels(), (std::vector<std::string>{"Drug", "Drug low"}));
        QCOMPARE(trta->codes(), (std::vector<std::int32_t>{0, 1, -1}));
        QVERIFY(load.study->unusable_treatments.empty());
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.arm_variable = "TRTA";
        QCOMPARE(resolve_spec(*load.study, spec).reference_arm, std::string("Drug"));
    }

    // Two values for one subject: the study loads without TRTA, and naming
    // TRTA as the treatment says which subject and rows disagree.
    void treatmentNotConstantPerSubjectIsRefusedWhenNamed_data() {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QStringList>("contents");
        QTest::addColumn<QString>("message");
        const QString adsl = "USUBJID,TRT01P\nS1,Drug\nS2,Placebo\n";
        QTest::newRow("within ADTTE")
            << QStringList{"adsl.csv", "adtte.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR,TRTA\nS1,OS,3,0,Drug\n"
                                 "S2,OS,5,1,Placebo\nS1,PFS,2,0,Placebo\n"}
            << "TRTA is not constant for subject S1 in adtte.csv: \"Drug\" (line 2) and "
               "\"Placebo\" (line 4)";
        QTest::newRow("ADTTE against ADAE")
            << QStringList{"adsl.csv", "adtte.csv", "adae.csv"}
            << QStringList{adsl, "USUBJID,PARAMCD,AVAL,CNSR,TRTA\nS1,OS,3,0,Drug\n",
                           "USUBJID,AEDECOD,TRTA\nS2,RASH,Placebo\nS1,RASH,Placebo\n"}
            << "TRTA is not constant for subject S1: \"Drug\" (adtte.csv line 2) and "
               "\"Placebo\" (adae.csv line 3)";
    }

    void treatmentNotConstantPerSubjectIsRefusedWhenNamed() {
        QFETCH(QStringList, names);
        QFETCH(QStringList, contents);
        QFETCH(QString, message);
        const QTemporaryDir dir;
        const StudyLoad load = load_study(data_files::write_all(dir, names, contents));
        QVERIFY(load.ok());
        QVERIFY(load.study->subjects.find("TRTA") == nullptr);
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.arm_variable = "TRTA";
        try {
            resolve_spec(*load.study, spec);
            QFAIL("TRTA was accepted as the treatment");
        } catch (const SpecError& error) {
            QCOMPARE(QString::fromStdString(error.what()).replace(dir.path() + "/", QString()),
                     message);
        }
        spec.arm_variable.clear(); // the study's own TRT01P still serves
        QCOMPARE(resolve_spec(*load.study, spec).arm_variable, std::string("TRT01P"));
    }

    void adverseEventsOfSubjectsAbsentFromAdslAreWarnedAndLeftOut() {
        const QTemporaryDir dir;
        const auto adsl = data_files::write(dir, "adsl.csv", clean_adsl);
        const auto adae = data_files::write(dir, "adae_site701.csv",
                                            "USUBJID,AEDECOD,AESEV\nS1,RASH,MILD\nS8,RASH,MILD\n"
                                            "S8,COUGH,SEVERE\nS2,COUGH,MILD\n");
        const StudyLoad load = load_study({adsl, adae});
        QVERIFY(load.ok());
        QCOMPARE(names_only(texts(load.findings, Severity::Warning), dir),
                 QStringList{"adae_site701.csv:3: column USUBJID: subject S8 is not in ADSL: its "
                             "2 adverse-event records are left out"});
        QCOMPARE(load.study->adverse_events.subject, (std::vector<std::int32_t>{0, 1}));
    }

    void manyErrorsAreListedTwentyTimesThenCounted() {
        const QTemporaryDir dir;
        std::string adtte = "USUBJID,PARAMCD,AVAL,CNSR\n";
        std::string adsl = "USUBJID,TRT01P\n";
        for (int i = 0; i < 50; ++i) {
            adsl += "S" + std::to_string(i) + ",A\n";
            adtte += "S" + std::to_string(i) + ",OS,-1,0\n";
        }
        const StudyLoad load = load_study(
            {data_files::write(dir, "adsl.csv", adsl), data_files::write(dir, "adtte.csv", adtte)});
        const QStringList errors = names_only(texts(load.findings, Severity::Error), dir);
        QCOMPARE(errors.size(), 21);
        QCOMPARE(errors.back(), QStringLiteral("adtte.csv: column AVAL: and 30 more rows with: "
                                               "negative time"));
    }

    void siteColumnThatContradictsTheFileNameIsWarned() {
        const QTemporaryDir dir;
        const auto a = data_files::write(dir, "adsl_site701.csv",
                                         "USUBJID,TRT01P,SITEID\nS1,A,701\nS2,B,702\n");
        const StudyLoad load = load_study({a});
        QVERIFY(load.ok());
        QCOMPARE(names_only(texts(load.findings, Severity::Warning), dir),
                 QStringList{"adsl_site701.csv:3: column SITEID: the file name says site 701, "
                             "the row says 702"});
    }

    void missingFilesAndEmptyFoldersAreErrors() {
        const QTemporaryDir dir;
        const StudyLoad load = load_study(
            {fs::path(dir.path().toStdString()) / "none.csv", fs::path(dir.path().toStdString())});
        QCOMPARE(names_only(texts(load.findings, Severity::Error), dir),
                 (QStringList{"none.csv: no such file",
                              dir.path() + ": the folder holds no .csv, .tsv, .txt, .xpt or "
                                           ".sas7bdat file"}));
    }

    // What is not a regular file is refused by stat before anything opens
    // it (a FIFO would block the load), named, in words.
    void onlyRegularFilesAreRead_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("FIFO") << "fifo"
                              << "not a regular file (a named pipe, FIFO): only files are read";
        QTest::newRow("device") << "device"
                                << "not a regular file (a device): only files are read";
        QTest::newRow("symlink loop") << "loop"
                                      << "a symbolic link loop: the path never reaches a file";
    }

    void onlyRegularFilesAreRead() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        const QTemporaryDir dir;
        const fs::path folder = dir.path().toStdString();
        fs::path path = folder / "adtte.csv";
        if (kind == "fifo") {
            QCOMPARE(::mkfifo(path.c_str(), 0600), 0);
        } else if (kind == "device") {
            path = "/dev/zero";
        } else {
            fs::create_symlink(folder / "b.csv", path);
            fs::create_symlink(path, folder / "b.csv");
        }
        const auto adsl = data_files::write(dir, "adsl.csv", clean_adsl);
        const StudyLoad load = load_study({adsl, path});
        QVERIFY(!load.ok());
        QCOMPARE(texts(load.findings, Severity::Error),
                 QStringList{QString::fromStdString(path.string()) + ": " + message});
        // The readers refuse it the same way when called directly.
        try {
            read_file_bytes(path);
            QFAIL("not a regular file was read");
        } catch (const DataError& error) {
            QCOMPARE(QString::fromStdString(error.message()), message);
        }
        QVERIFY_THROWS_EXCEPTION(DataError, read_file_bytes(folder));
    }

    // A file is read to its end and its size looked at again: one that
    // changes while it is read (a site's export still being written) is
    // refused, not read as the part that was there. A /proc file stands in
    // for it: stat gives it no size, reading gives its text.
    void fileThatChangesWhileReadIsRefused() {
        const fs::path changing = "/proc/self/status";
        if (!fs::is_regular_file(changing) || fs::file_size(changing) != 0) {
            QSKIP("no /proc file whose size differs from what it holds");
        }
        try {
            read_file_bytes(changing);
            QFAIL("a file that changed while it was read was taken as read");
        } catch (const DataError& error) {
            QVERIFY2(QString::fromStdString(error.message())
                         .startsWith("the file changed while it was read (0 bytes before, "),
                     error.what());
        }
    }

    // Cell text quoted in a message is cut to 80 characters: a 1 MB cell
    // must not fill the message (nor the window that shows it).
    void longCellsAreCappedInMessages() {
        const QTemporaryDir dir;
        const std::string cell(1 << 20, 'x');
        const StudyLoad load = load_study(
            {data_files::write(dir, "adsl.csv", clean_adsl),
             data_files::write(dir, "adtte.csv",
                               "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,1,0\nS2,OS," + cell + ",0\n")});
        QCOMPARE(names_only(texts(load.findings, Severity::Error), dir),
                 QStringList{"adtte.csv:3: column AVAL: text in a numeric column: \"" +
                             QString(80, 'x') + QString::fromUtf8("\u2026\"")});
        // Cut between characters, never inside one.
        QCOMPARE(quoted_cell(std::string(100, 'x').insert(79, "\u00e9")),
                 "\"" + std::string(79, 'x') + "\u00e9\u2026\"");
        QCOMPARE(quoted_cell("short"), std::string("\"short\""));
    }

    // Dates where durations are expected: ISO dates or date-times in the time
    // column of a CSV, a SAS date format on the time column of an .xpt.
    void datesInTheTimeColumnAreRefused_data() {
        QTest::addColumn<QString>("adtte");
        QTest::addColumn<QString>("message");
        QTest::newRow("ISO dates")
            << "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,2024-03-01,0\nS2,OS,2024-04-11,1\n"
            << "adtte.csv:2: column AVAL: holds dates, not durations: \"2024-03-01\" (2 cells "
               "are dates; the time column must hold times since a start, such as days)";
        QTest::newRow("ISO date-times among numbers")
            << "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,12,0\nS2,OS,2024-03-01T10:00,1\n"
            << "adtte.csv:3: column AVAL: holds dates, not durations: \"2024-03-01T10:00\" (1 "
               "cell is dates; the time column must hold times since a start, such as days)";
    }

    void datesInTheTimeColumnAreRefused() {
        QFETCH(QString, adtte);
        QFETCH(QString, message);
        const QTemporaryDir dir;
        const StudyLoad load =
            load_study({data_files::write(dir, "adsl.csv", clean_adsl),
                        data_files::write(dir, "adtte.csv", adtte.toStdString())});
        QVERIFY(!load.ok());
        QCOMPARE(names_only(texts(load.findings, Severity::Error), dir), QStringList{message});
    }

    // The pilot's ADTTE has ADT, a date (DATE9.), beside AVAL: named as the
    // time column it is refused, not read as ~19,000 days.
    void sasDateFormatOnTheTimeColumnIsRefused() {
        LoadOptions options;
        options.time_column = "ADT";
        const StudyLoad load =
            load_study({data_files::pilot("adsl.xpt"), data_files::pilot("adtte.xpt")}, options);
        QVERIFY(!load.ok());
        const QStringList errors = texts(load.findings, Severity::Error);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].contains("adtte.xpt:1: column ADT: holds dates, not durations: 2014-") &&
                     errors[0].contains("(SAS format DATE9;"),
                 qPrintable(errors[0]));
    }

    // 100,000 columns in two sites' files, typed and stacked together: names
    // are looked up by hash, so it loads in seconds (the bound is generous).
    void wideSiteFilesLoad() {
        const QTemporaryDir dir;
        std::string header = "USUBJID,TRT01P";
        std::string row;
        for (int c = 0; c < 100000; ++c) {
            header += ",X" + std::to_string(c);
            row += ",1";
        }
        QElapsedTimer timer;
        timer.start();
        const StudyLoad load =
            load_study({data_files::write(dir, "adsl_site1.csv", header + "\nS1,A" + row + "\n"),
                        data_files::write(dir, "adsl_site2.csv", header + "\nS2,B" + row + "\n"),
                        data_files::write(dir, "adtte.csv",
                                          "USUBJID,PARAMCD,AVAL,CNSR\n"
                                          "S1,OS,1,0\nS2,OS,2,1\n")});
        QVERIFY(load.ok());
        QCOMPARE(load.study->subjects.size(), std::size_t{2});
        QVERIFY2(timer.elapsed() < 60000, qPrintable(QString::number(timer.elapsed()) + " ms"));
    }

    void tooLargeToLoadSaysHowMuch_data() {
        QTest::addColumn<double>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("12 GB") << 12.4e9 << "too large to load (needs ~12 GB)";
        QTest::newRow("1.5 GB") << 1.54e9 << "too large to load (needs ~1.5 GB)";
        QTest::newRow("240 MB") << 240.3e6 << "too large to load (needs ~240 MB)";
        QTest::newRow("5 MB") << 5.04e6 << "too large to load (needs ~5.0 MB)";
        QTest::newRow("a few bytes") << 100.0 << "too large to load (needs ~1.0 MB)";
    }
    void tooLargeToLoadSaysHowMuch() {
        QFETCH(double, bytes);
        QFETCH(QString, message);
        QCOMPARE(QString::fromStdString(too_large_to_load(static_cast<std::uint64_t>(bytes))),
                 message);
    }

    // A load that runs out of memory says so, naming the file and what the
    // whole load would need, and loads nothing. The address space is capped
    // at what the test already uses plus 100 MB, and a 60 MB file needs
    // about six times its size. (ASan reserves terabytes of address space:
    // a cap is meaningless there.)
    void fileTooLargeForMemoryIsNamedAndNothingLoads() {
#if defined(__SANITIZE_ADDRESS__)
        QSKIP("address-space caps do not apply under AddressSanitizer");
#else
        const QTemporaryDir dir;
        std::string text = "USUBJID,TRT01P,AVAL,CNSR\n";
        const std::string tail = ",A,12.5,0\n";
        for (int i = 0; text.size() < 60'000'000; ++i) {
            text += "SUBJECT-" + std::to_string(i) + tail;
        }
        const auto file = data_files::write(dir, "big.csv", text);
        text = {};
        rlimit before{};
        QCOMPARE(getrlimit(RLIMIT_AS, &before), 0);
        std::ifstream statm("/proc/self/statm");
        std::uint64_t pages = 0;
        statm >> pages;
        QVERIFY(pages > 0);
        const auto used = pages * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
        rlimit capped = before;
        capped.rlim_cur = used + 100'000'000;
        QCOMPARE(setrlimit(RLIMIT_AS, &capped), 0);
        LoadOptions options;
        options.arm_column = "TRT01P";
        const StudyLoad load = load_study({file}, options);
        QCOMPARE(setrlimit(RLIMIT_AS, &before), 0);
        QVERIFY(!load.ok());
        const QStringList errors = texts(load.findings, Severity::Error);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors[0].startsWith(QString::fromStdString(file.string()) + ": ") &&
                     errors[0].contains("too large to load (needs ~360 MB)"),
                 qPrintable(errors[0]));
#endif
    }

    void siteNamesComeFromFileNames() {
        QCOMPARE(site_from_file_name("adsl_site701.csv"), std::string("701"));
        QCOMPARE(site_from_file_name("/x/Site-12_adae.csv"), std::string("12"));
        QCOMPARE(site_from_file_name("adsl_SITE3A.xpt"), std::string("3A"));
        QCOMPARE(site_from_file_name("adsl.csv"), std::string());
        QCOMPARE(site_from_file_name("website1.csv"), std::string());
    }

    void reportsProgressAndCanBeCancelled() {
        std::uint64_t last = 0;
        std::uint64_t total = 0;
        LoadProgress progress;
        progress.report = [&](std::uint64_t done, std::uint64_t all) {
            last = done;
            total = all;
        };
        const StudyLoad load = load_study(
            {data_files::pilot("adsl.xpt"), data_files::pilot("adtte.csv")}, {}, progress);
        QVERIFY(load.ok());
        QVERIFY(total > 0);
        QCOMPARE(last, total);
        std::atomic<bool> cancel{true};
        progress.cancel = &cancel;
        QVERIFY_THROWS_EXCEPTION(LoadCancelled, load_study({data_files::pilot("adsl.xpt"),
                                                            data_files::pilot("adtte.csv")},
                                                           {}, progress));
    }

    // The CDISC pilot as SAS transport, as whole CSVs and as 17 sites' CSVs.
    void pilotGivesTheSameStudyFromEveryForm() {
        const StudyLoad xpt =
            load_study({data_files::pilot("adsl.xpt"), data_files::pilot("adtte.xpt"),
                        data_files::pilot("adae.xpt")});
        const StudyLoad csv =
            load_study({data_files::pilot("adsl.csv"), data_files::pilot("adtte.csv"),
                        data_files::pilot("adae.csv")});
        const StudyLoad sites = load_study({data_files::pilot("sites")});
        for (const StudyLoad* load : {&xpt, &csv, &sites}) {
            QVERIFY2(load->ok(), qPrintable(texts(load->findings, Severity::Error).join('\n')));
            QVERIFY(load->findings.empty());
        }
        QCOMPARE(sites.study->sources.size(), std::size_t{51});
        QCOMPARE(xpt.study->subjects.size(), std::size_t{254});
        QCOMPARE(xpt.study->endpoints.size(), std::size_t{1});
        QCOMPARE(xpt.study->endpoints[0].paramcd(), std::string("TTDE"));
        QCOMPARE(xpt.study->adverse_events.size(), std::size_t{1191});

        const QStringList expected = study_rows(*xpt.study);
        QCOMPARE(study_rows(*csv.study), expected);
        QCOMPARE(study_rows(*sites.study), expected);
        // Not only the same rows: the same order, subject by subject.
        QCOMPARE(csv.study->subjects.usubjid(), xpt.study->subjects.usubjid());
        QCOMPARE(sites.study->subjects.usubjid(), xpt.study->subjects.usubjid());
        QCOMPARE(column(sites.study->endpoints[0].time()), column(xpt.study->endpoints[0].time()));
        QCOMPARE(column(sites.study->endpoints[0].event()),
                 column(xpt.study->endpoints[0].event()));
        QCOMPARE(sites.study->adverse_events.subject, xpt.study->adverse_events.subject);
    }
};

QTEST_APPLESS_MAIN(TestLoadStudy)
#include "test_load_study.moc"
