// Export from the workspace: the figure or table on screen to a file or the
// clipboard, every subgroup's curves as a batch, and the Export dialog's
// sizes, all through the real main window.

#include <controller/export_controller.h>
#include <controller/refit_controller.h>
#include <main_window.h>
#include <panels/export_dialog.h>
#include <views/forest_view.h>
#include <views/km_chart_view.h>

#include <triallens/demo/demo_study.h>

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "workspace_test_support.h"

using namespace triallens;
using namespace triallens::ui;
using workspace_test::demo;

namespace {

struct Workspace {
    RefitController controller;
    std::unique_ptr<MainWindow> window;

    Workspace() {
        QSignalSpy refitted(&controller, &RefitController::refitted);
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.subgroups = {"PDL1STAT", "ECOGBL"};
        controller.setStudy(demo(), spec);
        window = std::make_unique<MainWindow>(&controller);
        if (!refitted.wait(20000)) {
            qFatal("no refit");
        }
    }
    ExportController* exporter() const { return window->exportController(); }
};

QByteArray read_all(const QString& path) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExportController : public QObject {
    Q_OBJECT

private slots:
    // Windows and exports read and write settings: a throw-away location, not the user's.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // What you see is what you export: the file holds the Survival tab's
    // figure at the physical size asked for.
    void kmFigureExportsAtItsPhysicalSize() {
        Workspace w;
        QTemporaryDir dir;
        QSignalSpy exported(w.exporter(), &ExportController::exported);
        FigureExportOptions options;
        options.size_points = QSizeF(13.333 * 72, 7.5 * 72);
        options.dpi = 150;
        const QString png = dir.filePath("km.png");
        w.exporter()->exportItem(ExportDialog::Item::KaplanMeier, png, options);
        QCOMPARE(exported.count(), 1);
        QCOMPARE(QImage(png).size(), QSize(2000, 1125));

        const QString svg = dir.filePath("km.svg");
        w.exporter()->exportItem(ExportDialog::Item::KaplanMeier, svg, options);
        const QByteArray text = read_all(svg);
        QVERIFY(text.contains("Number at risk"));
        for (const ArmSurvival& arm : w.window->kmView()->results()->arms) {
            QVERIFY(text.contains(QByteArray::fromStdString(arm.arm)));
        }
    }

    void forestFigureAndTablesExport() {
        Workspace w;
        QTemporaryDir dir;
        QSignalSpy exported(w.exporter(), &ExportController::exported);
        QSignalSpy failed(w.exporter(), &ExportController::failed);
        w.exporter()->exportItem(ExportDialog::Item::Forest, dir.filePath("forest.pdf"), {});
        w.exporter()->exportItem(ExportDialog::Item::ForestTable, dir.filePath("forest.csv"), {});
        w.exporter()->exportItem(ExportDialog::Item::AdverseEventTable, dir.filePath("ae.rtf"), {});
        w.exporter()->exportItem(ExportDialog::Item::ResponseTable, dir.filePath("resp.html"), {});
        // The summary refits every endpoint on a worker: the file comes later.
        w.exporter()->exportItem(ExportDialog::Item::SummaryTable, dir.filePath("sum.csv"), {});
        QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 5, 20000);
        QVERIFY(failed.isEmpty());
        QVERIFY(read_all(dir.filePath("forest.pdf")).startsWith("%PDF"));
        QVERIFY(QString::fromUtf8(read_all(dir.filePath("forest.csv"))).contains("PD-L1 Status"));
        QVERIFY(read_all(dir.filePath("ae.rtf")).startsWith("{\\rtf1"));
        QVERIFY(read_all(dir.filePath("resp.html")).contains("<table"));
        const QString summary = QString::fromUtf8(read_all(dir.filePath("sum.csv")));
        QVERIFY(summary.contains("Overall survival"));
        QVERIFY(summary.contains("Progression-free survival"));

        w.exporter()->exportItem(ExportDialog::Item::KaplanMeier, dir.filePath("km.gif"), {});
        QCOMPARE(failed.count(), 1);
        QVERIFY(!QFile::exists(dir.filePath("km.gif")));
    }

    // A paste into slides: a figure as an image and as SVG, a table as HTML
    // and tab-separated text.
    void copyPutsFiguresAndTablesOnTheClipboard() {
        Workspace w;
        QSignalSpy copied(w.exporter(), &ExportController::copied);
        w.window->tabs()->setCurrentIndex(0);
        w.exporter()->copyAction()->trigger();
        QCOMPARE(copied.count(), 1);
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime->hasImage());
        QVERIFY(mime->data("image/svg+xml").contains("<svg"));

