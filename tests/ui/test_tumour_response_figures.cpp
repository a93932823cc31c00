// The waterfall, spider, swimmer and duration-of-response figures: bars,
// lines and lanes inside their plots in display order, the reference lines
// at +20 % and −30 %, the legend whole, thousands of subjects each at least
// a device pixel (or merged into a filled panel) with no labels, clicks that
// find the subject under them, exact export sizes, and words instead of an
// empty figure when the data lack what a figure needs.
//
// With TRIALLENS_TUMOUR_FIGURE_DIR set, writeFiguresForReview writes every
// figure of the fixture there (1600×1000, journal-single, 1500 subjects).

#include "../cdisc_pilot.h"
#include "tumour_response_fixture.h"

#include <export/figure_export.h>
#include <models/duration_of_response_panel.h>
#include <views/spider_figure.h>
#include <views/swimmer_figure.h>
#include <views/tumour_figure_view.h>
#include <views/tumour_response_figure.h>
#include <views/waterfall_figure.h>

#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace triallens;
using namespace triallens::ui;

namespace {

const QRectF screen(0, 0, 1600, 1000);

TumourFigureOptions figure(TumourFigure kind) {
    TumourFigureOptions options;
    options.figure = kind;
    return options;
}

// The figure drawn at `size` logical pixels, `scale` device pixels each.
QImage render(const Results& results, const TumourFigureOptions& tumour, QSizeF size,
              double scale = 1) {
    QImage image((size * scale).toSize(), QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    paint_tumour_response_figure(painter, QRectF(QPointF(0, 0), size), results, {}, tumour);
    return image;
}

Results demo_results(std::size_t subjects = DemoOptions{}.subjects) {
    const Study study = generate_demo_study(DemoOptions{.subjects = subjects});
    return refit(study, default_spec(study, "PFS"));
}

Results pilot_results() {
    const Study& study = cdisc_pilot::study();
    return refit(study, default_spec(study, "TTDE"));
}

bool is_white(QRgb pixel) {
    return qRed(pixel) > 250 && qGreen(pixel) > 250 && qBlue(pixel) > 250;
}

} // namespace

class TestTumourResponseFigures : public QObject {
    Q_OBJECT

private slots:
    void waterfallBarsSitInTheirPanelsSortedDescending() {
        const Results results = tumour_fixture::results(60);
        for (const auto arrangement :
             {WaterfallArrangement::SideBySide, WaterfallArrangement::Interleaved}) {
            TumourFigureOptions tumour = figure(TumourFigure::Waterfall);
            tumour.arrangement = arrangement;
            const WaterfallLayout layout = layout_waterfall_figure(screen, results, {}, tumour);
            QVERIFY(layout.missing.isEmpty());
            QCOMPARE(layout.panels.size(),
                     arrangement == WaterfallArrangement::SideBySide ? std::size_t{2} : 1);
            std::size_t bars = 0;
            for (const WaterfallPanelLayout& panel : layout.panels) {
                QVERIFY(screen.contains(panel.plot));
                QVERIFY(panel.plot.top() > layout.frame.body.top() - 0.5);
                double previous = INFINITY;
                for (std::size_t b = 0; b < panel.bars.size(); ++b) {
                    const QRectF& bar = panel.bars[b];
                    QVERIFY2(panel.plot.adjusted(-0.01, -0.01, 0.01, 0.01).contains(bar),
                             qPrintable(QStringLiteral("bar %1").arg(b)));
                    const double value =
                        *results.tumour_response->subjects[panel.entries[b]].best_pchg;
                    QVERIFY(value <= previous);
                    previous = value;
                    // The bar runs from 0 to its value (cut at the axis's top).
                    const double y = layout.y.map(std::min(value, layout.y.hi));
                    QVERIFY(std::abs((value < 0 ? bar.bottom() : bar.top()) - y) < 1e-6);
                    if (b > 0) {
                        QVERIFY(bar.left() >= panel.bars[b - 1].right() - 1e-9);
                    }
                }
                bars += panel.bars.size();
            }
            QCOMPARE(bars, layout.order.size());
            QCOMPARE(layout.y.lo, -100.0);
            QCOMPARE(layout.y.hi, 100.0); // the fixture's bars reach +140 %: cut at +100 %
        }
    }

