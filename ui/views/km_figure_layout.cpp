#include "views/km_figure_layout.h"

#include "models/km_figure_text.h"
#include "models/palette.h"
#include "views/km_chart.h"
#include "views/wrapped_text.h"

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

enum class Section { AtRisk, Events, Censored };

QString section_title(Section section) {
    switch (section) {
    case Section::AtRisk:
        return QStringLiteral("Number at risk");
    case Section::Events:
        return QStringLiteral("Cumulative events");
    case Section::Censored:
        return QStringLiteral("Cumulative censored");
    }
    return {};
}

QFont with_pixel_size(QFont font, int pixels) {
    font.setPixelSize(std::max(1, pixels));
    return font;
}

// The legend laid out from `top` between `left` and `right`; returns its bottom.
double lay_out_legend(std::vector<KmLegendEntry>& legend, const QFont& font, double left,
                      double right, double top) {
    const QFontMetricsF metrics(font);
    const double em = font.pixelSize();
    const double swatch = 2 * em;
    const double gap = 0.5 * em;
    const double width = right - left;
    // Two columns when every entry fits on one line in half the width.
    const double column_width = (width - 2 * em) / 2;
    const bool two_columns =
        legend.size() >= 2 && std::all_of(legend.begin(), legend.end(), [&](const auto& entry) {
            return swatch + gap + metrics.horizontalAdvance(entry.text) <= column_width;
        });
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
                                const KmFigureOptions& options) {
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

    // Title, with the synthetic-data label beside it or, if too long, below.
    double y = content.top();
    layout.title =
        title_metrics.elidedText(km_figure_title(results), Qt::ElideRight, content.width());
    layout.title_rect =
        QRectF(content.left(), y,
               std::min(title_metrics.horizontalAdvance(layout.title) + 1, content.width()),
               title_metrics.height());
    y = layout.title_rect.bottom();
    if (results.synthetic) {
        layout.synthetic_label = QStringLiteral("SYNTHETIC demo data");
        const double width = metrics.horizontalAdvance(layout.synthetic_label) + 1;
        if (layout.title_rect.right() + em + width <= content.right()) {
            layout.synthetic_rect = QRectF(layout.title_rect.right() + em, layout.title_rect.top(),
                                           width, layout.title_rect.height());
        } else {
            layout.synthetic_rect = QRectF(content.left(), y, width, line);
            y = layout.synthetic_rect.bottom();
        }
    }
    layout.annotation = hazard_ratio_text(results);
    if (!layout.annotation.isEmpty()) {
        y += 0.2 * line;
        const QSizeF size = wrapped_text_size(layout.annotation, layout.font, content.width());
        layout.annotation_rect = QRectF(content.left(), y, content.width(), size.height());
        y = layout.annotation_rect.bottom();
    }

    const std::vector<ArmSurvival>& curves = figure_curves(results);
    KmTimeAxis axis;
    std::vector<NumberAtRisk> counts;
    // The axis with at most `intervals` ticks' intervals, and the counts at its ticks.
    const auto use_axis = [&](int intervals) {
        axis = km_time_axis(results, intervals);
        counts.clear();
        for (const ArmSurvival& curve : curves) {
            counts.push_back(number_at_risk(curve.km, axis.ticks));
        }
    };
    int intervals = 12;
    use_axis(intervals);
    const int decimals = median_decimals(results);
    for (std::size_t c = 0; c < curves.size(); ++c) {
        const int index = static_cast<int>(c);
        layout.legend.push_back(KmLegendEntry{arm_legend_text(curves[c], decimals),
                                              curve_colour(index, options.palette),
                                              curve_pen_style(index, options.palette),
                                              {},
                                              {}});
    }

    std::vector<Section> sections;
    for (const auto& [wanted, section] : {std::pair{options.at_risk_row, Section::AtRisk},
                                          std::pair{options.events_row, Section::Events},
                                          std::pair{options.censored_row, Section::Censored}}) {
        if (wanted) {
            sections.push_back(section);
        }
    }
    const auto cell_text = [&](Section section, std::size_t c, std::size_t t) {
        const NumberAtRisk& at = counts[c];
        const std::size_t value = section == Section::AtRisk   ? at.n_risk[t]
                                  : section == Section::Events ? at.n_event[t]
                                                               : at.n_censor[t];
        return QString::number(value);
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
    const double minimum_plot = std::max(0.25 * content.height(), 2 * line);
    const int minimum_table_font = std::max(7, qRound(em * 0.7));

    struct Attempt {
        QFont table_font;
        double label_width = 0;
        double label_gap = 0;
        QRectF plot_area;
        double table_top = 0;
        std::vector<KmLegendEntry> legend;
    };
    // The figure with the table's font at `pixels` and `shown` sections, if the
    // plot keeps its minimum height and the numbers fit between the ticks.
    const auto attempt = [&](int pixels, const std::vector<Section>& shown,
                             bool must_fit) -> std::optional<Attempt> {
        Attempt a;
        a.table_font = with_pixel_size(layout.font, pixels);
        const QFontMetricsF table_metrics(a.table_font);
        const double table_line = table_metrics.height();
        double widest_name = 0;
        double widest_cell = 0;
        for (std::size_t c = 0; c < curves.size(); ++c) {
            widest_name =
                std::max(widest_name, table_metrics.horizontalAdvance(curve_name(curves[c])));
            for (const Section section : shown) {
                for (std::size_t t = 0; t < axis.ticks.size(); ++t) {
                    widest_cell = std::max(
                        widest_cell, table_metrics.horizontalAdvance(cell_text(section, c, t)));
                }
            }
        }
        a.label_width = std::min(widest_name + 1, 0.35 * content.width());
        // The labels end left of the first column's numbers, centred on the axis's 0.
        a.label_gap = widest_cell / 2 + 0.6 * em;
        const double gutter =
            shown.empty() ? y_axis_width : std::max(y_axis_width, a.label_width + a.label_gap);
        const double left = content.left() + gutter;
        const double right = content.right() - std::max(last_label, widest_cell) / 2 - 2;
        a.legend = layout.legend;
        // The legend starts at the plot's left edge, or at the figure's when
        // that would wrap an entry.
        double legend_bottom =
            lay_out_legend(a.legend, layout.font, left, content.right(), y + 0.5 * line);
        if (std::any_of(a.legend.begin(), a.legend.end(), [&](const KmLegendEntry& entry) {
                return entry.text_rect.height() > metrics.height() * 1.5;
            })) {
            legend_bottom = lay_out_legend(a.legend, layout.font, content.left(), content.right(),
                                           y + 0.5 * line);
        }
        const double top = legend_bottom + 0.3 * line + top_overhang;
        double table_height = 0;
        if (!shown.empty()) {
            table_height = 0.4 * line +
                           static_cast<double>(shown.size() * (curves.size() + 1)) * table_line +
                           static_cast<double>(shown.size() - 1) * 0.3 * table_line;
        }
        const double bottom = content.bottom() - table_height - x_axis_height;
        a.plot_area = QRectF(QPointF(left, top), QPointF(right, bottom));
        a.table_top = bottom + x_axis_height + 0.4 * line;
        const double column_spacing = axis.ticks.size() > 1
                                          ? a.plot_area.width() * axis.step / axis.maximum
                                          : a.plot_area.width();
        const bool cramped = a.plot_area.height() < minimum_plot ||
                             (!shown.empty() && widest_cell + 0.3 * em > column_spacing);
        if (must_fit && cramped) {
            return std::nullopt;
        }
        return a;
    };
    const std::vector<Section> wanted_sections = sections;
    std::optional<Attempt> chosen;
    while (true) {
        sections = wanted_sections;
        layout.dropped_sections = 0;
        chosen.reset();
        while (!chosen) {
            for (int pixels = em; pixels >= minimum_table_font && !chosen; --pixels) {
                chosen = attempt(pixels, sections, true);
            }
            if (!chosen && sections.empty()) {
                chosen = attempt(em, sections, false); // a cramped plot, but a plot
            } else if (!chosen) {
                sections.pop_back();
                ++layout.dropped_sections;
            }
        }
        // Qt Charts elides tick labels wider than their spacing ("..."): a
        // narrow figure gets fewer, wider-spaced ticks (and table columns).
        const double spacing = chosen->plot_area.width() * axis.step / axis.maximum;
        if (intervals <= 2 || widest_tick_label() + 0.5 * em <= spacing) {
            break;
        }
        const std::size_t before = axis.ticks.size();
        while (intervals > 2 && axis.ticks.size() >= before) {
            use_axis(--intervals);
        }
        last_label = metrics.horizontalAdvance(km_tick_label(axis, axis.maximum));
    }
    layout.ticks = axis.ticks;
    if (auto* x_axis = qobject_cast<QValueAxis*>(chart.axes(Qt::Horizontal).value(0))) {
        x_axis->setRange(0, axis.maximum);
        x_axis->setTickInterval(axis.step);
        x_axis->setLabelFormat(axis.step < 1 ? "%.1f" : "%.0f");
    }

    layout.table_font = chosen->table_font;
    layout.legend = chosen->legend;
    layout.plot_area = chosen->plot_area;
    layout.chart_rect =
        QRectF(QPointF(content.left(), layout.plot_area.top() - top_overhang),
               QPointF(content.right() + pad / 2, layout.plot_area.bottom() + x_axis_height));
    // A short plot keeps its labels whole: fewer y ticks, a shorter y title.
    auto* y_axis = qobject_cast<QValueAxis*>(chart.axes(Qt::Vertical).value(0));
    if (y_axis) {
        const double height = layout.plot_area.height();
        y_axis->setTickCount(height / 5 >= 1.5 * line ? 6 : 3);
        for (const QString& title :
             {QStringLiteral("Survival probability"), QStringLiteral("Survival"), QString()}) {
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

    const double table_line = QFontMetricsF(layout.table_font).height();
    double row_top = chosen->table_top;
    for (const Section section : sections) {
        KmTableSection table_section;
        table_section.title = section_title(section);
        table_section.title_rect = QRectF(content.left(), row_top, content.width(), table_line);
        row_top += table_line;
        for (std::size_t c = 0; c < curves.size(); ++c) {
            KmTableRow row;
            row.label = QFontMetricsF(layout.table_font)
                            .elidedText(curve_name(curves[c]), Qt::ElideRight, chosen->label_width);
            row.colour = curve_colour(static_cast<int>(c), options.palette);
            row.rect = QRectF(content.left(), row_top, content.width(), table_line);
            row.label_rect =
                QRectF(layout.plot_area.left() - chosen->label_gap - chosen->label_width, row_top,
                       chosen->label_width, table_line);
            for (std::size_t t = 0; t < layout.ticks.size(); ++t) {
                row.cells.push_back(cell_text(section, c, t));
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
                                const KmFigureOptions& options) {
    QGraphicsScene scene;
    QChart* chart = build_km_chart(results, options, km_figure_font(options));
    scene.addItem(chart); // the scene owns the chart
    return layout_km_figure(*chart, rect, results, options);
}

} // namespace triallens::ui
