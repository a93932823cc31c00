// Building a Study from ADaM-shaped tables: roles recognised by columns,
// subjects joined on USUBJID, and bad input refused with file, line, column.

#include "../cdisc_pilot.h"

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/data/build_study.h>
#include <triallens/data/data_error.h>
#include <triallens/data/numeric_factor.h>
#include <triallens/data/study_validation.h>

#include <QTest>

#include <algorithm>

#include <cmath>
#include <limits>

using namespace triallens;

Q_DECLARE_METATYPE(std::vector<triallens::RawTable>)
Q_DECLARE_METATYPE(std::vector<double>)
Q_DECLARE_METATYPE(std::vector<std::string>)
Q_DECLARE_METATYPE(std::vector<std::int32_t>)

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

// An ADSL of one subject per value of `column`, plus that column.
RawTable adsl_with(RawColumn column) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < column.size(); ++i) {
        ids.push_back("S" + std::to_string(i + 1));
    }
    RawTable table = adsl(std::move(ids));
    table.columns.push_back(std::move(column));
    return table;
}

const Variable& variable(const Study& study, const char* name) {
    const Variable* found = study.subjects.find(name);
    if (found == nullptr) {
        qFatal("no variable %s", name);
    }
    return *found;
}

} // namespace

class TestBuildStudy : public QObject {
    Q_OBJECT

private slots:
    void recognisesRolesAndJoinsOnSubject() {
        const Study study = build_study({adtte({"S3", "S1"}, {4.0, 2.0}, {0, 1}), adsl()}, "test");
        QCOMPARE(study.subjects.size(), std::size_t{3});
        const Variable* arm = study.subjects.find("TRT01P");
        QVERIFY(arm != nullptr && arm->is_categorical());
        QCOMPARE(arm->levels(), (std::vector<std::string>{"A", "B"}));
        // AGE holds one value here: a (numeric) factor, its number kept.
        const Variable* age = study.subjects.find("AGE");
        QVERIFY(age->is_categorical() && age->is_numeric());
        QCOMPARE(age->levels(), (std::vector<std::string>{"50"}));
        QCOMPARE(age->numbers(), (std::vector<double>(3, 50.0)));
        const TimeToEvent* os = study.endpoint("OS");
        QVERIFY(os != nullptr);
        QVERIFY(std::ranges::equal(os->subject(), std::vector<std::int32_t>{2, 0}));
        QVERIFY(std::ranges::equal(os->event(), std::vector<std::uint8_t>{1, 0}));
    }

    // A numeric column of few distinct values is a factor: levels in numeric
    // order, spelled as R's as.character(), its numbers kept beside.
    void numericColumnWithFewValuesIsAFactor_data() {
        QTest::addColumn<std::vector<double>>("values");
        QTest::addColumn<std::vector<std::string>>("levels");
        QTest::addColumn<std::vector<std::int32_t>>("codes");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("0/1") << std::vector<double>{1, 0, 0, 1}
                             << std::vector<std::string>{"0", "1"}
                             << std::vector<std::int32_t>{1, 0, 0, 1};
        QTest::newRow("0/1/2.5 with a missing value")
            << std::vector<double>{2.5, nan, 0, 1, 2.5} << std::vector<std::string>{"0", "1", "2.5"}
            << std::vector<std::int32_t>{2, -1, 0, 1, 2};
        QTest::newRow("numeric order, not text order")
            << std::vector<double>{10, 9, 100000, -1}
            << std::vector<std::string>{"-1", "9", "10", "1e+05"}
            << std::vector<std::int32_t>{2, 1, 3, 0};
        std::vector<double> twelve;
        std::vector<std::string> twelve_levels;
        std::vector<std::int32_t> twelve_codes;
        for (int i = 12; i >= 1; --i) {
            twelve.push_back(i);
            twelve_codes.push_back(i - 1);
        }
        for (int i = 1; i <= 12; ++i) {
            twelve_levels.push_back(std::to_string(i));
        }
        QTest::newRow("twelve values") << twelve << twelve_levels << twelve_codes;
    }

