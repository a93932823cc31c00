// The window and the command line cannot disagree: given the same choices,
// the window's refit controller and `triallens analyze`/`ae` reach the same
// core call, so every number of every tab — survival, comparisons, forest,
// landmarks and RMST, response, methods, the AE table — is the same. The
// window is driven as a user leaves it (a workspace state with a Filters-dock
// range and the AE tab's toggle); the command line is parsed from its flags.

#include <cli/command_line.h>
#include <cli/results_json.h>
#include <cli/workspace_from_flags.h>
#include <controller/refit_controller.h>
#include <controller/workspace_document.h>
#include <document/filter_expression.h>
#include <main_window.h>

#include <triallens/analysis/workspace.h>

#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include "workspace_test_support.h"

using namespace triallens;
using namespace triallens::ui;
using workspace_test::demo;

namespace {

void compare_ae_tables(const AeTable& window, const AeTable& command) {
    QCOMPARE(window.arms, command.arms);
    QCOMPARE(window.denominators, command.denominators);
    QCOMPARE(window.reference_arm, command.reference_arm);
    QCOMPARE(window.rows.size(), command.rows.size());
    for (std::size_t r = 0; r < window.rows.size(); ++r) {
        QCOMPARE(window.rows[r].soc, command.rows[r].soc);
        QCOMPARE(window.rows[r].pt, command.rows[r].pt);
        for (std::size_t a = 0; a < window.arms.size(); ++a) {
            QCOMPARE(window.rows[r].counts[a].any, command.rows[r].counts[a].any);
            QCOMPARE(window.rows[r].counts[a].grade3plus, command.rows[r].counts[a].grade3plus);
        }
    }
}

} // namespace

class TestWorkspaceParity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void windowAndCommandLineComputeTheSameResults() {
        // The window: the demo, then the user's choices as one workspace state.
        RefitController controller;
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec first;
        first.paramcd = "PFS";
        controller.setStudy(demo(), first);
        MainWindow window(&controller);
        QTRY_VERIFY_WITH_TIMEOUT(refitted.count() >= 1, 10000);

        WorkspaceState state = window.workspace()->state();
        state.spec.paramcd = "OS";
        state.spec.strata = {"ECOGBL"};
        state.spec.subgroups = {"PDL1STAT", "AGEGR1"};
        state.spec.ties = Ties::Breslow;
        state.spec.landmarks = {6, 12};
        state.spec.tau = 18;
        state.filters.ranges["AGE"].low = 40;
        state.spec.filter = filter_expression(state.filters, *demo());
        state.adverse_events.treatment_emergent_only = true;
        QVERIFY(!state.spec.filter.empty());
        const qsizetype before = refitted.count();
        window.workspace()->restoreState(state);
        QTRY_VERIFY_WITH_TIMEOUT(refitted.count() > before, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 10000);
        const ResultsPtr shown = controller.results();
        QVERIFY(shown && shown->adverse_events);

        // The command line: the same choices as flags.
        const cli::CommandLine line = cli::parse_command_line(
            {"analyze", "demo", "--param", "OS", "--strata", "ECOGBL", "--subgroups",
             "PDL1STAT,AGEGR1", "--ties", "breslow", "--landmarks", "6,12", "--tau", "18",
             "--filter", state.spec.filter, "--treatment-emergent"});
        const Results computed =
            compute_workspace(*demo(), cli::workspace_from_flags(*demo(), line));

        // Every survival number the command line prints, as it prints them.
        QCOMPARE(QJsonDocument(cli::analyze_json(*shown)).toJson(),
                 QJsonDocument(cli::analyze_json(computed)).toJson());
        QVERIFY(!shown->subgroups.empty());
        QVERIFY(!shown->landmark_differences.empty());
        QVERIFY(!shown->rmst_comparisons.empty());
        QCOMPARE(shown->subjects, computed.subjects);
        QVERIFY(shown->subjects < shown->subjects_total);

        // The forest's first row, the methods panel and the response tab.
        QVERIFY(shown->all_patients && computed.all_patients);
        QCOMPARE(shown->all_patients->hr, computed.all_patients->hr);
        QCOMPARE(shown->compared_arm, computed.compared_arm);
        QCOMPARE(shown->ph_test->rows.back().chisq, computed.ph_test->rows.back().chisq);
        QCOMPARE(shown->concordance.ties.size(), computed.concordance.ties.size());
        for (std::size_t t = 0; t < shown->concordance.ties.size(); ++t) {
            QCOMPARE(shown->concordance.ties[t].terms.front().coef,
                     computed.concordance.ties[t].terms.front().coef);
        }
        QVERIFY(shown->response && computed.response);
        QCOMPARE(shown->response->arms.front().responders,
                 computed.response->arms.front().responders);
        QCOMPARE(shown->response->differences.front().difference,
                 computed.response->differences.front().difference);

        // The AE table, counted by the same treatment column.
        QCOMPARE(shown->ae_arm_variable, computed.ae_arm_variable);
        compare_ae_tables(*shown->adverse_events, *computed.adverse_events);
        const cli::CommandLine ae_line = cli::parse_command_line(
            {"ae", "demo", "--filter", state.spec.filter, "--treatment-emergent"});
        const WorkspaceAdverseEvents ae =
            workspace_adverse_events(*demo(), cli::workspace_from_flags(*demo(), ae_line));
        QVERIFY(ae.table.has_value());
        compare_ae_tables(*shown->adverse_events, *ae.table);
    }
};

QTEST_MAIN(TestWorkspaceParity)
#include "test_workspace_parity.moc"
