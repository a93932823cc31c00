// The safety overview (adverse_event_overview.h) on the CDISC pilot and the
// demo against base R (tests/reference/golden_safety.R): subjects per arm
// with each kind of treatment-emergent AE, exposure-adjusted rates
// (poisson.test) and their differences; kinds the data do not record.

#include "../cdisc_pilot.h"
#include "../golden.h"

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/workspace.h>
#include <triallens/demo/demo_study.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace triallens;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

const AeOverviewRow* row_keyed(const AeOverview& overview, const std::string& key) {
    const auto it = std::find_if(overview.rows.begin(), overview.rows.end(),
                                 [&](const AeOverviewRow& row) { return row.key == key; });
    return it == overview.rows.end() ? nullptr : &*it;
}

bool near(double actual, const QJsonValue& expected) {
    ++golden::tally.count;
    return golden::close(actual, expected.toDouble());
}

// A two-arm study of four subjects built in code, for the edges.
AdverseEvents two_records(std::vector<std::uint8_t> treatment_emergent) {
    AdverseEvents events;
    events.subject = {0, 2};
    events.soc.levels = {"Skin"};
    events.soc.codes = {0, 0};
    events.pt.levels = {"Rash"};
    events.pt.codes = {0, 0};
    events.grade = {1, 3};
    events.grade_variable = "AETOXGR";
    events.related = {1, 0};
    events.serious = {0, 1};
    events.treatment_emergent = std::move(treatment_emergent);
    events.has_treatment_emergent = true;
    events.has_related = true;
    events.has_serious = true;
    return events;
}

} // namespace

class TestAdverseEventOverview : public QObject {
    Q_OBJECT

private slots:
    void overviewMatchesR_data() {
        QTest::addColumn<bool>("pilot");
        QTest::newRow("cdisc") << true;
        QTest::newRow("demo") << false;
    }

    void overviewMatchesR() {
        QFETCH(bool, pilot);
        const QJsonObject golden =
            golden::load("safety.json").toObject()[pilot ? "cdisc" : "demo"].toObject();
        const AeReport report = adverse_event_report(pilot ? cdisc_pilot::study() : demo(), {});
        const AeOverview& overview = report.overview;
        QVERIFY(overview.treatment_emergent);
        QCOMPARE(overview.arms, report.table.arms);
        QCOMPARE(overview.arms[*overview.reference_arm],
                 golden["reference"].toString().toStdString());
        const auto rows = golden["overview"].toArray();
        QVERIFY(rows.size() >= 5);
        for (const auto& value : rows) {
            const QJsonObject expected = value.toObject();
            const AeOverviewRow* row =
                row_keyed(overview, expected["key"].toString().toStdString());
            QVERIFY2(row != nullptr, qPrintable(expected["key"].toString()));
            QVERIFY(row->recorded);
            for (std::size_t a = 0; a < overview.arms.size(); ++a) {
                const QString arm = QString::fromStdString(overview.arms[a]);
                QCOMPARE(static_cast<double>(row->counts[a]),
                         expected["counts"].toObject()[arm].toDouble());
                QVERIFY(
                    golden::close(row->pct[a], 100 * static_cast<double>(row->counts[a]) /
                                                   static_cast<double>(overview.denominators[a])));
                const QJsonObject rate = expected["exposure_adjusted"].toObject()[arm].toObject();
                QVERIFY(row->exposure_adjusted[a]);
                QVERIFY(near(row->exposure_adjusted[a]->patient_years, rate["patient_years"]));
                QVERIFY(near(row->exposure_adjusted[a]->rate, rate["rate"]));
                QVERIFY(near(row->exposure_adjusted[a]->lower, rate["lower"]));
                QVERIFY(near(row->exposure_adjusted[a]->upper, rate["upper"]));
                if (a == *overview.reference_arm) {
                    QVERIFY(!row->risk_difference[a] && !row->rate_difference[a]);
                    continue;
                }
                const QJsonObject difference =
                    expected["rate_difference"].toObject()[arm].toObject();
                QVERIFY(row->rate_difference[a] && row->risk_difference[a]);
                QVERIFY(near(row->rate_difference[a]->estimate, difference["estimate"]));
                QVERIFY(near(row->rate_difference[a]->lower, difference["lower"]));
                QVERIFY(near(row->rate_difference[a]->upper, difference["upper"]));
            }
        }
    }

