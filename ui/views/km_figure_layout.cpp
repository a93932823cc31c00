#include "views/km_figure_layout.h"

#include "models/km_figure_text.h"
#include "models/palette.h"
#include "views/km_chart.h"
#include "views/wrapped_text.h"

#include <triallens/format/data_caveat.h>
#include <triallens/format/number_format.h>
#include <triallens/stats/number_at_risk.h>

#include <QChart>
#include <QFontMetricsF>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QValueAxis>

#include <algorithm>
#include <memory>
#include <optional>

namespace triallens::ui {

namespace {

// What a row of the table counts at each tick.
enum class Count { AtRisk, AtRiskEvents, AtRiskEventsCensored, Events, Censored };

// A row of the table before it is laid out: its curve, what it counts and
// its label (the curve's name, or the count's name under a curve's title).
struct RowSpec {
    std::size_t curve = 0;
    Count count = Count::AtRisk;
    QString label;
    bool names_curve = true; // the label is the curve's name, in its colour
};

struct SectionSpec {
    QString title;
    std::optional<std::size_t> curve; // the title names this curve, in its colour
    std::vector<RowSpec> rows;
};

// The tables the figure may draw, the one asked for first, then the ones it
// falls back to, smallest last (the number at risk alone).
std::vector<std::vector<SectionSpec>> table_variants(const std::vector<ArmSurvival>& curves,
                                                     const KmFigureOptions& options) {
    if (!options.at_risk_row) {
        return {{}};
    }
    const auto per_curve = [&](QString title, Count count) {
        SectionSpec section{std::move(title), std::nullopt, {}};
        for (std::size_t c = 0; c < curves.size(); ++c) {
            section.rows.push_back(RowSpec{c, count, curve_name(curves[c]), true});
        }
        return section;
    };
    std::vector<std::vector<SectionSpec>> variants;
    const SectionSpec at_risk = per_curve(QStringLiteral("Number at risk"), Count::AtRisk);
    const SectionSpec at_risk_events =
        per_curve(QStringLiteral("Number at risk (cumulative events)"), Count::AtRiskEvents);
    if (options.risk_table == KmRiskTable::Kmunicate) {
        std::vector<SectionSpec> kmunicate;
        for (std::size_t c = 0; c < curves.size(); ++c) {
            kmunicate.push_back(
                SectionSpec{curve_name(curves[c]),
                            c,
                            {RowSpec{c, Count::AtRisk, QStringLiteral("At risk"), false},
                             RowSpec{c, Count::Censored, QStringLiteral("Censored"), false},
                             RowSpec{c, Count::Events, QStringLiteral("Events"), false}}});
        }
        variants.push_back(std::move(kmunicate));
        // The same numbers on one row per curve, then without the censored.
        variants.push_back({per_curve(QStringLiteral("Number at risk (cumulative events) "
                                                     "[cumulative censored]"),
                                      Count::AtRiskEventsCensored)});
        variants.push_back({at_risk_events});
        return variants;
    }
    std::vector<SectionSpec> wanted{options.risk_table == KmRiskTable::AtRiskEvents ? at_risk_events
                                                                                    : at_risk};
    if (options.events_row) {
        wanted.push_back(per_curve(QStringLiteral("Cumulative events"), Count::Events));
    }
    if (options.censored_row) {
        wanted.push_back(per_curve(QStringLiteral("Cumulative censored"), Count::Censored));
    }
    // Optional sections go last first.
    while (!wanted.empty()) {
        variants.push_back(wanted);
        wanted.pop_back();
    }
    return variants;
}

QFont with_pixel_size(QFont font, int pixels) {
    font.setPixelSize(std::max(1, pixels));
    return font;
}

// The legend laid out from `top` between `left` and `right`, in one column
// or, when `two_columns`, two; returns its bottom.
double lay_out_legend_in(std::vector<KmLegendEntry>& legend, const QFont& font, double left,
                         double right, double top, bool two_columns) {
    const QFontMetricsF metrics(font);
    const double em = font.pixelSize();
    const double swatch = 2 * em;
    const double gap = 0.5 * em;
    const double width = right - left;
    const double column_width = (width - 2 * em) / 2;
    const double entry_width = two_columns ? column_width : width;
    double y = top;
    double row_bottom = top;
    for (std::size_t i = 0; i < legend.size(); ++i) {
        const bool second = two_columns && i % 2 == 1;
        const double x = second ? left + column_width + 2 * em : left;
        const QSizeF text = wrapped_text_size(legend[i].text, font, entry_width - swatch - gap);
        legend[i].swatch = QRectF(x, y, swatch, metrics.height());
        legend[i].text_rect =
            QRectF(x + swatch + gap, y, entry_width - swatch - gap, text.height());
        row_bottom = std::max(row_bottom, legend[i].text_rect.bottom());
        if (!two_columns || second || i + 1 == legend.size()) {
            y = row_bottom + 0.2 * metrics.height();
        }
    }
    return legend.empty() ? top : row_bottom;
}

// The legend in two columns when every entry fits on one line there or when
// that is shorter than one column, else in one.
double lay_out_legend(std::vector<KmLegendEntry>& legend, const QFont& font, double left,
                      double right, double top) {
    if (legend.size() < 2) {
        return lay_out_legend_in(legend, font, left, right, top, false);
    }
    std::vector<KmLegendEntry> two = legend;
    const double two_bottom = lay_out_legend_in(two, font, left, right, top, true);
    const double one_bottom = lay_out_legend_in(legend, font, left, right, top, false);
    const double line = QFontMetricsF(font).height();
    const bool one_line_each = std::all_of(two.begin(), two.end(), [&](const auto& entry) {
        return entry.text_rect.height() < 1.5 * line;
    });
    if (one_line_each || two_bottom < one_bottom - 0.5 * line) {
        legend = std::move(two);
        return two_bottom;
    }
    return one_bottom;
}

} // namespace

QFont km_figure_font(const KmFigureOptions& options) {
    QFont font = QGuiApplication::font();
    if (!options.font_family.isEmpty()) {
        font.setFamily(options.font_family);
    }
    double points = options.font_point_size;
    if (points <= 0) {
        points = font.pointSizeF() > 0 ? font.pointSizeF() : font.pixelSize() * 72.0 / 96.0;
    }
    if (points <= 0) {
        points = 9;
    }
    // Pixels at 96 dpi: the layout's logical pixels are 1/96 inch on every device.
    return with_pixel_size(font, qRound(points * 96.0 / 72.0));
}

KmFigureLayout layout_km_figure(QChart& chart, const QRectF& rect, const Results& results,
                                const KmFigureOptions& options, const KmFigureText* text) {
    KmFigureLayout layout;
    layout.figure = rect;
    layout.font = km_figure_font(options);
    const int em = layout.font.pixelSize();
    layout.title_font = with_pixel_size(layout.font, qRound(em * 1.2));
    layout.title_font.setBold(true);
    const QFontMetricsF metrics(layout.font);
    const QFontMetricsF title_metrics(layout.title_font);
    const double line = metrics.height();
    const double pad = std::round(0.8 * em);
    const QRectF content = rect.adjusted(pad, pad, -pad, -pad);
    const int floor_font = std::max(7, qRound(em * 0.7));

    // Title, wrapped at its spaces, with the data's caveat (data_caveat.h) beside it
    // when it is one line and there is room, else below it, wrapped too.
    double y = content.top();
    layout.title = text ? text->title : km_figure_title(results);
    const QStringList title_lines = wrapped_lines(layout.title, layout.title_font, content.width());
    const QSizeF title_size = wrapped_text_size(layout.title, layout.title_font, content.width());
    layout.title_rect = QRectF(content.left(), y, std::min(title_size.width() + 1, content.width()),
                               title_size.height());
    y = layout.title_rect.bottom();
    if (const std::string caveat = data_caveat(results.synthetic, results.reconstructed);
        !caveat.empty()) {
        // Whole, never elided: a narrow panel wraps it under the title.
        layout.caveat_label = QString::fromStdString(caveat);
        const double width = metrics.horizontalAdvance(layout.caveat_label) + 1;
        if (title_lines.size() == 1 && layout.title_rect.right() + em + width <= content.right()) {
            layout.caveat_rect =
                QRectF(layout.title_rect.right() + em,
                       layout.title_rect.top() + (title_metrics.height() - line) / 2, width, line);
        } else {
            const QSizeF size =
                wrapped_text_size(layout.caveat_label, layout.font, content.width());
            layout.caveat_rect = QRectF(content.left(), y, size.width() + 1, size.height());
            y = layout.caveat_rect.bottom();
        }
    }
    const double header_bottom = y;
    layout.annotation = text ? text->annotation : hazard_ratio_text(results);
    const QString short_annotation =
        text ? text->short_annotation : hazard_ratio_short_text(results);

    const std::vector<ArmSurvival>& curves = figure_curves(results);
    KmTimeAxis axis;
    std::vector<NumberAtRisk> counts;
    // The axis with at most `intervals` ticks' intervals, and the counts at its ticks.
    const auto use_axis = [&](int intervals) {
        axis = km_time_axis(results, options, intervals);
        counts.clear();
        for (const ArmSurvival& curve : curves) {
            counts.push_back(number_at_risk(curve.km, axis.ticks));
        }
    };
    int intervals = 12;
    use_axis(intervals);
    const int decimals = median_decimals(results);
    std::vector<KmLegendEntry> full_legend;
    std::vector<KmLegendEntry> names_legend;
    for (std::size_t c = 0; c < curves.size(); ++c) {
        const KmCurveStyle style = km_curve_style(results, c, options.palette);
        full_legend.push_back(KmLegendEntry{text && c < text->legend.size()
                                                ? text->legend[c]
                                                : arm_legend_text(curves[c], decimals),
                                            style.colour,
                                            style.line,
                                            {},
                                            {}});
        names_legend.push_back(
            KmLegendEntry{curve_name(curves[c]), style.colour, style.line, {}, {}});
    }

    const std::vector<std::vector<SectionSpec>> variants = table_variants(curves, options);
    const auto cell_text = [&](const RowSpec& row, std::size_t t) {
        const NumberAtRisk& at = counts[row.curve];
        switch (row.count) {
        case Count::AtRisk:
            return QString::number(at.n_risk[t]);
        case Count::AtRiskEvents:
            return QStringLiteral("%1\u00A0(%2)").arg(at.n_risk[t]).arg(at.n_event[t]);
        case Count::AtRiskEventsCensored:
            return QStringLiteral("%1\u00A0(%2)\u00A0[%3]")
                .arg(at.n_risk[t])
                .arg(at.n_event[t])
                .arg(at.n_censor[t]);
        case Count::Events:
            return QString::number(at.n_event[t]);
        case Count::Censored:
            return QString::number(at.n_censor[t]);
        }
        return QString();
    };
    const auto rows_of = [](const std::vector<SectionSpec>& sections) {
        std::vector<const RowSpec*> rows;
        for (const SectionSpec& section : sections) {
            for (const RowSpec& row : section.rows) {
                rows.push_back(&row);
            }
        }
        return rows;
    };

    // Qt Charts lays its plot area out itself (a fixed one, QChart::setPlotArea,
    // leaves the series drawn off the axes in Qt 6.4), so the figure asks it:
    // laid out with no margins, how much room do its axes take around the plot
    // area? Margins then move the plot area where the figure wants it. Laid out
    // now, not at the next event loop turn.
    const auto lay_out_chart = [&chart](const QRectF& geometry, const QMargins& margins) {
        chart.setMargins(margins);
        chart.setGeometry(geometry);
        if (QGraphicsLayout* chart_layout = chart.layout()) {
            chart_layout->invalidate();
            chart_layout->activate();
        }
        return chart.plotArea().translated(geometry.topLeft());
    };
    const QRectF probe(0, 0, 2000, 2000);
    const QRectF probed = lay_out_chart(probe, QMargins());
    const double y_axis_width = probed.left() + 0.3 * em;           // title and labels
    const double x_axis_height = probe.bottom() - probed.bottom();  // labels and title
    const double top_overhang = std::max(probed.top(), 0.5 * line); // half of "1.0"
    const auto widest_tick_label = [&] {
        double widest = 0;
        for (const double tick : axis.ticks) {
            widest = std::max(widest, metrics.horizontalAdvance(km_tick_label(axis, tick)));
        }
        return widest;
    };
    double last_label = metrics.horizontalAdvance(km_tick_label(axis, axis.maximum));
    const double minimum_plot = km_minimum_plot_share * rect.height();

    // One way of spending the room: the fonts of the table and of the
    // annotation and legend, the sections shown and the legend's content.
    struct Choice {
        int table_pixels;
        int text_pixels;
        std::size_t variant; // into variants; variants.size(): no table
        bool names_only;
        bool legend_in_table = false;
        bool short_annotation = false;
    };
    struct Attempt {
        QFont table_font;
        QFont text_font;
        double label_width = 0;
        double label_gap = 0;
        double swatch_room = 0;            // before each label when the legend is in the table
        std::vector<double> label_heights; // per row, as rows_of() lists them
        std::vector<double> title_heights; // per section
        bool labels_above = false;
        QRectF annotation_rect;
        QRectF plot_area;
        double table_top = 0;
        std::vector<KmLegendEntry> legend;
        bool legend_in_table = false;
        bool fits = false;
        double widest_cell = 0; // in the table font; 0 without a table
    };
    const auto attempt = [&](const Choice& choice) {
        Attempt a;
        a.table_font = with_pixel_size(layout.font, choice.table_pixels);
        a.text_font = with_pixel_size(layout.font, choice.text_pixels);
        const QFontMetricsF table_metrics(a.table_font);
        const QFontMetricsF text_metrics(a.text_font);
        const double table_line = table_metrics.height();
        static const std::vector<SectionSpec> no_table;
        const std::vector<SectionSpec>& shown =
            choice.variant < variants.size() ? variants[choice.variant] : no_table;
        const std::vector<const RowSpec*> rows = rows_of(shown);
        double widest_name = 0;
        double widest_cell = 0;
        double widest_word = 0;
        for (const RowSpec* row : rows) {
            widest_name = std::max(widest_name, table_metrics.horizontalAdvance(row->label));
            for (const QString& word : row->label.split(QLatin1Char(' '))) {
                widest_word = std::max(widest_word, table_metrics.horizontalAdvance(word));
            }
            for (std::size_t t = 0; t < axis.ticks.size(); ++t) {
                widest_cell =
                    std::max(widest_cell, table_metrics.horizontalAdvance(cell_text(*row, t)));
            }
        }
        // Labels wrap at their spaces within 30% of the width left of the plot;
        // a word wider than that puts every label on lines above its row.
        a.swatch_room = choice.legend_in_table ? 2.5 * choice.table_pixels : 0;
        const double share = km_maximum_label_share * content.width() - a.swatch_room;
        a.labels_above = widest_word + 1 > share;
        a.label_width =
            a.labels_above ? content.width() - a.swatch_room : std::min(widest_name + 1, share);
        for (const RowSpec* row : rows) {
            a.label_heights.push_back(
                wrapped_text_size(row->label, a.table_font, a.label_width).height());
        }
        QFont bold = a.table_font;
        bold.setBold(true);
        for (const SectionSpec& section : shown) {
            a.title_heights.push_back(
                wrapped_text_size(section.title, bold, content.width()).height());
        }
        // The labels end left of the first column's numbers, centred on the axis's 0.
        a.label_gap = widest_cell / 2 + 0.6 * em;
        const double gutter =
            shown.empty() || a.labels_above
                ? y_axis_width
                : std::max(y_axis_width, a.swatch_room + a.label_width + a.label_gap);
        const double left = content.left() + gutter;
        const double right = content.right() - std::max(last_label, widest_cell) / 2 - 2;

        double top = header_bottom;
        const QString& annotation = choice.short_annotation ? short_annotation : layout.annotation;
        if (!annotation.isEmpty()) {
            top += 0.2 * line;
            const QSizeF size = wrapped_text_size(annotation, a.text_font, content.width());
            a.annotation_rect = QRectF(content.left(), top, content.width(), size.height());
            top = a.annotation_rect.bottom();
        }
        a.legend = choice.names_only ? names_legend : full_legend;
        // Labels on lines of their own, with the curves' line samples, are the legend.
        a.legend_in_table = choice.legend_in_table && !shown.empty();
        if (a.legend_in_table) {
            a.legend.clear();
        }
        // The legend starts at the plot's left edge, or at the figure's when
        // that would wrap an entry.
        const double legend_top = a.legend.empty() ? top : top + 0.25 * text_metrics.height();
        double legend_bottom =
            lay_out_legend(a.legend, a.text_font, left, content.right(), legend_top);
        if (std::any_of(a.legend.begin(), a.legend.end(), [&](const KmLegendEntry& entry) {
                return entry.text_rect.height() > text_metrics.height() * 1.5;
            })) {
            legend_bottom =
                lay_out_legend(a.legend, a.text_font, content.left(), content.right(), legend_top);
        }
        const double plot_top = std::max(legend_bottom + 0.3 * line + top_overhang,
                                         text ? text->plot_top_at_least : 0.0);
        double table_height = 0;
        if (!shown.empty()) {
            table_height = 0.4 * line + static_cast<double>(shown.size() - 1) * 0.3 * table_line;
            for (const double title : a.title_heights) {
                table_height += title;
            }
            for (const double label : a.label_heights) {
                table_height += a.labels_above ? label + table_line : std::max(label, table_line);
            }
        }
        const double bottom = content.bottom() - table_height - x_axis_height;
        a.plot_area = QRectF(QPointF(left, plot_top), QPointF(right, bottom));
        a.table_top = bottom + x_axis_height + 0.4 * line;
        const double column_spacing = axis.ticks.size() > 1
                                          ? a.plot_area.width() * axis.step / axis.maximum
                                          : a.plot_area.width();
        a.widest_cell = shown.empty() ? 0 : widest_cell;
        // Numbers too wide for their columns thin the ticks (below) while
        // there are ticks to thin; only then do they rule a table out.
        a.fits = a.plot_area.height() >= minimum_plot &&
                 (shown.empty() || intervals > 2 || widest_cell + 0.3 * em <= column_spacing);
        return a;
    };
    // The choices in the order of the rule in the header: the first that fits wins.
    std::vector<Choice> choices;
    {
        // The legend goes into the table only where each row is a curve's.
        const auto curve_rows = [&](std::size_t variant) {
            const auto rows = rows_of(variants[variant]);
            return !rows.empty() && std::all_of(rows.begin(), rows.end(), [](const RowSpec* row) {
                return row->names_curve;
            });
        };
        std::size_t variant = 0;
        while (true) {
            for (int pixels = em; pixels >= floor_font; --pixels) {
                choices.push_back(Choice{pixels, em, variant, false});
            }
            if (variant + 1 >= variants.size()) {
                break;
            }
            ++variant;
        }
        for (int pixels = em - 1; pixels >= floor_font; --pixels) {
            choices.push_back(Choice{floor_font, pixels, variant, false});
        }
        choices.push_back(Choice{floor_font, floor_font, variant, true});
        if (curve_rows(variant)) {
            choices.push_back(Choice{floor_font, floor_font, variant, true, true});
        }
        if (!short_annotation.isEmpty()) {
            choices.push_back(Choice{floor_font, floor_font, variant, true, false, true});
            if (curve_rows(variant)) {
                choices.push_back(Choice{floor_font, floor_font, variant, true, true, true});
            }
        }
        // Last resort: no table (the annotation whole if that fits); then a
        // cramped plot, but a plot.
        choices.push_back(Choice{floor_font, floor_font, variants.size(), true});
        if (!short_annotation.isEmpty()) {
            choices.push_back(Choice{floor_font, floor_font, variants.size(), true, false, true});
        }
    }
    std::optional<Attempt> chosen;
    std::optional<Choice> chosen_choice;
    while (true) {
        chosen.reset();
        for (const Choice& choice : choices) {
            Attempt a = attempt(choice);
            if (a.fits || &choice == &choices.back()) {
                chosen = std::move(a);
                chosen_choice = choice;
                break;
            }
        }
        // Qt Charts elides tick labels wider than their spacing ("..."): a
        // narrow figure gets fewer, wider-spaced ticks (and table columns).
        // So do table cells that would stand less than 0.8 em apart
        // ("35 (29) [22]" beside "0 (29) [57]" reads as one number).
        const double spacing = chosen->plot_area.width() * axis.step / axis.maximum;
        if (intervals <= 2 || (widest_tick_label() + 1.2 * em <= spacing &&
                               chosen->widest_cell + 0.8 * em <= spacing)) {
            break;
        }
        const std::size_t before = axis.ticks.size();
        while (intervals > 2 && axis.ticks.size() >= before) {
            use_axis(--intervals);
        }
        last_label = metrics.horizontalAdvance(km_tick_label(axis, axis.maximum));
    }
    static const std::vector<SectionSpec> no_table;
    const std::vector<SectionSpec>& sections =
        chosen_choice->variant < variants.size() ? variants[chosen_choice->variant] : no_table;
    layout.dropped_sections = static_cast<int>(variants.front().size() - sections.size());
    layout.table_simplified = chosen_choice->variant > 0;
    layout.legend_names_only = chosen_choice->names_only;
    layout.labels_above = chosen->labels_above;
    layout.legend_in_table = chosen->legend_in_table;
    layout.annotation_short = chosen_choice->short_annotation;
    if (layout.annotation_short) {
        layout.annotation = short_annotation;
    }
    layout.ticks = axis.ticks;
    layout.tick_decimals = axis.decimals;
    layout.time_maximum = axis.maximum;
    if (auto* x_axis = qobject_cast<QValueAxis*>(chart.axes(Qt::Horizontal).value(0))) {
        x_axis->setRange(0, axis.maximum);
        x_axis->setTickInterval(axis.step);
        x_axis->setLabelFormat(QStringLiteral("%.%1f").arg(axis.decimals));
    }

    layout.table_font = chosen->table_font;
    layout.text_font = chosen->text_font;
    layout.annotation_rect = chosen->annotation_rect;
    layout.legend = chosen->legend;
    layout.plot_area = chosen->plot_area;
    layout.chart_rect =
        QRectF(QPointF(content.left(), layout.plot_area.top() - top_overhang),
               QPointF(content.right() + pad / 2, layout.plot_area.bottom() + x_axis_height));
    // A short plot keeps its labels whole: ticks every 0.25 rather than 0.2,
    // a shorter y title.
    auto* y_axis = qobject_cast<QValueAxis*>(chart.axes(Qt::Vertical).value(0));
    layout.y_tick_count = layout.plot_area.height() / 5 >= 1.5 * line ? 6 : 5;
    if (y_axis) {
        const double height = layout.plot_area.height();
        y_axis->setTickCount(layout.y_tick_count);
        y_axis->setLabelFormat(options.percent            ? "%.0f"
                               : layout.y_tick_count == 6 ? "%.1f"
                                                          : "%.2f");
        // A title the user typed is whole or gone; the default one has a
        // shorter form.
        QStringList titles{options.y_label.isEmpty() ? km_y_axis_title(options) : options.y_label};
        if (options.y_label.isEmpty()) {
            titles << (options.y_scale == KmYScale::Cumulative ? QStringLiteral("Incidence")
                                                               : QStringLiteral("Survival")) +
                          (options.percent ? QStringLiteral(" (%)") : QString());
        }
        titles << QString();
        for (const QString& title : titles) {
            y_axis->setTitleText(title);
            if (metrics.horizontalAdvance(title) + line <= height) {
                break;
            }
        }
    }
    const QRectF natural = lay_out_chart(layout.chart_rect, QMargins());
    const QRectF wanted = layout.plot_area;
    const QMargins margins(std::max(0, qRound(wanted.left() - natural.left())),
                           std::max(0, qRound(wanted.top() - natural.top())),
                           std::max(0, qRound(natural.right() - wanted.right())),
                           std::max(0, qRound(natural.bottom() - wanted.bottom())));
    layout.plot_area = lay_out_chart(layout.chart_rect, margins);
    QAbstractSeries* series = chart.series().isEmpty() ? nullptr : chart.series().front();
    for (const double tick : layout.ticks) {
        const double x =
            series ? chart.mapToPosition(QPointF(tick, 0), series).x() + layout.chart_rect.left()
                   : layout.plot_area.left() + tick / axis.maximum * layout.plot_area.width();
        layout.tick_x.push_back(x);
    }
    // The table's columns are where the chart puts the ticks.
    layout.column_x = layout.tick_x;

    const QFontMetricsF table_metrics(layout.table_font);
    const double table_line = table_metrics.height();
    double row_top = chosen->table_top;
    QFont bold = layout.table_font;
    bold.setBold(true);
    std::size_t row_index = 0;
    for (std::size_t s = 0; s < sections.size(); ++s) {
        const SectionSpec& spec = sections[s];
        KmTableSection table_section;
        table_section.title = spec.title;
        if (spec.curve) {
            table_section.title_colour =
                km_curve_style(results, *spec.curve, options.palette).colour;
        }
        table_section.title_rect =
            QRectF(content.left(), row_top,
                   std::min(content.width(), QFontMetricsF(bold).horizontalAdvance(spec.title) + 2),
                   chosen->title_heights[s]);
        row_top += chosen->title_heights[s];
        for (const RowSpec& row_spec : spec.rows) {
            KmTableRow row;
            row.label = row_spec.label;
            row.colour = row_spec.names_curve
                             ? km_curve_style(results, row_spec.curve, options.palette).colour
                             : QColor(0x22, 0x22, 0x22);
            const double label_height = chosen->label_heights[row_index++];
            const double label_left =
                layout.labels_above
                    ? content.left() + chosen->swatch_room
                    : layout.plot_area.left() - chosen->label_gap - chosen->label_width;
            row.label_rect = QRectF(label_left, row_top, chosen->label_width, label_height);
            if (layout.legend_in_table) {
                row.style = km_curve_style(results, row_spec.curve, options.palette).line;
                row.swatch = QRectF(label_left - chosen->swatch_room, row_top,
                                    chosen->swatch_room - 0.5 * table_line, table_line);
            }
            // The numbers go under an above label, or on a left label's last line.
            row_top = layout.labels_above
                          ? row_top + label_height
                          : row_top + std::max(label_height, table_line) - table_line;
            row.rect = QRectF(content.left(), row_top, content.width(), table_line);
            for (std::size_t t = 0; t < layout.ticks.size(); ++t) {
                row.cells.push_back(cell_text(row_spec, t));
                // A box centred on the tick, wide enough for the number.
                const double width = table_metrics.horizontalAdvance(row.cells.back()) + 2;
                row.cell_rects.emplace_back(layout.column_x[t] - width / 2, row_top, width,
                                            table_line);
            }
            table_section.rows.push_back(std::move(row));
            row_top += table_line;
        }
        row_top += 0.3 * table_line;
        layout.table.push_back(std::move(table_section));
    }
    return layout;
}

KmFigureLayout layout_km_figure(const QRectF& rect, const Results& results,
                                const KmFigureOptions& options, const KmFigureText* text) {
    QGraphicsScene scene;
    QChart* chart = build_km_chart(results, options, km_figure_font(options));
    scene.addItem(chart); // the scene owns the chart
    return layout_km_figure(*chart, rect, results, options, text);
}

} // namespace triallens::ui