    void numericColumnWithFewValuesIsAFactor() {
        QFETCH(std::vector<double>, values);
        QFETCH(std::vector<std::string>, levels);
        QFETCH(std::vector<std::int32_t>, codes);
        const Study study = build_study({adsl_with(number_column("NODES", "", values))}, "test");
        const Variable& nodes = variable(study, "NODES");
        QVERIFY(nodes.is_categorical());
        QVERIFY(nodes.is_numeric());
        QCOMPARE(nodes.levels(), levels);
        QCOMPARE(nodes.codes(), codes);
        QCOMPARE(nodes.numbers().size(), values.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            QVERIFY(std::isnan(values[i]) ? std::isnan(nodes.numbers()[i])
                                          : nodes.numbers()[i] == values[i]);
        }
    }

    void numericColumnWithManyValuesStaysNumeric() {
        std::vector<double> values;
        for (std::size_t i = 0; i <= max_numeric_factor_levels; ++i) {
            values.push_back(static_cast<double>(i) * 1.5);
        }
        const Study study = build_study({adsl_with(number_column("LAB", "", values))}, "test");
        const Variable& lab = variable(study, "LAB");
        QVERIFY(!lab.is_categorical());
        QVERIFY(lab.is_numeric());
        QVERIFY(lab.levels().empty() && lab.codes().empty());
        QCOMPARE(lab.numbers(), values);
        // All missing: nothing to group.
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const Study empty =
            build_study({adsl_with(number_column("LAB", "", {nan, nan, nan}))}, "test");
        QVERIFY(!variable(empty, "LAB").is_categorical());
    }

    // ADaM's X / XN pairs: the levels of X follow the numbers of XN.
    void levelsFollowTheirNumericCompanion_data() {
        QTest::addColumn<std::vector<std::string>>("groups");
        QTest::addColumn<std::vector<double>>("numbers");
        QTest::addColumn<std::vector<std::string>>("levels");
        const double nan = std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("ordered by N")
            << std::vector<std::string>{"65-80", "<65", ">80", "<65"}
            << std::vector<double>{2, 1, 3, 1} << std::vector<std::string>{"<65", "65-80", ">80"};
        QTest::newRow("a missing N says nothing")
            << std::vector<std::string>{"65-80", "<65", ">80", "<65"}
            << std::vector<double>{2, nan, 3, 1} << std::vector<std::string>{"<65", "65-80", ">80"};
        QTest::newRow("a level with two numbers keeps sorted order")
            << std::vector<std::string>{"65-80", "<65", ">80", "<65"}
            << std::vector<double>{2, 1, 3, 4} << std::vector<std::string>{"65-80", "<65", ">80"};
        QTest::newRow("a level without a number keeps sorted order")
            << std::vector<std::string>{"65-80", "<65", ">80", "<65"}
            << std::vector<double>{2, 1, nan, 1} << std::vector<std::string>{"65-80", "<65", ">80"};
        QTest::newRow("ties keep sorted order")
            << std::vector<std::string>{"c", "b", "a", "d"} << std::vector<double>{1, 1, 2, 0}
            << std::vector<std::string>{"d", "b", "c", "a"};
    }

    void levelsFollowTheirNumericCompanion() {
        QFETCH(std::vector<std::string>, groups);
        QFETCH(std::vector<double>, numbers);
        QFETCH(std::vector<std::string>, levels);
        RawTable table = adsl_with(text_column("AGEGR1", "", groups));
        table.columns.push_back(number_column("AGEGR1N", "", numbers));
        const Study study = build_study({table}, "test");
        const Variable& group = variable(study, "AGEGR1");
        QCOMPARE(group.levels(), levels);
        for (std::size_t i = 0; i < groups.size(); ++i) {
            QCOMPARE(group.levels()[static_cast<std::size_t>(group.codes()[i])], groups[i]);
            QCOMPARE(*group.level_code(groups[i]), group.codes()[i]);
        }
        QVERIFY(!group.level_code("none"));
    }

    // The CDISC pilot's arms and age groups in their ADaM order.
    void pilotLevelsFollowAdamOrder() {
        const Study& pilot = cdisc_pilot::study();
        QCOMPARE(
            variable(pilot, "TRT01P").levels(),
            (std::vector<std::string>{"Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"}));
        QCOMPARE(variable(pilot, "AGEGR1").levels(),
                 (std::vector<std::string>{"<65", "65-80", ">80"}));
        // TRT01PN itself is a numeric factor: 0, 54, 81.
        const Variable& trt01pn = variable(pilot, "TRT01PN");
        QVERIFY(trt01pn.is_categorical() && trt01pn.is_numeric());
        QCOMPARE(trt01pn.levels(), (std::vector<std::string>{"0", "54", "81"}));
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
        QCOMPARE(study.adverse_events.grade_variable, std::string("AESEV"));
    }

