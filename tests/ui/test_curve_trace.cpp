// Tracing a Kaplan–Meier curve off a raster figure (ui/digitise/curve_trace.h).
// Round trip on truth we hold: the demo's and the CDISC pilot's KM figures
// exported as PNG at 150 dpi by the project's own export code (censor marks
// and number at risk on), calibrated as two exact tick clicks per axis,
// traced by each arm's colour and compared with the fitted KM. Then figures
// drawn here with QPainter from steps we choose: censor '+' ticks, two
// crossing curves, anti-aliased lines, a JPEG copy. Then bad input.

#include "../test_paths.h"
#include "km_figure_truth.h"

#include <digitise/curve_trace.h>

#include <QBuffer>
#include <QPainter>
#include <QPainterPath>
#include <QTest>

#include <cmath>

using namespace triallens;
using namespace triallens::ui;
using namespace km_truth;

namespace {

// A hand-drawn figure: time 0–10 over x 60–560, survival 0–1 over y 340–40.
constexpr double plot_left = 60, plot_right = 560, plot_bottom = 340, plot_top = 40;
double px(double t) {
    return plot_left + t / 10 * (plot_right - plot_left);
}
double py(double s) {
    return plot_bottom - s * (plot_bottom - plot_top);
}
const double time_per_px = 10 / (plot_right - plot_left);
const double survival_per_px = 1 / (plot_bottom - plot_top);

AxisCalibration drawn_calibration() {
    QString error;
    return *calibrate_axes({QPointF(px(0), 400), 0}, {QPointF(px(10), 400), 10},
                           {QPointF(20, py(0)), 0}, {QPointF(20, py(1)), 1}, &error);
}

struct Steps {
    std::vector<CurvePoint> levels; // (start time, level)
    double end = 0;
};

const Steps first_steps{{{0, 1}, {1.5, 0.85}, {3.2, 0.7}, {4.0, 0.62}, {6.1, 0.45}, {8.3, 0.3}},
                        9.5};

QImage paper() {
    QImage image(620, 400, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setPen(QPen(QColor(0x22, 0x22, 0x22), 1));
    painter.drawLine(QPointF(plot_left, plot_bottom), QPointF(plot_right, plot_bottom)); // axes
    painter.drawLine(QPointF(plot_left, plot_bottom), QPointF(plot_left, plot_top));
    return image;
}

void draw_steps(QImage& image, const Steps& steps, const QColor& colour, double width,
                bool antialiased) {
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, antialiased);
    QPainterPath path(QPointF(px(steps.levels.front().time), py(steps.levels.front().survival)));
    for (std::size_t k = 1; k < steps.levels.size(); ++k) {
        path.lineTo(px(steps.levels[k].time), py(steps.levels[k - 1].survival));
        path.lineTo(px(steps.levels[k].time), py(steps.levels[k].survival));
    }
    path.lineTo(px(steps.end), py(steps.levels.back().survival));
    painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::FlatCap));
    painter.drawPath(path);
}

void draw_censor_marks(QImage& image, const Steps& steps, const std::vector<double>& times,
                       const QColor& colour, bool antialiased) {
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, antialiased);
    painter.setPen(QPen(colour, 1.5));
    for (const double t : times) {
        const double s = step_survival_at(step_corners(steps.levels, steps.end), t);
        painter.drawLine(QPointF(px(t), py(s) - 7), QPointF(px(t), py(s) + 7));
        painter.drawLine(QPointF(px(t) - 7, py(s)), QPointF(px(t) + 7, py(s)));
    }
}

