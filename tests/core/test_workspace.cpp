// The one workspace call: what compute_workspace adds to a refit (the
// forest's all-patients row, the focus, the AE table by actual treatment),
// checked against the plain calls it is made of, and the defaults the window
// and the command line share.

#include "../cdisc_pilot.h"

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/factor_columns.h>
#include <triallens/analysis/refit.h>
#include <triallens/analysis/subject_filter.h>
#include <triallens/analysis/workspace.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/maxcombo.h>

#include <QTest>

#include <algorithm>

using namespace triallens;

namespace {

const Study& demo() {
    static const Study study = generate_demo_study();
    return study;
}

void compare_arms(const Results& actual, const Results& expected) {
    QCOMPARE(actual.arms.size(), expected.arms.size());
    for (std::size_t a = 0; a < actual.arms.size(); ++a) {
        QCOMPARE(actual.arms[a].arm, expected.arms[a].arm);
        QCOMPARE(actual.arms[a].km.n, expected.arms[a].km.n);
        QCOMPARE(actual.arms[a].km.cumhaz_se, expected.arms[a].km.cumhaz_se);
        QCOMPARE(actual.arms[a].median.estimate, expected.arms[a].median.estimate);
    }
    QCOMPARE(actual.cox.has_value(), expected.cox.has_value());
    if (actual.cox) {
        QCOMPARE(actual.cox->terms.front().coef, expected.cox->terms.front().coef);
    }
}

} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT

