// Column types inferred across a dataset's files: numbers, decimal commas,
// missing-value tokens, ISO dates and SAS day numbers, CDISC character names,
// and text in numeric columns reported with file, line and column.

#include <triallens/io/column_typing.h>

#include <QTest>

#include <cmath>

using namespace triallens;

namespace {

std::vector<RawTable> typed(const std::vector<std::pair<std::string, std::string>>& files,
                            std::vector<Finding>& findings, const ColumnHints& hints = {}) {
    std::vector<DelimitedText> texts;
    for (const auto& [name, bytes] : files) {
        texts.push_back(parse_delimited_text(bytes, name));
    }
    return type_columns(texts, hints, findings);
}

QStringList texts(const std::vector<Finding>& findings) {
    QStringList list;
    for (const auto& finding : findings) {
        list << QString::fromStdString(finding.text());
    }
    return list;
}

} // namespace

class TestColumnTyping : public QObject {
    Q_OBJECT

private slots:
    void missingTokensLeaveAColumnNumeric() {
        std::vector<Finding> findings;
        const auto tables = typed(
            {{"a.csv", "ID,AGE\nS1,63\nS2,NA\nS3,.\nS4,\nS5,NULL\nS6,-1.5e1\nS7,+2\n"}}, findings);
        const RawColumn& age = tables[0].columns[1];
        QCOMPARE(age.type, ColumnType::Number);
        QCOMPARE(age.numbers.size(), std::size_t{7});
        QCOMPARE(age.numbers[0], 63.0);
        for (std::size_t row = 1; row <= 4; ++row) {
            QVERIFY(std::isnan(age.numbers[row]));
        }
        QCOMPARE(age.numbers[5], -15.0);
        QCOMPARE(age.numbers[6], 2.0);
        QVERIFY(findings.empty());
    }

    void decimalCommaFilesAndPointFilesAgree() {
        std::vector<Finding> findings;
        const auto tables = typed({{"site1.csv", "USUBJID;AVAL\nS1;1,5\nS2;19725.000000\n"},
                                   {"site2.csv", "AVAL,USUBJID\n2.25,S3\n"}},
                                  findings);
        QCOMPARE(tables[0].find("AVAL")->numbers, (std::vector<double>{1.5, 19725.0}));
        QCOMPARE(tables[1].find("AVAL")->numbers, (std::vector<double>{2.25}));
        QCOMPARE(tables[1].columns[0].name, std::string("AVAL")); // each file keeps its order
    }

    void isoDatesAndSasDayNumbersMeetAsDayNumbers() {
        std::vector<Finding> findings;
        const auto tables = typed(
            {{"site1.csv", "TRTSDT\n2014-01-02\n1960-01-01\n"}, {"site2.csv", "TRTSDT\n19725\n"}},
            findings);
        QCOMPARE(tables[0].columns[0].numbers, (std::vector<double>{19725.0, 0.0}));
        QCOMPARE(tables[1].columns[0].numbers, (std::vector<double>{19725.0}));
        QCOMPARE(tables[0].columns[0].format, std::string("E8601DA10."));
        QVERIFY(!parse_iso_date("2023-02-29"));
        QCOMPARE(*parse_iso_date("2024-02-29"), 23435.0);
        QCOMPARE(*parse_iso_date("1959-12-31"), -1.0);
    }

    void cdiscCharacterNamesStayText() {
        std::vector<Finding> findings;
        const auto tables =
            typed({{"adsl.csv", "SITEID,SUBJID,AGEGR1,AGEGR1N,RFSTDTC,SAFFL,ARMCD\n701,1015,1,1,"
                                "2014-01-02,1,01\n"}},
                  findings);
        for (const char* name : {"SITEID", "SUBJID", "AGEGR1", "RFSTDTC", "SAFFL", "ARMCD"}) {
            QVERIFY2(tables[0].find(name)->type == ColumnType::Text, name);
        }
        QCOMPARE(tables[0].find("ARMCD")->text(0), std::string("01"));
        QCOMPARE(tables[0].find("AGEGR1N")->type, ColumnType::Number);
    }

    void textInOneSiteMakesTheColumnTextEverywhereWithAWarning() {
        std::vector<Finding> findings;
        const auto tables = typed({{"adsl_site701.csv", "WEIGHT\n1\n2\n3\n4\n5\n"},
                                   {"adsl_site702.csv", "WEIGHT\n6\n7\n8\n9\nheavy\n"}},
                                  findings);
        QCOMPARE(tables[0].columns[0].type, ColumnType::Text);
        QCOMPARE(tables[0].columns[0].text(0), std::string("1"));
        QCOMPARE(tables[1].columns[0].text(4), std::string("heavy"));
        QCOMPARE(texts(findings),
                 QStringList{"adsl_site702.csv:6: column WEIGHT: a column of numbers holds the "
                             "text \"heavy\"; the column is read as text"});
        QCOMPARE(findings[0].severity, Severity::Warning);
    }

    void textInANumericColumnIsAnErrorNamingTheCell() {
        std::vector<Finding> findings;
        ColumnHints hints;
        hints.numeric = {"AVAL"};
        typed({{"adtte_site701.csv", "USUBJID,AVAL\nS1,3\nS2,12 days\n"},
               {"adtte_site702.csv", "USUBJID,AVAL\nS3,n/a\n"}},
              findings, hints);
        QCOMPARE(texts(findings),
                 (QStringList{"adtte_site701.csv:3: column AVAL: text in a numeric column: "
                              "\"12 days\"",
                              "adtte_site702.csv:2: column AVAL: text in a numeric column: "
                              "\"n/a\""}));
        QCOMPARE(findings[0].severity, Severity::Error);
    }

    void namedTextColumnsStayText() {
        std::vector<Finding> findings;
        ColumnHints hints;
        hints.text = {"GROUP"};
        const auto tables = typed({{"plain.csv", "GROUP,TIME\n1,3\n2,4\n"}}, findings, hints);
        QCOMPARE(tables[0].find("GROUP")->type, ColumnType::Text);
        QCOMPARE(tables[0].find("TIME")->type, ColumnType::Number);
    }
};

QTEST_APPLESS_MAIN(TestColumnTyping)
#include "test_column_typing.moc"
