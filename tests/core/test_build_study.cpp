// Building a Study from ADaM-shaped tables: roles recognised by columns,
// subjects joined on USUBJID, and bad input refused with file, line, column.

#include <triallens/data/build_study.h>
#include <triallens/data/data_error.h>

#include <QTest>

#include <algorithm>

#include <cmath>
#include <limits>

using namespace triallens;

Q_DECLARE_METATYPE(std::vector<triallens::RawTable>)

namespace {

RawTable adsl(std::vector<std::string> ids = {"S1", "S2", "S3"}) {
    const std::size_t n = ids.size();
    RawTable table{"adsl.csv", {}, {}};
    table.columns.push_back(text_column("USUBJID", "", std::move(ids)));
    std::vector<std::string> arms;
    for (std::size_t i = 0; i < n; ++i) {
        arms.push_back(i % 2 == 0 ? "A" : "B");
    }
    table.columns.push_back(text_column("TRT01P", "", std::move(arms)));
    table.columns.push_back(number_column("AGE", "", std::vector<double>(n, 50.0)));
    return table;
}

RawTable adtte(std::vector<std::string> ids, std::vector<double> aval, std::vector<double> cnsr) {
    RawTable table{"adtte.csv", {}, {}};
    table.columns.push_back(text_column("USUBJID", "", std::move(ids)));
    table.columns.push_back(
        text_column("PARAMCD", "", std::vector<std::string>(aval.size(), "OS")));
    table.columns.push_back(number_column("AVAL", "", std::move(aval)));
    table.columns.push_back(number_column("CNSR", "", std::move(cnsr)));
    return table;
}

} // namespace

class TestBuildStudy : public QObject {
    Q_OBJECT

private slots:
    void recognisesRolesAndJoinsOnSubject() {
        const Study study = build_study({adtte({"S3", "S1"}, {4.0, 2.0}, {0, 1}), adsl()}, "test");
        QCOMPARE(study.subjects.size(), std::size_t{3});
        const Variable* arm = study.subjects.find("TRT01P");
        QVERIFY(arm != nullptr && arm->categorical);
        QCOMPARE(arm->levels, (std::vector<std::string>{"A", "B"}));
        QVERIFY(!study.subjects.find("AGE")->categorical);
        const TimeToEvent* os = study.endpoint("OS");
        QVERIFY(os != nullptr);
        QVERIFY(std::ranges::equal(os->subject(), std::vector<std::int32_t>{2, 0}));
        QVERIFY(std::ranges::equal(os->event(), std::vector<std::uint8_t>{1, 0}));
    }

    void severityStandsInForMissingGrades() {
        RawTable adae{"adae.csv", {}, {}};
        adae.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3", "S3"}));
        adae.columns.push_back(text_column("AEDECOD", "", {"Rash", "Rash", "Nausea", "Rash"}));
        adae.columns.push_back(text_column("AESEV", "", {"MILD", "SEVERE", "MODERATE", ""}));
        adae.columns.push_back(text_column("AEREL", "", {"RELATED", "NONE", "N", "PROBABLE"}));
        const Study study = build_study({adsl(), adae}, "test");
        QCOMPARE(study.adverse_events.grade, (std::vector<std::int32_t>{1, 3, 2, 0}));
        QCOMPARE(study.adverse_events.related, (std::vector<std::uint8_t>{1, 0, 0, 1}));
        QCOMPARE(study.adverse_events.treatment_emergent, (std::vector<std::uint8_t>{1, 1, 1, 1}));
        QCOMPARE(study.adverse_events.pt[2], std::string("Nausea"));
    }

    void refusesBadInput_data() {
        QTest::addColumn<std::vector<RawTable>>("tables");
        QTest::addColumn<QString>("message");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("duplicate subject")
            << std::vector<RawTable>{adsl({"S1", "S2", "S1"})}
            << "adsl.csv:4: column USUBJID: subject S1 appears again (first at line 2)";
        QTest::newRow("unknown subject")
            << std::vector<RawTable>{adsl(), adtte({"S1", "S9"}, {1, 2}, {0, 0})}
            << "adtte.csv:3: column USUBJID: subject S9 is not in ADSL";
        QTest::newRow("negative time")
            << std::vector<RawTable>{adsl(), adtte({"S1", "S2"}, {1, -2}, {0, 0})}
            << "adtte.csv:3: column AVAL: negative time";
        QTest::newRow("missing time") << std::vector<RawTable>{adsl(), adtte({"S1"}, {nan}, {0})}
                                      << "adtte.csv:2: column AVAL: missing time";
        QTest::newRow("censor code") << std::vector<RawTable>{adsl(), adtte({"S1"}, {1}, {0.5})}
                                     << "adtte.csv:2: column CNSR: censor flag must be 0 (event) "
                                        "or a positive integer (censored)";
        QTest::newRow("second record")
            << std::vector<RawTable>{adsl(), adtte({"S1", "S1"}, {1, 2}, {0, 0})}
            << "adtte.csv:3: column USUBJID: subject S1 has a second OS record (first at line 2)";
        QTest::newRow("no ADSL")
            << std::vector<RawTable>{adtte({"S1"}, {1}, {0})}
            << "no subject-level table (ADSL with USUBJID and a treatment column) among "
               "adtte.csv";
    }

    void refusesBadInput() {
        QFETCH(std::vector<RawTable>, tables);
        QFETCH(QString, message);
        try {
            build_study(tables, "test");
            QFAIL("bad input was accepted");
        } catch (const DataError& error) {
            QCOMPARE(QString::fromStdString(error.what()), message);
        }
    }
};

QTEST_APPLESS_MAIN(TestBuildStudy)
#include "test_build_study.moc"