// Every level of `truth` read back (at the middle of each run) within
// `survival_error`, and every drop found, within `time_error`.
void verify_steps(const TracedCurve& traced, const Steps& truth, double survival_error,
                  double time_error) {
    QVERIFY2(traced.ok(), qPrintable(traced.error));
    const std::vector<CurvePoint> corners = step_corners(truth.levels, truth.end);
    for (std::size_t k = 0; k < truth.levels.size(); ++k) {
        const double to = k + 1 < truth.levels.size() ? truth.levels[k + 1].time : truth.end;
        const double middle = (truth.levels[k].time + to) / 2;
        const double read = step_survival_at(traced.points, middle);
        QVERIFY2(std::abs(read - truth.levels[k].survival) <= survival_error,
                 qPrintable(QStringLiteral("at t = %1: %2 read, %3 drawn")
                                .arg(middle)
                                .arg(read)
                                .arg(truth.levels[k].survival)));
    }
    const std::vector<double> drops = step_drop_times(traced.points);
    const std::vector<double> drawn = step_drop_times(corners);
    QCOMPARE(drops.size(), drawn.size());
    for (std::size_t k = 0; k < drops.size(); ++k) {
        QVERIFY2(std::abs(drops[k] - drawn[k]) <= time_error,
                 qPrintable(QStringLiteral("drop %1 read at %2, drawn at %3")
                                .arg(k)
                                .arg(drops[k])
                                .arg(drawn[k])));
    }
    // Corners only: non-decreasing time, non-increasing survival.
    for (std::size_t k = 1; k < traced.points.size(); ++k) {
        QVERIFY(traced.points[k].time >= traced.points[k - 1].time);
        QVERIFY(traced.points[k].survival <= traced.points[k - 1].survival);
    }
}

} // namespace

class TestCurveTrace : public QObject {
    Q_OBJECT

private slots:
    void exportedFigureRoundTrips_data() {
        QTest::addColumn<QString>("study");
        QTest::addColumn<bool>("percent");
        QTest::newRow("demo PFS") << QStringLiteral("demo") << false;
        QTest::newRow("pilot TTDE") << QStringLiteral("pilot") << false;
        QTest::newRow("demo PFS, axis in %") << QStringLiteral("demo") << true;
    }
    // S at the quarters of the time axis within 0.01; nine traced drops in
    // ten within one pixel's time of a true event time, or of a run of
    // events too close together to come apart.
    void exportedFigureRoundTrips() {
        QFETCH(QString, study);
        QFETCH(bool, percent);
        const Results& results = study == QLatin1String("demo") ? demo_pfs() : pilot_ttde();
        FigureExportOptions options = export_options(150);
        options.km.percent = percent;
        const QImage image = render_figure_png_image(results, options);
        QVERIFY(!image.isNull());
        const KmFigureLayout layout = painted_layout(results, options);
        const double scale = image.width() / (options.size_points.width() * 96.0 / 72.0);
        const AxisCalibration calibration = exact_calibration(layout, options, scale);
        const double pixel_time = calibration.time_per_pixel();
        const auto& curves = figure_curves(results);
        QVERIFY(curves.size() >= 2);
        for (std::size_t c = 0; c < curves.size(); ++c) {
            const QRgb colour = km_curve_style(results, c, options.palette).colour.rgb();
            const TracedCurve traced = trace_curve_by_colour(image, colour, calibration);
            QVERIFY2(traced.ok(), qPrintable(traced.error));
            // Drops closer than the line's width and the confirmation (about
            // 8 px here) are read as one, at their middle.
            const double merge = 8 * pixel_time;
            const Accuracy accuracy =
                compare(traced.points, curves[c].km.curve, layout.time_maximum, pixel_time, merge);
            qInfo("%s, %s: max |dS| at landmarks %.4f; %zu drops traced for %zu event times; "
                  "%zu within 1 px of an event time, %zu within 1 px of a run of events "
                  "< 8 px apart; largest drop-time error %.4f (%.2f px)",
                  qPrintable(study), curves[c].arm.c_str(), accuracy.landmark_error,
                  accuracy.traced_drops, accuracy.true_drops, accuracy.within_resolution,
                  accuracy.within_cluster, accuracy.drop_error, accuracy.drop_error / pixel_time);
            QVERIFY2(accuracy.landmark_error <= 0.01, curves[c].arm.c_str());
            // The rest lie where another arm is painted over this one: a drop
            // hidden there is put midway across the hidden stretch.
            QVERIFY2(10 * accuracy.within_cluster >= 9 * accuracy.traced_drops,
                     curves[c].arm.c_str());
            QVERIFY(accuracy.traced_drops > accuracy.true_drops / 2);
        }
    }

