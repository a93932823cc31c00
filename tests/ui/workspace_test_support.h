#pragma once
// What the GUI suites share: the demo study built once per test program, a
// file drop as a file manager sends it, and a click on a checkbox's
// indicator as a user makes it.

#include <triallens/data/study.h>
#include <triallens/demo/demo_study.h>

#include <QCheckBox>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTest>
#include <QUrl>

#include <memory>

namespace workspace_test {

inline std::shared_ptr<const triallens::Study> demo() {
    static const auto study =
        std::make_shared<const triallens::Study>(triallens::generate_demo_study());
    return study;
}

// The drag-enter and drop events a file manager sends; the window must
// accept the drag.
inline void drop(QWidget& window, const QStringList& files) {
    QMimeData mime;
    QList<QUrl> urls;
    for (const QString& file : files) {
        urls << QUrl::fromLocalFile(file);
    }
    mime.setUrls(urls);
    QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropped(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &dropped);
}

// A click on the box's indicator (not the widget's centre, which may lie
// right of a short label).
inline void click(QCheckBox* box) {
    QStyleOptionButton option;
    option.initFrom(box);
    const QRect indicator =
        box->style()->subElementRect(QStyle::SE_CheckBoxIndicator, &option, box);
    QTest::mouseClick(box, Qt::LeftButton, {}, indicator.center());
}

// True once `spy` holds a signal, waiting up to `ms` for it. Unlike
// QSignalSpy::wait, a signal that arrived while an earlier QTRY_ spun the
// event loop counts: waiting only for a new one races the worker threads.
inline bool caught(QSignalSpy& spy, int ms = 30000) {
    return QTest::qWaitFor([&] { return !spy.isEmpty(); }, ms);
}

} // namespace workspace_test
