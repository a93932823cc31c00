// The Kaplan–Meier figure's layout at every export preset (figure_size_presets)
// on the demo, the CDISC pilot (TTDE; by arm, and by arm × RACE) and the
// generated stress study (8 arms of 40-character names, OS on a 10-year axis
// with one arm ending by t = 3; stress_study.h), with the
// default table, with every table section on, with the KMunicate style, and
// with the user's axis (x-limit inside the data, a break interval, cumulative
// incidence in percent, "n (events)" cells). It asserts on the laid-out
// geometry, the same the exports draw: no text leaves the figure or overlaps
// another text or the chart; titles, the annotation, legend entries and row
// labels are whole and wrap only at spaces (so never inside a number or a
// CI); every curve's name is whole somewhere; the plot keeps 45% of the
// height with sensible survival ticks; the table's columns sit under the
// time ticks; the time axis ends at the first break at or past the data.

#include "../cdisc_pilot.h"
#include "../pilot_published_arm.h"
#include "../stress_study.h"

#include <export/figure_export.h>
#include <models/km_figure_text.h>
#include <views/km_chart.h>
#include <views/km_figure.h>
#include <views/wrapped_text.h>

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/format/data_caveat.h>
#include <triallens/format/number_format.h>
#include <triallens/reconstruct/reconstructed_overlay.h>

#include <QFontInfo>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QTest>

#include <map>
#include <memory>

using namespace triallens;
using namespace triallens::ui;

Q_DECLARE_METATYPE(std::shared_ptr<const triallens::Results>)

namespace {

using ResultsHandle = std::shared_ptr<const Results>;

const std::string long_source = "Doe J, Roe R, et al. Lancet Oncol 2024;25:1234-45, Figure 2A "
                                "(progression-free survival, intention-to-treat)";

ResultsHandle study_results(const QString& name) {
    static std::map<QString, ResultsHandle> cache;
    if (auto found = cache.find(name); found != cache.end()) {
        return found->second;
    }
    static const Study demo = generate_demo_study();
    AnalysisSpec spec;
    ResultsHandle results;
    if (name.startsWith(QLatin1String("demo"))) {
        spec.paramcd = name.endsWith(QLatin1String("OS")) ? "OS" : "PFS";
        results = std::make_shared<const Results>(refit(demo, spec));
    } else if (name.startsWith(QLatin1String("published"))) {
        // The pilot with its Placebo arm again as a publication's, from a
        // source longer than the caveat's one line holds.
        static const Study overlay =
            overlay_reconstructed_arms(cdisc_pilot::study(), {cdisc_pilot::placebo_as_published()},
                                       {"TTDE", "", TimeUnit::Months, long_source});
        spec.paramcd = "TTDE";
        results = std::make_shared<const Results>(refit(overlay, spec));
    } else if (name.startsWith(QLatin1String("stress"))) {
        spec.paramcd = "OS";
        results = std::make_shared<const Results>(refit(stress_study::study(), spec));
    } else {
        spec.paramcd = "TTDE";
        if (name.endsWith(QLatin1String("RACE"))) {
            spec.curves_by = "RACE";
        }
        results = std::make_shared<const Results>(refit(cdisc_pilot::study(), spec));
    }
    cache[name] = results;
    return results;
}

// A text laid out in `font` within `rect`: whole, broken only at spaces, and
// needing no more room than it has.
void verify_whole_text(const QString& what, const QString& text, const QString& source,
                       const QFont& font, const QRectF& rect) {
    QVERIFY2(text == source,
             qPrintable(what + QStringLiteral(": \"%1\" is not \"%2\"").arg(text, source)));
    const QStringList lines = wrapped_lines(text, font, rect.width());
    // Joined at spaces the lines give the text back: every break fell at a space.
    QVERIFY2(lines.join(QLatin1Char(' ')) == text,
             qPrintable(what + QStringLiteral(": broken inside a word: ") +
                        lines.join(QStringLiteral(" | "))));
    const QFontMetricsF metrics(font);
    for (const QString& line : lines) {
        QVERIFY2(metrics.horizontalAdvance(line) <= rect.width() + 0.5,
                 qPrintable(what + QStringLiteral(": line wider than its box: ") + line));
    }
    QVERIFY2(static_cast<double>(lines.size()) * metrics.height() <= rect.height() + 0.5,
             qPrintable(what + QStringLiteral(": %1 lines do not fit").arg(lines.size())));
}

} // namespace