        w.window->tabs()->setCurrentIndex(w.window->tabIndex(QStringLiteral("adverse-events")));
        w.exporter()->copyAction()->trigger();
        QTRY_COMPARE(copied.count(), 2);
        mime = QGuiApplication::clipboard()->mimeData();
        QVERIFY(mime->hasHtml());
        QVERIFY(mime->html().contains("<table"));
        QVERIFY(mime->text().contains('\t'));
        QVERIFY(mime->text().contains("Any adverse event"));
    }

    void everySubgroupWritesOneFigurePerLevel() {
        Workspace w;
        QTemporaryDir dir;
        QSignalSpy progressed(w.exporter(), &ExportController::batchProgressed);
        QSignalSpy finished(w.exporter(), &ExportController::batchFinished);
        w.exporter()->exportEverySubgroup("PDL1STAT", dir.path(), "png", {});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.front().at(0).toInt(), 2);
        QCOMPARE(progressed.count(), 2);
        QCOMPARE(progressed.back().at(0).toInt(), 2);
        QVERIFY(!QImage(dir.filePath("Negative.png")).isNull());
        QVERIFY(!QImage(dir.filePath("Positive.png")).isNull());
    }

    // A batch that fails or is cancelled leaves nothing: no folder, no
    // figure, no temporary folder beside it.
    void everySubgroupIsWrittenWholeOrNotAtAll() {
        Workspace w;
        QTemporaryDir dir;
        const QString folder = dir.filePath("figs");
        QSignalSpy finished(w.exporter(), &ExportController::batchFinished);
        QSignalSpy failed(w.exporter(), &ExportController::failed);
        FigureExportOptions too_large;
        too_large.size_points = QSizeF(20000, 400); // more than 200 in wide
        w.exporter()->exportEverySubgroup("PDL1STAT", folder, "png", too_large);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.front().at(0).toInt(), 0);
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.front().at(0).toString().contains("200 in"),
                 qPrintable(failed.front().at(0).toString()));
        QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));

        w.exporter()->exportEverySubgroup("PDL1STAT", folder, "png", {});
        w.exporter()->cancelBatch();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 30000);
        QCOMPARE(finished.back().at(0).toInt(), 0);
        QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    }

    void viewsOfferExportInTheirContextMenus() {
        Workspace w;
        QAction* export_action = w.exporter()->exportAction();
        QCOMPARE(export_action->shortcut(), QKeySequence(QStringLiteral("Ctrl+E")));
        QVERIFY(w.window->kmView()->actions().contains(export_action));
        QVERIFY(w.window->kmView()->actions().contains(w.exporter()->copySvgAction()));
        QVERIFY(w.window->forestView()->actions().contains(export_action));
        QCOMPARE(w.window->forestView()->contextMenuPolicy(), Qt::ActionsContextMenu);
    }

    // The dialog keeps a preset's exact size and a physical size across units.
    void dialogSizesArePhysical() {
        ExportDialog dialog;
        const auto slide = find_size_preset("slide-16x9");
        QVERIFY(slide.has_value());
        dialog.presetBox()->setCurrentIndex(dialog.presetBox()->findData("slide-16x9"));
        emit dialog.presetBox()->activated(dialog.presetBox()->currentIndex());
        QCOMPARE(dialog.figureOptions().size_points, slide->size_points);
        QCOMPARE(dialog.figureOptions().font_size_pt, slide->font_size_pt);

        dialog.presetBox()->setCurrentIndex(dialog.presetBox()->count() - 1); // Custom
        dialog.widthBox()->setValue(7);
        dialog.heightBox()->setValue(4.5);
        dialog.unitBox()->setCurrentIndex(dialog.unitBox()->findData("cm"));
        QCOMPARE(dialog.widthBox()->value(), 17.78);
        QVERIFY(qAbs(dialog.figureOptions().size_points.width() - 7 * 72) < 0.01);

        dialog.setPath("/tmp/out/km.png");
        dialog.setItem(ExportDialog::Item::AdverseEventTable);
        QCOMPARE(dialog.path(), QStringLiteral("/tmp/out/km.html"));
        QVERIFY(!dialog.widthBox()->isEnabled());
    }
};

QTEST_MAIN(TestExportController)
#include "test_export_controller.moc"
