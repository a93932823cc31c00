// Reading SAS files through ReadStat: transport v5 (.xpt) and .sas7bdat keep
// their variables' labels and formats, missing values are NaN or "", and a
// file that is not SAS is refused naming it. Fixtures are written with
// ReadStat's own writer; the CDISC pilot's ADSL is read as shipped.

#include "../data_files.h"

#include <triallens/data/data_error.h>
#include <triallens/io/file_bytes.h>
#include <triallens/io/sas_reader.h>

#include <readstat.h>

#include <QTest>

#include <cmath>
#include <memory>

using namespace triallens;

namespace {

ssize_t append_bytes(const void* data, size_t length, void* context) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), length);
    return static_cast<ssize_t>(length);
}

// Three subjects: USUBJID, TRT01P, AGE (one missing) and TRTSDT (a DATE9 date).
std::string write_sas(SasFileFormat format) {
    std::string bytes;
    std::unique_ptr<readstat_writer_t, void (*)(readstat_writer_t*)> writer(readstat_writer_init(),
                                                                            readstat_writer_free);
    readstat_set_data_writer(writer.get(), append_bytes);
    readstat_variable_t* id =
        readstat_add_variable(writer.get(), "USUBJID", READSTAT_TYPE_STRING, 12);
    readstat_variable_set_label(id, "Unique Subject Identifier");
    readstat_variable_t* arm =
        readstat_add_variable(writer.get(), "TRT01P", READSTAT_TYPE_STRING, 20);
    readstat_variable_set_label(arm, "Planned Treatment for Period 01");
    readstat_variable_t* age = readstat_add_variable(writer.get(), "AGE", READSTAT_TYPE_DOUBLE, 8);
    readstat_variable_set_label(age, "Age");
    readstat_variable_t* start =
        readstat_add_variable(writer.get(), "TRTSDT", READSTAT_TYPE_DOUBLE, 8);
    readstat_variable_set_format(start, "DATE9");
    const char* ids[] = {"01-701-1015", "01-701-1023", "01-702-1001"};
    const char* arms[] = {"Placebo", "Xanomeline High Dose", ""};
    const double ages[] = {63, NAN, 71};
    if (format == SasFileFormat::Transport) {
        readstat_writer_set_file_format_version(writer.get(), 5);
        readstat_begin_writing_xport(writer.get(), &bytes, 3);
    } else {
        readstat_begin_writing_sas7bdat(writer.get(), &bytes, 3);
    }
    for (int row = 0; row < 3; ++row) {
        readstat_begin_row(writer.get());
        readstat_insert_string_value(writer.get(), id, ids[row]);
        readstat_insert_string_value(writer.get(), arm, arms[row]);
        if (std::isnan(ages[row])) {
            readstat_insert_missing_value(writer.get(), age);
        } else {
            readstat_insert_double_value(writer.get(), age, ages[row]);
        }
        readstat_insert_double_value(writer.get(), start, 19725 + row);
        readstat_end_row(writer.get());
    }
    readstat_end_writing(writer.get());
    return bytes;
}

} // namespace

Q_DECLARE_METATYPE(triallens::SasFileFormat)

class TestSasReader : public QObject {
    Q_OBJECT

private slots:
    void keepsValuesLabelsAndFormats_data() {
        QTest::addColumn<SasFileFormat>("format");
        QTest::newRow("xpt") << SasFileFormat::Transport;
        QTest::newRow("sas7bdat") << SasFileFormat::Sas7bdat;
    }

    void keepsValuesLabelsAndFormats() {
        QFETCH(SasFileFormat, format);
        const RawTable table = parse_sas(write_sas(format), format, "adsl.xpt");
        QCOMPARE(table.row_count(), std::size_t{3});
        QCOMPARE(table.columns.size(), std::size_t{4});
        const RawColumn& id = *table.find("USUBJID");
        QCOMPARE(id.type, ColumnType::Text);
        QCOMPARE(id.label, std::string("Unique Subject Identifier"));
        QCOMPARE(id.text(2), std::string("01-702-1001"));
        QCOMPARE(table.find("TRT01P")->text(1), std::string("Xanomeline High Dose"));
        QCOMPARE(table.find("TRT01P")->text(2), std::string());
        const RawColumn& age = *table.find("AGE");
        QCOMPARE(age.type, ColumnType::Number);
        QCOMPARE(age.numbers[0], 63.0);
        QVERIFY(std::isnan(age.numbers[1]));
        QCOMPARE(table.find("TRTSDT")->format, std::string("DATE9"));
        QCOMPARE(table.find("TRTSDT")->numbers[2], 19727.0);
        QCOMPARE(table.line_of(0), 1L); // observation numbers
    }

    void readsThePilotAdslAsShipped() {
        const RawTable adsl = read_sas(data_files::pilot("adsl.xpt"));
        QCOMPARE(adsl.row_count(), std::size_t{254});
        QCOMPARE(adsl.find("USUBJID")->text(0), std::string("01-701-1015"));
        QCOMPARE(adsl.find("USUBJID")->label, std::string("Unique Subject Identifier"));
        QCOMPARE(adsl.find("TRTSDT")->format, std::string("DATE9"));
        QCOMPARE(adsl.find("TRTSDT")->numbers[0], 19725.0);
        QCOMPARE(adsl.find("AGE")->type, ColumnType::Number);
    }

