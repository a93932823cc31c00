// Adverse-event incidence on the demo against counts made in base R, under
// each filter; rows ordered by descending frequency within their level; risk
// differences against the control arm with Miettinen–Nurminen intervals from
// an R implementation of them (tests/reference/golden_response.R).

#include "../cdisc_pilot.h"
#include "../golden.h"

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>

#include <QJsonObject>
#include <QTest>

#include <map>

using namespace triallens;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

AeFilter filter_named(const QString& name) {
    AeFilter filter;
    filter.treatment_emergent_only = name == "treatment_emergent";
    filter.related_only = name == "related";
    filter.serious_only = name == "serious";
    return filter;
}

QString key(const QJsonValue& soc, const QJsonValue& pt) {
    return (soc.isNull() ? QStringLiteral("*") : soc.toString()) + "|" +
           (pt.isNull() ? QStringLiteral("*") : pt.toString());
}

} // namespace

class TestAdverseEventIncidence : public QObject {
    Q_OBJECT

private slots:
    void countsMatchR_data() {
        QTest::addColumn<bool>("pilot");
        QTest::addColumn<QJsonObject>("golden");
        for (const bool pilot : {false, true}) {
            for (const auto& value :
                 golden::load(pilot ? "cdisc_ae.json" : "demo_ae.json").toArray()) {
                QTest::newRow(
                    qPrintable((pilot ? "cdisc/" : "demo/") + value.toObject()["name"].toString()))
                    << pilot << value.toObject();
            }
        }
    }

    void countsMatchR() {
        QFETCH(bool, pilot);
        QFETCH(QJsonObject, golden);
        AeSpec spec;
        spec.filter = filter_named(golden["name"].toString());
        const AeTable table = adverse_event_table(pilot ? cdisc_pilot::study() : demo(), spec);

        // The declared control arm comes first; the pilot declares none, and
        // its first arm in sort order is Placebo. The pilot grades by AESEV
        // only: MILD/MODERATE/SEVERE = 1/2/3.
        QCOMPARE(table.arms.front(), std::string(pilot ? "Placebo" : demo_control_arm));
        const QJsonObject denominators = golden["denominators"].toObject();
        for (std::size_t a = 0; a < table.arms.size(); ++a) {
            QCOMPARE(static_cast<double>(table.denominators[a]),
                     denominators[QString::fromStdString(table.arms[a])].toDouble());
        }

        std::map<QString, QJsonObject> expected;
        for (const auto& row : golden["rows"].toArray()) {
            const QJsonObject r = row.toObject();
            expected[key(r["soc"], r["pt"])] = r["counts"].toObject();
        }
        QCOMPARE(table.rows.size(), expected.size());
        for (const AeRow& row : table.rows) {
            const QString k =
                key(row.soc ? QJsonValue(QString::fromStdString(*row.soc)) : QJsonValue(),
                    row.pt ? QJsonValue(QString::fromStdString(*row.pt)) : QJsonValue());
            QVERIFY2(expected.count(k) == 1, qPrintable(k));
            for (std::size_t a = 0; a < table.arms.size(); ++a) {
                const QJsonObject counts =
                    expected[k][QString::fromStdString(table.arms[a])].toObject();
                QCOMPARE(static_cast<double>(row.counts[a].any), counts["any"].toDouble());
                QCOMPARE(static_cast<double>(row.counts[a].grade3plus),
                         counts["grade3plus"].toDouble());
            }
        }
    }

