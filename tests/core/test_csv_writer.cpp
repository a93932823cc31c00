// CSV as `triallens demo --out` writes it reads back to the same table:
// SAS dates as ISO text that column_typing turns into the same day numbers.

#include <triallens/io/column_typing.h>
#include <triallens/io/csv_writer.h>
#include <triallens/io/delimited_text.h>

#include <QTest>

#include <cmath>
#include <limits>
#include <sstream>

using namespace triallens;

namespace {

RawTable read_back(const RawTable& table) {
    std::ostringstream out;
    write_csv(out, table);
    std::vector<Finding> findings;
    auto tables = type_columns({parse_delimited_text(out.str(), "round-trip.csv")}, {}, findings);
    return std::move(tables.front());
}

} // namespace

class TestCsvWriter : public QObject {
    Q_OBJECT

private slots:
    void sasDatesAreWrittenAsIsoTextAndReadBackAsTheSameDays() {
        constexpr double missing = std::numeric_limits<double>::quiet_NaN();
        RawTable table{"demo:ADSL", {}, {}};
        table.columns.push_back(
            text_column("USUBJID", "", std::vector<std::string>{"S1", "S2", "S3"}));
        RawColumn trtsdt = number_column("TRTSDT", "", {22340, missing, -1});
        trtsdt.format = "E8601DA10.";
        table.columns.push_back(std::move(trtsdt));
        RawColumn dthdt = number_column("DTHDT", "", {22400, 0, missing});
        dthdt.format = "DATE9";
        table.columns.push_back(std::move(dthdt));
        table.columns.push_back(number_column("TRTDURD", "", {30, 22340, missing}));

        std::ostringstream out;
        write_csv(out, table);
        QVERIFY2(out.str().find("2021-03-01") != std::string::npos, out.str().c_str());
        QVERIFY2(out.str().find("1959-12-31") != std::string::npos, out.str().c_str());
        QVERIFY2(out.str().find("1960-01-01") != std::string::npos, out.str().c_str());

        const RawTable back = read_back(table);
        for (const char* name : {"TRTSDT", "DTHDT", "TRTDURD"}) {
            const RawColumn& written = *table.find(name);
            const RawColumn& read = *back.find(name);
            QCOMPARE(read.type, ColumnType::Number);
            for (std::size_t row = 0; row < written.size(); ++row) {
                QVERIFY2(std::isnan(written.numbers[row])
                             ? std::isnan(read.numbers[row])
                             : read.numbers[row] == written.numbers[row],
                         name);
            }
        }
        QCOMPARE(back.find("TRTSDT")->format, std::string("E8601DA10."));
        QCOMPARE(back.find("DTHDT")->format, std::string("E8601DA10."));
        // A plain number stays a number, not a date.
        QVERIFY(back.find("TRTDURD")->format.empty());
    }
};

QTEST_APPLESS_MAIN(TestCsvWriter)
#include "test_csv_writer.moc"