    // The committed figure (tests/data/reconstruct/README.md: its tick
    // positions are the calibration) against the demo's KM.
    void committedFigureTraces() {
        QString error;
        const QImage image = read_figure_image(
            QString::fromStdString(TRIALLENS_TEST_DATA + "/data/reconstruct/demo_pfs_km.png"),
            &error);
        QVERIFY2(!image.isNull(), qPrintable(error));
        QCOMPARE(image.size(), QSize(1050, 675));
        const auto calibration =
            calibrate_axes({QPointF(287.598, 520), 0}, {QPointF(1014.648, 520), 27},
                           {QPointF(270, 507.041), 0}, {QPointF(270, 153.865), 1}, &error);
        QVERIFY2(calibration, qPrintable(error));
        const auto& curves = figure_curves(demo_pfs());
        QCOMPARE(curves.size(), std::size_t{2});
        const QRgb colours[2] = {qRgb(0x00, 0x72, 0xb2), qRgb(0xd5, 0x5e, 0x00)};
        for (std::size_t c = 0; c < 2; ++c) {
            const TracedCurve traced = trace_curve_by_colour(image, colours[c], *calibration);
            QVERIFY2(traced.ok(), qPrintable(traced.error));
            const Accuracy accuracy =
                compare(traced.points, curves[c].km.curve, 27, calibration->time_per_pixel());
            QVERIFY2(accuracy.landmark_error <= 0.01, curves[c].arm.c_str());
        }
    }

    void stepCurveWithCensorTicks() {
        QImage image = paper();
        draw_steps(image, first_steps, QColor(0xd6, 0x27, 0x28), 2, false);
        draw_censor_marks(image, first_steps, {0.8, 2.2, 5.0, 7.0, 9.2}, QColor(0xd6, 0x27, 0x28),
                          false);
        const TracedCurve traced =
            trace_curve_by_colour(image, qRgb(0xd6, 0x27, 0x28), drawn_calibration());
        verify_steps(traced, first_steps, 1.5 * survival_per_px, 1.5 * time_per_px);
        QCOMPARE(traced.points.front().time, 0.0);
    }

    // A staircase: four drops 4 px apart, each step's flat 2 px wide
    // between 2 px strokes, fewer columns than the confirmation; a dashed
    // reference line drawn over the third step's flat, touching it from
    // above, as a median line does. Each step is read, at its time.
    void staircaseUnderAReferenceLine_data() {
        QTest::addColumn<bool>("antialiased");
        QTest::newRow("aliased") << false;
        QTest::newRow("anti-aliased") << true;
    }

    void staircaseUnderAReferenceLine() {
        QFETCH(bool, antialiased);
        const Steps steps{
            {{0, 1}, {3.0, 0.9}, {3.08, 0.88}, {3.16, 0.86}, {3.24, 0.84}, {6.0, 0.6}}, 9.5};
        QImage image = paper();
        draw_steps(image, steps, QColor(0x00, 0x72, 0xb2), 2, antialiased);
        {
            QPainter painter(&image);
            painter.setRenderHint(QPainter::Antialiasing, antialiased);
            painter.setPen(QPen(QColor(0x80, 0x80, 0x80), 1, Qt::DashLine));
            const double y = std::floor(py(0.86)) - 1.5; // the row right above the flat
            painter.drawLine(QPointF(px(0), y), QPointF(px(3.5), y));
        }
        const TracedCurve traced =
            trace_curve_by_colour(image, qRgb(0x00, 0x72, 0xb2), drawn_calibration());
        verify_steps(traced, steps, 1.5 * survival_per_px, 1.5 * time_per_px);
    }