    void waterfallReferenceLinesAtPlus20AndMinus30() {
        const Results results = tumour_fixture::results(60);
        const WaterfallLayout layout =
            layout_waterfall_figure(screen, results, {}, figure(TumourFigure::Waterfall));
        const double zero = layout.y.map(0);
        const double up = layout.y.map(20);
        const double down = layout.y.map(-30);
        QVERIFY(up < zero && zero < down);
        QCOMPARE(qRound((down - zero) / (zero - up) * 100), 150);
        // Painted: the dashed grey line shows across the first panel.
        const QImage image = render(results, figure(TumourFigure::Waterfall), screen.size());
        const QRectF& plot = layout.panels.front().plot;
        for (const double y : {up, down}) {
            int grey = 0;
            for (int x = qCeil(plot.left()) + 2; x < qFloor(plot.right()); ++x) {
                const QRgb pixel = image.pixel(x, qRound(y - 0.5));
                grey += !is_white(pixel) && std::abs(qRed(pixel) - qBlue(pixel)) < 10 ? 1 : 0;
            }
            QVERIFY2(grey > 0, qPrintable(QStringLiteral("no line at y %1").arg(y)));
        }
    }

    void waterfallLegendIsWholeAndCountsUnmeasured() {
        const Results results = tumour_fixture::results(60);
        const TumourResponse& response = *results.tumour_response;
        for (const QRectF rect : {screen, QRectF(0, 0, 336, 384)}) { // journal-single at 96 dpi
            const WaterfallLayout layout =
                layout_waterfall_figure(rect, results, {}, figure(TumourFigure::Waterfall));
            QVERIFY(!layout.frame.legend.empty());
            for (const FigureLegendItem& item : layout.frame.legend) {
                QVERIFY2(rect.contains(item.text_rect), qPrintable(item.text));
                QVERIFY(item.text_rect.bottom() <= layout.frame.body.top());
            }
            // Each arm's n and ORR are in the legend.
            for (const ArmTumourResponse& arm : response.arms) {
                const auto found = std::find_if(
                    layout.frame.legend.begin(), layout.frame.legend.end(), [&](const auto& item) {
                        return item.text.startsWith(QString::fromStdString(arm.arm)) &&
                               item.text.contains(QStringLiteral("n=%1").arg(arm.n)) &&
                               item.text.contains(QStringLiteral("ORR"));
                    });
                QVERIFY(found != layout.frame.legend.end());
            }
            for (const WaterfallPanelLayout& panel : layout.panels) {
                std::size_t unmeasured = 0;
                for (std::size_t k = 0; k < response.subjects.size(); ++k) {
                    unmeasured +=
                        response.subjects.arm(k) == *panel.arm && !response.subjects[k].best_pchg
                            ? 1
                            : 0;
                }
                QVERIFY(unmeasured > 0);
                QVERIFY2(panel.note.startsWith(QStringLiteral("%1 subjects without a "
                                                              "post-baseline measurement")
                                                   .arg(unmeasured)),
                         qPrintable(panel.note));
                QVERIFY(rect.contains(panel.note_rect));
            }
        }
    }

    void thousandsOfBarsAreEachAtLeastADevicePixel_data() {
        QTest::addColumn<QSizeF>("size");
        QTest::addColumn<double>("scale");
        QTest::newRow("screen") << QSizeF(1600, 1000) << 1.0;
        QTest::newRow("journal-single at 300 dpi") << QSizeF(336, 384) << 300.0 / 96.0;
    }

