// The Kaplan–Meier figure on the demo study: the number-at-risk columns sit
// under the time axis's ticks at any size and show the core's counts, CI
// bands and the view's toggles change what is drawn, long arm names never
// truncate the legend, the table's rows never overlap in a small figure, and
// curve groups get their own curves and rows.
//
// With TRIALLENS_KM_FIGURE_DIR set, writeFiguresForReview also writes the demo
// PFS and OS and the CDISC pilot's TTDE figures there as PNGs to look at.

#include "../cdisc_pilot.h"

#include <models/km_figure_text.h>
#include <views/km_chart_view.h>
#include <views/km_figure.h>
#include <views/wrapped_text.h>

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/format/number_format.h>
#include <triallens/stats/number_at_risk.h>

#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QDir>
#include <QImage>
#include <QLineSeries>
#include <QTest>
#include <QValueAxis>

#include <cmath>
#include <memory>
#include <set>

using namespace triallens;
using namespace triallens::ui;

namespace {

ResultsPtr demo_results(const std::string& paramcd) {
    static const Study study = generate_demo_study();
    AnalysisSpec spec;
    spec.paramcd = paramcd;
    return std::make_shared<const Results>(refit(study, spec));
}

ResultsPtr pfs() {
    static const ResultsPtr results = demo_results("PFS");
    return results;
}

int count_series(const Results& results, const KmFigureOptions& options, const char* name) {
    const std::unique_ptr<QChart> chart(build_km_chart(results, options, km_figure_font(options)));
    int count = 0;
    for (QAbstractSeries* series : chart->series()) {
        count += series->objectName() == QLatin1String(name) ? 1 : 0;
    }
    return count;
}

// Every rectangle a table draws text in: section titles and rows.
std::vector<QRectF> table_rects(const KmFigureLayout& layout) {
    std::vector<QRectF> rects;
    for (const KmTableSection& section : layout.table) {
        rects.push_back(section.title_rect);
        for (const KmTableRow& row : section.rows) {
            rects.push_back(row.rect);
        }
    }
    return rects;
}

// A pixel of a grey grid line (antialiased over up to two pixels), not of a
// curve (coloured) or the white background.
bool grid_grey(QRgb pixel) {
    const int r = qRed(pixel);
    return std::abs(r - qGreen(pixel)) < 4 && std::abs(r - qBlue(pixel)) < 4 && r < 248 && r > 150;
}

} // namespace

