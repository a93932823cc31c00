// A PDF figure's page as SVG (pdf_page_svg, poppler's pdftocairo): the page
// read back in points from its top-left corner, a page other than the first
// through figure_curve, and each refusal as one message naming the file
// (and the page). The PDFs are drawn here with QPdfWriter at 72 dpi, so the
// coordinates they are drawn at are the truth the read-back is held to.

#include <digitise/figure_curve.h>
#include <digitise/pdf_figure.h>
#include <digitise/svg_curves.h>

#include <QColor>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPointF>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace triallens::ui;

namespace {

const QColor blue(0, 114, 178);
const QColor red(213, 94, 0);

// A PDF of `pages` 600 × 500 pt pages, each painted by `paint` (given the
// page's index) in points, y downward from the top edge.
QString write_pdf(const QTemporaryDir& dir, const QString& name, int pages,
                  const std::function<void(QPainter&, int)>& paint) {
    const QString path = dir.filePath(name);
    {
        QPdfWriter writer(path);
        writer.setResolution(72);
        writer.setPageLayout(QPageLayout(QPageSize(QSizeF(600, 500), QPageSize::Point),
                                         QPageLayout::Portrait, QMarginsF()));
        QPainter painter(&writer);
        for (int page = 0; page < pages; ++page) {
            if (page > 0) {
                writer.newPage();
            }
            paint(painter, page);
        }
    }
    return path;
}

// Page 1: a blue line from (100, 100) to (500, 400); page 2: a red KM step,
// S = 1 to t = 5, then 0.5 to t = 10, on the axes of calibration() below.
QString two_page_pdf(const QTemporaryDir& dir) {
    return write_pdf(dir, QStringLiteral("figure.pdf"), 2, [](QPainter& painter, int page) {
        if (page == 0) {
            painter.setPen(QPen(blue, 1));
            painter.drawLine(QPointF(100, 100), QPointF(500, 400));
        } else {
            painter.setPen(QPen(red, 1));
            painter.drawPolyline(QPolygonF(
                {QPointF(100, 100), QPointF(300, 100), QPointF(300, 250), QPointF(500, 250)}));
        }
    });
}

// Time 0 at x = 100 pt and 10 at 500; survival 0 at y = 400 pt, 1 at 100.
AxisCalibration calibration() {
    QString error;
    const auto calibration = calibrate_axes({QPointF(100, 0), 0}, {QPointF(500, 0), 10},
                                            {QPointF(0, 400), 0}, {QPointF(0, 100), 1}, &error);
    if (!calibration) {
        qFatal("calibration refused: %s", qPrintable(error));
    }
    return *calibration;
}

bool near(QPointF a, QPointF b) {
    return std::abs(a.x() - b.x()) < 0.01 && std::abs(a.y() - b.y()) < 0.01;
}

} // namespace

