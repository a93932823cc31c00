// Arms rebuilt from a publication in the window (WorkspaceDocument::
// openPublishedArms): beside the CDISC pilot's own arms, and on their own.
// The pilot's Placebo arm, in months as a published figure shows it, comes
// back as "Placebo (published)": the refit has four arms, the copy's curve
// is the real arm's, and the status line and the Data dock say the study is
// partly reconstructed. Arms that cannot be made leave the study as it was. With
// TRIALLENS_SCREENSHOT_DIR set, the Survival tab is saved as PNG.

#include "../pilot_published_arm.h"
#include "../test_paths.h"

#include <controller/refit_controller.h>
#include <controller/study_loader.h>
#include <controller/workspace_document.h>
#include <main_window.h>
#include <panels/data_panel.h>
#include <panels/digitiser_dialog.h>

#include <triallens/data/reconstructed_subjects.h>
#include <triallens/demo/demo_study.h>

#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace triallens;
using namespace triallens::ui;

namespace {

ReconstructedStudyOptions doe_2024() {
    ReconstructedStudyOptions options;
    options.source = "Doe et al. 2024, Figure 2";
    options.time_unit = TimeUnit::Months;
    return options;
}

} // namespace

class TestPublishedArms : public QObject {
    Q_OBJECT

private slots:
    void publishedArmsJoinThePilotAndAreLabelled() {
        RefitController controller;
        controller.setStudy(std::make_shared<const Study>(generate_demo_study()), {});
        MainWindow window(&controller);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        WorkspaceDocument* workspace = window.workspace();
        QSignalSpy changed(workspace, &WorkspaceDocument::studyChanged);
        const QString pilot = QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/");
        workspace->openPaths({pilot + "adsl.xpt", pilot + "adtte.xpt"}, false);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() == 1; }, 30000));
        QVERIFY(QTest::qWaitFor([&] { return !controller.busy() && controller.results(); }, 30000));
        const std::size_t own = workspace->study()->subjects.size();

        workspace->openPublishedArms({cdisc_pilot::placebo_as_published()}, doe_2024(),
                                     WorkspaceDocument::PublishedArms::BesideTheStudy);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() == 2; }, 30000));
        QCOMPARE(workspace->study()->subjects.size(), own + 86);
        QCOMPARE(workspace->paths().size(), 2); // the trial's files stay
        const QStringList warnings = changed.last().at(2).toStringList();
        QVERIFY(
            warnings.join(' ').contains(QStringLiteral("86 of 340 subjects are pseudo-patients")));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !controller.busy() && controller.results() &&
                       controller.results()->arms.size() == 4;
            },
            30000));
        const Results& results = *controller.results();
        const auto copy =
            std::find_if(results.arms.begin(), results.arms.end(),
                         [](const ArmSurvival& a) { return a.arm == "Placebo (published)"; });
        const auto real = std::find_if(results.arms.begin(), results.arms.end(),
                                       [](const ArmSurvival& a) { return a.arm == "Placebo"; });
        QVERIFY(copy != results.arms.end() && real != results.arms.end());
        QCOMPARE(copy->km.curve.surv, real->km.curve.surv);

        QVERIFY2(window.subjectsLabel()->text().contains(
                     QStringLiteral("Partly RECONSTRUCTED from a publication: Doe et al. 2024")),
                 qPrintable(window.subjectsLabel()->text()));
        QVERIFY2(window.dataPanel()->summary()->text().contains(
                     QStringLiteral("(Partly RECONSTRUCTED from a publication: Doe et al. 2024")),
                 qPrintable(window.dataPanel()->summary()->text()));
        const QString folder = qEnvironmentVariable("TRIALLENS_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            window.tabs()->setCurrentIndex(window.tabIndex(QStringLiteral("survival")));
            QTest::qWait(200);
            window.grab().save(folder + QStringLiteral("/published-arms-beside-pilot.png"));
        }

        // On their own: all subjects reconstructed, no files.
        workspace->openPublishedArms({cdisc_pilot::placebo_as_published()}, doe_2024(),
                                     WorkspaceDocument::PublishedArms::OnTheirOwn);
        QVERIFY(QTest::qWaitFor([&] { return changed.count() == 3; }, 30000));
        QCOMPARE(workspace->study()->subjects.size(), std::size_t{86});
        QVERIFY(reconstructed_subjects(workspace->study()->subjects).all());
        QVERIFY(workspace->paths().isEmpty());
        QVERIFY(QTest::qWaitFor(
            [&] {
                return !controller.busy() && controller.results() &&
                       controller.results()->subjects_total == 86;
            },
            30000));
        QVERIFY2(window.subjectsLabel()->text().contains(
                     QStringLiteral("· RECONSTRUCTED from a publication: Doe et al. 2024")),
                 qPrintable(window.subjectsLabel()->text()));
    }

    void theFileMenuOpensTheDigitiser() {
        RefitController controller;
        controller.setStudy(std::make_shared<const Study>(generate_demo_study()), {});
        MainWindow window(&controller);
        QVERIFY(window.publishedArmsAction() != nullptr);
        bool opened = false;
        QTimer::singleShot(0, &window, [&] {
            if (auto* dialog = window.findChild<DigitiserDialog*>()) {
                opened = dialog->isVisible();
                dialog->reject();
            }
        });
        QSignalSpy changed(window.workspace(), &WorkspaceDocument::studyChanged);
        window.publishedArmsAction()->trigger();
        QVERIFY(opened);
        QCOMPARE(changed.count(), 0); // cancelled: nothing changes
    }

    void armsThatCannotBeMadeLeaveTheStudyAsItWas() {
        RefitController controller;
        controller.setStudy(std::make_shared<const Study>(generate_demo_study()), {});
        MainWindow window(&controller);
        WorkspaceDocument* workspace = window.workspace();
        const std::shared_ptr<const Study> before = workspace->study();
        QSignalSpy refused(workspace, &WorkspaceDocument::studyRefused);
        QSignalSpy changed(workspace, &WorkspaceDocument::studyChanged);
        NamedArm formula = cdisc_pilot::placebo_as_published();
        formula.name = "=HYPERLINK(\"x\")";
        workspace->openPublishedArms({formula}, doe_2024(),
                                     WorkspaceDocument::PublishedArms::BesideTheStudy);
        QVERIFY(QTest::qWaitFor([&] { return refused.count() == 1; }, 30000));
        QVERIFY2(refused.front().front().toString().contains(QStringLiteral("formula")),
                 qPrintable(refused.front().front().toString()));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(workspace->study(), before);
    }
};

QTEST_MAIN(TestPublishedArms)
#include "test_published_arms.moc"
