// Decoding site files to UTF-8: UTF-8 with or without BOM passes through,
// Windows-1252/Latin-1 is detected and decoded without losing a byte.

#include <triallens/data/data_error.h>
#include <triallens/io/text_encoding.h>

#include <QTest>

using namespace triallens;

class TestTextEncoding : public QObject {
    Q_OBJECT

private slots:
    void utf8PassesThroughAndLosesItsByteOrderMark() {
        const DecodedText plain = decode_to_utf8("Jos\xC3\xA9", "f.csv");
        QCOMPARE(plain.encoding, TextEncoding::Utf8);
        QCOMPARE(plain.utf8, std::string("Jos\xC3\xA9"));
        const DecodedText marked = decode_to_utf8("\xEF\xBB\xBFJos\xC3\xA9", "f.csv");
        QCOMPARE(marked.encoding, TextEncoding::Utf8WithBom);
        QCOMPARE(marked.utf8, std::string("Jos\xC3\xA9"));
    }

    void windows1252IsDetectedAndDecoded() {
        // "José", "Müller", "€", curly quotes and Latin-1's "µg" as Excel on Windows writes them.
        const DecodedText text = decode_to_utf8("Jos\xE9;M\xFCller;\x80;\x93x\x94;\xB5g", "f.csv");
        QCOMPARE(text.encoding, TextEncoding::Windows1252);
        QCOMPARE(text.utf8,
                 std::string("Jos\xC3\xA9;M\xC3\xBCller;\xE2\x82\xAC;\xE2\x80\x9Cx\xE2\x80"
                             "\x9D;\xC2\xB5g"));
        // Bytes Windows-1252 leaves unassigned keep their Latin-1 meaning, never dropped.
        QCOMPARE(decode_to_utf8("\x81", "f.csv").utf8, std::string("\xC2\x81"));
    }

    void validatesUtf8Strictly() {
        QVERIFY(is_valid_utf8("plain ASCII"));
        QVERIFY(is_valid_utf8("\xE2\x82\xAC"));
        QVERIFY(!is_valid_utf8("\xC0\xAF"));         // overlong '/'
        QVERIFY(!is_valid_utf8("\xED\xA0\x80"));     // a surrogate
        QVERIFY(!is_valid_utf8("\xE2\x82"));         // cut short
        QVERIFY(!is_valid_utf8("\xF4\x90\x80\x80")); // past U+10FFFF
    }

    void refusesUtf16() {
        QVERIFY_THROWS_EXCEPTION(DataError, decode_to_utf8(std::string("\xFF\xFEU\0", 4), "f.csv"));
    }
};

QTEST_APPLESS_MAIN(TestTextEncoding)
#include "test_text_encoding.moc"
