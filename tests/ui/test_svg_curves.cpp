// Reading KM curves from an SVG's vector paths (ui/digitise/svg_curves.h).
// Round trip on truth we hold: the demo's and the CDISC pilot's KM figures
// exported as SVG by the project's own code, calibrated from the layout
// (two exact tick clicks per axis, in the SVG's user units), read by each
// arm's colour and compared with the fitted KM. Then an SVG written here
// with transforms, relative and absolute path commands, a polyline, censor
// ticks and a legend sample. Then bad input, bounded.

#include "../test_paths.h"
#include "km_figure_truth.h"

#include <digitise/svg_curves.h>

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace triallens;
using namespace triallens::ui;
using namespace km_truth;

namespace {

// Time 0–10 over x 50–350, survival 0–1 over y 250–50.
AxisCalibration written_calibration() {
    QString error;
    return *calibrate_axes({QPointF(50, 280), 0}, {QPointF(350, 280), 10}, {QPointF(30, 250), 0},
                           {QPointF(30, 50), 1}, &error);
}

// Each group puts data units on the page: x = 50 + 30 t, y = 250 − 200 S.
const char* const written_svg =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"300\" viewBox=\"0 0 400 "
    "300\">\n"
    "  <g stroke=\"#e4e4e4\" fill=\"none\"><polyline points=\"50,150 350,150\"/></g>\n"
    "  <line x1=\"60\" y1=\"20\" x2=\"90\" y2=\"20\" stroke=\"#d62728\"/>\n"
    "  <g transform=\"translate(50,250) scale(30,-200)\" fill=\"none\">\n"
    "    <path stroke=\"#d62728\" d=\"M0,1 H1.5 V0.85 h1.7 v-0.15 L4,0.7 4,0.62 H6.1 V0.45 "
    "H9.5\"/>\n"
    "    <path stroke=\"#d62728\" d=\"M2.2,0.67 V0.73 M2.15,0.7 H2.25\"/>\n"
    "    <path stroke=\"#d62728\" d=\"M8,0.42 v0.06\"/>\n"
    "  </g>\n"
    "  <g stroke=\"#1f77b4\" fill=\"none\">\n"
    "    <g transform=\"matrix(30,0,0,-200,50,250)\">\n"
    "      <polyline points=\"0,1 2,1 2,0.6 7,0.6 7,0.3 8.5,0.3 8.5,0.1\"/>\n"
    "    </g>\n"
    "  </g>\n"
    "  <g transform=\"translate(50 250)\"><g transform=\"scale(30 -200)\">\n"
    "    <path style=\"fill:none; stroke: #2ca02c\" d=\"M0,1 C1,1 1,0.5 2,0.5 L5,0.5 z\"/>\n"
    "  </g></g>\n"
    "</svg>\n";

} // namespace

class TestSvgCurves : public QObject {
    Q_OBJECT

private slots:
    void exportedFigureRoundTrips_data() {
        QTest::addColumn<QString>("study");
        QTest::addColumn<bool>("percent");
        QTest::newRow("demo PFS") << QStringLiteral("demo") << false;
        QTest::newRow("pilot TTDE") << QStringLiteral("pilot") << false;
        QTest::newRow("demo PFS, axis in %") << QStringLiteral("demo") << true;
    }
    // S at the quarters of the time axis within 0.001; drops at event times.
    void exportedFigureRoundTrips() {
        QFETCH(QString, study);
        QFETCH(bool, percent);
        const Results& results = study == QLatin1String("demo") ? demo_pfs() : pilot_ttde();
        FigureExportOptions options = export_options();
        options.km.percent = percent;
        const SvgCurves svg = read_svg_curves(render_figure_svg(results, options));
        QVERIFY2(svg.ok(), qPrintable(svg.error));
        const KmFigureLayout layout = painted_layout(results, options);
        const AxisCalibration calibration = exact_calibration(layout, options, 72.0 / 96.0);
        const auto& curves = figure_curves(results);
        QVERIFY(curves.size() >= 2);
        for (std::size_t c = 0; c < curves.size(); ++c) {
            const QRgb colour = km_curve_style(results, c, options.palette).colour.rgb();
            const TracedCurve read = svg_curve_points(svg, colour, calibration);
            QVERIFY2(read.ok(), qPrintable(read.error));
            // A hundredth of a point's time: the SVG's own rounding.
            const double resolution = calibration.time_per_pixel() * 0.01;
            const Accuracy accuracy =
                compare(read.points, curves[c].km.curve, layout.time_maximum, resolution);
            qInfo("%s, %s: max |dS| at landmarks %.6f; drops %zu read of %zu event times, "
                  "max drop-time error %.6f",
                  qPrintable(study), curves[c].arm.c_str(), accuracy.landmark_error,
                  accuracy.traced_drops, accuracy.true_drops, accuracy.drop_error);
            QVERIFY2(accuracy.landmark_error <= 0.001, curves[c].arm.c_str());
            QVERIFY2(accuracy.drop_error <= resolution, curves[c].arm.c_str());
            QCOMPARE(accuracy.traced_drops, accuracy.true_drops);
        }
    }

