// Validating a study's tables before they are built: every finding with its
// file, line and column, errors and warnings apart.

#include "../data_files.h"

#include <triallens/data/study_validation.h>

#include <QTest>

#include <cmath>
#include <limits>

using namespace triallens;

namespace {

RawTable adsl() {
    RawTable table{"adsl.csv", {}, {}};
    table.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3"}));
    table.columns.push_back(text_column("TRT01P", "", {"A", "B", "A"}));
    table.columns.push_back(text_column("TRT01A", "", {"A", "B", "B"}));
    return table;
}

using data_files::texts;

} // namespace

class TestStudyValidation : public QObject {
    Q_OBJECT

private slots:
    void eventFlagsMustBeZeroOrOne() {
        const double missing = std::numeric_limits<double>::quiet_NaN();
        RawTable plain{"trial.csv", {}, {}};
        plain.columns.push_back(text_column("USUBJID", "", {"P1", "P2", "P3", "P4"}));
        plain.columns.push_back(number_column("MONTHS", "", {1, 2, 3, 4}));
        plain.columns.push_back(number_column("DIED", "", {1, 2, missing, 0}));
        StudyTables tables;
        tables.subjects = &plain;
        tables.time_to_event = &plain;
        tables.one_row_per_subject = true;
        tables.endpoint.time = "MONTHS";
        tables.endpoint.event = "DIED";
        QCOMPARE(texts(validate_study_tables(tables), Severity::Error),
                 (QStringList{"trial.csv:3: column DIED: event flag must be 1 (event) or 0 "
                              "(censored), found \"2\"",
                              "trial.csv:4: column DIED: event flag must be 1 (event) or 0 "
                              "(censored), found a missing value"}));
    }

    void adverseEventArmsMustMatchAdsl() {
        const RawTable subjects = adsl();
        RawTable adae{"adae.csv", {}, {}};
        adae.columns.push_back(text_column("USUBJID", "", {"S1", "S3", "S9"}));
        adae.columns.push_back(text_column("AEDECOD", "", {"RASH", "RASH", "RASH"}));
        adae.columns.push_back(text_column("TRTA", "", {"A", "A", "A"}));
        StudyTables tables;
        tables.subjects = &subjects;
        tables.adverse_events = &adae;
        const auto findings = validate_study_tables(tables);
        QCOMPARE(texts(findings, Severity::Error),
                 QStringList{"adae.csv:3: column TRTA: subject S3 is in arm \"A\" here but in "
                             "\"B\" in ADSL (TRT01A at adsl.csv:4)"});
        QCOMPARE(texts(findings, Severity::Warning),
                 QStringList{"adae.csv:4: column USUBJID: subject S9 is not in ADSL: its 1 "
                             "adverse-event record is left out"});
    }

    void responsesOfUnknownSubjectsAreErrors() {
        const RawTable subjects = adsl();
        RawTable adrs{"adrs.csv", {}, {}};
        adrs.columns.push_back(text_column("USUBJID", "", {"S1", "S7"}));
        adrs.columns.push_back(text_column("PARAMCD", "", {"BOR", "BOR"}));
        adrs.columns.push_back(text_column("AVALC", "", {"CR", "PR"}));
        StudyTables tables;
        tables.subjects = &subjects;
        tables.responses = &adrs;
        QCOMPARE(texts(validate_study_tables(tables), Severity::Error),
                 QStringList{"adrs.csv:3: column USUBJID: subject S7 is not in ADSL"});
    }

    void requiredColumnsAndTheirTypes() {
        const RawTable subjects = adsl();
        RawTable adtte{"adtte.xpt", {}, {}};
        adtte.columns.push_back(text_column("USUBJID", "", {"S1"}));
        adtte.columns.push_back(text_column("PARAMCD", "", {"OS"}));
        adtte.columns.push_back(text_column("AVAL", "", {"12"}));
        StudyTables tables;
        tables.subjects = &subjects;
        tables.time_to_event = &adtte;
        QCOMPARE(texts(validate_study_tables(tables), Severity::Error),
                 (QStringList{"adtte.xpt: column AVAL: the column holds text (a character "
                              "variable); it must hold numbers",
                              "adtte.xpt: column CNSR: required column CNSR is missing"}));
    }

    void missingSubjectIdentifiers() {
        RawTable subjects{"adsl.csv", {}, {}};
        subjects.columns.push_back(text_column("USUBJID", "", {"S1", ""}));
        subjects.columns.push_back(text_column("TRT01P", "", {"A", "B"}));
        StudyTables tables;
        tables.subjects = &subjects;
        QCOMPARE(texts(validate_study_tables(tables), Severity::Error),
                 QStringList{"adsl.csv:3: column USUBJID: missing subject identifier"});
    }

    // ADSL subjects with no record of a parameter are in no analysis of it
    // (a truncated ADTTE looks just so): one warning per parameter, with the
    // count and the first three named in ADSL order.
    void subjectsWithNoRecordOfAParameterAreCounted_data() {
        QTest::addColumn<QStringList>("pfs");
        QTest::addColumn<QStringList>("warnings");
        const QStringList all{"S1", "S2", "S3", "S4", "S5", "S6"};
        QTest::newRow("every subject has one") << all << QStringList{};
        QTest::newRow("one without") << QStringList{"S1", "S2", "S4", "S5", "S6"}
                                     << QStringList{"adtte.csv: column PARAMCD: PFS: 1 of 6 "
                                                    "subjects in ADSL has no record (S3)"};
        QTest::newRow("cut short") << QStringList{"S1", "S2"}
                                   << QStringList{"adtte.csv: column PARAMCD: PFS: 4 of 6 "
                                                  "subjects in ADSL have no record (first: S3, "
                                                  "S4, S5)"};
    }

    void subjectsWithNoRecordOfAParameterAreCounted() {
        QFETCH(QStringList, pfs);
        QFETCH(QStringList, warnings);
        RawTable subjects{"adsl.csv", {}, {}};
        subjects.columns.push_back(
            text_column("USUBJID", "", {"S1", "S2", "S3", "S4", "S5", "S6"}));
        subjects.columns.push_back(text_column("TRT01P", "", {"A", "B", "A", "B", "A", "B"}));
        std::vector<std::string> ids;
        for (const QString& id : pfs) {
            ids.push_back(id.toStdString());
        }
        // OS has every subject: only PFS is short.
        const std::vector<std::string> os{"S1", "S2", "S3", "S4", "S5", "S6"};
        std::vector<std::string> paramcd(ids.size(), "PFS");
        ids.insert(ids.end(), os.begin(), os.end());
        paramcd.resize(ids.size(), "OS");
        RawTable adtte{"adtte.csv", {}, {}};
        adtte.columns.push_back(text_column("USUBJID", "", ids));
        adtte.columns.push_back(text_column("PARAMCD", "", paramcd));
        adtte.columns.push_back(number_column("AVAL", "", std::vector<double>(ids.size(), 5)));
        adtte.columns.push_back(number_column("CNSR", "", std::vector<double>(ids.size(), 0)));
        StudyTables tables;
        tables.subjects = &subjects;
        tables.time_to_event = &adtte;
        const auto findings = validate_study_tables(tables);
        QCOMPARE(texts(findings, Severity::Error), QStringList{});
        QCOMPARE(texts(findings, Severity::Warning), warnings);
    }
};

QTEST_APPLESS_MAIN(TestStudyValidation)
#include "test_study_validation.moc"