    void refusesFilesThatAreNotSas_data() {
        QTest::addColumn<std::string>("bytes");
        QTest::addColumn<SasFileFormat>("format");
        QTest::newRow("csv as xpt")
            << std::string("USUBJID,ARM\nS1,A\n") << SasFileFormat::Transport;
        QTest::newRow("empty xpt") << std::string() << SasFileFormat::Transport;
        QTest::newRow("truncated xpt")
            << write_sas(SasFileFormat::Transport).substr(0, 900) << SasFileFormat::Transport;
        QTest::newRow("csv as sas7bdat")
            << std::string("USUBJID,ARM\nS1,A\n") << SasFileFormat::Sas7bdat;
    }

    void refusesFilesThatAreNotSas() {
        QFETCH(std::string, bytes);
        QFETCH(SasFileFormat, format);
        try {
            parse_sas(bytes, format, "bad.xpt");
            QFAIL("a broken file was read");
        } catch (const DataError& error) {
            QCOMPARE(QString::fromStdString(error.where().file), QStringLiteral("bad.xpt"));
        }
    }

    // The pilot's ADTTE (254 observations of 344 bytes from byte 4400) cut
    // about in half: ReadStat alone stops quietly at the partial observation
    // and hands over the first 120 or 127. The cut copies are written to a
    // temporary folder and read from disk, as a user's would be.
    void truncatedTransportFileIsRefusedByName_data() {
        QTest::addColumn<std::size_t>("size");
        QTest::addColumn<QString>("message");
        // 574 records of 80 bytes: inside observation 121, 240 of its bytes there.
        QTest::newRow("at a record boundary")
            << std::size_t{45920}
            << "the file is cut short: it ends inside observation 121 (240 of its 344 bytes; "
               "120 observations read before it)";
        QTest::newRow("mid-observation, mid-record")
            << std::size_t{48090}
            << "the file is cut short: it ends inside observation 128 (2 of its 344 bytes; "
               "127 observations read before it)";
        // 4400 + 10 * 344 = 7840 = 98 records: whole observations, but the
        // cut record boundary is where the last record is incomplete.
        QTest::newRow("after a whole observation, mid-record")
            << std::size_t{4400 + 11 * 344}
            << "the file is cut short: its last 80-byte record is incomplete (11 observations "
               "read)";
    }

    void truncatedTransportFileIsRefusedByName() {
        QFETCH(std::size_t, size);
        QFETCH(QString, message);
        const std::string whole = read_file_bytes(data_files::pilot("adtte.xpt"));
        QCOMPARE(read_sas(data_files::pilot("adtte.xpt")).row_count(), std::size_t{254});
        const QTemporaryDir dir;
        const auto cut =
            data_files::write(dir, "adtte.xpt", std::string_view(whole).substr(0, size));
        try {
            read_sas(cut);
            QFAIL("a truncated file was read");
        } catch (const DataError& error) {
            QCOMPARE(QString::fromStdString(error.where().file),
                     QString::fromStdString(cut.string()));
            QCOMPARE(QString::fromStdString(error.message()), message);
        }
    }

    // Two datasets in one transport file (the pilot's ADSL, then its ADAE
    // after ADSL's library header): ReadStat would read ADAE's header
    // records as 1,690 more ADSL observations. Refused, naming ADAE.
    void secondDatasetInATransportFileIsRefused() {
        const std::string adsl = read_file_bytes(data_files::pilot("adsl.xpt"));
        const std::string adae = read_file_bytes(data_files::pilot("adae.xpt"));
        constexpr std::size_t library_header = 3 * 80;
        const QTemporaryDir dir;
        const auto both =
            data_files::write(dir, "adsl_adae.xpt", adsl + adae.substr(library_header));
        try {
            read_sas(both);
            QFAIL("a file of two datasets was read");
        } catch (const DataError& error) {
            QCOMPARE(QString::fromStdString(error.where().file),
                     QString::fromStdString(both.string()));
            QCOMPARE(QString::fromStdString(error.message()),
                     QStringLiteral("the file holds more than one dataset: a second, ADAE, begins "
                                    "at byte %1; TrialLens reads one dataset per .xpt file (write "
                                    "each to its own file)")
                         .arg(adsl.size()));
        }
    }

    // ReadStat's own I/O messages end in "(retval = 5): Success (errno = 0)":
    // the reads are from memory, and that text is for no user.
    void libraryErrnoTextNeverReachesAMessage() {
        const std::string whole = read_file_bytes(data_files::pilot("adtte.xpt"));
        for (const std::size_t size : {std::size_t{100}, std::size_t{700}, std::size_t{2000},
                                       std::size_t{4000}, std::size_t{4401}}) {
            for (const SasFileFormat format : {SasFileFormat::Transport, SasFileFormat::Sas7bdat}) {
                try {
                    parse_sas(std::string_view(whole).substr(0, size), format, "cut.xpt");
                    QFAIL("a truncated file was read");
                } catch (const DataError& error) {
                    const QString text = QString::fromStdString(error.what());
                    QVERIFY2(!text.contains("errno") && !text.contains("Success") &&
                                 !text.contains("retval") && !text.contains("ReadStat"),
                             qPrintable(text));
                }
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestSasReader)
#include "test_sas_reader.moc"