    // Both start at 1: the blue, painted last, hides the red until the red
    // drops; the blue's drop at 5 crosses the red's level (a gap to bridge).
    void twoCrossingCurves() {
        const Steps red{{{0, 1}, {2, 0.6}, {7, 0.5}}, 9};
        const Steps blue{{{0, 1}, {4, 0.8}, {5, 0.4}}, 9};
        QImage image = paper();
        draw_steps(image, red, QColor(0xd6, 0x27, 0x28), 3, false);
        draw_steps(image, blue, QColor(0x1f, 0x77, 0xb4), 3, false);
        const AxisCalibration calibration = drawn_calibration();
        verify_steps(trace_curve_by_colour(image, qRgb(0xd6, 0x27, 0x28), calibration), red,
                     1.5 * survival_per_px, 1.5 * time_per_px);
        verify_steps(trace_curve_by_colour(image, qRgb(0x1f, 0x77, 0xb4), calibration), blue,
                     1.5 * survival_per_px, 1.5 * time_per_px);
    }

    void antiAliasedLines() {
        const Steps steps{{{0, 1}, {1.33, 0.913}, {2.71, 0.777}, {5.05, 0.561}, {7.77, 0.333}},
                          9.9};
        QImage image = paper();
        draw_steps(image, steps, QColor(0x2c, 0xa0, 0x2c), 2.6, true);
        draw_censor_marks(image, steps, {2.0, 6.3, 9.9}, QColor(0x2c, 0xa0, 0x2c), true);
        const TracedCurve traced =
            trace_curve_by_colour(image, qRgb(0x2c, 0xa0, 0x2c), drawn_calibration());
        verify_steps(traced, steps, 1.5 * survival_per_px, 1.5 * time_per_px);
    }

