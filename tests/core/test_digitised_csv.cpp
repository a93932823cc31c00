// Reading a digitiser's points and the at-risk table from CSV: header or
// none, comma, semicolon with decimal comma, tab; errors name the file, line
// and column.

#include <triallens/data/data_error.h>
#include <triallens/reconstruct/digitised_csv.h>

#include <QTemporaryDir>
#include <QTest>

#include <fstream>

using namespace triallens;

namespace {

std::filesystem::path written(const QTemporaryDir& dir, const char* name, const std::string& text) {
    const std::filesystem::path path = dir.filePath(QString::fromUtf8(name)).toStdString();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

QString error_of(const std::function<void()>& read) {
    try {
        read();
    } catch (const DataError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class TestDigitisedCsv : public QObject {
    Q_OBJECT

private slots:
    void pointsAreReadInEveryDialect_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("comma, no header") << "0,1\n1.5,0.9\n3,0.75\n";
        QTest::newRow("comma, header") << "x,Curve1\n0,1\n1.5,0.9\n3,0.75\n";
        QTest::newRow("semicolon, decimal comma, no header") << "0;1\n1,5;0,9\n3;0,75\n";
        QTest::newRow("semicolon, header, CRLF") << "time;surv\r\n0;1\r\n1,5;0,9\r\n3;0,75\r\n";
        QTest::newRow("tab, no header") << "0\t1\n1.5\t0.9\n3\t0.75\n";
        QTest::newRow("BOM, header, blank line")
            << "\xEF\xBB\xBFtime,survival\n\n0,1\n1.5,0.9\n3,0.75\n";
    }

    void pointsAreReadInEveryDialect() {
        QFETCH(QString, text);
        const QTemporaryDir dir;
        const DigitisedCurve curve =
            read_digitised_curve(written(dir, "points.csv", text.toStdString()));
        QCOMPARE(curve.time, (std::vector<double>{0, 1.5, 3}));
        QCOMPARE(curve.survival, (std::vector<double>{1, 0.9, 0.75}));
    }

    void badPointsNameTheFileLineAndColumn_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("text cell, no header")
            << "0,1\n1,abc\n"
            << "points.csv:2: column survival: \"abc\" is not a number";
        QTest::newRow("text cell, header") << "t,s\n0,1\nx,0.5\n"
                                           << "points.csv:3: column t: \"x\" is not a number";
        QTest::newRow("empty cell") << "t,s\n0,1\n2,\n"
                                    << "points.csv:3: column s: the cell is empty";
        QTest::newRow("three columns") << "t,s,u\n0,1,2\n"
                                       << "has two columns";
        QTest::newRow("header only") << "time,survival\n"
                                     << "no points";
    }

    void badPointsNameTheFileLineAndColumn() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const QTemporaryDir dir;
        const auto path = written(dir, "points.csv", text.toStdString());
        const QString error = error_of([&] { read_digitised_curve(path); });
        QVERIFY2(error.contains(message), qPrintable(error));
    }

    void missingFileIsNamed() {
        const QString error = error_of([] { read_digitised_curve("/no/such/points.csv"); });
        QVERIFY2(error.startsWith("/no/such/points.csv"), qPrintable(error));
    }

    // Columns found by name in any order; an empty cell leaves the time out
    // of that arm's table only.
    void atRiskTablesAreReadPerArm() {
        const QTemporaryDir dir;
        const auto path =
            written(dir, "risk.csv", "Drug,Time,Placebo,notes\n150,0,148,x\n120,6,100,\n90,12,,\n");
        const auto tables = read_at_risk_tables(path, {"Placebo", "Drug"});
        QCOMPARE(tables.size(), std::size_t{2});
        QCOMPARE(tables[0].time, (std::vector<double>{0, 6}));
        QCOMPARE(tables[0].n_risk, (std::vector<int>{148, 100}));
        QCOMPARE(tables[1].time, (std::vector<double>{0, 6, 12}));
        QCOMPARE(tables[1].n_risk, (std::vector<int>{150, 120, 90}));
    }

    void badAtRiskTablesNameTheFileLineAndColumn_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("arm absent") << "time,Placebo\n0,100\n"
                                    << "risk.csv:1: no column for the arm \"Drug\" (its columns: "
                                       "time, Placebo)";
        QTest::newRow("no time column") << "month,Drug\n0,100\n"
                                        << "needs a column named time";
        QTest::newRow("not a whole number")
            << "time,Drug\n0,100\n6,80.5\n"
            << "risk.csv:3: column Drug: \"80.5\" is not a number at risk";
        QTest::newRow("negative") << "time,Drug\n0,100\n6,-1\n"
                                  << "risk.csv:3: column Drug: \"-1\" is not a number at risk";
        QTest::newRow("text time") << "time,Drug\n0,100\nsix,80\n"
                                   << "risk.csv:3: column time: \"six\" is not a number";
    }

    void badAtRiskTablesNameTheFileLineAndColumn() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const QTemporaryDir dir;
        const auto path = written(dir, "risk.csv", text.toStdString());
        const QString error = error_of([&] { read_at_risk_tables(path, {"Drug"}); });
        QVERIFY2(error.contains(message), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestDigitisedCsv)
#include "test_digitised_csv.moc"