    // The committed figure (tests/data/reconstruct/README.md: its tick
    // positions are the calibration) against the demo's KM.
    void committedFigureIsReadExactly() {
        const SvgCurves svg = read_svg_curves_file(
            QString::fromStdString(TRIALLENS_TEST_DATA + "/data/reconstruct/demo_pfs_km.svg"));
        QVERIFY2(svg.ok(), qPrintable(svg.error));
        QString error;
        const auto calibration =
            calibrate_axes({QPointF(138.047, 250), 0}, {QPointF(487.031, 250), 27},
                           {QPointF(130, 243.380), 0}, {QPointF(130, 73.855), 1}, &error);
        QVERIFY2(calibration, qPrintable(error));
        const auto& curves = figure_curves(demo_pfs());
        QCOMPARE(curves.size(), std::size_t{2});
        const QRgb colours[2] = {qRgb(0x00, 0x72, 0xb2), qRgb(0xd5, 0x5e, 0x00)};
        for (std::size_t c = 0; c < 2; ++c) {
            const TracedCurve read = svg_curve_points(svg, colours[c], *calibration);
            QVERIFY2(read.ok(), qPrintable(read.error));
            // The README's ticks are rounded to 0.001 of a point.
            const Accuracy accuracy =
                compare(read.points, curves[c].km.curve, 27, calibration->time_per_pixel() * 0.01);
            QVERIFY2(accuracy.landmark_error <= 0.001, curves[c].arm.c_str());
            QCOMPARE(accuracy.traced_drops, accuracy.true_drops);
        }
    }

    void writtenSvgIsReadExactly() {
        const SvgCurves svg = read_svg_curves(written_svg);
        QVERIFY2(svg.ok(), qPrintable(svg.error));
        QCOMPARE(svg.view_box, QRectF(0, 0, 400, 300));
        const AxisCalibration calibration = written_calibration();

        // Red: the path's steps, its '+' and '|' ticks dropped, the legend sample left out.
        const TracedCurve red = svg_curve_points(svg, qRgb(0xd6, 0x27, 0x28), calibration);
        QVERIFY2(red.ok(), qPrintable(red.error));
        const std::vector<CurvePoint> red_truth =
            step_corners({{0, 1}, {1.5, 0.85}, {3.2, 0.7}, {4, 0.62}, {6.1, 0.45}}, 9.5);
        QCOMPARE(red.points.size(), red_truth.size());
        for (std::size_t k = 0; k < red_truth.size(); ++k) {
            QVERIFY(std::abs(red.points[k].time - red_truth[k].time) < 1e-9);
            QVERIFY(std::abs(red.points[k].survival - red_truth[k].survival) < 1e-9);
        }

        // Blue: inherited stroke through two groups, a matrix, a polyline
        // ending on a drop with no level after it.
        const TracedCurve blue = svg_curve_points(svg, qRgb(0x1f, 0x77, 0xb4), calibration);
        QVERIFY2(blue.ok(), qPrintable(blue.error));
        const std::vector<CurvePoint> blue_truth =
            step_corners({{0, 1}, {2, 0.6}, {7, 0.3}, {8.5, 0.1}}, 8.5);
        QCOMPARE(blue.points.size(), blue_truth.size());
        for (std::size_t k = 0; k < blue_truth.size(); ++k) {
            QVERIFY(std::abs(blue.points[k].time - blue_truth[k].time) < 1e-9);
            QVERIFY(std::abs(blue.points[k].survival - blue_truth[k].survival) < 1e-9);
        }

        // Green: a style stroke, nested transforms, a curve taken by its end
        // point (the only horizontal is from (2, 0.5) to (5, 0.5)).
        const TracedCurve green = svg_curve_points(svg, qRgb(0x2c, 0xa0, 0x2c), calibration);
        QVERIFY2(green.ok(), qPrintable(green.error));
        QCOMPARE(green.points.size(), std::size_t{2});
        QVERIFY(std::abs(green.points[0].time - 2) < 1e-9);
        QVERIFY(std::abs(green.points[0].survival - 0.5) < 1e-9);
        QVERIFY(std::abs(green.points[1].time - 5) < 1e-9);
    }