    void thousandsOfBarsAreEachAtLeastADevicePixel() {
        QFETCH(QSizeF, size);
        QFETCH(double, scale);
        const Results results = tumour_fixture::results(1500);
        const TumourFigureOptions tumour = figure(TumourFigure::Waterfall);
        const WaterfallLayout layout =
            layout_waterfall_figure(QRectF(QPointF(0, 0), size), results, {}, tumour);
        const QImage image = render(results, tumour, size, scale);
        for (const WaterfallPanelLayout& panel : layout.panels) {
            QVERIFY(panel.bars.size() > 600);
            QVERIFY(panel.plot.width() / static_cast<double>(panel.bars.size()) < 3);
            for (std::size_t b = 0; b < panel.bars.size(); ++b) {
                const QRectF& bar = panel.bars[b];
                if (b > 0) { // thin bars touch: a dense panel is one filled shape
                    QCOMPARE(bar.left(), panel.bars[b - 1].right());
                }
                // The bar's first device pixel (its left edge rounded) is painted
                // solid, in its colour or a neighbour's that shares the pixel:
                // not a faint antialiased blend with the white page.
                const int x =
                    std::min(image.width() - 1, static_cast<int>(std::round(bar.left() * scale)));
                if (&panel == &layout.panels.front() &&
                    x <= static_cast<int>(std::round(panel.plot.left() * scale)) + 1) {
                    continue; // under the y axis's line
                }
                if (bar.height() * scale < 6) {
                    continue; // a bar near 0 % lies under the 0 line
                }
                // A row of the bar clear of the 0 and the dashed reference lines.
                double row = bar.top() + bar.height() * 0.3;
                for (const double line : {0.0, 20.0, -30.0}) {
                    if (std::abs(row - layout.y.map(line)) * scale < 3) {
                        row = bar.top() + bar.height() * 0.7;
                    }
                }
                const int y = static_cast<int>(std::floor(row * scale));
                const QRgb pixel = image.pixel(x, y) & 0xFFFFFF;
                bool solid = false;
                for (std::size_t k = b >= 4 ? b - 4 : 0; k < std::min(b + 5, panel.bars.size());
                     ++k) {
                    solid = solid || (panel.colours[k].rgb() & 0xFFFFFF) == pixel;
                }
                QVERIFY2(solid, qPrintable(QStringLiteral("bar %1 at %2,%3: %4")
                                               .arg(b)
                                               .arg(x)
                                               .arg(y)
                                               .arg(pixel, 6, 16)));
            }
        }
    }

    void clickOnABarGivesItsSubject() {
        const Results results = tumour_fixture::results(60);
        TumourFigureView view;
        view.resize(1200, 800);
        view.setResults(std::make_shared<const Results>(results));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const WaterfallLayout layout = layout_waterfall_figure(
            QRectF(view.rect()), results, view.options(), view.tumourOptions());
        const WaterfallPanelLayout& panel = layout.panels.back();
        const std::size_t b = panel.bars.size() / 3;
        const std::int32_t expected = results.tumour_response->subjects[panel.entries[b]].subject;
        QCOMPARE(view.subjectAt(panel.bars[b].center()), std::optional<std::int32_t>(expected));
        QSignalSpy clicked(&view, &TumourFigureView::subjectClicked);
        QTest::mouseClick(&view, Qt::LeftButton, {}, panel.bars[b].center().toPoint());
        QCOMPARE(clicked.size(), 1);
        QCOMPARE(clicked.front().at(0).value<std::int32_t>(), expected);
        const auto order = clicked.front().at(1).value<QVector<std::int32_t>>();
        QCOMPARE(order, QVector<std::int32_t>(layout.order.begin(), layout.order.end()));
        // Outside every plot: no subject, no signal.
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(3, 3));
        QCOMPARE(clicked.size(), 1);
    }

    void spiderLinesStartAtZeroAndAClickFindsTheLine() {
        const Results results = tumour_fixture::results(30);
        const SpiderLayout layout =
            layout_spider_figure(screen, results, {}, figure(TumourFigure::Spider));
        QVERIFY(layout.missing.isEmpty());
        QVERIFY(!layout.lines.empty());
        for (const SpiderLine& line : layout.lines) {
            QCOMPARE(line.points.front(), QPointF(layout.x.map(0), layout.y.map(0)));
            for (const QPointF& point : line.points) {
                QVERIFY(point.x() >= layout.plot.left() - 1e-9 &&
                        point.x() <= layout.plot.right() + 1e-9);
            }
        }
        QVERIFY(
            std::abs((layout.y.map(-30) - layout.y.map(0)) / (layout.y.map(0) - layout.y.map(20)) -
                     1.5) < 1e-9);
        const SpiderLine& line = layout.lines[7];
        const QPointF end = line.points.back();
        QCOMPARE(
            spider_subject_at(layout, results, end),
            std::optional<std::int32_t>(results.tumour_response->subjects[line.entry].subject));
        QCOMPARE(spider_subject_at(layout, results, QPointF(1, 1)), std::nullopt);
    }

