// Reading delimited text: what real site exports contain (BOM, CRLF, quoted
// delimiters/quotes/newlines, semicolons, tabs, blank lines, lone CRs) is read
// cell by cell with each row's line, and broken files are refused with file,
// line and column.

#include "../data_files.h"

#include <triallens/data/data_error.h>
#include <triallens/io/delimited_text.h>

#include <QTest>

#include <atomic>

using namespace triallens;

namespace {

std::vector<std::string> row_cells(const DelimitedText& text, std::size_t row) {
    std::vector<std::string> cells;
    for (std::size_t c = 0; c < text.column_count(); ++c) {
        cells.emplace_back(text.cell(row, c));
    }
    return cells;
}

using Cells = std::vector<std::string>;
using Lines = std::vector<long>;

} // namespace

Q_DECLARE_METATYPE(std::string)

class TestDelimitedText : public QObject {
    Q_OBJECT

private slots:
    void readsUtf8WithByteOrderMarkAndCrlf() {
        const DelimitedText text =
            parse_delimited_text("\xEF\xBB\xBFUSUBJID,AGE\r\nS1,63\r\nS2,64\r\n", "adsl.csv");
        QCOMPARE(text.encoding, TextEncoding::Utf8WithBom);
        QCOMPARE(text.header, (Cells{"USUBJID", "AGE"}));
        QCOMPARE(text.row_count(), std::size_t{2});
        QCOMPARE(row_cells(text, 1), (Cells{"S2", "64"}));
        QCOMPARE(text.lines, (Lines{2, 3}));
    }

    void quotedFieldsHoldDelimitersQuotesAndLineBreaks() {
        const DelimitedText text = parse_delimited_text("USUBJID,AETERM,AEDECOD\n"
                                                        "S1,\"Rash, itchy\",RASH\n"
                                                        "S2,\"He said \"\"ouch\"\"\",PAIN\n"
                                                        "S3,\"two\r\nlines\",OTHER\n"
                                                        "S4,plain,X\n",
                                                        "adae.csv");
        QCOMPARE(row_cells(text, 0), (Cells{"S1", "Rash, itchy", "RASH"}));
        QCOMPARE(row_cells(text, 1), (Cells{"S2", "He said \"ouch\"", "PAIN"}));
        QCOMPARE(row_cells(text, 2), (Cells{"S3", "two\r\nlines", "OTHER"}));
        // The row after a two-line field starts on line 6.
        QCOMPARE(text.lines, (Lines{2, 3, 4, 6}));
    }

    void semicolonFilesUseTheDecimalComma() {
        const DelimitedText text = parse_delimited_text("USUBJID;AVAL\nS1;1,5\n", "adtte.csv");
        QCOMPARE(text.delimiter, ';');
        QCOMPARE(text.decimal_mark, ',');
        QCOMPARE(row_cells(text, 0), (Cells{"S1", "1,5"}));
    }

    void tabsDelimitTsvAndTxtFiles() {
        const DelimitedText tsv = parse_delimited_text("A\tB\n1\t\n", "site.tsv");
        QCOMPARE(tsv.delimiter, '\t');
        QCOMPARE(row_cells(tsv, 0), (Cells{"1", ""}));
        const DelimitedText txt =
            parse_delimited_text("USUBJID\tARM\tNOTE\nS1\tA\tx, y\n", "export.txt");
        QCOMPARE(txt.delimiter, '\t');
        QCOMPARE(row_cells(txt, 0), (Cells{"S1", "A", "x, y"}));
    }

    void blankLinesAndLoneCarriageReturnsKeepLineNumbers() {
        const DelimitedText blank = parse_delimited_text("A,B\n\n1,2\n   \n3,4", "b.csv");
        QCOMPARE(blank.lines, (Lines{3, 5}));
        QCOMPARE(row_cells(blank, 1), (Cells{"3", "4"}));
        const DelimitedText mac = parse_delimited_text("A,B\r1,2\r3,4\r", "mac.csv");
        QCOMPARE(mac.lines, (Lines{2, 3}));
    }

    void columnsWithoutANameThatHoldNothingAreDropped() {
        // Excel leaves a trailing delimiter on every line of some exports.
        const DelimitedText text = parse_delimited_text("A,B,\n1,2,\n", "t.csv");
        QCOMPARE(text.header, (Cells{"A", "B"}));
        QCOMPARE(row_cells(text, 0), (Cells{"1", "2"}));
    }

    void refusesBrokenFiles_data() {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("ragged row")
            << std::string("A,B,C\n1,2,3\n4,5\n")
            << "site.csv:3: the row has 2 fields, the header 3 (a ragged row)";
        QTest::newRow("too many fields")
            << std::string("A,B\n1,2\n\n3,4,5\n")
            << "site.csv:4: the row has 3 fields, the header 2 (a ragged row)";
        QTest::newRow("unterminated quote")
            << std::string("A,B\n1,2\n3,\"open\n4,5\n")
            << "site.csv:3: column B: unterminated quote: the quoted field that starts in this "
               "row runs to the end of the file";
        QTest::newRow("text after closing quote")
            << std::string("A,B\n1,\"x\"y\n")
            << "site.csv:2: column B: malformed quoting: a quote inside an unquoted field, or "
               "text after a closing quote";
        QTest::newRow("duplicate column") << std::string("A,B,A\n1,2,3\n")
                                          << "site.csv:1: column A: the header names this "
                                             "column twice";
        QTest::newRow("unnamed column with data")
            << std::string("A,\n1,x\n")
            << "site.csv:2: column #2: a column without a name in the header holds \"x\"";
        QTest::newRow("empty file")
            << std::string("\n\n") << "site.csv: the file is empty (no header line)";
        QTest::newRow("UTF-16") << std::string("\xFF\xFE"
                                               "A\0",
                                               4)
                                << "site.csv: the file is UTF-16 encoded; save it as UTF-8 (or "
                                   "Windows-1252) CSV";
    }

    void refusesBrokenFiles() {
        QFETCH(std::string, bytes);
        QFETCH(QString, message);
        try {
            parse_delimited_text(bytes, "site.csv");
            QFAIL("a broken file was read");
        } catch (const DataError& error) {
            QCOMPARE(QString::fromStdString(error.what()), message);
        }
    }

    void readsFilesFromDiskAndNamesMissingOnes() {
        const QTemporaryDir dir;
        const auto path = data_files::write(dir, "adsl_site701.csv", "USUBJID,ARM\nS1,A\n");
        QCOMPARE(read_delimited_text(path).source, path.string());
        QVERIFY_THROWS_EXCEPTION(DataError, read_delimited_text(path.parent_path() / "none.csv"));
    }

    void reportsProgressAndCanBeCancelled() {
        std::string big = "A,B\n";
        for (int i = 0; i < 200000; ++i) {
            big += "123456,789\n";
        }
        std::uint64_t last = 0;
        int reports = 0;
        LoadProgress progress;
        progress.report = [&](std::uint64_t done, std::uint64_t total) {
            QVERIFY(done >= last && done <= total);
            last = done;
            ++reports;
        };
        parse_delimited_text(big, "big.csv", progress);
        QVERIFY(reports >= 2);
        QCOMPARE(last, static_cast<std::uint64_t>(big.size()));

        std::atomic<bool> cancel{true};
        progress.cancel = &cancel;
        QVERIFY_THROWS_EXCEPTION(LoadCancelled, parse_delimited_text(big, "big.csv", progress));
    }
};

QTEST_APPLESS_MAIN(TestDelimitedText)
#include "test_delimited_text.moc"