    // Without a grade in AETOXGR or AESEV no column graded the events; a
    // blank AETOXGR does not claim the grades AESEV gave.
    void gradeVariableNamesTheColumnThatGraded() {
        RawTable adae{"adae.csv", {}, {}};
        adae.columns.push_back(text_column("USUBJID", "", {"S1", "S2"}));
        adae.columns.push_back(text_column("AEDECOD", "", {"Rash", "Nausea"}));
        QCOMPARE(build_study({adsl(), adae}, "test").adverse_events.grade_variable, std::string());
        adae.columns.push_back(text_column("AETOXGR", "", {"", ""}));
        adae.columns.push_back(text_column("AESEV", "", {"MILD", "SEVERE"}));
        QCOMPARE(build_study({adsl(), adae}, "test").adverse_events.grade_variable,
                 std::string("AESEV"));
        adae.columns[2] = text_column("AETOXGR", "", {"2", ""});
        QCOMPARE(build_study({adsl(), adae}, "test").adverse_events.grade_variable,
                 std::string("AETOXGR"));
    }

    // Every spelling of a grade counts at its grade: AESEV in any case with
    // CTCAE's words for 4 and 5, AETOXGR as a digit or "GRADE n". Anything
    // else is a warning at its first record with its count, never a silent
    // grade that empties the grade >= 3 counts. Subjects S1 and S3 (arm A)
    // have `value`, S2 (arm B) a mild event.
    void adverseEventGradesReadEverySpelling_data() {
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("grade"); // 0: not a grade
        QTest::newRow("severe") << "AESEV"
                                << "severe" << 3;
        QTest::newRow("Life Threatening") << "AESEV"
                                          << "Life Threatening" << 4;
        QTest::newRow("LIFE-THREATENING") << "AESEV"
                                          << "LIFE-THREATENING" << 4;
        QTest::newRow("Fatal") << "AESEV"
                               << "Fatal" << 5;
        QTest::newRow("DEATH") << "AESEV"
                               << "DEATH" << 5;
        QTest::newRow("Moderate, blanks around") << "AESEV"
                                                 << " Moderate " << 2;
        QTest::newRow("grade as a digit") << "AETOXGR"
                                          << "4" << 4;
        QTest::newRow("Grade 3") << "AETOXGR"
                                 << "Grade 3" << 3;
        QTest::newRow("junk severity") << "AESEV"
                                       << "very bad" << 0;
        QTest::newRow("grade out of range") << "AETOXGR"
                                            << "6" << 0;
    }

    void adverseEventGradesReadEverySpelling() {
        QFETCH(QString, column);
        QFETCH(QString, value);
        QFETCH(int, grade);
        RawTable adae{"adae.csv", {}, {}};
        adae.columns.push_back(text_column("USUBJID", "", {"S1", "S2", "S3"}));
        adae.columns.push_back(text_column("AEDECOD", "", {"Rash", "Rash", "Nausea"}));
        const std::string text = value.toStdString();
        adae.columns.push_back(text_column(column.toStdString(), "", {text, "MILD", text}));
        const std::vector<RawTable> tables{adsl(), adae};

        StudyTables study_tables;
        study_tables.subjects = &tables[0];
        study_tables.adverse_events = &tables[1];
        const std::vector<Finding> findings = validate_study_tables(study_tables);
        const Study study = build_study(tables, "test");
        const AeTable table = adverse_event_table(study, AeSpec{});
        QCOMPARE(table.arms.front(), std::string("A"));
        QCOMPARE(study.adverse_events.grade[0], grade);
        QCOMPARE(table.rows.front().counts[0].any, std::size_t{2});
        QCOMPARE(table.rows.front().counts[0].grade3plus,
                 grade >= 3 ? std::size_t{2} : std::size_t{0});
        if (grade > 0) {
            QVERIFY(findings.empty());
            return;
        }
        QCOMPARE(findings.size(), std::size_t{1});
        const Finding& warning = findings.front();
        QCOMPARE(warning.severity, Severity::Warning);
        QCOMPARE(warning.where.line, 2L);
        QCOMPARE(warning.where.column, column.toStdString());
        QVERIFY2(warning.message.starts_with("\"" + text + "\" is not a grade") &&
                     warning.message.find(": 2 records") != std::string::npos,
                 warning.text().c_str());
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
