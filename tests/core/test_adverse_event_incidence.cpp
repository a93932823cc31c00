// Adverse-event incidence on the demo against counts made in base R, under
// each filter; rows ordered by descending frequency within their level.

#include "../golden.h"

#include <triallens/analysis/adverse_event_report.h>
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
        QTest::addColumn<QJsonObject>("golden");
        for (const auto& value : golden::load("demo_ae.json").toArray()) {
            QTest::newRow(qPrintable(value.toObject()["name"].toString())) << value.toObject();
        }
    }

    void countsMatchR() {
        QFETCH(QJsonObject, golden);
        AeSpec spec;
        spec.filter = filter_named(golden["name"].toString());
        const AeTable table = adverse_event_table(demo(), spec);

        // The declared control arm comes first.
        QCOMPARE(table.arms.front(), std::string(demo_control_arm));
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
    }
};

QTEST_APPLESS_MAIN(TestAdverseEventIncidence)
#include "test_adverse_event_incidence.moc"
