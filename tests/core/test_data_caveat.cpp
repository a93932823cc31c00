// The label and sentence every view and export shows for data that are not a
// trial's own patients (data_caveat.h): synthetic, reconstructed, partly
// reconstructed, none; cut to one line on a character boundary.

#include <triallens/format/data_caveat.h>

#include <QTest>

using namespace triallens;

namespace {

// Characters (UTF-8 code points) of a text.
std::size_t characters(const std::string& text) {
    std::size_t count = 0;
    for (const char c : text) {
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    }
    return count;
}

ReconstructedSubjects subjects(std::size_t count, std::size_t of,
                               std::vector<std::string> sources = {}) {
    return {count, of, std::move(sources)};
}

} // namespace

class TestDataCaveat : public QObject {
    Q_OBJECT

private slots:
    void labels_data() {
        QTest::addColumn<bool>("synthetic");
        QTest::addColumn<std::size_t>("count");
        QTest::addColumn<std::size_t>("of");
        QTest::addColumn<QStringList>("sources");
        QTest::addColumn<QString>("label");
        QTest::newRow("own data") << false << std::size_t{0} << std::size_t{254} << QStringList()
                                  << QString();
        QTest::newRow("synthetic")
            << true << std::size_t{0} << std::size_t{147} << QStringList() << "SYNTHETIC demo data";
        QTest::newRow("all, no source") << false << std::size_t{12} << std::size_t{12}
                                        << QStringList() << "RECONSTRUCTED from a publication";
        QTest::newRow("all, two sources")
            << false << std::size_t{300} << std::size_t{300} << QStringList{"Doe 2024", "Roe 2025"}
            << "RECONSTRUCTED from a publication: Doe 2024; Roe 2025";
        QTest::newRow("overlay") << false << std::size_t{86} << std::size_t{340}
                                 << QStringList{"Doe 2024, Fig. 2"}
                                 << "Partly RECONSTRUCTED from a publication: Doe 2024, Fig. 2";
        QTest::newRow("the demo with published arms")
            << true << std::size_t{50} << std::size_t{197} << QStringList{"Doe 2024, Fig. 2"}
            << "SYNTHETIC demo data; partly RECONSTRUCTED: Doe 2024, Fig. 2";
    }
    void labels() {
        QFETCH(bool, synthetic);
        QFETCH(std::size_t, count);
        QFETCH(std::size_t, of);
        QFETCH(QStringList, sources);
        QFETCH(QString, label);
        std::vector<std::string> names;
        for (const QString& source : sources) {
            names.push_back(source.toStdString());
        }
        QCOMPARE(QString::fromStdString(data_caveat(synthetic, subjects(count, of, names))), label);
        QCOMPARE(data_caveat_sentence(synthetic, subjects(count, of, names)).empty(),
                 label.isEmpty());
    }

    void aLongSourceIsCutOnACharacterBoundary() {
        const std::string source = "Étude " + std::string(100, 'x') + " é";
        const std::string label = data_caveat(false, subjects(5, 5, {source}));
        QCOMPARE(characters(label), data_caveat_max_chars);
        QVERIFY(label.ends_with("…"));
        QVERIFY(label.starts_with("RECONSTRUCTED from a publication: Étude xxx"));
        QVERIFY(QString::fromStdString(label).toStdString() == label); // valid UTF-8
        // A label of exactly the limit is not cut.
        const std::string prefix = "RECONSTRUCTED from a publication: ";
        const std::string fits(data_caveat_max_chars - prefix.size(), 'y');
        QCOMPARE(data_caveat(false, subjects(5, 5, {fits})), prefix + fits);
    }

    void sentencesCountThePseudoPatients() {
        QCOMPARE(data_caveat_sentence(true, {}), std::string("The data are synthetic."));
        const std::string overlay = data_caveat_sentence(false, subjects(86, 340, {"Doe 2024"}));
        QVERIFY2(overlay.starts_with("86 of 340 subjects are pseudo-patients reconstructed from "
                                     "a published Kaplan–Meier figure (Doe 2024) by the "
                                     "algorithm of Guyot et al. (2012)"),
                 overlay.c_str());
        const std::string both = data_caveat_sentence(true, subjects(50, 197, {"Doe 2024"}));
        QVERIFY2(both.starts_with("The data are synthetic. 50 of 197 subjects are "
                                  "pseudo-patients reconstructed"),
                 both.c_str());
        QVERIFY(data_caveat_sentence(false, subjects(1, 2))
                    .starts_with("1 of 2 subjects is a pseudo-patient reconstructed"));
        QVERIFY(
            data_caveat_sentence(false, subjects(7, 7))
                .starts_with(
                    "The subjects are pseudo-patients reconstructed from a published Kaplan–Meier "
                    "figure by"));
    }
};

QTEST_APPLESS_MAIN(TestDataCaveat)
#include "test_data_caveat.moc"
