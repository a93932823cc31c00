#include "views/waterfall_figure.h"

#include "models/best_response_colours.h"
#include "models/palette.h"
#include "models/tumour_figure_needs.h"
#include "models/waterfall_bars.h"
#include "views/km_figure_layout.h"
#include "views/wrapped_text.h"

#include <triallens/format/number_format.h>

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <map>

namespace triallens::ui {

namespace {

const QColor ink(0x22, 0x22, 0x22);
constexpr double progression_line = 20;
constexpr double response_line = -30;
constexpr double axis_top_cap = 100;

QString text_of(const std::string& value) {
    return QString::fromStdString(value);
}

QString unbroken(QString text) {
    return text.replace(QLatin1Char(' '), QChar(0x00A0));
}

// "Drug   n=86, ORR 12.8% (95% CI 6.6–21.7)"
QString arm_entry(const ArmTumourResponse& arm) {
    return QStringLiteral("%1   %2, %3")
        .arg(text_of(arm.arm), unbroken(QStringLiteral("n=%1").arg(arm.n)),
             unbroken(QStringLiteral("ORR %1% (95% CI %2–%3)")
                          .arg(text_of(percent_text(100 * arm.orr)),
                               text_of(percent_text(100 * arm.orr_interval.lower)),
                               text_of(percent_text(100 * arm.orr_interval.upper)))));
}

QColor bar_colour(const TumourSubjects& subjects, std::size_t entry,
                  const TumourFigureOptions& tumour, Palette palette) {
    return tumour.colour_by == TumourColouring::Arm
               ? arm_colour(static_cast<int>(subjects.arm(entry)), palette)
               : best_response_colour(subjects[entry].bor, palette);
}

} // namespace

WaterfallLayout layout_waterfall_figure(const QRectF& rect, const Results& results,
                                        const KmFigureOptions& options,
                                        const TumourFigureOptions& tumour) {
    WaterfallLayout layout;
    layout.missing = tumour_figure_missing_text(results, TumourFigure::Waterfall);
    if (!layout.missing.isEmpty()) {
        return layout;
    }
    const TumourResponse& response = *results.tumour_response;
    const std::vector<WaterfallPanel> panels = waterfall_panels(response, tumour.arrangement);
    layout.order = waterfall_order(response, panels);

    // The legend: each colour with its bars' count, then each arm's n and ORR.
    std::vector<FigureLegendItem> legend;
    if (tumour.colour_by == TumourColouring::BestResponse) {
        std::map<std::size_t, std::pair<std::string, std::size_t>> by_rank;
        for (const WaterfallPanel& panel : panels) {
            for (const WaterfallBar& bar : panel.bars) {
                const std::string& bor = response.subjects[bar.entry].bor;
                auto& [name, count] = by_rank[best_response_rank(bor)];
                name = bor;
                ++count;
            }
        }
        for (const auto& [rank, category] : by_rank) {
            legend.push_back(FigureLegendItem{unbroken(QStringLiteral("%1 %2")
                                                           .arg(best_response_label(category.first))
                                                           .arg(category.second)),
                                              best_response_colour(category.first, options.palette),
                                              LegendMark::Box,
                                              {},
                                              {}});
        }
    }
    for (std::size_t a = 0; a < response.arms.size(); ++a) {
        const bool by_arm = tumour.colour_by == TumourColouring::Arm;
        FigureLegendItem item{arm_entry(response.arms[a]),
                              by_arm ? arm_colour(static_cast<int>(a), options.palette) : QColor(),
                              by_arm ? LegendMark::Box : LegendMark::None,
                              {},
                              {}};
        item.new_line = !by_arm && a == 0; // the arms' words on a line of their own
        legend.push_back(item);
    }
    layout.frame = layout_tumour_figure_frame(rect, results, options,
                                              QStringLiteral("Best % change from baseline"),
                                              std::move(legend), QString());
    const TumourFigureFrame& frame = layout.frame;
    const double em = frame.em;
    const QFontMetricsF metrics(frame.font);

    // The y axis: −100 % up to the next 20 % past the largest increase.
    double largest = 0;
    for (const WaterfallPanel& panel : panels) {
        for (const WaterfallBar& bar : panel.bars) {
            largest = std::max(largest, bar.best_pchg);
        }
    }
    const double top = std::clamp(std::ceil(largest / 20 - 1e-9) * 20, 40.0, axis_top_cap);
    layout.y_title = QStringLiteral("Best % change from baseline in %1")
                         .arg(response.param.empty() ? QStringLiteral("the sum of diameters")
                                                     : text_of(response.param));

    // Notes under each panel: the subjects without a measurement, bars cut.
    const bool side_by_side = tumour.arrangement == WaterfallArrangement::SideBySide;
    std::vector<QString> notes;
    for (const WaterfallPanel& panel : panels) {
        QStringList parts;
        if (panel.arm) {
            if (panel.unmeasured.front() > 0) {
                parts << QStringLiteral("%1 subject%2 without a post-baseline measurement")
                             .arg(panel.unmeasured.front())
                             .arg(panel.unmeasured.front() == 1 ? "" : "s");
            }
        } else {
            QStringList arms;
            for (std::size_t a = 0; a < panel.unmeasured.size(); ++a) {
                if (panel.unmeasured[a] > 0) {
                    arms << unbroken(QStringLiteral("%1 %2")
                                         .arg(text_of(response.arms[a].arm))
                                         .arg(panel.unmeasured[a]));
                }
            }
            if (!arms.isEmpty()) {
                parts << QStringLiteral("Subjects without a post-baseline measurement: ") +
                             arms.join(QStringLiteral(", "));
            }
        }
        const auto cut =
            std::count_if(panel.bars.begin(), panel.bars.end(),
                          [&](const WaterfallBar& bar) { return bar.best_pchg > top; });
        if (cut > 0) {
            parts << QStringLiteral("%1 bar%2 beyond +%3% (\u25B2)")
                         .arg(cut)
                         .arg(cut == 1 ? "" : "s")
                         .arg(top);
        }
        notes.push_back(parts.join(QStringLiteral("; ")));
    }

    // Columns: the y axis's title and labels, then the panels, each as wide
    // as its share of the bars (at least a tenth of the width, so an arm
    // with few bars keeps room for its header and note).
    // The plot keeps at least half the body's height, so the title wrapped
    // to half of it is as wide as it can get; "−100" is the widest label.
    const NumericAxis probe = numeric_axis(-100, top, 8);
    const QRectF body = frame.body;
    layout.y_title_left = body.left();
    const double panels_left = body.left() +
                               y_title_width(frame.font, layout.y_title, body.height() * 0.5) +
                               em * 0.4 + widest_tick_label(probe, frame.font) + em * 0.5;
    const double gap = side_by_side && panels.size() > 1 ? em * 1.2 : 0.0;
    // Right of the last panel: the reference lines' labels.
    const double labels_right = metrics.horizontalAdvance(QStringLiteral("\u221230%")) + em * 0.4;
    const double panels_width = std::max(1.0, body.right() - labels_right - panels_left -
                                                  gap * static_cast<double>(panels.size() - 1));
    // Each panel as wide as its share of the bars (at least a tenth of the
    // width, so an arm with few bars keeps room for its header and note).
    std::vector<double> share;
    double total_share = 0;
    for (const WaterfallPanel& panel : panels) {
        share.push_back(std::max(static_cast<double>(panel.bars.size()), 1.0));
        total_share += share.back();
    }
    double share_sum = 0;
    for (double& part : share) {
        part = std::max(part / total_share, panels.size() > 1 ? 0.1 : 1.0);
        share_sum += part;
    }
    // Header and note heights, the same for every panel so the plots are level.
    QFont header_font = frame.font;
    header_font.setBold(true);
    double header_height = 0;
    double note_height = 0;
    std::vector<double> widths;
    for (std::size_t p = 0; p < panels.size(); ++p) {
        widths.push_back(panels_width * share[p] / share_sum);
        if (panels[p].arm) {
            header_height = std::max(header_height,
                                     wrapped_text_size(text_of(response.arms[*panels[p].arm].arm),
                                                       header_font, widths[p])
                                         .height());
        }
        if (!notes[p].isEmpty()) {
            note_height =
                std::max(note_height, wrapped_text_size(notes[p], frame.font, widths[p]).height());
        }
    }
    // Room above the plot for the ▲ of bars cut at the top.
    const double plot_top =
        body.top() + (header_height > 0 ? header_height + em * 0.3 : 0.0) + em * 0.6;
    const double plot_bottom =
        std::max(plot_top + 1, body.bottom() - (note_height > 0 ? note_height + em * 0.4 : 0.0));
    layout.y = numeric_axis(
        -100, top,
        std::max(3, static_cast<int>((plot_bottom - plot_top) / (metrics.height() * 2.5))));
    layout.y.from = plot_bottom;
    layout.y.to = plot_top;

    double x = panels_left;
    const double zero = layout.y.map(0);
    for (std::size_t p = 0; p < panels.size(); ++p) {
        const WaterfallPanel& panel = panels[p];
        WaterfallPanelLayout out;
        out.arm = panel.arm;
        const double width = widths[p];
        out.plot = QRectF(x, plot_top, width, plot_bottom - plot_top);
        if (panel.arm) {
            out.header = text_of(response.arms[*panel.arm].arm);
            out.header_rect = QRectF(x, body.top(), width, header_height);
        }
        out.note = notes[p];
        out.note_rect = QRectF(x, plot_bottom + em * 0.4, width, note_height);
        const double n = static_cast<double>(std::max<std::size_t>(panel.bars.size(), 1));
        const double step = width / n;
        // Bars touch once narrower than 3 px; wider ones keep a gap of 15 %.
        const double inset = step >= 3 ? step * 0.075 : 0.0;
        for (std::size_t b = 0; b < panel.bars.size(); ++b) {
            const WaterfallBar& bar = panel.bars[b];
            const double value = std::min(bar.best_pchg, top);
            const double y = layout.y.map(value);
            const double left = x + step * static_cast<double>(b);
            out.entries.push_back(bar.entry);
            out.bars.push_back(QRectF(QPointF(left + inset, std::min(y, zero)),
                                      QPointF(left + step - inset, std::max(y, zero))));
            out.colours.push_back(
                bar_colour(response.subjects, bar.entry, tumour, options.palette));
            out.beyond.push_back(bar.best_pchg > top);
        }
        layout.panels.push_back(std::move(out));
        x += width + gap;
    }
    return layout;
}

void paint_waterfall_figure(QPainter& painter, const QRectF& rect, const Results& results,
                            const KmFigureOptions& options, const TumourFigureOptions& tumour) {
    const WaterfallLayout layout = layout_waterfall_figure(rect, results, options, tumour);
    painter.save();
    if (!begin_tumour_figure(painter, rect, options, layout.missing, layout.frame)) {
        painter.restore();
        return;
    }
    const TumourFigureFrame& frame = layout.frame;
    QFont header_font = frame.font;
    header_font.setBold(true);
    for (std::size_t p = 0; p < layout.panels.size(); ++p) {
        const WaterfallPanelLayout& panel = layout.panels[p];
        if (!panel.header.isEmpty()) {
            draw_wrapped_text(painter, panel.header, header_font, panel.header_rect, ink,
                              Qt::AlignHCenter);
        }
        paint_snapped_bars(painter, panel.bars, panel.colours);
        const double em = frame.em;
        for (std::size_t b = 0; b < panel.bars.size(); ++b) {
            if (panel.beyond[b]) {
                const QRectF box(panel.bars[b].center().x() - em * 0.3,
                                 panel.plot.top() - em * 0.65, em * 0.6, em * 0.6);
                paint_legend_mark(painter, LegendMark::Triangle, ink, box);
            }
        }
        paint_reference_line(painter, panel.plot, layout.y.map(progression_line));
        paint_reference_line(painter, panel.plot, layout.y.map(response_line));
        painter.setPen(QPen(ink, 1));
        painter.drawLine(QPointF(panel.plot.left(), layout.y.map(0)),
                         QPointF(panel.plot.right(), layout.y.map(0)));
        if (!panel.note.isEmpty()) {
            draw_wrapped_text(painter, panel.note, frame.font, panel.note_rect, ink);
        }
    }
    if (!layout.panels.empty()) {
        const QRectF& first = layout.panels.front().plot;
        paint_y_axis(painter, first, layout.y, frame.font, layout.y_title, layout.y_title_left);
        // The reference lines are named once, at the right of the last panel.
        const QRectF& last = layout.panels.back().plot;
        painter.setFont(frame.font);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        const QFontMetricsF metrics(frame.font);
        for (const double line : {progression_line, response_line}) {
            const QString label = line > 0 ? QStringLiteral("+20%") : QStringLiteral("\u221230%");
            painter.drawText(QRectF(last.right() + frame.em * 0.3,
                                    layout.y.map(line) - metrics.height() / 2,
                                    metrics.horizontalAdvance(label) + 1, metrics.height()),
                             Qt::AlignLeft | Qt::AlignVCenter, label);
        }
    }
    painter.restore();
}

std::optional<std::int32_t> waterfall_subject_at(const WaterfallLayout& layout,
                                                 const Results& results, const QPointF& point) {
    if (!results.tumour_response) {
        return std::nullopt;
    }
    for (const WaterfallPanelLayout& panel : layout.panels) {
        if (panel.entries.empty() || point.x() < panel.plot.left() ||
            point.x() >= panel.plot.right() || point.y() < panel.plot.top() - layout.frame.em ||
            point.y() > panel.plot.bottom()) {
            continue;
        }
        const double step = panel.plot.width() / static_cast<double>(panel.entries.size());
        const auto b = std::min(panel.entries.size() - 1,
                                static_cast<std::size_t>((point.x() - panel.plot.left()) / step));
        return results.tumour_response->subjects[panel.entries[b]].subject;
    }
    return std::nullopt;
}

} // namespace triallens::ui