class TestFigureLayout : public QObject {
    Q_OBJECT

private slots:
    void kmFigureHoldsAtEveryPreset_data() {
        QTest::addColumn<QString>("study");
        QTest::addColumn<QSizeF>("size_points");
        QTest::addColumn<double>("font_points");
        QTest::addColumn<QString>("variant");
        for (const SizePreset& preset : figure_size_presets()) {
            for (const char* study : {"demo-PFS", "demo-OS", "pilot-TTDE", "pilot-TTDE-RACE",
                                      "stress-OS", "published-TTDE"}) {
                for (const char* variant : {"default", "all-sections", "kmunicate", "axis"}) {
                    QTest::addRow("%s %s %s", qPrintable(preset.name), study, variant)
                        << QString::fromLatin1(study) << preset.size_points << preset.font_size_pt
                        << QString::fromLatin1(variant);
                }
            }
        }
    }

    void kmFigureHoldsAtEveryPreset() {
        QFETCH(QString, study);
        QFETCH(QSizeF, size_points);
        QFETCH(double, font_points);
        QFETCH(QString, variant);
        const ResultsHandle results = study_results(study);
        // As the export lays it out: logical pixels of 1/96 in, the preset's font.
        KmFigureOptions options;
        options.font_point_size = font_points;
        options.font_family = QFontInfo(QGuiApplication::font()).family();
        options.events_row = variant == QLatin1String("all-sections");
        options.censored_row = options.events_row;
        const double last = km_last_time(*results);
        if (variant == QLatin1String("kmunicate")) {
            options = with_kmunicate_style(options);
        } else if (variant == QLatin1String("axis")) {
            options.x_limit = std::round(0.7 * last);
            options.break_by = std::ceil(*options.x_limit / 8);
            options.y_scale = KmYScale::Cumulative;
            options.percent = true;
            options.risk_table = KmRiskTable::AtRiskEvents;
        }
        const QRectF figure(QPointF(0, 0), size_points * 96.0 / 72.0);
        const KmFigureLayout layout = layout_km_figure(figure, *results, options);
        const std::vector<ArmSurvival>& curves = figure_curves(*results);

        // The data's caveat is there whenever the data are not a trial's own,
        // whole (checked with the other texts below).
        const QString caveat =
            QString::fromStdString(data_caveat(results->synthetic, results->reconstructed));
        QCOMPARE(layout.caveat_label, caveat);
        if (!caveat.isEmpty()) {
            verify_whole_text(QStringLiteral("caveat"), layout.caveat_label, caveat, layout.font,
                              layout.caveat_rect);
        }
        if (study.startsWith(QLatin1String("published"))) {
            QVERIFY2(layout.caveat_label.startsWith(
                         QStringLiteral("Partly RECONSTRUCTED from a publication: Doe J")),
                     qPrintable(layout.caveat_label));
        }

        // Whole texts, broken only at spaces.
        verify_whole_text(QStringLiteral("title"), layout.title, km_figure_title(*results),
                          layout.title_font, layout.title_rect);
        // The annotation, or with several arms compared, when their hazard
        // ratios leave no room, the overall test alone.
        QVERIFY(!layout.annotation_short || !hazard_ratio_short_text(*results).isEmpty());
        verify_whole_text(QStringLiteral("annotation"), layout.annotation,
                          layout.annotation_short ? hazard_ratio_short_text(*results)
                                                  : hazard_ratio_text(*results),
                          layout.text_font, layout.annotation_rect);
        QVERIFY(!layout.legend.empty() || layout.legend_in_table);
        for (std::size_t c = 0; c < layout.legend.size(); ++c) {
            const QString source = layout.legend_names_only
                                       ? curve_name(curves[c])
                                       : arm_legend_text(curves[c], median_decimals(*results));
            verify_whole_text(QStringLiteral("legend %1").arg(c), layout.legend[c].text, source,
                              layout.text_font, layout.legend[c].text_rect);
        }
        // A KMunicate table: a section per curve, titled with its name.
        const bool kmunicate_table =
            !layout.table.empty() && layout.table[0].title_colour.isValid();
        QCOMPARE(kmunicate_table,
                 variant == QLatin1String("kmunicate") && !layout.table_simplified);
        QFont bold = layout.table_font;
        bold.setBold(true);
        for (std::size_t s = 0; s < layout.table.size(); ++s) {
            const KmTableSection& section = layout.table[s];
            if (kmunicate_table) {
                QCOMPARE(layout.table.size(), curves.size());
                verify_whole_text(QStringLiteral("section %1").arg(s), section.title,
                                  curve_name(curves[s]), bold, section.title_rect);
                QCOMPARE(section.rows.size(), std::size_t{3});
                for (std::size_t r = 0; r < 3; ++r) {
                    const QString source =
                        QStringList{QStringLiteral("At risk"), QStringLiteral("Censored"),
                                    QStringLiteral("Events")}[int(r)];
                    verify_whole_text(QStringLiteral("row label %1").arg(r), section.rows[r].label,
                                      source, layout.table_font, section.rows[r].label_rect);
                }
                continue;
            }
            QCOMPARE(section.rows.size(), curves.size());
            for (std::size_t c = 0; c < curves.size(); ++c) {
                verify_whole_text(QStringLiteral("row label %1").arg(c), section.rows[c].label,
                                  curve_name(curves[c]), layout.table_font,
                                  section.rows[c].label_rect);
            }
        }
        // Every curve's name is whole in the legend or in the table.
        for (std::size_t c = 0; c < curves.size(); ++c) {
            const QString name = curve_name(curves[c]);
            const bool in_legend =
                c < layout.legend.size() && layout.legend[c].text.startsWith(name);
            const bool in_table =
                !layout.table.empty() && (kmunicate_table ? layout.table[c].title == name
                                                          : layout.table[0].rows[c].label == name);
            QVERIFY2(in_legend || in_table, qPrintable(name));
        }
        // The number at risk stays whenever it fits at all; only the last resort drops it.
        QVERIFY(!layout.table.empty() || layout.legend_names_only);

        // Every text box inside the figure, apart from the others and the chart.
        std::vector<std::pair<QString, QRectF>> boxes{
            {QStringLiteral("title"), layout.title_rect},
            {QStringLiteral("annotation"), layout.annotation_rect}};
        if (!layout.caveat_label.isEmpty()) {
            boxes.emplace_back(QStringLiteral("caveat"), layout.caveat_rect);
        }
        for (std::size_t c = 0; c < layout.legend.size(); ++c) {
            boxes.emplace_back(QStringLiteral("legend %1").arg(c), layout.legend[c].text_rect);
            boxes.emplace_back(QStringLiteral("swatch %1").arg(c), layout.legend[c].swatch);
        }
        for (const KmTableSection& section : layout.table) {
            boxes.emplace_back(section.title, section.title_rect);
            for (std::size_t c = 0; c < section.rows.size(); ++c) {
                const KmTableRow& row = section.rows[c];
                boxes.emplace_back(section.title + QStringLiteral(" label %1").arg(c),
                                   row.label_rect);
                if (!row.swatch.isEmpty()) {
                    boxes.emplace_back(section.title + QStringLiteral(" swatch %1").arg(c),
                                       row.swatch);
                }
                QCOMPARE(row.cell_rects.size(), layout.ticks.size());
                for (std::size_t t = 0; t < row.cell_rects.size(); ++t) {
                    boxes.emplace_back(section.title + QStringLiteral(" %1/%2").arg(c).arg(t),
                                       row.cell_rects[t]);
                    // Under its tick, within half a point.
                    QVERIFY(std::fabs(row.cell_rects[t].center().x() - layout.tick_x[t]) <=
                            0.5 * 96 / 72);
                }
            }
        }
        for (std::size_t i = 0; i < boxes.size(); ++i) {
            const auto& [name, box] = boxes[i];
            if (box.isEmpty()) {
                continue;
            }
            QVERIFY2(figure.contains(box), qPrintable(name + QStringLiteral(" leaves the figure")));
            QVERIFY2(!box.intersects(layout.chart_rect),
                     qPrintable(name + QStringLiteral(" overlaps the chart")));
            for (std::size_t j = i + 1; j < boxes.size(); ++j) {
                const QRectF overlap = box.intersected(boxes[j].second);
                QVERIFY2(overlap.width() < 0.01 || overlap.height() < 0.01,
                         qPrintable(name + QStringLiteral(" overlaps ") + boxes[j].first));
            }
        }
        QVERIFY(figure.contains(layout.chart_rect));

        // The plot keeps 45% of the height, with survival ticks every 0.2 or 0.25.
        QVERIFY2(layout.plot_area.height() >= km_minimum_plot_share * figure.height(),
                 qPrintable(QStringLiteral("plot %1 of %2 px high")
                                .arg(layout.plot_area.height())
                                .arg(figure.height())));
        QVERIFY(layout.y_tick_count == 5 || layout.y_tick_count == 6);

        // The columns under the ticks, the ticks evenly spaced from 0.
        QVERIFY(layout.ticks.size() >= 3);
        QCOMPARE(layout.column_x.size(), layout.ticks.size());
        for (std::size_t t = 0; t < layout.ticks.size(); ++t) {
            QVERIFY(std::fabs(layout.column_x[t] - layout.tick_x[t]) <= 0.5 * 96 / 72);
        }
        // Tick labels have room to be drawn whole: Qt Charts draws "..." for a
        // label wider than its spacing (less its own padding).
        const QFontMetricsF tick_metrics(layout.font);
        const double spacing = layout.tick_x[1] - layout.tick_x[0];
        for (const double tick : layout.ticks) {
            const QString label = QString::number(tick, 'f', layout.tick_decimals);
            QVERIFY2(tick_metrics.horizontalAdvance(label) + tick_metrics.height() <= spacing,
                     qPrintable(QStringLiteral("label %1 in %2 px").arg(label).arg(spacing)));
        }
        // The axis ends at the first break at or past the last time: never a
        // whole empty interval beyond it (up to the 0.5% km_axis_maximum allows).
        // With an x-limit it ends there, with ticks at whole multiples of the
        // break interval.
        const double step = layout.ticks[1] - layout.ticks[0];
        const double maximum = layout.ticks.back();
        QCOMPARE(layout.time_maximum, options.x_limit.value_or(maximum));
        if (options.break_by) {
            const double multiple = step / *options.break_by;
            QVERIFY2(std::fabs(multiple - std::round(multiple)) < 1e-9 && multiple >= 1,
                     qPrintable(QStringLiteral("step %1 by %2").arg(step).arg(*options.break_by)));
        }
        if (options.x_limit) {
            QVERIFY(maximum <= *options.x_limit && maximum + step > *options.x_limit);
        } else {
            QCOMPARE(maximum, km_axis_maximum(last, step));
            QVERIFY2(maximum - step < last && maximum >= last * (1 - 0.005),
                     qPrintable(QStringLiteral("axis to %1 by %2, data to %3")
                                    .arg(maximum)
                                    .arg(step)
                                    .arg(last)));
        }

        // Curves by a variable: colour by arm, line style by level.
        if (!results->curve_groups.empty()) {
            for (std::size_t a = 0; a < curves.size(); ++a) {
                const KmCurveStyle one = km_curve_style(*results, a, options.palette);
                for (std::size_t b = a + 1; b < curves.size(); ++b) {
                    const KmCurveStyle other = km_curve_style(*results, b, options.palette);
                    QCOMPARE(one.colour == other.colour, curves[a].arm == curves[b].arm);
                    QCOMPARE(one.line == other.line, curves[a].level == curves[b].level);
                }
            }
        }
    }