    // Compression rings around the lines and shifts their colour: a wider
    // tolerance, the same bounds but a pixel more for the drops.
    void jpegCopy() {
        QImage image = paper();
        draw_steps(image, first_steps, QColor(0x1f, 0x77, 0xb4), 2.6, true);
        draw_censor_marks(image, first_steps, {2.2, 5.0, 7.0}, QColor(0x1f, 0x77, 0xb4), true);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "JPEG", 75));
        QString error;
        const QImage jpeg = read_figure_image(bytes, QStringLiteral("copy.jpg"), &error);
        QVERIFY2(!jpeg.isNull(), qPrintable(error));
        TraceOptions options;
        options.colour_tolerance = 64;
        const TracedCurve traced =
            trace_curve_by_colour(jpeg, qRgb(0x1f, 0x77, 0xb4), drawn_calibration(), options);
        verify_steps(traced, first_steps, 2 * survival_per_px, 2.5 * time_per_px);
    }

    // A figure drawn upside down (survival growing downward), read when the
    // calibration is told so.
    void upsideDownFigureWhenAsked() {
        QImage image = paper();
        draw_steps(image, first_steps, QColor(0xd6, 0x27, 0x28), 2, false);
        draw_censor_marks(image, first_steps, {2.2, 5.0, 7.0}, QColor(0xd6, 0x27, 0x28), false);
        const QImage flipped = image.mirrored(false, true);
        const double height = image.height();
        QString error;
        const auto calibration = calibrate_axes(
            {QPointF(px(0), 10), 0}, {QPointF(px(10), 10), 10}, {QPointF(20, height - py(0)), 0},
            {QPointF(20, height - py(1)), 1}, &error, SurvivalAxis::MayGrowDownward);
        QVERIFY2(calibration, qPrintable(error));
        verify_steps(trace_curve_by_colour(flipped, qRgb(0xd6, 0x27, 0x28), *calibration),
                     first_steps, 1.5 * survival_per_px, 1.5 * time_per_px);
    }

    void startPixelPicksTheCurve() {
        QImage image = paper();
        draw_steps(image, first_steps, QColor(0xd6, 0x27, 0x28), 2, false);
        TraceOptions options;
        options.start = QPoint(static_cast<int>(px(3.5)), static_cast<int>(py(0.7)));
        const TracedCurve traced =
            trace_curve_by_colour(image, qRgb(0xd6, 0x27, 0x28), drawn_calibration(), options);
        QVERIFY2(traced.ok(), qPrintable(traced.error));
        QVERIFY(std::abs(traced.points.front().survival - 0.7) <= 1.5 * survival_per_px);
        QVERIFY(std::abs(traced.points.front().time - 3.5) <= 2 * time_per_px);
        QCOMPARE(step_drop_times(traced.points).size(), std::size_t{3});
    }

    void pickCurveColourFindsTheLineUnderTheClick() {
        QImage image = paper();
        draw_steps(image, first_steps, QColor(0xd6, 0x27, 0x28), 2.6, true);
        // A click 3 px off the line at S = 0.7.
        const PickedColour picked = pick_curve_colour(
            image, QPoint(static_cast<int>(px(3.6)), static_cast<int>(py(0.7)) + 3));
        QVERIFY2(picked.ok(), qPrintable(picked.error));
        QCOMPARE(picked.colour & 0xffffff, qRgb(0xd6, 0x27, 0x28) & 0xffffff);
        const PickedColour blank = pick_curve_colour(image, QPoint(300, 20));
        QVERIFY(!blank.ok());
        QVERIFY(blank.error.contains(QLatin1String("no coloured pixel")));
        QVERIFY(!pick_curve_colour(image, QPoint(-5, 10)).ok());
    }

    void noPixelOfTheColourIsAClearError() {
        QImage image = paper();
        draw_steps(image, first_steps, QColor(0xd6, 0x27, 0x28), 2, false);
        const TracedCurve traced =
            trace_curve_by_colour(image, qRgb(0x2c, 0xa0, 0x2c), drawn_calibration());
        QVERIFY(!traced.ok());
        QVERIFY(traced.points.empty());
        QVERIFY2(traced.error.contains(QLatin1String("#2ca02c")), qPrintable(traced.error));
    }

    void uncalibratedAxesTraceNothing() {
        QImage image = paper();
        draw_steps(image, first_steps, QColor(0xd6, 0x27, 0x28), 2, false);
        const TracedCurve traced =
            trace_curve_by_colour(image, qRgb(0xd6, 0x27, 0x28), AxisCalibration());
        QVERIFY(!traced.ok());
        QVERIFY(traced.points.empty());
        QCOMPARE(traced.error, uncalibrated_message());
    }

    void emptyImageAndStartOutsideAreErrors() {
        QVERIFY(!trace_curve_by_colour(QImage(), qRgb(1, 2, 3), drawn_calibration()).ok());
        QImage image = paper();
        TraceOptions options;
        options.start = QPoint(5, 5);
        const TracedCurve traced =
            trace_curve_by_colour(image, qRgb(0xd6, 0x27, 0x28), drawn_calibration(), options);
        QVERIFY(traced.error.contains(QLatin1String("outside the plot area")));
    }

    void truncatedPngIsNotRead() {
        QImage image = paper();
        draw_steps(image, first_steps, QColor(0xd6, 0x27, 0x28), 2, false);
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(image.save(&buffer, "PNG"));
        QString error;
        const QImage whole = read_figure_image(bytes, QStringLiteral("fig.png"), &error);
        QVERIFY2(!whole.isNull(), qPrintable(error));
        const QImage cut =
            read_figure_image(bytes.left(bytes.size() / 2), QStringLiteral("fig.png"), &error);
        QVERIFY(cut.isNull());
        QVERIFY2(error.startsWith(QLatin1String("fig.png: ")), qPrintable(error));
        QVERIFY(read_figure_image(QStringLiteral("/nonexistent/fig.png"), &error).isNull());
        QVERIFY(error.contains(QLatin1String("/nonexistent/fig.png")));
    }
};

QTEST_MAIN(TestCurveTrace)
#include "test_curve_trace.moc"
