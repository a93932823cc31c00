#include "views/ae_dot_plot.h"

#include "models/palette.h"
#include "views/wrapped_text.h"

#include <triallens/format/number_format.h>

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace triallens::ui {

namespace {

const QColor ink(0x22, 0x22, 0x22);
const QColor band_shade(0xF2, 0xF2, 0xF2);
const QColor grid(0xDD, 0xDD, 0xDD);

QString text_of(const std::string& value) {
    return QString::fromStdString(value);
}

// Rows closer than this (in em) would have their labels touch.
constexpr double smallest_row = 1.1;
constexpr double largest_row = 1.8;

// Ratios 1-2-5 per decade between `lo` and `hi` (log10 values).
std::vector<double> log_ticks(double lo, double hi) {
    std::vector<double> ticks;
    for (int decade = static_cast<int>(std::floor(lo)) - 1; decade <= static_cast<int>(hi) + 1;
         ++decade) {
        for (const double step : {1.0, 2.0, 5.0}) {
            const double tick = decade + std::log10(step);
            if (tick >= lo - 1e-9 && tick <= hi + 1e-9) {
                ticks.push_back(tick);
            }
        }
    }
    if (ticks.size() > 9) { // a long axis keeps the decades
        std::erase_if(ticks, [](double tick) { return std::abs(tick - std::round(tick)) > 1e-9; });
    }
    return ticks;
}

QString ratio_tick(double log_value) {
    const double value = std::pow(10.0, log_value);
    return QString::fromStdString(decimal_text(value, value < 1 ? (value < 0.1 ? 2 : 1) : 0));
}

} // namespace

QString ae_figure_missing_text(const Results& results, bool needs_p) {
    if (!results.adverse_events) {
        return results.ae_error.empty()
                   ? QStringLiteral("No adverse-event data: load an ADAE file with the study.")
                   : text_of(results.ae_error);
    }
    const AeTable& table = *results.adverse_events;
    if (!table.reference_arm || table.arms.size() < 2) {
        return QStringLiteral("The adverse-event figures compare arms; this table has one arm.");
    }
    if (ae_term_count(table) == 0) {
        return QStringLiteral("No adverse events with a preferred term in these subjects.");
    }
    if (needs_p) {
        const auto compared = ae_compared_arm(table, -1);
        const std::vector<AeFigureTerm> terms = ae_figure_terms(table, *compared);
        if (std::none_of(terms.begin(), terms.end(),
                         [](const AeFigureTerm& term) { return term.relative_risk.has_value(); })) {
            return QStringLiteral("This figure needs each term's relative risk and Fisher p, "
                                  "which these results do not hold.");
        }
    }
    return {};
}

NumericAxis symmetric_axis(double reach, int max_ticks) {
    reach = std::max(reach, 1e-9);
    NumericAxis axis;
    if (max_ticks / 2 + 1 <= 2) {
        // Room for -n, 0, n alone: n the first 1-2-2.5-5 number past reach.
        const double magnitude = std::pow(10.0, std::floor(std::log10(reach)));
        double end = magnitude * 10;
        for (const double factor : {1.0, 2.0, 2.5, 5.0}) {
            if (factor * magnitude >= reach * (1 - 1e-9)) {
                end = factor * magnitude;
                break;
            }
        }
        axis = numeric_axis(0, end, 2);
        axis.hi = end;
        axis.ticks = {0.0, end};
    } else {
        axis = numeric_axis_to_tick(0, reach, max_ticks / 2 + 1);
    }
    const double end = axis.hi;
    std::vector<double> ticks;
    for (auto tick = axis.ticks.rbegin(); tick != axis.ticks.rend(); ++tick) {
        if (*tick > 0) {
            ticks.push_back(-*tick);
        }
    }
    ticks.insert(ticks.end(), axis.ticks.begin(), axis.ticks.end());
    axis.ticks = std::move(ticks);
    axis.lo = -end;
    return axis;
}

AeDotPlotLayout layout_ae_dot_plot(const QRectF& rect, const Results& results,
                                   const KmFigureOptions& options, const AeFigureOptions& ae) {
    AeDotPlotLayout layout;
    layout.missing = ae_figure_missing_text(results, ae.scale == AeRiskScale::Ratio);
    if (!layout.missing.isEmpty()) {
        return layout;
    }
    const AeTable& table = *results.adverse_events;
    layout.scale = ae.scale;
    layout.compared = *ae_compared_arm(table, ae.compared_arm);
    layout.reference = *table.reference_arm;
    std::vector<AeFigureTerm> terms = ae_dot_plot_terms(table, ae);
    const std::size_t chosen = terms.size();

    std::vector<FigureLegendItem> legend;
    for (std::size_t arm = 0; arm < table.arms.size(); ++arm) {
        legend.push_back(FigureLegendItem{
            QStringLiteral("%1 (N=%2)").arg(text_of(table.arms[arm])).arg(table.denominators[arm]),
            arm_colour(static_cast<int>(arm), options.palette),
            LegendMark::Dot,
            {},
            {}});
    }
    const QString compared = text_of(table.arms[layout.compared]);
    const QString reference = text_of(table.arms[layout.reference]);
    const QString level = text_of(conf_level_text(table.conf_level));
    const QString which =
        ae.top_n > 0 ? QStringLiteral("the %1 most frequent preferred terms").arg(ae.top_n)
                     : QStringLiteral("preferred terms in \u2265 %1% of an arm's subjects")
                           .arg(text_of(decimal_text(
                               ae.threshold_percent,
                               ae.threshold_percent == std::round(ae.threshold_percent) ? 0 : 1)));
    QString note;
    // Room decides how many rows are drawn; the note is laid out once with
    // a guess, then again if rows were dropped.
    const auto frame_with = [&](const QString& text) {
        return layout_tumour_figure_frame(
            rect, results, options, QStringLiteral("Adverse events: %1").arg(which), legend, text);
    };
    layout.frame = frame_with(note);
    const double em = layout.frame.em;
    layout.incidence_title = QStringLiteral("Incidence (%)");
    layout.risk_title = ae.scale == AeRiskScale::Ratio
                            ? QStringLiteral("Relative risk (%1 CI), %2 vs %3, log scale")
                                  .arg(level, compared, reference)
                            : QStringLiteral("Risk difference, % points (%1 CI), %2 \u2212 %3")
                                  .arg(level, compared, reference);
    const auto rows_fitting = [&](const TumourFigureFrame& frame) {
        const double axis =
            std::max(x_axis_height(frame.font, layout.incidence_title, frame.body.width() * 0.3),
                     x_axis_height(frame.font, layout.risk_title, frame.body.width() * 0.3));
        return static_cast<std::size_t>(std::max(
            0.0, std::floor((frame.body.height() - axis - em * 0.5) / (smallest_row * em))));
    };
    if (terms.size() > rows_fitting(layout.frame)) {
        note = QStringLiteral("%1 of the %2 chosen terms fit at this size: the most frequent "
                              "are shown; raise the threshold or choose fewer terms.");
        layout.frame = frame_with(note.arg(0).arg(chosen));
        const std::size_t fit = rows_fitting(layout.frame);
        layout.frame = frame_with(note.arg(fit).arg(chosen));
        std::vector<AeFigureTerm> frequent = terms;
        std::stable_sort(frequent.begin(), frequent.end(),
                         [](const AeFigureTerm& a, const AeFigureTerm& b) {
                             return a.max_incidence > b.max_incidence;
                         });
        frequent.resize(fit);
        std::erase_if(terms, [&](const AeFigureTerm& term) {
            return std::none_of(frequent.begin(), frequent.end(),
                                [&](const AeFigureTerm& kept) { return kept.row == term.row; });
        });
    } else if (terms.empty()) {
        layout.frame = frame_with(QStringLiteral("No preferred term reaches the threshold; "
                                                 "lower it or choose the top N."));
    }
    const TumourFigureFrame& frame = layout.frame;
    const QFontMetricsF metrics(frame.font);
    const QRectF body = frame.body;

    // Columns: terms (as wide as the longest, at most 30 % of the width),
    // the incidence panel (30 %), the risk panel (the rest).
    double longest = 0;
    for (const AeFigureTerm& term : terms) {
        longest = std::max(longest, metrics.horizontalAdvance(term.pt));
    }
    const double label_width = std::min(longest + em * 0.5, body.width() * 0.36);
    const double gap = em * 3; // the panels' end ticks' labels stay apart
    const double panels = std::max(1.0, body.width() - label_width - gap * 2);
    const double incidence_width = panels * 0.42;
    const double axis_height =
        std::max(x_axis_height(frame.font, layout.incidence_title, incidence_width),
                 x_axis_height(frame.font, layout.risk_title, panels - incidence_width));
    const double rows_height = std::max(1.0, body.height() - axis_height - em * 0.3);
    // A term too long for its column takes two lines where the rows have
    // room for them, else it is cut with "…".
    const double text_width = std::max(1.0, label_width - em * 0.5);
    const bool any_long = std::any_of(terms.begin(), terms.end(), [&](const AeFigureTerm& term) {
        return metrics.horizontalAdvance(term.pt) > text_width;
    });
    const double tallest =
        any_long ? std::max(largest_row, 2.3 * metrics.height() / em) : largest_row;
    const double pitch =
        terms.empty() ? em * largest_row
                      : std::min(em * tallest, rows_height / static_cast<double>(terms.size()));
    const bool two_lines = pitch >= 2.1 * metrics.height();
    const double plots_height = pitch * static_cast<double>(std::max<std::size_t>(terms.size(), 1));
    layout.labels = QRectF(body.left(), body.top(), label_width, plots_height);
    layout.incidence_plot =
        QRectF(layout.labels.right() + gap, body.top(), incidence_width, plots_height);
    layout.risk_plot =
        QRectF(layout.incidence_plot.right() + gap, body.top(),
               std::max(1.0, body.right() - layout.incidence_plot.right() - gap), plots_height);

    double top_incidence = 0;
    for (const AeFigureTerm& term : terms) {
        top_incidence = std::max(top_incidence, term.max_incidence);
    }
    const int max_ticks = std::max(3, static_cast<int>(incidence_width / (em * 3)));
    layout.incidence_axis = numeric_axis_to_tick(0, std::max(top_incidence, 1.0), max_ticks);
    layout.incidence_axis.from = layout.incidence_plot.left();
    layout.incidence_axis.to = layout.incidence_plot.right();

    const bool ratio = ae.scale == AeRiskScale::Ratio;
    double lo = 0; // log10(1) or no difference
    double hi = lo;
    for (const AeFigureTerm& term : terms) {
        if (ratio && term.relative_risk) {
            lo = std::min(lo, std::log10(std::max(term.relative_risk->lower, 1e-3)));
            hi = std::max(hi, std::log10(std::min(term.relative_risk->upper, 1e3)));
        } else if (!ratio && term.risk_difference) {
            lo = std::min(lo, term.risk_difference->lower);
            hi = std::max(hi, term.risk_difference->upper);
        }
    }
    const int risk_ticks = std::max(3, static_cast<int>(layout.risk_plot.width() / (em * 4.5)));
    if (ratio) {
        lo = std::floor(lo * 10 - 1e-9) / 10; // whole tenths of a decade
        hi = std::ceil(hi * 10 + 1e-9) / 10;
        layout.risk_axis.lo = std::min(lo, -0.31);
        layout.risk_axis.hi = std::max(hi, 0.31);
        layout.risk_axis.ticks = log_ticks(layout.risk_axis.lo, layout.risk_axis.hi);
    } else {
        layout.risk_axis = symmetric_axis(std::max({std::abs(lo), std::abs(hi), 1.0}), risk_ticks);
    }
    layout.risk_axis.from = layout.risk_plot.left();
    layout.risk_axis.to = layout.risk_plot.right();
    layout.no_difference_x = layout.risk_axis.map(0);

    for (std::size_t r = 0; r < terms.size(); ++r) {
        AeDotPlotRow row;
        row.term = terms[r];
        row.band = QRectF(body.left(), body.top() + pitch * static_cast<double>(r),
                          layout.risk_plot.right() - body.left(), pitch);
        row.y = row.band.center().y();
        const QStringList lines = wrapped_lines(row.term.pt, frame.font, text_width);
        row.label = two_lines && lines.size() == 2 &&
                            metrics.horizontalAdvance(lines[0]) <= text_width &&
                            metrics.horizontalAdvance(lines[1]) <= text_width
                        ? lines.join(u'\n')
                        : metrics.elidedText(row.term.pt, Qt::ElideRight, text_width);
        for (const double percent : row.term.incidence) {
            row.dots.push_back(QPointF(layout.incidence_axis.map(percent), row.y));
        }
        double estimate = 0;
        double lower = 0;
        double upper = 0;
        if (ratio && row.term.relative_risk) {
            row.has_estimate = true;
            estimate = std::log10(std::max(row.term.relative_risk->estimate, 1e-300));
            lower = std::log10(std::max(row.term.relative_risk->lower, 1e-300));
            upper = std::log10(std::max(row.term.relative_risk->upper, 1e-300));
        } else if (!ratio && row.term.risk_difference) {
            row.has_estimate = true;
            estimate = row.term.risk_difference->estimate;
            lower = row.term.risk_difference->lower;
            upper = row.term.risk_difference->upper;
        }
        if (row.has_estimate) {
            const NumericAxis& axis = layout.risk_axis;
            row.lower_cut = lower < axis.lo;
            row.upper_cut = upper > axis.hi;
            row.estimate_x = axis.map(std::clamp(estimate, axis.lo, axis.hi));
            row.lower_x = axis.map(std::clamp(lower, axis.lo, axis.hi));
            row.upper_x = axis.map(std::clamp(upper, axis.lo, axis.hi));
        }
        layout.rows.push_back(std::move(row));
    }
    return layout;
}

namespace {

void paint_log_axis(QPainter& painter, const QRectF& plot, const NumericAxis& axis,
                    const QFont& font, const QString& title) {
    painter.save();
    const QFontMetricsF metrics(font);
    const double em = font.pixelSize();
    painter.setPen(QPen(ink, 1));
    painter.setFont(font);
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    for (const double tick : axis.ticks) {
        const double x = axis.map(tick);
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + em * 0.3));
        painter.drawText(QRectF(x - 100, plot.bottom() + em * 0.35, 200, metrics.height()),
                         Qt::AlignHCenter | Qt::AlignTop, ratio_tick(tick));
    }
    const QSizeF size = wrapped_text_size(title, font, plot.width());
    draw_wrapped_text(painter, title, font,
                      QRectF(plot.center().x() - size.width() / 2,
                             plot.bottom() + em * 0.45 + metrics.height(), size.width() + 1,
                             size.height()),
                      ink, Qt::AlignHCenter);
    painter.restore();
}