private slots:
    void withoutFocusTheSurvivalIsTheRefits() {
        WorkspaceSpec spec;
        spec.analysis.paramcd = "PFS";
        spec.analysis.subgroups = {"SEX"};
        const Results workspace = compute_workspace(demo(), spec);
        const Results plain = refit(demo(), complete_spec(demo(), spec.analysis));
        compare_arms(workspace, plain);
        QCOMPARE(workspace.subgroups.size(), plain.subgroups.size());
        QCOMPARE(workspace.forest_subjects, workspace.subjects);
        QVERIFY(!workspace.focus);
    }

    void allPatientsRowHoldsBothArmsAndTheArmModelsHazardRatio() {
        WorkspaceSpec spec;
        spec.analysis.paramcd = "OS";
        const Results results = compute_workspace(demo(), spec);
        QVERIFY(results.all_patients.has_value());
        const SubgroupRow& all = *results.all_patients;
        QCOMPARE(all.arms.size(), std::size_t{2});
        QCOMPARE(all.arms[0].arm, results.arms[0].arm);
        QCOMPARE(all.arms[1].arm, results.compared_arm);
        QCOMPARE(all.n, results.arms[0].km.n + results.arms[1].km.n);
        QCOMPARE(all.events, results.arms[0].km.n_events + results.arms[1].km.n_events);
        QCOMPARE(*all.hr, *results.cox->terms.front().hr);
        QCOMPARE(*all.upper, *results.cox->terms.front().upper);
    }

    void focusAppliesToEveryPanelButTheForest() {
        WorkspaceSpec spec;
        spec.analysis.paramcd = "PFS";
        spec.analysis.subgroups = {"PDL1STAT", "AGEGR1"};
        spec.analysis.filter = "AGE >= 40";
        const Results all = compute_workspace(demo(), spec);
        const std::string level = demo().subjects.find("PDL1STAT")->levels().front();
        spec.focus = SubgroupFocus{"PDL1STAT", level};
        const Results focused = compute_workspace(demo(), spec);

        AnalysisSpec by_hand = complete_spec(demo(), spec.analysis);
        by_hand.filter = filter_with_level(by_hand.filter, "PDL1STAT", level);
        by_hand.subgroups.clear();
        const Results expected = refit(demo(), by_hand);
        compare_arms(focused, expected);
        QCOMPARE(focused.subjects, expected.subjects);
        QVERIFY(focused.subjects < all.subjects);
        QCOMPARE(focused.filter, std::string("AGE >= 40")); // the user's, not the focus's
        QCOMPARE(focused.focus->level, level);

        // The forest stays on the filtered subjects, so the user can click on.
        QCOMPARE(focused.forest_subjects, all.subjects);
        QCOMPARE(focused.subgroups.size(), all.subgroups.size());
        for (std::size_t r = 0; r < all.subgroups.size(); ++r) {
            QCOMPARE(focused.subgroups[r].level, all.subgroups[r].level);
            QCOMPARE(focused.subgroups[r].hr, all.subgroups[r].hr);
        }
        QCOMPARE(focused.all_patients->hr, all.all_patients->hr);

        // The AE table counts the focused subjects too.
        QVERIFY(focused.adverse_events && all.adverse_events);
        std::size_t focused_n = 0;
        std::size_t all_n = 0;
        for (std::size_t a = 0; a < all.adverse_events->arms.size(); ++a) {
            focused_n += focused.adverse_events->denominators[a];
            all_n += all.adverse_events->denominators[a];
        }
        QVERIFY(focused_n < all_n);
    }

    void safetyTablesCountByActualTreatment() {
        WorkspaceSpec spec; // the pilot's planned treatment, TRT01P, by default
        const Results results = compute_workspace(cdisc_pilot::study(), spec);
        QCOMPARE(results.arm_variable, std::string("TRT01P"));
        QCOMPARE(results.ae_arm_variable, std::string("TRT01A"));
        QVERIFY(results.adverse_events.has_value());
        QCOMPARE(results.adverse_events->arms[*results.adverse_events->reference_arm],
                 std::string("Placebo"));

        AeSpec by_hand;
        by_hand.arm_variable = "TRT01A";
        const AeTable expected = adverse_event_table(cdisc_pilot::study(), by_hand);
        QCOMPARE(results.adverse_events->denominators, expected.denominators);
        QCOMPARE(results.adverse_events->rows.size(), expected.rows.size());
        QCOMPARE(results.adverse_events->rows.front().counts[0].any,
                 expected.rows.front().counts[0].any);
    }

    void aeTableNeedsNoTimeToEventData() {
        WorkspaceSpec spec;
        spec.analysis.paramcd = "NOSUCH"; // the survival analysis cannot be made
        QVERIFY_THROWS_EXCEPTION(SpecError, compute_workspace(cdisc_pilot::study(), spec));
        const WorkspaceAdverseEvents ae = workspace_adverse_events(cdisc_pilot::study(), spec);
        QVERIFY(ae.table.has_value());
        QCOMPARE(ae.arm_variable, std::string("TRT01A"));
    }

    void threeArmsHaveADefaultForest() {
        WorkspaceSpec spec;
        spec.analysis.subgroups = default_subgroups(cdisc_pilot::study());
        QVERIFY(!spec.analysis.subgroups.empty());
        const Results results = compute_workspace(cdisc_pilot::study(), spec);
        QCOMPARE(results.compared_arm, results.arms[1].arm); // the first after the reference
        QVERIFY(!results.subgroups.empty());
        QCOMPARE(results.subgroups.front().arms[1].arm, results.compared_arm);
    }

    void defaultSpecKeepsTheEndpointShownBefore() {
        QCOMPARE(default_spec(demo(), "OS").paramcd, std::string("OS"));
        // The first endpoint that is not a duration of response (DURRSP sorts first).
        QCOMPARE(demo().endpoints.front().paramcd(), std::string("DURRSP"));
        QCOMPARE(default_spec(demo(), "NOSUCH").paramcd, std::string("OS"));
        QCOMPARE(default_spec(demo()).subgroups, default_subgroups(demo()));
    }

    void defaultSpecRunsTheDelayedEffectsTestsWithTwoArms() {
        for (const Study* study : {&demo(), &cdisc_pilot::study()}) {
            const AnalysisSpec spec = default_spec(*study);
            QCOMPARE(spec.fh_tests, maxcombo_default_tests());
            QVERIFY(spec.maxcombo.has_value());
            QCOMPARE(*spec.maxcombo, maxcombo_default_tests());
            QVERIFY(spec.hr_cuts.empty());
            QVERIFY(!spec.from.has_value());
            const Results results = refit(*study, spec);
            QCOMPARE(results.weighted_logrank.size(), maxcombo_default_tests().size());
            QVERIFY(results.maxcombo.has_value());
            // As the window computes it: complete_spec again, with its tests.
            WorkspaceSpec workspace;
            workspace.analysis = spec;
            const Results shown = compute_workspace(*study, workspace);
            QCOMPARE(shown.delayed_effects_arm, spec.compare_arm);
            QVERIFY(shown.maxcombo.has_value());
        }
    }

    void factorColumnsLeaveOutTreatmentAndIdentifiers() {
        const std::vector<std::string> columns = factor_columns(cdisc_pilot::study());
        for (const char* left_out : {"TRT01P", "TRT01A", "USUBJID", "SUBJID"}) {
            QVERIFY2(std::find(columns.begin(), columns.end(), left_out) == columns.end(),
                     left_out);
        }
        QVERIFY(std::find(columns.begin(), columns.end(), "SEX") != columns.end());
        // ADaM's numeric companions repeat their text column's groups as codes.
        for (const char* companion : {"AGEGR1N", "RACEN"}) {
            QVERIFY2(cdisc_pilot::study().subjects.find(companion) != nullptr, companion);
            QVERIFY2(std::find(columns.begin(), columns.end(), companion) == columns.end(),
                     companion);
        }
        for (const char* text : {"AGEGR1", "RACE"}) {
            QVERIFY2(std::find(columns.begin(), columns.end(), text) != columns.end(), text);
        }
        for (const std::string& name : columns) {
            QVERIFY(cdisc_pilot::study().subjects.find(name)->levels().size() >= 2);
        }
    }

    void workspaceEndpointsFollowTheFocus() {
        WorkspaceSpec spec;
        spec.focus = SubgroupFocus{"AGEGR1", demo().subjects.find("AGEGR1")->levels().front()};
        const auto per_endpoint = workspace_endpoints(demo(), spec);
        QCOMPARE(per_endpoint.size(), demo().endpoints.size());
        for (const ResultsPtr& results : per_endpoint) {
            QVERIFY(results->focus.has_value());
            QVERIFY(results->subgroups.empty());
        }
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "test_workspace.moc"