    void swimmerLanesLongestFirstLabelledWhenFew() {
        const Results results = tumour_fixture::results(30);
        const SwimmerLayout layout =
            layout_swimmer_figure(screen, results, {}, figure(TumourFigure::Swimmer));
        QVERIFY(layout.missing.isEmpty());
        QCOMPARE(layout.lanes.size(), std::size_t{30});
        QVERIFY(layout.labelled);
        for (std::size_t k = 0; k < layout.lanes.size(); ++k) {
            const SwimmerLaneLayout& lane = layout.lanes[k];
            const SubjectTumourResponse& subject = results.tumour_response->subjects[lane.entry];
            QCOMPARE(lane.label, QString::fromStdString(subject.usubjid));
            QVERIFY(layout.plot.adjusted(-0.01, -0.01, 0.01, 0.01).contains(lane.bar));
            QVERIFY(std::abs(lane.bar.right() - layout.x.map(*subject.treatment_days)) < 1e-6);
            if (k > 0) {
                QVERIFY(lane.bar.width() <= layout.lanes[k - 1].bar.width() + 1e-9);
            }
            for (const SwimmerMarker& marker : lane.markers) {
                QVERIFY(std::abs(marker.box.center().y() - lane.lane.center().y()) < 1e-6);
            }
            QCOMPARE(swimmer_subject_at(layout, results, lane.bar.center()),
                     std::optional<std::int32_t>(subject.subject));
            QCOMPARE(swimmer_subject_at(layout, results, lane.label_rect.center()),
                     std::optional<std::int32_t>(subject.subject));
        }
        // Responders only.
        TumourFigureOptions responders = figure(TumourFigure::Swimmer);
        responders.responders_only = true;
        const SwimmerLayout only = layout_swimmer_figure(screen, results, {}, responders);
        const auto count = std::count_if(results.tumour_response->subjects.begin(),
                                         results.tumour_response->subjects.end(),
                                         [](const auto& s) { return s.responder; });
        QCOMPARE(only.lanes.size(), static_cast<std::size_t>(count));
    }

    void swimmerOfManySubjectsDropsLabelsKeepsEveryLane() {
        const Results results = tumour_fixture::results(300);
        const TumourFigureOptions tumour = figure(TumourFigure::Swimmer);
        const SwimmerLayout layout = layout_swimmer_figure(screen, results, {}, tumour);
        QCOMPARE(layout.lanes.size(), std::size_t{300});
        QVERIFY(!layout.labelled);
        QVERIFY(layout.y_title.startsWith(QStringLiteral("300 subjects")));
        const QImage image = render(results, tumour, screen.size());
        for (const SwimmerLaneLayout& lane : layout.lanes) {
            QVERIFY(lane.label.isEmpty());
            const QPointF middle(lane.bar.left() + 1, lane.bar.center().y());
            QVERIFY(!is_white(image.pixel(middle.toPoint())));
        }
    }

    void durationOfResponseIsTheCoresCurvesAmongResponders() {
        const Results results = tumour_fixture::results(80);
        const DurationOfResponsePanel panel = duration_of_response_panel(results);
        QCOMPARE(panel.text.title, QStringLiteral("Duration of response"));
        QCOMPARE(panel.results.arms.size(), std::size_t{2});
        for (std::size_t a = 0; a < 2; ++a) {
            const ArmTumourResponse& arm = results.tumour_response->arms[a];
            QCOMPARE(panel.results.arms[a].arm, arm.arm);
            QCOMPARE(panel.results.arms[a].km.curve.surv, arm.dor->curve.surv);
            QCOMPARE(panel.results.arms[a].km.n, arm.responders);
            QVERIFY(panel.text.legend[a].startsWith(QString::fromStdString(arm.arm)));
        }
        QVERIFY(has_duration_of_response(results));
    }