void paint_vertical_grid(QPainter& painter, const QRectF& plot, const NumericAxis& axis) {
    painter.setPen(QPen(grid, 0.8));
    for (const double tick : axis.ticks) {
        const double x = axis.map(tick);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
}

} // namespace

void paint_ae_dot_plot(QPainter& painter, const QRectF& rect, const Results& results,
                       const KmFigureOptions& options, const AeFigureOptions& ae) {
    const AeDotPlotLayout layout = layout_ae_dot_plot(rect, results, options, ae);
    painter.save();
    if (!begin_tumour_figure(painter, rect, options, layout.missing, layout.frame)) {
        painter.restore();
        return;
    }
    const TumourFigureFrame& frame = layout.frame;
    const double em = frame.em;
    // Every other row shaded across the labels and both panels, so the eye
    // follows a term to its dots and its interval.
    for (std::size_t r = 0; r < layout.rows.size(); r += 2) {
        painter.fillRect(layout.rows[r].band, band_shade);
    }
    paint_vertical_grid(painter, layout.incidence_plot, layout.incidence_axis);
    paint_vertical_grid(painter, layout.risk_plot, layout.risk_axis);
    painter.setPen(QPen(ink, 1, Qt::DashLine));
    painter.drawLine(QPointF(layout.no_difference_x, layout.risk_plot.top()),
                     QPointF(layout.no_difference_x, layout.risk_plot.bottom()));

    painter.setFont(frame.font);
    const QColor compared_colour = arm_colour(static_cast<int>(layout.compared), options.palette);
    const double dot = em * 0.32;
    for (const AeDotPlotRow& row : layout.rows) {
        painter.setPen(ink);
        painter.drawText(QRectF(layout.labels.left(), row.band.top(),
                                layout.labels.width() - em * 0.5, row.band.height()),
                         Qt::AlignRight | Qt::AlignVCenter, row.label);
        // The reference last, so its dot is on top where arms coincide.
        std::vector<std::size_t> order;
        for (std::size_t arm = 0; arm < row.dots.size(); ++arm) {
            if (arm != layout.reference) {
                order.push_back(arm);
            }
        }
        order.push_back(layout.reference);
        for (const std::size_t arm : order) {
            if (arm < row.dots.size()) {
                painter.setPen(QPen(Qt::white, 0.8));
                painter.setBrush(arm_colour(static_cast<int>(arm), options.palette));
                painter.drawEllipse(row.dots[arm], dot, dot);
            }
        }
        if (row.has_estimate) {
            painter.setPen(QPen(compared_colour, std::max(1.2, em * 0.12)));
            painter.drawLine(QPointF(row.lower_x, row.y), QPointF(row.upper_x, row.y));
            for (const auto& [cut, x, sign] : {std::tuple{row.lower_cut, row.lower_x, -1.0},
                                               std::tuple{row.upper_cut, row.upper_x, 1.0}}) {
                if (cut) { // an arrowhead: the interval runs on past the axis
                    painter.drawLine(QPointF(x, row.y),
                                     QPointF(x - sign * em * 0.3, row.y - em * 0.2));
                    painter.drawLine(QPointF(x, row.y),
                                     QPointF(x - sign * em * 0.3, row.y + em * 0.2));
                } else {
                    painter.drawLine(QPointF(x, row.y - em * 0.2), QPointF(x, row.y + em * 0.2));
                }
            }
            painter.setPen(Qt::NoPen);
            painter.setBrush(compared_colour);
            painter.drawRect(QRectF(row.estimate_x - dot, row.y - dot, 2 * dot, 2 * dot));
        }
    }
    painter.setBrush(Qt::NoBrush);
    paint_x_axis(painter, layout.incidence_plot, layout.incidence_axis, frame.font,
                 layout.incidence_title);
    if (layout.scale == AeRiskScale::Ratio) {
        paint_log_axis(painter, layout.risk_plot, layout.risk_axis, frame.font, layout.risk_title);
    } else {
        paint_x_axis(painter, layout.risk_plot, layout.risk_axis, frame.font, layout.risk_title);
    }
    painter.restore();
}

const AeDotPlotRow* ae_dot_plot_row_at(const AeDotPlotLayout& layout, const QPointF& point) {
    for (const AeDotPlotRow& row : layout.rows) {
        if (row.band.contains(point)) {
            return &row;
        }
    }
    return nullptr;
}

} // namespace triallens::ui
