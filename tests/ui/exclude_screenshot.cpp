// Not a test: run by hand to look at the Data dock after a refused load that
// excluding invalid rows would cure. Copies the CDISC pilot's 17 sites' CSVs
// into a temporary folder, gives one ADTTE record a negative time, drops the
// folder onto the workspace (offscreen, on the demo study) and writes
// refused.png and then, after clicking the offer, excluded.png into the
// folder given (default /tmp/exclude-shots).

#include "../test_paths.h"
#include <controller/refit_controller.h>
#include <controller/study_loader.h>
#include <controller/workspace_document.h>
#include <main_window.h>
#include <panels/data_panel.h>

#include <triallens/demo/demo_study.h>

#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace triallens;
using namespace triallens::ui;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    const QString folder =
        argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("/tmp/exclude-shots");
    QDir().mkpath(folder);
    const QTemporaryDir data;
    const QDir sites(QString::fromStdString(TRIALLENS_PILOT_DATA + "/cdiscpilot01/sites"));
    for (const QString& name : sites.entryList(QDir::Files)) {
        QFile::copy(sites.filePath(name), data.filePath(name));
    }
    // Site 703's third TTDE record: a time of -2 days.
    QFile bad(data.filePath(QStringLiteral("adtte_site703.csv")));
    if (!bad.open(QIODevice::ReadOnly)) {
        return 1;
    }
    QList<QByteArray> lines = bad.readAll().split('\n');
    bad.close();
    QList<QByteArray> cells = lines[3].split(',');
    cells[cells.indexOf("TTDE") + 1] = "-2"; // AVAL follows PARAMCD in these files
    lines[3] = cells.join(',');
    if (!bad.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return 1;
    }
    bad.write(lines.join('\n'));
    bad.close();

    RefitController controller;
    QSignalSpy refitted(&controller, &RefitController::refitted);
    AnalysisSpec spec;
    spec.paramcd = "OS";
    controller.setStudy(std::make_shared<const Study>(generate_demo_study()), spec);
    MainWindow window(&controller);
    window.resize(1400, 900);
    window.show();
    refitted.wait(10000);
    // The Data dock shares its place with the settings: bring it to the front.
    for (auto* dock : window.findChildren<QDockWidget*>()) {
        if (dock->widget() == window.dataPanel()) {
            dock->raise();
        }
    }
    QSignalSpy failed(window.workspace()->loader(), &StudyLoader::failed);
    QSignalSpy loaded(window.workspace()->loader(), &StudyLoader::loaded);
    window.workspace()->openPaths({data.path()}, false);
    if (!failed.wait(30000)) {
        return 2;
    }
    QTest::qWait(200);
    window.grab().save(folder + "/refused.png");
    window.dataPanel()->grab().save(folder + "/refused-dock.png");
    QTest::mouseClick(window.dataPanel()->excludeButton(), Qt::LeftButton);
    if (!loaded.wait(30000)) {
        return 3;
    }
    QTest::qWait(500);
    window.grab().save(folder + "/excluded.png");
    window.dataPanel()->grab().save(folder + "/excluded-dock.png");
    return 0;
}