    void figuresSayWhatTheyNeedWithoutTheData() {
        Results none = tumour_fixture::results(10);
        none.tumour_response.reset();
        const WaterfallLayout waterfall =
            layout_waterfall_figure(screen, none, {}, figure(TumourFigure::Waterfall));
        QVERIFY(waterfall.missing.contains(QStringLiteral("ADTR")));
        QVERIFY(waterfall.panels.empty());
        // Treatment dates but no measurements (the CDISC pilot): the swimmer
        // draws, the waterfall and spider say what is missing.
        const Results dates = tumour_fixture::results(10, true, [](SubjectTumourResponse& subject) {
            subject.best_pchg.reset();
            subject.pchg_over_time.clear();
        });
        QVERIFY(layout_waterfall_figure(screen, dates, {}, figure(TumourFigure::Waterfall))
                    .missing.contains(QStringLiteral("ADTR")));
        QVERIFY(layout_spider_figure(screen, dates, {}, figure(TumourFigure::Spider))
                    .missing.contains(QStringLiteral("ADTR")));
        QVERIFY(layout_swimmer_figure(screen, dates, {}, figure(TumourFigure::Swimmer))
                    .missing.isEmpty());
        const Results no_days = tumour_fixture::results(
            10, true, [](SubjectTumourResponse& subject) { subject.treatment_days.reset(); });
        QVERIFY(layout_swimmer_figure(screen, no_days, {}, figure(TumourFigure::Swimmer))
                    .missing.contains(QStringLiteral("TRTSDT")));
    }

    void exportsAtExactSizes_data() {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QSize>("pixels");
        QTest::newRow("slide 16:9") << QStringLiteral("slide-16x9") << QSize(4000, 2250);
        QTest::newRow("journal single") << QStringLiteral("journal-single") << QSize(1050, 1200);
        QTest::newRow("journal double") << QStringLiteral("journal-double") << QSize(2100, 1350);
    }

    void exportsAtExactSizes() {
        QFETCH(QString, preset);
        QFETCH(QSize, pixels);
        const Results results = tumour_fixture::results(40);
        const auto size = find_size_preset(preset);
        QVERIFY(size);
        for (const auto kind : {TumourFigure::Waterfall, TumourFigure::Spider,
                                TumourFigure::Swimmer, TumourFigure::DurationOfResponse}) {
            FigureExportOptions options;
            options.kind = FigureKind::TumourResponse;
            options.tumour.figure = kind;
            options.size_points = size->size_points;
            options.font_size_pt = size->font_size_pt;
            options.dpi = 300;
            const QImage image = render_figure_png_image(results, options);
            QCOMPARE(image.size(), pixels);
            // Something is drawn beyond the white page.
            int inked = 0;
            for (int y = 0; y < image.height(); y += 7) {
                for (int x = 0; x < image.width(); x += 7) {
                    inked += is_white(image.pixel(x, y)) ? 0 : 1;
                }
            }
            QVERIFY(inked > 100);
        }
    }

    // The demo has ADTR, per-visit ADRS and treatment dates: every figure
    // draws, one bar per measured subject, one lane per treated subject.
    void demoDrawsEveryFigure() {
        const Results results = demo_results();
        if (!results.tumour_response) { // until refit fills it (main's "Tumour response in refit")
            QSKIP("the refit gives no tumour response yet");
        }
        const TumourResponse& response = *results.tumour_response;
        const auto measured = std::count_if(response.subjects.begin(), response.subjects.end(),
                                            [](const auto& s) { return s.best_pchg.has_value(); });
        if (measured == 0) { // until the demo generator writes ADTR
            QSKIP("the demo study has no tumour measurements yet");
        }
        const WaterfallLayout waterfall =
            layout_waterfall_figure(screen, results, {}, figure(TumourFigure::Waterfall));
        QCOMPARE(waterfall.order.size(), static_cast<std::size_t>(measured));
        const auto treated =
            std::count_if(response.subjects.begin(), response.subjects.end(),
                          [](const auto& s) { return s.treatment_days.has_value(); });
        QCOMPARE(
            layout_swimmer_figure(screen, results, {}, figure(TumourFigure::Swimmer)).lanes.size(),
            static_cast<std::size_t>(treated));
        QVERIFY(
            !layout_spider_figure(screen, results, {}, figure(TumourFigure::Spider)).lines.empty());
        QVERIFY(has_duration_of_response(results));
    }