    // The stress study is what the suite counts on: 8 arms of 40-character
    // names, one arm's curve ending by t = 3 while the others run to the
    // 10-year axis's end.
    void stressStudyEndsOneCurveEarlyOnATenYearAxis() {
        const ResultsHandle results = study_results(QStringLiteral("stress-OS"));
        const std::vector<ArmSurvival>& curves = figure_curves(*results);
        QCOMPARE(curves.size(), stress_study::arm_names().size());
        for (std::size_t c = 0; c < curves.size(); ++c) {
            QCOMPARE(curve_name(curves[c]).size(),
                     static_cast<qsizetype>(stress_study::arm_name_length));
            const double end = curves[c].km.curve.time.back();
            QVERIFY2(
                c == stress_study::short_arm ? end <= stress_study::short_arm_end
                                             : end > 10 * stress_study::short_arm_end,
                qPrintable(QStringLiteral("%1 ends at %2").arg(curve_name(curves[c])).arg(end)));
        }
        QCOMPARE(km_last_time(*results), stress_study::follow_up_end);
        QCOMPARE(stress_study::study().subjects.find("REGION1")->levels().size(),
                 stress_study::region_count);
    }

    // Data that end a sliver past a break end the axis at that break; data
    // clearly past it get the next one.
    void axisEndsAtTheFirstBreakPastTheData() {
        QCOMPARE(km_axis_maximum(36.0, 6), 36.0);
        QCOMPARE(km_axis_maximum(36.04, 6), 36.0);
        QCOMPARE(km_axis_maximum(33.2, 6), 36.0);
        QCOMPARE(km_axis_maximum(37, 6), 42.0);
        QCOMPARE(km_axis_maximum(198, 30), 210.0);
    }

    // The texts join a number to its label and keep a CI whole.
    void numbersStayWithTheirLabels() {
        const ResultsHandle results = study_results(QStringLiteral("demo-PFS"));
        const QString annotation = hazard_ratio_text(*results);
        QVERIFY(annotation.contains(QStringLiteral("p\u00A0=\u00A0")));
        QVERIFY(annotation.contains(QStringLiteral("HR\u00A0")));
        QFont font = QGuiApplication::font();
        font.setPixelSize(9);
        // From the width of the longest unbreakable run on, no run is split.
        double longest = 0;
        for (const QString& run : annotation.split(QLatin1Char(' '))) {
            longest = std::max(longest, QFontMetricsF(font).horizontalAdvance(run));
        }
        for (double width = longest; width < 600; width += 7) {
            for (const QString& line : wrapped_lines(annotation, font, width)) {
                QVERIFY2(!line.endsWith(QLatin1Char('p')) && !line.startsWith(QLatin1Char('=')),
                         qPrintable(line));
                QVERIFY2(line.count(QLatin1Char('(')) == line.count(QLatin1Char(')')),
                         qPrintable(line));
            }
        }
    }
};

QTEST_MAIN(TestFigureLayout)
#include "test_figure_layout.moc"
