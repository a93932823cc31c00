// Past invalid rows only when the user asks: a drop refused for one negative
// time leaves the demo study in place and offers "Load without the 1 invalid
// row"; clicking it loads the study without that record, lists the
// "excluded:" warning with file and line and says so in the status bar. A
// refusal that excluding rows would not cure offers nothing.

#include <controller/refit_controller.h>
#include <controller/study_loader.h>
#include <controller/workspace_document.h>
#include <main_window.h>
#include <panels/data_panel.h>

#include <triallens/demo/demo_study.h>

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include "workspace_test_support.h"

using namespace triallens;
using namespace triallens::ui;
using workspace_test::demo;
using workspace_test::drop;

namespace {

void write(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    QFile file(dir.filePath(name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

QStringList texts(const QListWidget* list) {
    QStringList lines;
    for (int i = 0; i < list->count(); ++i) {
        lines << list->item(i)->text();
    }
    return lines;
}

} // namespace

class TestExcludeInvalidRows : public QObject {
    Q_OBJECT

private slots:
    // Windows and exports read and write settings: a throw-away location, not the user's.
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void offersAndLoadsWithoutTheInvalidRow() {
        QTemporaryDir dir;
        write(dir, "adsl.csv", "USUBJID,TRT01P\nS1,A\nS2,B\nS3,A\nS4,B\n");
        write(dir, "adtte.csv",
              "USUBJID,PARAMCD,AVAL,CNSR\nS1,OS,5,0\nS2,OS,-3,0\nS3,OS,7,1\nS4,OS,9,0\n");

        RefitController controller;
        controller.setStudy(demo(), {});
        MainWindow window(&controller);
        window.show();
        QSignalSpy failed(window.workspace()->loader(), &StudyLoader::failed);
        QSignalSpy loaded(window.workspace()->loader(), &StudyLoader::loaded);
        drop(window, {dir.path()});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);

        // Refused, the demo stays; the offer names how many rows would go.
        QCOMPARE(controller.study(), demo());
        QCOMPARE(failed.front().at(1).toInt(), 1);
        QPushButton* button = window.dataPanel()->excludeButton();
        QVERIFY(button->isVisible());
        QCOMPARE(button->text(), QStringLiteral("Load without the 1 invalid row"));
        QVERIFY(texts(window.dataPanel()->findings())
                    .join('\n')
                    .contains(QStringLiteral("error: ") + dir.filePath("adtte.csv") +
                              ":3: column AVAL: negative time"));

        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
        QCOMPARE(loaded.front().at(3).toInt(), 1);
        QVERIFY(controller.study() != demo());
        QCOMPARE(controller.study()->subjects.size(), std::size_t{4});
        QCOMPARE(controller.study()->endpoint("OS")->size(), std::size_t{3});
        // The excluded row, then the subject it leaves without a record.
        QCOMPARE(texts(window.dataPanel()->findings()),
                 (QStringList{QStringLiteral("warning: ") + dir.filePath("adtte.csv") +
                                  ":3: column AVAL: excluded: negative time",
                              QStringLiteral("warning: ") + dir.filePath("adtte.csv") +
                                  ": column PARAMCD: OS: 1 of 4 subjects in ADSL has no record "
                                  "(S2)"}));
        QVERIFY(!button->isVisible());
        const QString status = window.statusBar()->currentMessage();
        QVERIFY2(status.startsWith(QStringLiteral("Loaded 4 subjects")), qPrintable(status));
        QVERIFY2(status.endsWith(QStringLiteral(" — 1 invalid row excluded")), qPrintable(status));
    }

    // An unrecognised file would refuse the load anyway: no button.
    void noOfferWhenExcludingRowsWouldNotLoad() {
        QTemporaryDir dir;
        write(dir, "adsl.csv", "USUBJID,TRT01P\nS1,A\nS2\n");
        write(dir, "notes.csv", "A,B\n1,2\n");

        RefitController controller;
        controller.setStudy(demo(), {});
        MainWindow window(&controller);
        window.show();
        QSignalSpy failed(window.workspace()->loader(), &StudyLoader::failed);
        drop(window, {dir.path()});
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QCOMPARE(failed.front().at(1).toInt(), 0);
        QVERIFY(!window.dataPanel()->excludeButton()->isVisible());
        QCOMPARE(controller.study(), demo());
    }
};

QTEST_MAIN(TestExcludeInvalidRows)

#include "test_exclude_invalid_rows.moc"