    // The pilot has treatment dates but no tumour measurements or responses:
    // the swimmer draws its 254 lanes, the waterfall says what is missing.
    void pilotSwimmerDrawsEveryLaneWaterfallSaysWhatIsMissing() {
        const Results results = pilot_results();
        if (!results.tumour_response) { // until refit fills it (main's "Tumour response in refit")
            QSKIP("the refit gives no tumour response yet");
        }
        const SwimmerLayout swimmer =
            layout_swimmer_figure(screen, results, {}, figure(TumourFigure::Swimmer));
        QVERIFY(swimmer.missing.isEmpty());
        QCOMPARE(swimmer.lanes.size(), std::size_t{254});
        QVERIFY(!swimmer.labelled);
        const WaterfallLayout waterfall =
            layout_waterfall_figure(screen, results, {}, figure(TumourFigure::Waterfall));
        QVERIFY(waterfall.missing.contains(QStringLiteral("ADTR")));
        QVERIFY(waterfall.panels.empty());
    }

    void writeFiguresForReview() {
        const QString dir = qEnvironmentVariable("TRIALLENS_TUMOUR_FIGURE_DIR");
        if (dir.isEmpty()) {
            QSKIP("set TRIALLENS_TUMOUR_FIGURE_DIR to write the figures");
        }
        QDir().mkpath(dir);
        const Results results = tumour_fixture::results(60);
        const Results many = tumour_fixture::results(1500);
        for (const auto kind : {TumourFigure::Waterfall, TumourFigure::Spider,
                                TumourFigure::Swimmer, TumourFigure::DurationOfResponse}) {
            const QString name = tumour_figure_name(kind);
            render(results, figure(kind), screen.size()).save(dir + "/" + name + ".png");
            FigureExportOptions options;
            options.kind = FigureKind::TumourResponse;
            options.tumour.figure = kind;
            const auto journal = find_size_preset(QStringLiteral("journal-single"));
            options.size_points = journal->size_points;
            options.font_size_pt = journal->font_size_pt;
            render_figure_png_image(results, options).save(dir + "/" + name + "-journal.png");
            render(many, figure(kind), screen.size()).save(dir + "/" + name + "-1500.png");
        }
        TumourFigureOptions by_arm = figure(TumourFigure::Waterfall);
        by_arm.colour_by = TumourColouring::Arm;
        by_arm.arrangement = WaterfallArrangement::Interleaved;
        render(results, by_arm, screen.size()).save(dir + "/waterfall-interleaved-arm.png");
        // The demo (147 and 1500 subjects) and the pilot.
        const Results demo = demo_results();
        const Results demo_many = demo_results(1500);
        const Results pilot = pilot_results();
        for (const auto kind : {TumourFigure::Waterfall, TumourFigure::Spider,
                                TumourFigure::Swimmer, TumourFigure::DurationOfResponse}) {
            const QString name = tumour_figure_name(kind);
            render(demo, figure(kind), screen.size()).save(dir + "/demo-" + name + ".png");
            FigureExportOptions options;
            options.kind = FigureKind::TumourResponse;
            options.tumour.figure = kind;
            const auto journal = find_size_preset(QStringLiteral("journal-single"));
            options.size_points = journal->size_points;
            options.font_size_pt = journal->font_size_pt;
            render_figure_png_image(demo, options).save(dir + "/demo-" + name + "-journal.png");
            render(demo_many, figure(kind), screen.size())
                .save(dir + "/demo-1500-" + name + ".png");
            render(pilot, figure(kind), screen.size()).save(dir + "/pilot-" + name + ".png");
        }
    }
};

QTEST_MAIN(TestTumourResponseFigures)
#include "test_tumour_response_figures.moc"
