#pragma once
// The golden cases that run through refit on the demo and the CDISC pilot
// (weighted log-rank, MaxCombo, piecewise HRs): each row names its case in a
// golden file, the study, the endpoint, the compared arm and the strata, and
// the spec of a row is made here once.

#include "../cdisc_pilot.h"

#include <triallens/analysis/analysis_spec.h>
#include <triallens/demo/demo_study.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QTest>

namespace golden_cases {

inline const triallens::Study& demo() {
    static const triallens::Study study = triallens::generate_demo_study();
    return study;
}

// The case called `name` among `cases` (a golden file's array).
inline QJsonObject find(const QJsonArray& cases, const QString& name) {
    for (const auto& value : cases) {
        if (value.toObject()["name"].toString() == name) {
            return value.toObject();
        }
    }
    qFatal("no golden case %s", qPrintable(name));
}

// The data columns of a row: name, pilot, paramcd, compare, strata.
inline void add_columns() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("pilot");
    QTest::addColumn<QString>("paramcd");
    QTest::addColumn<QString>("compare");
    QTest::addColumn<QStringList>("strata");
}

// The rows both suites run: the demo's OS and the pilot's TTDE (Placebo vs
// High Dose), each unstratified and stratified.
inline void add_demo_and_pilot_rows() {
    QTest::newRow("demo OS") << "demo_OS" << false << "OS"
                             << "" << QStringList{};
    QTest::newRow("demo OS stratified") << "demo_OS_stratified" << false << "OS"
                                        << "" << QStringList{"PRTAXFL", "LIVBRNFL"};
    QTest::newRow("pilot TTDE") << "cdisc_ttde" << true << "TTDE"
                                << "Xanomeline High Dose" << QStringList{};
    QTest::newRow("pilot TTDE stratified") << "cdisc_ttde_stratified" << true << "TTDE"
                                           << "Xanomeline High Dose" << QStringList{"SITEGR1"};
}

// The current row's study.
inline const triallens::Study& row_study() {
    QFETCH(bool, pilot);
    return pilot ? cdisc_pilot::study() : demo();
}

// The current row's spec: its endpoint, compared arm and strata.
inline triallens::AnalysisSpec row_spec() {
    QFETCH(QString, paramcd);
    QFETCH(QString, compare);
    QFETCH(QStringList, strata);
    triallens::AnalysisSpec spec;
    spec.paramcd = paramcd.toStdString();
    spec.compare_arm = compare.toStdString();
    for (const auto& stratum : strata) {
        spec.strata.push_back(stratum.toStdString());
    }
    return spec;
}

} // namespace golden_cases