class TestKmFigure : public QObject {
    Q_OBJECT

private slots:
    void atRiskColumnsSitUnderTheirTicks_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1000x625") << QSize(1000, 625);
        QTest::newRow("640x400") << QSize(640, 400);
    }

    void atRiskColumnsSitUnderTheirTicks() {
        QFETCH(QSize, size);
        KmChartView view;
        view.resize(size);
        view.setResults(pfs());
        const KmFigureLayout layout = view.figureLayout();
        const KmTimeAxis axis = km_time_axis(*pfs());
        QCOMPARE(layout.ticks, axis.ticks);
        QVERIFY(layout.ticks.size() >= 5);
        QCOMPARE(layout.column_x.size(), layout.ticks.size());
        QVERIFY(!layout.table.empty());
        for (std::size_t t = 0; t < layout.ticks.size(); ++t) {
            QCOMPARE(layout.ticks[t], static_cast<double>(t) * axis.step); // anchored at 0
            QVERIFY(std::fabs(layout.column_x[t] - layout.tick_x[t]) <= 1);
            // The chart's mapping is the plot area's linear scale of the axis range.
            const double linear =
                layout.plot_area.left() + layout.ticks[t] / axis.maximum * layout.plot_area.width();
            QVERIFY2(std::fabs(layout.tick_x[t] - linear) <= 1,
                     qPrintable(QStringLiteral("tick %1 at %2, expected %3")
                                    .arg(layout.ticks[t])
                                    .arg(layout.tick_x[t])
                                    .arg(linear)));
        }
        // The chart really draws its grid lines there: look for the grid's grey
        // in the rendered widget at each inner tick's column.
        const QImage image = view.grab().toImage();
        QCOMPARE(image.size(), size);
        for (std::size_t t = 1; t + 1 < layout.ticks.size(); ++t) {
            const int x = qRound(layout.tick_x[t]);
            int grey = 0;
            for (int y = qRound(layout.plot_area.top()) + 2;
                 y < qRound(layout.plot_area.bottom()) - 2; ++y) {
                grey += grid_grey(image.pixel(x, y)) || grid_grey(image.pixel(x - 1, y)) ||
                                grid_grey(image.pixel(x + 1, y))
                            ? 1
                            : 0;
            }
            QVERIFY2(
                grey > layout.plot_area.height() / 2,
                qPrintable(
                    QStringLiteral("no grid line at tick %1 (x %2)").arg(layout.ticks[t]).arg(x)));
        }
    }

    void atRiskNumbersAreTheCoresCounts() {
        KmFigureOptions options;
        options.events_row = true;
        options.censored_row = true;
        const KmFigureLayout layout = layout_km_figure(QRectF(0, 0, 1200, 800), *pfs(), options);
        QCOMPARE(layout.table.size(), std::size_t{3});
        QCOMPARE(layout.table[0].title, QStringLiteral("Number at risk"));
        for (std::size_t a = 0; a < pfs()->arms.size(); ++a) {
            const NumberAtRisk counts = number_at_risk(pfs()->arms[a].km, layout.ticks);
            QCOMPARE(layout.table[0].rows[a].label, QString::fromStdString(pfs()->arms[a].arm));
            for (std::size_t t = 0; t < layout.ticks.size(); ++t) {
                QCOMPARE(layout.table[0].rows[a].cells[t], QString::number(counts.n_risk[t]));
                QCOMPARE(layout.table[1].rows[a].cells[t], QString::number(counts.n_event[t]));
                QCOMPARE(layout.table[2].rows[a].cells[t], QString::number(counts.n_censor[t]));
            }
            // At 0 everyone is at risk; the last column sums up the arm.
            QCOMPARE(counts.n_risk.front(), pfs()->arms[a].km.n);
            QCOMPARE(counts.n_event.back(), pfs()->arms[a].km.n_events);
        }
    }

    void ciBandsAddBandSeriesAndPixels() {
        KmFigureOptions without;
        KmFigureOptions with;
        with.ci_bands = true;
        QCOMPARE(count_series(*pfs(), without, km_band_series), 0);
        QVERIFY(count_series(*pfs(), with, km_band_series) >= static_cast<int>(pfs()->arms.size()));

        const QSize size(800, 500);
        const QImage plain = render_km_figure(*pfs(), size, 1, without);
        const QImage banded = render_km_figure(*pfs(), size, 1, with);
        const QRect plot = layout_km_figure(QRectF(QPointF(), QSizeF(size)), *pfs(), with)
                               .plot_area.toAlignedRect();
        int changed_inside = 0;
        int changed_outside = 0;
        for (int y = 0; y < size.height(); ++y) {
            for (int x = 0; x < size.width(); ++x) {
                if (plain.pixel(x, y) != banded.pixel(x, y)) {
                    (plot.contains(x, y) ? changed_inside : changed_outside) += 1;
                }
            }
        }
        QVERIFY2(changed_inside > plot.width() * plot.height() / 20,
                 qPrintable(QString::number(changed_inside)));
        QCOMPARE(changed_outside, 0);
    }

    void medianLinesAndCensorMarksFollowTheirOptions() {
        KmFigureOptions options;
        QCOMPARE(count_series(*pfs(), options, km_median_series),
                 static_cast<int>(pfs()->arms.size()) + 1); // one drop per arm, one at S = 0.5
        QCOMPARE(count_series(*pfs(), options, km_censor_series),
                 static_cast<int>(pfs()->arms.size()));
        options.median_lines = false;
        options.censor_marks = false;
        QCOMPARE(count_series(*pfs(), options, km_median_series), 0);
        QCOMPARE(count_series(*pfs(), options, km_censor_series), 0);
    }

    void legendIsWholeForLongArmNames_data() {
        QTest::addColumn<QSize>("size");
        QTest::newRow("480x320") << QSize(480, 320);
        QTest::newRow("800x500") << QSize(800, 500);
    }

    void legendIsWholeForLongArmNames() {
        QFETCH(QSize, size);
        auto results = std::make_shared<Results>(*pfs());
        results->arms.back().arm =
            "Nab-paclitaxel plus an investigational agent, 3 mg/kg Q3W IV"; // 60 characters
        QCOMPARE(results->arms.back().arm.size(), std::size_t{60});
        const QRectF figure{QPointF(), QSizeF(size)};
        const KmFigureLayout layout = layout_km_figure(figure, *results, KmFigureOptions{});
        QCOMPARE(layout.legend.size(), results->arms.size());
        for (std::size_t a = 0; a < layout.legend.size(); ++a) {
            const KmLegendEntry& entry = layout.legend[a];
            // the whole text (only the names where the plot needs the room)
            QCOMPARE(entry.text,
                     layout.legend_names_only
                         ? curve_name(results->arms[a])
                         : arm_legend_text(results->arms[a], median_decimals(*results)));
            QVERIFY(figure.contains(entry.text_rect));
            QVERIFY(figure.contains(entry.swatch));
            // Wrapped to its rectangle, the text needs no more room than it has.
            const QSizeF needed =
                wrapped_text_size(entry.text, layout.text_font, entry.text_rect.width());
            QVERIFY(needed.width() <= entry.text_rect.width() + 0.5);
            QVERIFY(needed.height() <= entry.text_rect.height() + 0.5);
            QVERIFY(!entry.text_rect.intersects(layout.plot_area));
            for (std::size_t b = a + 1; b < layout.legend.size(); ++b) {
                QVERIFY(!entry.text_rect.intersects(layout.legend[b].text_rect));
            }
        }
        QVERIFY(figure.contains(layout.annotation_rect));
    }

    void tableRowsDoNotOverlapWhenSmall() {
        KmFigureOptions options;
        options.events_row = true;
        options.censored_row = true;
        const QRectF figure(0, 0, 480, 320);
        const KmFigureLayout layout = layout_km_figure(figure, *pfs(), options);
        QVERIFY(!layout.table.empty()); // the number at risk stays
        QCOMPARE(layout.table.size() + static_cast<std::size_t>(layout.dropped_sections),
                 std::size_t{3});
        const std::vector<QRectF> rects = table_rects(layout);
        const double line = QFontMetricsF(layout.table_font).height();
        for (std::size_t i = 0; i < rects.size(); ++i) {
            QVERIFY(figure.contains(rects[i]));
            QVERIFY(rects[i].height() >= line - 0.01);
            QVERIFY(rects[i].top() >= layout.plot_area.bottom());
            for (std::size_t j = i + 1; j < rects.size(); ++j) {
                QVERIFY2(rects[i].bottom() <= rects[j].top() + 0.01,
                         qPrintable(QStringLiteral("rows %1 and %2 overlap").arg(i).arg(j)));
            }
        }
        QVERIFY(layout.table_font.pixelSize() >= 7);
        QVERIFY2(layout.plot_area.height() >= 0.2 * figure.height(),
                 qPrintable(QStringLiteral("plot %1 px high, table font %2 px, %3 sections dropped")
                                .arg(layout.plot_area.height())
                                .arg(layout.table_font.pixelSize())
                                .arg(layout.dropped_sections)));
        // Columns stay apart: the widest number fits between two ticks.
        const QFontMetricsF metrics(layout.table_font);
        for (const KmTableSection& section : layout.table) {
            for (const KmTableRow& row : section.rows) {
                for (std::size_t t = 0; t + 1 < row.cells.size(); ++t) {
                    QVERIFY(layout.column_x[t] + metrics.horizontalAdvance(row.cells[t]) / 2 <
                            layout.column_x[t + 1] -
                                metrics.horizontalAdvance(row.cells[t + 1]) / 2);
                }
            }
        }
    }

    void curveGroupsDrawTheirOwnCurvesAndRows() {
        auto results = std::make_shared<Results>(*pfs());
        for (const ArmSurvival& arm : pfs()->arms) {
            for (const char* level : {"Positive", "Negative"}) {
                ArmSurvival group = arm;
                group.level = level;
                results->curve_groups.push_back(group);
            }
        }
        const KmFigureOptions options;
        QCOMPARE(count_series(*results, options, km_curve_series), 4);
        const KmFigureLayout layout = layout_km_figure(QRectF(0, 0, 1000, 625), *results, options);
        QCOMPARE(layout.legend.size(), std::size_t{4});
        QCOMPARE(layout.table.front().rows.size(), std::size_t{4});
        std::set<QRgb> colours;
        for (std::size_t g = 0; g < 4; ++g) {
            const ArmSurvival& group = results->curve_groups[g];
            const QString name = QString::fromStdString(group.arm + ", " + group.level);
            QVERIFY(layout.legend[g].text.startsWith(name));
            QCOMPARE(layout.table.front().rows[g].label, name);
            QCOMPARE(layout.table.front().rows[g].colour, layout.legend[g].colour);
            colours.insert(layout.legend[g].colour.rgb());
            // Coloured by arm, styled by level: the curves group by arm.
            QCOMPARE(layout.legend[g].colour, layout.legend[g % 2 == 0 ? g + 1 : g - 1].colour);
            QCOMPARE(layout.legend[g].style, layout.legend[(g + 2) % 4].style);
            QVERIFY(layout.legend[g].style != layout.legend[g % 2 == 0 ? g + 1 : g - 1].style);
        }
        QCOMPARE(colours.size(), pfs()->arms.size());
    }

    void viewTogglesRepaintWithoutRefit() {
        KmChartView view;
        view.resize(800, 500);
        view.setResults(pfs());
        const QImage before = view.grab().toImage();
        QVERIFY(!view.ciBandsAction()->isChecked());
        QVERIFY(view.medianLinesAction()->isChecked());
        QVERIFY(view.actions().contains(view.eventsRowAction()));
        view.ciBandsAction()->trigger();
        QVERIFY(view.options().ci_bands);
        QCOMPARE(view.results(), pfs()); // the same results, not a refit
        QVERIFY(view.grab().toImage() != before);

        view.eventsRowAction()->trigger();
        view.censoredRowAction()->trigger();
        QCOMPARE(view.figureLayout().table.size(), std::size_t{3});
        view.censorMarksAction()->trigger();
        view.medianLinesAction()->trigger();
        KmFigureOptions expected;
        expected.ci_bands = true;
        expected.events_row = true;
        expected.censored_row = true;
        expected.censor_marks = false;
        expected.median_lines = false;
        QCOMPARE(view.options(), expected);

        // setOptions drives the actions too.
        view.setOptions(KmFigureOptions{});
        QVERIFY(!view.ciBandsAction()->isChecked());
        QVERIFY(view.censorMarksAction()->isChecked());
    }

    // --xlim and --break-by: the axis ends at the limit, ticks at multiples of
    // the break, and nothing is drawn past the limit (survminer's xlim).
    void xLimitAndBreakIntervalSetTheTimeAxis() {
        KmFigureOptions options;
        options.x_limit = 14.5;
        options.break_by = 2.5;
        const KmTimeAxis axis = km_time_axis(*pfs(), options);
        QCOMPARE(axis.maximum, 14.5);
        QCOMPARE(axis.step, 2.5);
        QCOMPARE(axis.decimals, 1);
        QCOMPARE(axis.ticks, (std::vector<double>{0, 2.5, 5, 7.5, 10, 12.5}));
        QCOMPARE(km_tick_label(axis, 7.5), QStringLiteral("7.5"));
        // Too many intervals for the room: whole multiples of the break, never another step.
        const KmTimeAxis thinned = km_time_axis(*pfs(), options, 3);
        QCOMPARE(thinned.step, 5.0);
        QCOMPARE(thinned.maximum, 14.5);
        // A break without a limit: the axis ends at the first multiple past the data.
        KmFigureOptions break_only;
        break_only.break_by = 7;
        const KmTimeAxis sevens = km_time_axis(*pfs(), break_only);
        QCOMPARE(sevens.step, 7.0);
        QCOMPARE(sevens.maximum, km_axis_maximum(km_last_time(*pfs()), 7));
        // A break far too fine for the data stays bounded: at most 12 intervals.
        break_only.break_by = 1e-6;
        QVERIFY(km_time_axis(*pfs(), break_only).ticks.size() <= 13);

        const std::unique_ptr<QChart> chart(
            build_km_chart(*pfs(), with_kmunicate_style(options), km_figure_font(options)));
        for (QAbstractSeries* series : chart->series()) {
            const auto points = [&] {
                if (auto* area = qobject_cast<QAreaSeries*>(series)) {
                    return area->upperSeries()->points();
                }
                return qobject_cast<QXYSeries*>(series)->points();
            }();
            for (const QPointF& point : points) {
                QVERIFY2(point.x() <= 14.5, qPrintable(series->objectName()));
            }
        }
        const KmFigureLayout layout = layout_km_figure(QRectF(0, 0, 1000, 625), *pfs(), options);
        QCOMPARE(layout.time_maximum, 14.5);
        QCOMPARE(layout.ticks, axis.ticks);
        const NumberAtRisk counts = number_at_risk(pfs()->arms[0].km, axis.ticks);
        for (std::size_t t = 0; t < axis.ticks.size(); ++t) {
            QCOMPARE(layout.table[0].rows[0].cells[t], QString::number(counts.n_risk[t]));
        }
    }

    // --y cumulative and --percent: 1 − S, its CI turned over, in percent.
    void cumulativeIncidenceInPercent() {
        KmFigureOptions options;
        options.y_scale = KmYScale::Cumulative;
        options.percent = true;
        options.ci_bands = true;
        QCOMPARE(km_y_value(options, 0.8), 20.0);
        QCOMPARE(km_y_axis_title(options), QStringLiteral("Cumulative incidence (%)"));
        const std::unique_ptr<QChart> chart(
            build_km_chart(*pfs(), options, km_figure_font(options)));
        const auto* y_axis = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).value(0));
        QVERIFY(y_axis);
        QCOMPARE(y_axis->max(), 100.0);
        QCOMPARE(y_axis->titleText(), QStringLiteral("Cumulative incidence (%)"));
        const SurvivalCurve& curve = pfs()->arms[0].km.curve;
        bool curve_checked = false;
        for (QAbstractSeries* series : chart->series()) {
            if (series->objectName() == QLatin1String(km_curve_series) && !curve_checked) {
                const QList<QPointF> points = qobject_cast<QLineSeries*>(series)->points();
                QCOMPARE(points.front(), QPointF(0, 0));
                // After the first event, the curve is at 100 (1 − S).
                std::size_t first = 0;
                while (curve.n_event[first] == 0) {
                    ++first;
                }
                QVERIFY(points.contains(QPointF(curve.time[first], 100 * (1 - curve.surv[first]))));
                curve_checked = true;
            }
            if (auto* band = qobject_cast<QAreaSeries*>(series)) {
                const QList<QPointF> upper = band->upperSeries()->points();
                const QList<QPointF> lower = band->lowerSeries()->points();
                QCOMPARE(upper.size(), lower.size());
                for (qsizetype k = 0; k < upper.size(); ++k) {
                    QVERIFY(upper[k].y() >= lower[k].y());
                    QVERIFY(upper[k].y() <= 100.0 + 1e-9);
                }
            }
        }
        QVERIFY(curve_checked);
        // A title the user typed replaces the default.
        options.y_label = QStringLiteral("Progression or death (%)");
        const std::unique_ptr<QChart> titled(
            build_km_chart(*pfs(), options, km_figure_font(options)));
        QCOMPARE(qobject_cast<QValueAxis*>(titled->axes(Qt::Vertical).value(0))->titleText(),
                 options.y_label);
    }

    // --risk-table events and kmunicate: what each cell and row holds.
    void riskTableStyles() {
        KmFigureOptions options;
        options.risk_table = KmRiskTable::AtRiskEvents;
        const KmFigureLayout events = layout_km_figure(QRectF(0, 0, 1000, 625), *pfs(), options);
        QCOMPARE(events.table.size(), std::size_t{1});
        QCOMPARE(events.table[0].title, QStringLiteral("Number at risk (cumulative events)"));
        for (std::size_t a = 0; a < pfs()->arms.size(); ++a) {
            const NumberAtRisk counts = number_at_risk(pfs()->arms[a].km, events.ticks);
            for (std::size_t t = 0; t < events.ticks.size(); ++t) {
                QCOMPARE(
                    events.table[0].rows[a].cells[t],
                    QStringLiteral("%1\u00A0(%2)").arg(counts.n_risk[t]).arg(counts.n_event[t]));
            }
        }

        const KmFigureOptions kmunicate = with_kmunicate_style({});
        QVERIFY(is_kmunicate_style(kmunicate));
        QVERIFY(kmunicate.ci_bands && !kmunicate.censor_marks && !kmunicate.median_lines);
        QVERIFY(!is_kmunicate_style({}));
        const KmFigureLayout layout = layout_km_figure(QRectF(0, 0, 1000, 700), *pfs(), kmunicate);
        QVERIFY(!layout.table_simplified);
        QCOMPARE(layout.table.size(), pfs()->arms.size());
        for (std::size_t a = 0; a < pfs()->arms.size(); ++a) {
            const KmTableSection& section = layout.table[a];
            QCOMPARE(section.title, QString::fromStdString(pfs()->arms[a].arm));
            QCOMPARE(section.title_colour, layout.legend[a].colour);
            QCOMPARE(section.rows.size(), std::size_t{3});
            const NumberAtRisk counts = number_at_risk(pfs()->arms[a].km, layout.ticks);
            for (std::size_t t = 0; t < layout.ticks.size(); ++t) {
                QCOMPARE(section.rows[0].cells[t], QString::number(counts.n_risk[t]));
                QCOMPARE(section.rows[1].cells[t], QString::number(counts.n_censor[t]));
                QCOMPARE(section.rows[2].cells[t], QString::number(counts.n_event[t]));
            }
            QCOMPARE(section.rows[0].label, QStringLiteral("At risk"));
        }
        QCOMPARE(count_series(*pfs(), kmunicate, km_censor_series), 0);
        QCOMPARE(count_series(*pfs(), kmunicate, km_median_series), 0);
        QVERIFY(count_series(*pfs(), kmunicate, km_band_series) >= 2);
        // Too small for three rows per arm: "n (events)" in one section, not a cut table.
        const KmFigureLayout small = layout_km_figure(QRectF(0, 0, 480, 300), *pfs(), kmunicate);
        QVERIFY(small.table_simplified);
        QVERIFY(small.table.empty() || small.table[0].title.startsWith(QLatin1String("Number")));
    }

    void optionProblemsAreNamed_data() {
        QTest::addColumn<double>("x_limit");
        QTest::addColumn<double>("break_by");
        QTest::addColumn<QString>("problem");
        QTest::newRow("fine") << 24.0 << 6.0 << QString();
        QTest::newRow("zero limit") << 0.0 << 6.0 << QStringLiteral("x-axis limit");
        QTest::newRow("negative break") << 24.0 << -1.0 << QStringLiteral("break interval");
        QTest::newRow("nan limit") << std::nan("") << 6.0 << QStringLiteral("x-axis limit");
        QTest::newRow("break past limit") << 5.0 << 6.0 << QStringLiteral("longer than");
        QTest::newRow("too many ticks") << 1e9 << 1.0 << QStringLiteral("more than 200 ticks");
    }

    void optionProblemsAreNamed() {
        QFETCH(double, x_limit);
        QFETCH(double, break_by);
        QFETCH(QString, problem);
        KmFigureOptions options;
        options.x_limit = x_limit;
        options.break_by = break_by;
        const auto found = km_options_problem(options);
        QCOMPARE(found.has_value(), !problem.isEmpty());
        if (found) {
            QVERIFY2(found->contains(problem), qPrintable(*found));
        }
        QVERIFY(!km_options_problem({}));
        KmFigureOptions long_title;
        long_title.x_label = QString(201, u'x');
        QVERIFY(km_options_problem(long_title));
        for (const KmRiskTable table :
             {KmRiskTable::AtRisk, KmRiskTable::AtRiskEvents, KmRiskTable::Kmunicate}) {
            QCOMPARE(parse_km_risk_table(km_risk_table_name(table)), table);
        }
        QCOMPARE(parse_km_y_scale(u"cumulative"), KmYScale::Cumulative);
        QVERIFY(!parse_km_y_scale(u"Cumulative"));
    }

    void syntheticLabelAndAnnotationStay() {
        const KmFigureLayout layout = layout_km_figure(QRectF(0, 0, 800, 500), *pfs(), {});
        QVERIFY(pfs()->synthetic);
        QCOMPARE(layout.caveat_label, QStringLiteral("SYNTHETIC demo data"));
        QCOMPARE(layout.annotation, hazard_ratio_text(*pfs()));
        QVERIFY(layout.annotation.contains(QStringLiteral("Cox (Efron)")));
        QVERIFY(!layout.caveat_rect.intersects(layout.title_rect));
    }

    void fontOptionSetsEveryText() {
        KmFigureOptions options;
        options.font_point_size = 15; // 20 px at 96 dpi
        const KmFigureLayout layout = layout_km_figure(QRectF(0, 0, 1600, 1000), *pfs(), options);
        QCOMPARE(layout.font.pixelSize(), 20);
        QCOMPARE(layout.table_font.pixelSize(), 20);
        QVERIFY(layout.title_font.pixelSize() > 20);
    }

    // The pilot's times are whole days: its medians print as "36", not "36.00",
    // and the log-rank p by the one rule.
    void wholeDaysPrintAsWholeNumbers() {
        AnalysisSpec ttde;
        ttde.paramcd = "TTDE";
        const Results results = refit(cdisc_pilot::study(), ttde);
        const KmFigureLayout layout = layout_km_figure(QRectF(0, 0, 1000, 625), results, {});
        QCOMPARE(layout.legend.size(), results.arms.size());
        std::size_t with_median = 0;
        for (std::size_t a = 0; a < results.arms.size(); ++a) {
            const QuantileEstimate& median = results.arms[a].median;
            const QString& text = layout.legend[a].text;
            QVERIFY2(!text.contains(u'.'), qPrintable(text));
            if (median.estimate) {
                ++with_median;
                QVERIFY2(
                    text.contains(
                        QStringLiteral("median\u00A0%1\u00A0(").arg(*median.estimate, 0, 'f', 0)),
                    qPrintable(text));
            } else {
                QVERIFY2(text.contains(QStringLiteral("median\u00A0NR\u00A0(")), qPrintable(text));
            }
        }
        QVERIFY(with_median > 0);
        QVERIFY(results.logrank.has_value());
        QVERIFY(results.logrank->p < 0.001);
        QVERIFY2(layout.annotation.endsWith(QStringLiteral("log-rank p\u00A0<\u00A00.001")),
                 qPrintable(layout.annotation));
        // The pilot's ADTTE has no AVALU: its times are days, and the axis says so.
        QVERIFY(results.time_unit.empty());
        QCOMPARE(time_axis_title(results), QStringLiteral("Time (days)"));
    }

    void writeFiguresForReview() {
        const QString folder = qEnvironmentVariable("TRIALLENS_KM_FIGURE_DIR");
        if (folder.isEmpty()) {
            QSKIP("set TRIALLENS_KM_FIGURE_DIR to write the review PNGs");
        }
        QDir().mkpath(folder);
        AnalysisSpec ttde;
        ttde.paramcd = "TTDE";
        const std::vector<std::pair<QString, ResultsPtr>> figures{
            {QStringLiteral("demo-PFS"), pfs()},
            {QStringLiteral("demo-OS"), demo_results("OS")},
            {QStringLiteral("cdisc-TTDE"),
             std::make_shared<const Results>(refit(cdisc_pilot::study(), ttde))}};
        KmFigureOptions all;
        all.ci_bands = true;
        all.events_row = true;
        all.censored_row = true;
        for (const auto& [name, results] : figures) {
            // 1600 x 1000 pixels: the 1000 x 625 layout at 1.6 as the headless
            // demo writes it, and the layout at 1600 x 1000 itself.
            QVERIFY(render_km_figure(*results, QSize(1000, 625), 1.6)
                        .save(folder + "/" + name + "-1600x1000.png"));
            QVERIFY(render_km_figure(*results, QSize(1600, 1000), 1)
                        .save(folder + "/" + name + "-1600x1000-layout1600.png"));
            QVERIFY(render_km_figure(*results, QSize(800, 500), 1)
                        .save(folder + "/" + name + "-800x500.png"));
            QVERIFY(render_km_figure(*results, QSize(800, 500), 1, all)
                        .save(folder + "/" + name + "-800x500-all.png"));
            QVERIFY(render_km_figure(*results, QSize(480, 320), 1, all)
                        .save(folder + "/" + name + "-480x320-all.png"));
            QVERIFY(render_km_figure(*results, QSize(1000, 625), 1.6, all)
                        .save(folder + "/" + name + "-1600x1000-all.png"));
            QVERIFY(render_km_figure(*results, QSize(1000, 625), 1.6, with_kmunicate_style({}))
                        .save(folder + "/" + name + "-1600x1000-kmunicate.png"));
            QVERIFY(render_km_figure(*results, QSize(640, 400), 1, with_kmunicate_style({}))
                        .save(folder + "/" + name + "-640x400-kmunicate.png"));
            KmFigureOptions axis;
            axis.x_limit = std::round(0.7 * km_last_time(*results));
            axis.break_by = std::ceil(*axis.x_limit / 8);
            axis.y_scale = KmYScale::Cumulative;
            axis.percent = true;
            axis.ci_bands = true;
            axis.risk_table = KmRiskTable::AtRiskEvents;
            QVERIFY(render_km_figure(*results, QSize(1000, 625), 1.6, axis)
                        .save(folder + "/" + name + "-1600x1000-axis.png"));
        }
    }
};

QTEST_MAIN(TestKmFigure)
#include "test_km_figure.moc"