    void riskDifferencesMatchR_data() {
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("ae_risk_difference.json").toArray()) {
            QTest::newRow(qPrintable(value.toObject()["name"].toString())) << value.toObject();
        }
    }

    void riskDifferencesMatchR() {
        QFETCH(QJsonObject, golden);
        AeSpec spec;
        spec.filter = filter_named(golden["name"].toString());
        const AeTable table = adverse_event_table(demo(), spec);

        // The declared control arm is the reference, and has no difference of its own.
        QVERIFY(table.reference_arm.has_value());
        QCOMPARE(table.arms[*table.reference_arm], golden["reference"].toString().toStdString());
        std::map<QString, QJsonObject> expected;
        for (const auto& row : golden["rows"].toArray()) {
            const QJsonObject r = row.toObject();
            expected[key(r["soc"], r["pt"])] = r["risk_difference"].toObject();
        }
        QCOMPARE(table.rows.size(), expected.size());
        for (const AeRow& row : table.rows) {
            const QString k =
                key(row.soc ? QJsonValue(QString::fromStdString(*row.soc)) : QJsonValue(),
                    row.pt ? QJsonValue(QString::fromStdString(*row.pt)) : QJsonValue());
            QVERIFY2(expected.count(k) == 1, qPrintable(k));
            QCOMPARE(row.risk_difference.size(), table.arms.size());
            QVERIFY(!row.risk_difference[*table.reference_arm]);
            QCOMPARE(static_cast<qsizetype>(table.arms.size() - 1), expected[k].size());
            for (std::size_t a = 0; a < table.arms.size(); ++a) {
                if (a == *table.reference_arm) {
                    continue;
                }
                QVERIFY2(row.risk_difference[a].has_value(), qPrintable(k));
                const QJsonObject r = expected[k][QString::fromStdString(table.arms[a])].toObject();
                const auto compare = [&](const AeDifference& d, const QJsonObject& expected_d) {
                    COMPARE_GOLDEN(d.estimate, expected_d["estimate"]);
                    COMPARE_GOLDEN(d.lower, expected_d["lower"]);
                    COMPARE_GOLDEN(d.upper, expected_d["upper"]);
                };
                compare(row.risk_difference[a]->any, r["any"].toObject());
                compare(row.risk_difference[a]->grade3plus, r["grade3plus"].toObject());
            }
        }
    }

    // Choosing the other arm as reference lists it first and mirrors every
    // difference and interval.
    void referenceArmCanBeChosen() {
        const AeTable by_control = adverse_event_table(demo(), {});
        AeSpec spec;
        spec.reference_arm = by_control.arms[1];
        const AeTable swapped = adverse_event_table(demo(), spec);
        QCOMPARE(swapped.arms.front(), by_control.arms[1]);
        QCOMPARE(*swapped.reference_arm, std::size_t{0});
        QCOMPARE(swapped.rows.size(), by_control.rows.size());
        for (std::size_t i = 0; i < swapped.rows.size(); ++i) {
            const AeDifference& d = by_control.rows[i].risk_difference[1]->any;
            const AeDifference& m = swapped.rows[i].risk_difference[1]->any;
            QVERIFY(golden::close(m.estimate, -d.estimate));
            QVERIFY(golden::close(m.lower, -d.upper));
            QVERIFY(golden::close(m.upper, -d.lower));
        }
    }

    void unknownReferenceArmIsASpecError() {
        AeSpec spec;
        spec.reference_arm = "Placebo";
        QVERIFY_THROWS_EXCEPTION(SpecError, adverse_event_table(demo(), spec));
    }

    void rowsRunFromMostToLeastFrequent() {
        const AeTable table = adverse_event_table(demo(), {});
        QVERIFY(!table.rows.front().soc && !table.rows.front().pt);
        const auto total = [](const AeRow& row) {
            std::size_t sum = 0;
            for (const auto& c : row.counts) {
                sum += c.any;
            }
            return sum;
        };
        std::size_t previous_soc = SIZE_MAX;
        std::size_t previous_pt = SIZE_MAX;
        for (std::size_t i = 1; i < table.rows.size(); ++i) {
            const AeRow& row = table.rows[i];
            if (!row.pt) {
                QVERIFY(total(row) <= previous_soc);
                previous_soc = total(row);
                previous_pt = SIZE_MAX;
            } else {
                QVERIFY(total(row) <= previous_pt);
                QVERIFY(total(row) <= previous_soc);
                previous_pt = total(row);
            }
        }
    }

    void subjectCountsOnceAtHighestGrade() {
        AdverseEvents events;
        events.subject = {0, 0, 1};
        events.soc.levels = {"", "Skin"};
        events.soc.codes = {1, 1, 1};
        events.pt.levels = {"", "Rash"};
        events.pt.codes = {1, 1, 1};
        events.grade = {1, 3, 2};
        events.related = {0, 0, 0};
        events.serious = {0, 0, 0};
        events.treatment_emergent = {1, 1, 1};
        const std::vector<std::int32_t> arms{0, 0, 0};
        const AeTable table = tabulate_adverse_events(events, arms, {"A"});
        QCOMPARE(table.rows.size(), std::size_t{3});
        QCOMPARE(table.rows[0].counts[0].any, std::size_t{2});        // two subjects
        QCOMPARE(table.rows[0].counts[0].grade3plus, std::size_t{1}); // once, at the highest grade
        QCOMPARE(table.denominators[0], std::size_t{3});
        // One arm: nothing to compare with.
        QVERIFY(!table.reference_arm);
        QVERIFY(!table.rows[0].risk_difference[0]);
    }
};

QTEST_APPLESS_MAIN(TestAdverseEventIncidence)
#include "test_adverse_event_incidence.moc"
