// Display labels: a variable's own label (from a transport file), else the
// ADaM label of a well-known name (a CSV has none), else the name.

#include <triallens/data/adam_labels.h>
#include <triallens/data/build_study.h>

#include <QTest>

using namespace triallens;

class TestAdamLabels : public QObject {
    Q_OBJECT

private slots:
    void knowsTheUsualAdamNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("label");
        QTest::newRow("AGE") << "AGE"
                             << "Age";
        QTest::newRow("AGEGR1") << "AGEGR1"
                                << "Pooled Age Group 1";
        QTest::newRow("SEX") << "SEX"
                             << "Sex";
        QTest::newRow("RACE") << "RACE"
                              << "Race";
        QTest::newRow("TRT01P") << "TRT01P"
                                << "Planned Treatment for Period 01";
        QTest::newRow("SAFFL") << "SAFFL"
                               << "Safety Population Flag";
        QTest::newRow("ECOGBL") << "ECOGBL"
                                << "Baseline ECOG performance status";
        QTest::newRow("REGION1") << "REGION1"
                                 << "Geographic Region 1";
        QTest::newRow("AVAL") << "AVAL"
                              << "Analysis Value";
        QTest::newRow("CNSR") << "CNSR"
                              << "Censor";
        QTest::newRow("first") << "ADT"
                               << "Analysis Date";
        QTest::newRow("last") << "WEIGHTBL"
                              << "Baseline Weight (kg)";
    }

    void knowsTheUsualAdamNames() {
        QFETCH(QString, name);
        QFETCH(QString, label);
        const auto known = adam_label(name.toStdString());
        QVERIFY(known.has_value());
        QCOMPARE(QString::fromUtf8(known->data(), static_cast<qsizetype>(known->size())), label);
    }

    void unknownNamesHaveNoAdamLabel() {
        QVERIFY(!adam_label("PDL1STAT").has_value());
        QVERIFY(!adam_label("age").has_value()); // names are upper case in ADaM
        QVERIFY(!adam_label("").has_value());
        QVERIFY(!adam_label("ZZZ").has_value());
    }

    void displayLabelPrefersTheDataThenAdamThenTheName() {
        RawTable adsl{"adsl.csv", {}, {}};
        adsl.columns.push_back(text_column("USUBJID", "", {"S1", "S2"}));
        adsl.columns.push_back(text_column("TRT01P", "", {"A", "B"}));
        adsl.columns.push_back(text_column("SEX", "Sex at birth", {"F", "M"}));
        adsl.columns.push_back(text_column("RACE", "", {"X", "Y"}));
        adsl.columns.push_back(text_column("PDL1STAT", "", {"Positive", "Negative"}));
        const Study study = build_study({adsl}, "labels");
        const auto label = [&](const char* name) {
            return QString::fromStdString(display_label(*study.subjects.find(name)));
        };
        QCOMPARE(label("SEX"), QStringLiteral("Sex at birth"));
        QCOMPARE(label("RACE"), QStringLiteral("Race"));
        QCOMPARE(label("PDL1STAT"), QStringLiteral("PDL1STAT"));
    }
};

QTEST_APPLESS_MAIN(TestAdamLabels)
#include "test_adam_labels.moc"