class TestPdfFigure : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftocairo")).isEmpty()) {
            QSKIP("pdftocairo (poppler-utils) is not installed");
        }
    }

    void pageIsReadInPointsFromTheTopLeft() {
        const QTemporaryDir dir;
        const QString path = two_page_pdf(dir);
        QString error;
        const QByteArray svg = pdf_page_svg(path, 1, &error);
        QVERIFY2(!svg.isEmpty(), qPrintable(error));
        const SvgCurves curves = read_svg_curves(svg, path);
        QVERIFY2(curves.ok(), qPrintable(curves.error));
        QCOMPARE(curves.view_box, QRectF(0, 0, 600, 500));
        const auto stroke = std::find_if(curves.strokes.begin(), curves.strokes.end(),
                                         [](const SvgStroke& s) { return s.colour == blue.rgb(); });
        QVERIFY(stroke != curves.strokes.end());
        QCOMPARE(stroke->subpaths.size(), std::size_t{1});
        const std::vector<QPointF>& line = stroke->subpaths.front();
        QCOMPARE(line.size(), std::size_t{2});
        QVERIFY2(near(line.front(), QPointF(100, 100)) && near(line.back(), QPointF(500, 400)),
                 qPrintable(QStringLiteral("read (%1, %2) to (%3, %4)")
                                .arg(line.front().x())
                                .arg(line.front().y())
                                .arg(line.back().x())
                                .arg(line.back().y())));
    }

    void pageCountIsPoppler() {
        const QTemporaryDir dir;
        const QString path = two_page_pdf(dir);
        QString error;
        QCOMPARE(pdf_page_count(path, &error), 2);
        QVERIFY(error.isEmpty());
    }

    void figureCurveReadsTheChosenPage() {
        const QTemporaryDir dir;
        const QString path = two_page_pdf(dir);
        FigureReadOptions options;
        options.page = 2;
        const TracedCurve curve = figure_curve(path, red.rgb(), calibration(), options);
        QVERIFY2(curve.ok(), qPrintable(curve.error));
        QCOMPARE(step_drop_times(curve.points).size(), std::size_t{1});
        QCOMPARE(step_drop_times(curve.points).front(), 5.0);
        QCOMPARE(step_survival_at(curve.points, 4.9), 1.0);
        QCOMPARE(step_survival_at(curve.points, 7.5), 0.5);
        // Page 1 (the default) has no red curve: refused, naming file and page.
        const TracedCurve first = figure_curve(path, red.rgb(), calibration());
        QVERIFY(!first.ok());
        QVERIFY2(first.error.startsWith(path + QStringLiteral(", page 1: ")),
                 qPrintable(first.error));
    }

    void isPdfBySuffix_data() {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("pdf");
        QTest::newRow("pdf") << QStringLiteral("a/fig.pdf") << true;
        QTest::newRow("upper case") << QStringLiteral("FIG.PDF") << true;
        QTest::newRow("svg") << QStringLiteral("fig.svg") << false;
        QTest::newRow("pdf in the stem") << QStringLiteral("pdf.png") << false;
    }
    void isPdfBySuffix() {
        QFETCH(QString, path);
        QFETCH(bool, pdf);
        QCOMPARE(is_pdf_figure(path), pdf);
    }

    // Each refusal: nothing returned, one message naming the file, saying why.
    void refusals_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("page");
        QTest::addColumn<QString>("says");
        QTest::newRow("missing") << QStringLiteral("missing") << 1
                                 << QStringLiteral("no such file");
        QTest::newRow("a folder") << QStringLiteral("folder") << 1 << QStringLiteral("not a file");
        QTest::newRow("PNG renamed .pdf")
            << QStringLiteral("png") << 1 << QStringLiteral("not a PDF");
        QTest::newRow("empty file") << QStringLiteral("empty") << 1 << QStringLiteral("not a PDF");
        QTest::newRow("over 100 MB") << QStringLiteral("huge") << 1 << QStringLiteral("100 MB");
        QTest::newRow("page 99 of 1")
            << QStringLiteral("one page") << 99
            << QStringLiteral(", page 99: no such page (the PDF has 1 page)");
        QTest::newRow("page 0") << QStringLiteral("one page") << 0
                                << QStringLiteral("pages are numbered 1 to 9999");
        QTest::newRow("page 10000") << QStringLiteral("one page") << 10000
                                    << QStringLiteral("pages are numbered 1 to 9999");
        QTest::newRow("damaged PDF")
            << QStringLiteral("damaged") << 1 << QStringLiteral("pdftocairo could not convert it");
    }
    void refusals() {
        QFETCH(QString, kind);
        QFETCH(int, page);
        QFETCH(QString, says);
        const QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("figure.pdf"));
        const auto write = [&](const QByteArray& bytes, qint64 size = -1) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(file.write(bytes) == bytes.size());
            if (size >= 0) {
                QVERIFY(file.resize(size)); // sparse: no 100 MB written
            }
        };
        if (kind == QLatin1String("folder")) {
            path = dir.filePath(QStringLiteral("folder.pdf"));
            QVERIFY(QDir().mkdir(path));
        } else if (kind == QLatin1String("png")) {
            QImage image(40, 30, QImage::Format_RGB32);
            image.fill(Qt::white);
            QVERIFY(image.save(path, "PNG"));
        } else if (kind == QLatin1String("empty")) {
            write({});
        } else if (kind == QLatin1String("huge")) {
            write("%PDF-1.4\n", largest_pdf_bytes + 1);
        } else if (kind == QLatin1String("damaged")) {
            write("%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not the rest of a PDF\n");
        } else if (kind == QLatin1String("one page")) {
            path = write_pdf(dir, QStringLiteral("one.pdf"), 1, [](QPainter& painter, int) {
                painter.drawLine(QPointF(0, 0), QPointF(10, 10));
            });
        }
        if (QTest::currentTestFailed()) {
            return;
        }
        QString error;
        QVERIFY(pdf_page_svg(path, page, &error).isEmpty());
        qInfo("%s", qPrintable(error));
        QVERIFY2(error.startsWith(path), qPrintable(error));
        QVERIFY2(error.contains(says), qPrintable(error));
        QVERIFY2(!error.contains(QLatin1Char('\n')), qPrintable(error));
        // And through figure_curve, as the digitiser and the CLI read it.
        FigureReadOptions options;
        options.page = page;
        const TracedCurve curve = figure_curve(path, blue.rgb(), calibration(), options);
        QVERIFY(!curve.ok() && curve.points.empty());
        QVERIFY2(curve.error.contains(says), qPrintable(curve.error));
    }

    void withoutPopplerSaysInstallIt() {
        const QTemporaryDir dir;
        const QString path = two_page_pdf(dir);
        const QByteArray saved_path = qgetenv("PATH");
        qputenv("PATH", dir.path().toLocal8Bit()); // a folder with no pdftocairo in it
        QString error;
        const QByteArray svg = pdf_page_svg(path, 1, &error);
        QString count_error;
        const int pages = pdf_page_count(path, &count_error);
        qputenv("PATH", saved_path);
        QVERIFY(svg.isEmpty());
        QVERIFY2(error.startsWith(path) && error.contains(QStringLiteral("install poppler-utils")),
                 qPrintable(error));
        QCOMPARE(pages, 0);
        QVERIFY2(count_error.contains(QStringLiteral("install poppler-utils")),
                 qPrintable(count_error));
    }
};

QTEST_MAIN(TestPdfFigure)
#include "test_pdf_figure.moc"
