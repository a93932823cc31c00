// The application icon embedded in triallens_widgets: ":/icons/triallens.svg" is
// there, is a square SVG, and paints something at the smallest packaged size
// (48 px) - the window icon the lead wires with setWindowIcon reads it.

#include <QIcon>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTest>

class TestAppIcon : public QObject {
    Q_OBJECT

private slots:
    void svgResourceIsASquareSvg() {
        QSvgRenderer renderer(QStringLiteral(":/icons/triallens.svg"));
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBoxF().width(), renderer.viewBoxF().height());
    }

    void iconPaintsBothCurvesAt48px() {
        const QIcon icon(QStringLiteral(":/icons/triallens.svg"));
        QVERIFY(!icon.isNull());
        const QImage image = icon.pixmap(48, 48).toImage().convertToFormat(QImage::Format_ARGB32);
        QCOMPARE(image.size(), QSize(48, 48));
        // The corners are transparent (a rounded tile); the blue and
        // vermillion curves both show.
        QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        bool blue = false;
        bool vermillion = false;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                blue = blue || (c.blue() > 150 && c.red() < 60 && c.green() < 140);
                vermillion = vermillion || (c.red() > 180 && c.green() < 130 && c.blue() < 60);
            }
        }
        QVERIFY(blue);
        QVERIFY(vermillion);
    }
};

QTEST_MAIN(TestAppIcon)
#include "test_app_icon.moc"
