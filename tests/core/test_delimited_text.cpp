// Reading delimited text: what real site exports contain (BOM, CRLF, quoted
// delimiters/quotes/newlines, semicolons, tabs, blank lines, lone CRs) is read
// cell by cell with each row's line, and broken files are refused with file,
// line and column.

#include "../data_files.h"

#include <triallens/data/data_error.h>
#include <triallens/io/delimited_text.h>

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <random>

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

    // Binary files given a text name, and UTF-16 without a byte-order mark,
    // are named for what they are, not parsed into ragged rows or bad quoting.
    void refusesFilesThatAreNotText_data() {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("PNG") << std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR,x\n1,2\n", 23)
                             << "site.csv: not a text file (looks like a PNG image)";
        QTest::newRow("gzip") << std::string("\x1F\x8B\x08\0\0\0\0\0\0\x03,\n", 12)
                              << "site.csv: not a text file (looks like gzip-compressed data)";
        QTest::newRow("NUL bytes") << std::string("A,B\n1,\0\x01\x02\n", 10)
                                   << "site.csv: not a text file (looks like binary data: a NUL "
                                      "byte at byte 7)";
        QTest::newRow("UTF-16LE without BOM")
            << std::string("A\0,\0B\0\n\0\x31\0,\0\x32\0\n\0", 16)
            << "site.csv: the file is UTF-16 encoded (little-endian, without a byte-order mark); "
               "save it as UTF-8 (or Windows-1252) CSV";
        QTest::newRow("UTF-16BE without BOM")
            << std::string("\0A\0,\0B\0\n\0\x31\0,\0\x32\0\n", 16)
            << "site.csv: the file is UTF-16 encoded (big-endian, without a byte-order mark); "
               "save it as UTF-8 (or Windows-1252) CSV";
    }

    void refusesFilesThatAreNotText() {
        QFETCH(std::string, bytes);
        QFETCH(QString, message);
        try {
            parse_delimited_text(bytes, "site.csv");
            QFAIL("a file that is not text was read");
        } catch (const DataError& error) {
            QCOMPARE(QString::fromStdString(error.what()), message);
        }
    }

    // 20,000 columns over two million blank lines: room is made for the rows
    // the text can hold (one), not for a row per line (320 GB of cell ends).
    void blankLinesReserveNoRows() {
        std::string text;
        for (int c = 0; c < 20000; ++c) {
            text += (c == 0 ? "C" : ",C") + std::to_string(c);
        }
        text += '\n';
        text.append(2000000, '\n');
        for (int c = 0; c < 20000; ++c) {
            text += c == 0 ? "1" : ",1";
        }
        text += '\n';
        const DelimitedText read = parse_delimited_text(text, "wide.csv");
        QCOMPARE(read.row_count(), std::size_t{1});
        QCOMPARE(read.lines, std::vector<long>{2000002});
        QVERIFY(read.cell_ends.capacity() < std::size_t{100000});
    }

    // A header of 100,000 columns reads in one pass: names are checked by
    // hash (a search per name made 200,000 columns take most of a minute).
    // The bound is generous; the check is that the work is not quadratic.
    void wideHeaderReadsInSeconds() {
        constexpr int columns = 100000;
        std::string text;
        for (int c = 0; c < columns; ++c) {
            text += (c == 0 ? "COLUMN_NUMBER_" : ",COLUMN_NUMBER_") + std::to_string(c);
        }
        text += "\n";
        for (int c = 0; c < columns; ++c) {
            text += c == 0 ? "1" : ",2";
        }
        text += "\n";
        QElapsedTimer timer;
        timer.start();
        const DelimitedText read = parse_delimited_text(text, "wide.csv");
        QCOMPARE(read.column_count(), std::size_t{columns});
        QCOMPARE(read.cell(0, columns - 1), std::string_view("2"));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed()) + " ms"));
        // The same name twice among them is still found.
        text.insert(text.find('\n'), ",COLUMN_NUMBER_77777");
        text.insert(text.size() - 1, ",3");
        try {
            parse_delimited_text(text, "wide.csv");
            QFAIL("a duplicate column was accepted");
        } catch (const DataError& error) {
            QCOMPARE(QString::fromStdString(error.what()),
                     QStringLiteral("wide.csv:1: column COLUMN_NUMBER_77777: the header names this "
                                    "column twice"));
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

    // A line holding no quote is split without libcsv; a quote anywhere in
    // a row's first line sends the whole line through libcsv. The same rows
    // with a quoted first column added must give the same cells and lines:
    // spaces and tabs around fields, empty fields, fields of spaces, LF, CRLF
    // and lone-CR ends, a last line without an end.
    void linesWithoutQuotesSplitAsLibcsvSplitsThem() {
        std::mt19937 random(20261206);
        const std::string delimiters = ",;\t|";
        for (int trial = 0; trial < 400; ++trial) {
            const char delimiter = delimiters[static_cast<std::size_t>(trial) % 4];
            const std::size_t columns = 2 + static_cast<std::size_t>(random() % 5);
            const std::string alphabet = delimiter == '\t' ? "ab1. " : "ab1. \t";
            std::string plain;
            std::string quoted = std::string("Q") + delimiter;
            for (std::size_t c = 0; c < columns; ++c) {
                plain += (c > 0 ? std::string(1, delimiter) : "") + "C" + std::to_string(c);
                quoted += (c > 0 ? std::string(1, delimiter) : "") + "C" + std::to_string(c);
            }
            plain += "\n";
            quoted += "\n";
            const std::size_t rows = 1 + static_cast<std::size_t>(random() % 6);
            for (std::size_t r = 0; r < rows; ++r) {
                std::string row;
                for (std::size_t c = 0; c < columns; ++c) {
                    row += c > 0 ? std::string(1, delimiter) : "";
                    for (std::size_t k = random() % 5; k > 0; --k) {
                        row += alphabet[random() % alphabet.size()];
                    }
                }
                const char* ends[] = {"\n", "\r\n", "\r"};
                const std::string end =
                    r + 1 == rows && random() % 2 == 0 ? "" : ends[random() % 3];
                plain += row + end;
                quoted += std::string("\"k\"") + delimiter + row + end;
            }
            const DelimitedText fast = parse_delimited_text(plain, "plain.csv");
            const DelimitedText slow = parse_delimited_text(quoted, "quoted.csv");
            QCOMPARE(fast.delimiter, delimiter);
            QCOMPARE(fast.row_count(), slow.row_count());
            QCOMPARE(fast.lines, slow.lines);
            for (std::size_t r = 0; r < fast.row_count(); ++r) {
                Cells without_first = row_cells(slow, r);
                without_first.erase(without_first.begin());
                QCOMPARE(row_cells(fast, r), without_first);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestDelimitedText)
#include "test_delimited_text.moc"