    void absentColourListsTheStrokes() {
        const SvgCurves svg = read_svg_curves(written_svg);
        const TracedCurve none =
            svg_curve_points(svg, qRgb(0x94, 0x67, 0xbd), written_calibration());
        QVERIFY(!none.ok());
        QVERIFY2(none.error.contains(QLatin1String("#9467bd")) &&
                     none.error.contains(QLatin1String("#d62728")),
                 qPrintable(none.error));
    }

    void uncalibratedReadsNothing() {
        const SvgCurves svg = read_svg_curves(written_svg);
        const TracedCurve read = svg_curve_points(svg, qRgb(0xd6, 0x27, 0x28), AxisCalibration());
        QVERIFY(!read.ok());
        QVERIFY(read.points.empty());
        QCOMPARE(read.error, uncalibrated_message());
    }

    void badInput_data() {
        QTest::addColumn<QByteArray>("svg");
        QTest::addColumn<QString>("says");
        QTest::newRow("malformed XML")
            << QByteArray(
                   "<svg viewBox=\"0 0 10 10\">\n  <g>\n    <path d=\"M0,0 L1,1\" </g>\n</svg>")
            << QStringLiteral("fig.svg: line 3, column");
        QTest::newRow("unclosed") << QByteArray("<svg viewBox=\"0 0 10 10\">\n<g stroke=\"red\">")
                                  << QStringLiteral("line 2");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("fig.svg: line");
        QTest::newRow("not an SVG")
            << QByteArray("<html><body/></html>") << QStringLiteral("<svg> root");
        QTest::newRow("bad path data")
            << QByteArray("<svg>\n<path stroke=\"red\" d=\"M0,0 L1,x\"/></svg>")
            << QStringLiteral("line 2, column");
        QTest::newRow("bad transform")
            << QByteArray("<svg><g transform=\"skewX(30)\"/></svg>") << QStringLiteral("skewX");
        QByteArray deep = "<svg>";
        for (int k = 0; k < 10000; ++k) {
            deep += "<g>";
        }
        for (int k = 0; k < 10000; ++k) {
            deep += "</g>";
        }
        deep += "</svg>";
        QTest::newRow("nested 10000 deep") << deep << QStringLiteral("nested more than 256 deep");
        QTest::newRow("over 50 MB")
            << QByteArray(largest_svg_bytes + 1, ' ') << QStringLiteral("more than the 50 MB");
    }
    void badInput() {
        QFETCH(QByteArray, svg);
        QFETCH(QString, says);
        const SvgCurves curves = read_svg_curves(svg, QStringLiteral("fig.svg"));
        QVERIFY(!curves.ok());
        QVERIFY(curves.strokes.empty());
        QVERIFY2(curves.error.contains(says), qPrintable(curves.error));
        QVERIFY(!svg_curve_points(curves, qRgb(255, 0, 0), written_calibration()).ok());
    }

    void fileIsReadAndNamed() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("fig.svg"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(written_svg);
        file.close();
        QVERIFY(read_svg_curves_file(path).ok());
        const SvgCurves missing = read_svg_curves_file(dir.filePath(QStringLiteral("no.svg")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error.contains(QLatin1String("no.svg")));
    }
};

QTEST_MAIN(TestSvgCurves)
#include "test_svg_curves.moc"
