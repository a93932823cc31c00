// Stacking one dataset's site files: rows keep their file and line, columns
// follow the first file's order, and a column numeric in one file and text in
// another becomes text.

#include <triallens/data/stack_tables.h>

#include <QTest>

#include <stdexcept>

using namespace triallens;

class TestStackTables : public QObject {
    Q_OBJECT

private slots:
    void rowsKeepTheirFileAndLine() {
        RawTable first{"adsl_site701.csv", {}, {}};
        first.columns.push_back(text_column("USUBJID", "", {"S1", "S2"}));
        first.columns.push_back(number_column("AGE", "Age", {60, 61}));
        RawTable second{"adsl_site702.xpt", {}, {5}};
        second.columns.push_back(text_column("AGE", "", {"unknown"}));
        second.columns.push_back(text_column("USUBJID", "", {"S3"}));
        const RawTable stacked = stack_tables({first, second});
        QCOMPARE(stacked.row_count(), std::size_t{3});
        QCOMPARE(stacked.columns[0].name, std::string("USUBJID"));
        QCOMPARE(stacked.columns[0].text(2), std::string("S3"));
        const RawColumn& age = stacked.columns[1];
        QCOMPARE(age.type, ColumnType::Text);
        QCOMPARE(age.text(0), std::string("60"));
        QCOMPARE(age.text(2), std::string("unknown"));
        QCOMPARE(age.label, std::string("Age"));
        QCOMPARE(stacked.source_of(1), std::string("adsl_site701.csv"));
        QCOMPARE(stacked.line_of(1), 3L);
        QCOMPARE(stacked.source_of(2), std::string("adsl_site702.xpt"));
        QCOMPARE(stacked.line_of(2), 5L);
        QCOMPARE(stacked.source, std::string("adsl_site701.csv and 1 more file"));
    }

    void refusesFilesWithOtherColumns() {
        RawTable first{"a.csv", {}, {}};
        first.columns.push_back(text_column("USUBJID", "", {"S1"}));
        RawTable second{"b.csv", {}, {}};
        second.columns.push_back(text_column("SUBJID", "", {"S1"}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, stack_tables({first, second}));
    }
};

QTEST_APPLESS_MAIN(TestStackTables)
#include "test_stack_tables.moc"
