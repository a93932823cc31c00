// The disposition of patients (disposition.h) through the workspace call,
// against base R's counts (tests/reference/golden_baseline.R) on the CDISC
// pilot (ITTFL, SAFFL, DCDECOD/DCREASCD) and the demo (EOTSTT/DCTREAS,
// EOSSTT/DCSREAS), and the rules for the columns a study may lack.

#include "../cdisc_pilot.h"
#include "../golden.h"

#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/disposition.h>
#include <triallens/analysis/workspace.h>
#include <triallens/demo/demo_study.h>

#include <QTest>

using namespace triallens;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

void compare_disposition(const Disposition& disposition, const QJsonObject& file) {
    const QJsonArray rows = file["disposition"].toArray();
    QCOMPARE(disposition.rows.size(), static_cast<std::size_t>(rows.size()));
    for (std::size_t r = 0; r < disposition.rows.size(); ++r) {
        const QJsonObject expected = rows[static_cast<qsizetype>(r)].toObject();
        const DispositionRow& row = disposition.rows[r];
        QCOMPARE(QString::fromStdString(row.stage), expected["stage"].toString());
        QCOMPARE(QString::fromStdString(row.reason), expected["reason"].toString());
        QCOMPARE(row.counts, golden::values<std::size_t>(expected["counts"]));
        const auto& randomised = disposition.rows.front().counts;
        for (std::size_t c = 0; c < row.counts.size(); ++c) {
            QCOMPARE(row.pct[c], 100.0 * static_cast<double>(row.counts[c]) /
                                     static_cast<double>(randomised[c]));
        }
    }
}

// Subjects in arms A, B, A, B, ... with the given columns.
Disposition small_disposition(std::vector<Variable> columns, std::size_t n) {
    std::vector<std::string> usubjid;
    std::vector<std::int32_t> arm;
    for (std::size_t s = 0; s < n; ++s) {
        usubjid.push_back("S" + std::to_string(s));
        arm.push_back(static_cast<std::int32_t>(s % 2));
    }
    Study study;
    study.subjects = SubjectTable(std::move(usubjid), std::move(columns));
    return disposition_table(study, arm, {"A", "B"}, "TRT01P");
}

std::vector<std::string> stages(const Disposition& disposition) {
    std::vector<std::string> out;
    for (const auto& row : disposition.rows) {
        out.push_back(row.reason.empty() ? row.stage : row.stage + ": " + row.reason);
    }
    return out;
}

} // namespace

class TestDisposition : public QObject {
    Q_OBJECT

private slots:
    void pilotMatchesR() {
        WorkspaceSpec spec;
        spec.analysis = default_spec(cdisc_pilot::study());
        const Results results = compute_workspace(cdisc_pilot::study(), spec);
        QVERIFY2(results.disposition.has_value(), results.baseline_error.c_str());
        compare_disposition(*results.disposition, golden::load("baseline_cdisc.json").toObject());
        QCOMPARE(results.disposition->sources,
                 (std::vector<std::string>{"Randomised: ITTFL = \"Y\"", "Treated: SAFFL = \"Y\"",
                                           "Study: DCDECOD/DCREASCD"}));
    }

    void demoMatchesR() {
        WorkspaceSpec spec;
        spec.analysis = default_spec(demo());
        const WorkspaceBaseline baseline = workspace_baseline(demo(), spec);
        QVERIFY2(baseline.disposition.has_value(), baseline.error.c_str());
        compare_disposition(*baseline.disposition, golden::load("baseline_demo.json").toObject());
        QCOMPARE(baseline.disposition->sources.back(), std::string("Study: EOSSTT/DCSREAS"));
    }

    // Without EOTSTT a DCTREAS value is a discontinuation; a discontinuation
    // without a reason says so; stages without a column are left out.
    void dctreasAloneGivesDiscontinuations() {
        const Disposition disposition = small_disposition(
            {Variable::factor("DCTREAS", "Reason", {0, -1, 1, 0}, {"ADVERSE EVENT", "DEATH"})}, 4);
        QCOMPARE(stages(disposition),
                 (std::vector<std::string>{"Randomised", "Discontinued treatment",
                                           "Discontinued treatment: ADVERSE EVENT",
                                           "Discontinued treatment: DEATH"}));
        QCOMPARE(disposition.rows[1].counts, (std::vector<std::size_t>{2, 1, 3}));
        QCOMPARE(disposition.rows[2].counts, (std::vector<std::size_t>{1, 1, 2}));
    }

    void missingReasonIsNotRecorded() {
        const Disposition disposition = small_disposition(
            {Variable::factor("EOSSTT", "Status", {0, 1, 0, 1}, {"DISCONTINUED", "ONGOING"}),
             Variable::factor("DCSREAS", "Reason", {-1, -1, 0, -1}, {"DEATH"})},
            4);
        QCOMPARE(stages(disposition),
                 (std::vector<std::string>{"Randomised", "Ongoing in study", "Completed study",
                                           "Discontinued study", "Discontinued study: DEATH",
                                           "Discontinued study: Not recorded"}));
        // Ties in frequency are by name.
        QCOMPARE(disposition.rows[4].counts, (std::vector<std::size_t>{1, 0, 1}));
    }

    void withoutFlagsEverySubjectWithAnArmIsRandomised() {
        const Disposition disposition = small_disposition({}, 5);
        QCOMPARE(stages(disposition), std::vector<std::string>{"Randomised"});
        QCOMPARE(disposition.rows.front().counts, (std::vector<std::size_t>{3, 2, 5}));
        QCOMPARE(disposition.rows.front().pct, (std::vector<double>{100, 100, 100}));
    }
};

QTEST_APPLESS_MAIN(TestDisposition)
#include "test_disposition.moc"