    // The pilot's AEACN is blank on every record: a row that says so, not zeros.
    void blankColumnIsNotRecorded() {
        const AeOverview overview = adverse_event_report(cdisc_pilot::study(), {}).overview;
        const AeOverviewRow* row = row_keyed(overview, "discontinuation");
        QVERIFY(row != nullptr);
        QVERIFY(!row->recorded);
        QVERIFY(row->counts.empty());
        QVERIFY(QString::fromStdString(row->not_recorded).contains("AEACN"));
        const AeOverviewRow* death = row_keyed(overview, "death");
        QVERIFY(death != nullptr && death->recorded);
    }

    // The pilot grades by AESEV: the row is named for severity, not grade.
    void severityNamesTheGradeRow() {
        const AeOverview pilot = adverse_event_report(cdisc_pilot::study(), {}).overview;
        QCOMPARE(row_keyed(pilot, "grade3plus")->category, std::string("Severe TEAE"));
        const AeOverview graded = adverse_event_report(demo(), {}).overview;
        QCOMPARE(row_keyed(graded, "grade3plus")->category, std::string("Grade >= 3 TEAE"));
    }

    // The AE table's related / serious filter narrows its rows, not the overview.
    void tableFilterDoesNotApply() {
        AeSpec serious;
        serious.filter.serious_only = true;
        const AeReport all = adverse_event_report(demo(), {});
        const AeReport filtered = adverse_event_report(demo(), serious);
        QVERIFY(filtered.table.rows[0].counts[0].any < all.table.rows[0].counts[0].any);
        for (std::size_t r = 0; r < all.overview.rows.size(); ++r) {
            QCOMPARE(filtered.overview.rows[r].counts, all.overview.rows[r].counts);
        }
    }

    // Only TRTEMFL "Y" records count where ADAE has TRTEMFL; every record without it.
    void treatmentEmergentRecordsOnly() {
        const std::vector<std::int32_t> arms{0, 1, 1, -1};
        const AeTable table = tabulate_adverse_events(two_records({1, 0}), arms, {"A", "B"});
        const AeOverview overview = adverse_event_overview(two_records({1, 0}), arms, table);
        QCOMPARE(row_keyed(overview, "any")->counts, (std::vector<std::size_t>{1, 0}));
        QCOMPARE(row_keyed(overview, "any")->category, std::string("Any TEAE"));
        AdverseEvents no_flag = two_records({1, 1});
        no_flag.has_treatment_emergent = false;
        const AeOverview every = adverse_event_overview(no_flag, arms, table);
        QVERIFY(!every.treatment_emergent);
        QCOMPARE(row_keyed(every, "any")->counts, (std::vector<std::size_t>{1, 1}));
        QCOMPARE(row_keyed(every, "serious")->counts, (std::vector<std::size_t>{0, 1}));
        QCOMPARE(row_keyed(every, "any")->category, std::string("Any AE"));
        // No AEACN, AEOUT or AESDTH: not recorded; no durations: no rates.
        QVERIFY(!row_keyed(every, "discontinuation")->recorded);
        QVERIFY(!row_keyed(every, "death")->recorded);
        QVERIFY(row_keyed(every, "any")->exposure_adjusted.empty());
    }

    void workspaceCarriesTheOverview() {
        WorkspaceSpec spec;
        spec.analysis.paramcd = "PFS";
        const Results results = compute_workspace(demo(), spec);
        QVERIFY(results.ae_overview);
        QVERIFY(results.adverse_events);
        QCOMPARE(results.ae_overview->arms, results.adverse_events->arms);
        QCOMPARE(results.ae_overview->rows.size(), std::size_t{6});
        const WorkspaceAdverseEvents ae = workspace_adverse_events(demo(), spec);
        QVERIFY(ae.overview);
        QCOMPARE(ae.overview->rows[0].counts, results.ae_overview->rows[0].counts);
    }
};

QTEST_APPLESS_MAIN(TestAdverseEventOverview)
#include "test_adverse_event_overview.moc"
