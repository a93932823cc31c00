// Not a test: run by hand to look at the workspace's tabs. Opens the main
// window offscreen on the demo study (OS, stratified by the randomisation
// factors, with cut points, milestones and an RMST horizon), or on the data files and folders named
// after the size (the study's default analysis, e.g. tests/data/cdiscpilot01/sites), and writes one
// PNG per tab into the folder given (default /tmp/tabs-shots), at the window size given (default
// 1400 900):
//   tab_screenshots /tmp/shots 1400 900 tests/data/cdiscpilot01/sites

#include <controller/refit_controller.h>
#include <main_window.h>
#include <panels/adverse_events_panel.h>

#include <triallens/analysis/default_spec.h>
#include <triallens/demo/demo_study.h>
#include <triallens/io/load_study.h>
#include <triallens/stats/maxcombo.h>

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <cstdlib>
#include <filesystem>
#include <vector>

using namespace triallens;
using namespace triallens::ui;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString folder =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/tmp/tabs-shots");
    QDir().mkpath(folder);
    RefitController controller;
    QSignalSpy refitted(&controller, &RefitController::refitted);
    std::vector<std::filesystem::path> files;
    for (int i = 4; i < argc; ++i) {
        files.emplace_back(argv[i]);
    }
    if (files.empty()) {
        AnalysisSpec spec;
        spec.paramcd = "OS";
        spec.strata = {"PRTAXFL", "LIVBRNFL"};
        // Every row the Delayed effects tab can show: its default tests, cut
        // points, milestones and an RMST horizon.
        spec.fh_tests = maxcombo_default_tests();
        spec.maxcombo = maxcombo_default_tests();
        spec.hr_cuts = {6, 12};
        spec.landmarks = {12, 24};
        spec.tau = 24;
        controller.setStudy(std::make_shared<const Study>(generate_demo_study()), spec);
    } else {
        StudyLoad load = load_study(files);
        if (!load.study) {
            return 2;
        }
        const auto study = std::make_shared<const Study>(std::move(*load.study));
        controller.setStudy(study, default_spec(*study));
    }
    MainWindow window(&controller);
    window.resize(argc > 3 ? std::atoi(argv[2]) : 1400, argc > 3 ? std::atoi(argv[3]) : 900);
    window.show();
    if (!refitted.wait(10000)) {
        return 1;
    }
    auto* tabs = qobject_cast<QTabWidget*>(window.centralWidget());
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QTest::qWait(200);
        const QString name = window.tabId(tab);
        window.grab().save(QStringLiteral("%1/%2.png").arg(folder, name));
    }
    // The Adverse events tab's other views, each as its own picture.
    tabs->setCurrentIndex(window.tabIndex(QStringLiteral("adverse-events")));
    AdverseEventsPanel* ae = window.adverseEventsPanel();
    const std::vector<std::pair<AdverseEventsPanel::Page, const char*>> pages{
        {AdverseEventsPanel::Page::Overview, "overview"},
        {AdverseEventsPanel::Page::DotPlot, "dotplot"},
        {AdverseEventsPanel::Page::Volcano, "volcano"}};
    for (const auto& [page, name] : pages) {
        ae->setPage(page);
        QTest::qWait(200);
        window.grab().save(QStringLiteral("%1/adverse-events-%2.png").arg(folder, name));
    }
    ae->exposureBox()->setChecked(true);
    ae->setPage(AdverseEventsPanel::Page::Overview);
    QTest::qWait(200);
    window.grab().save(QStringLiteral("%1/adverse-events-overview-exposure.png").arg(folder));
    ae->setPage(AdverseEventsPanel::Page::Table);
    QTest::qWait(200);
    window.grab().save(QStringLiteral("%1/adverse-events-exposure.png").arg(folder));
    return 0;
}
