#include "views/km_chart.h"

#include "models/km_figure_text.h"
#include "models/palette.h"

#include <triallens/format/number_format.h>

#include <QAreaSeries>
#include <QChart>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace triallens::ui {

namespace {

// A step point of a CI band: the limits in force from `time` on.
struct BandPoint {
    double time;
    double lower;
    double upper;
};

// The "+" censor mark, drawn large so that it stays crisp when scaled down
// to the marker size at any device pixel ratio.
QImage censor_mark(const QColor& colour) {
    constexpr int size = 64;
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(colour, size / 8.0, Qt::SolidLine, Qt::FlatCap));
    const double mid = size / 2.0;
    painter.drawLine(QPointF(mid, 4), QPointF(mid, size - 4));
    painter.drawLine(QPointF(4, mid), QPointF(size - 4, mid));
    return image;
}

void attach(QChart* chart, QAbstractSeries* series, const char* name) {
    series->setObjectName(QString::fromLatin1(name));
    chart->addSeries(series);
    for (QAbstractAxis* axis : chart->axes()) {
        series->attachAxis(axis);
    }
}

// The curve as steps from (0, S = 1), held to its last time or cut at `end`.
QLineSeries* step_curve(const SurvivalCurve& curve, double end, const KmFigureOptions& options) {
    auto* steps = new QLineSeries;
    double previous = 1;
    steps->append(0, km_y_value(options, 1));
    for (std::size_t i = 0; i < curve.size() && curve.time[i] <= end; ++i) {
        if (curve.n_event[i] > 0) {
            steps->append(curve.time[i], km_y_value(options, previous));
            steps->append(curve.time[i], km_y_value(options, curve.surv[i]));
            previous = curve.surv[i];
        }
    }
    if (curve.size() > 0) {
        steps->append(std::min(curve.time.back(), end), km_y_value(options, previous));
    }
    return steps;
}

// Stretches of the pointwise CI as steps: each lists the times its limits
// change with the limits from then on, and ends with the limits held to its
// end. A stretch stops where a limit is undefined (S = 0, or S = 1 under
// log-log), leaving a gap as R's plot does.
std::vector<std::vector<BandPoint>> band_stretches(const SurvivalCurve& curve, double end) {
    std::vector<std::vector<BandPoint>> stretches(1, {BandPoint{0, 1, 1}});
    bool open = true;
    for (std::size_t i = 0; i < curve.size() && curve.time[i] <= end; ++i) {
        if (curve.n_event[i] == 0) {
            continue; // the limits change only where S does
        }
        const double t = curve.time[i];
        if (curve.lower[i] && curve.upper[i]) {
            if (!open) {
                stretches.emplace_back();
                open = true;
            }
            stretches.back().push_back(BandPoint{t, *curve.lower[i], *curve.upper[i]});
        } else if (open) {
            const BandPoint last = stretches.back().back();
            stretches.back().push_back(BandPoint{t, last.lower, last.upper});
            open = false;
        }
    }
    if (open && curve.size() > 0) {
        const BandPoint last = stretches.back().back();
        stretches.back().push_back(
            BandPoint{std::min(curve.time.back(), end), last.lower, last.upper});
    }
    std::erase_if(stretches, [](const auto& stretch) { return stretch.size() < 2; });
    return stretches;
}

// The fewest decimals (at most 3) that write every multiple of `step` exactly.
int step_decimals(double step) {
    for (int decimals = 0; decimals < 3; ++decimals) {
        const double scaled = step * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) <= 1e-6 * std::max(1.0, scaled)) {
            return decimals;
        }
    }
    return 3;
}

} // namespace

double km_curve_width(const QFont& font) {
    return 2 * std::max(1.0, font.pixelSize() / 12.0);
}

const std::vector<ArmSurvival>& figure_curves(const Results& results) {
    return results.curve_groups.empty() ? results.arms : results.curve_groups;
}

QString km_tick_label(const KmTimeAxis& axis, double tick) {
    return QString::number(tick, 'f', axis.decimals);
}

double km_y_value(const KmFigureOptions& options, double survival) {
    const double value = options.y_scale == KmYScale::Cumulative ? 1 - survival : survival;
    return options.percent ? 100 * value : value;
}

double km_last_time(const Results& results) {
    double last = 0;
    for (const ArmSurvival& curve : figure_curves(results)) {
        if (curve.km.curve.size() > 0) {
            last = std::max(last, curve.km.curve.time.back());
        }
    }
    return last;
}

double km_axis_maximum(double last_time, double step) {
    if (!(step > 0) || !(last_time > 0)) {
        return std::max(step, 1.0);
    }
    const double below = std::floor(last_time / step + 1e-9) * step;
    if (below > 0 && last_time - below <= 0.005 * below) {
        return below;
    }
    return std::ceil(last_time / step - 1e-9) * step;
}

KmTimeAxis km_time_axis(const Results& results, const KmFigureOptions& options, int max_intervals) {
    const double last_time = km_last_time(results);
    const double end = options.x_limit.value_or(last_time);
    const int most = std::max(1, max_intervals);
    KmTimeAxis axis;
    axis.step = 1;
    if (options.break_by && *options.break_by > 0 && end > 0) {
        // Bounded whatever the break: the multiple is computed, not searched.
        const double intervals = std::floor(end / *options.break_by + 1e-9);
        axis.step = *options.break_by * std::max(1.0, std::ceil(intervals / most - 1e-9));
    } else if (end > 0) {
        const double magnitude = std::pow(10.0, std::floor(std::log10(end)) - 1);
        axis.step = end / most;
        for (const double multiple : {1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 30.0, 60.0}) {
            const double step = multiple * magnitude;
            const double maximum = options.x_limit ? end : km_axis_maximum(end, step);
            if (std::floor(maximum / step + 1e-9) <= most) {
                axis.step = step;
                break;
            }
        }
    }
    axis.maximum = options.x_limit ? *options.x_limit : km_axis_maximum(last_time, axis.step);
    axis.decimals = step_decimals(axis.step);
    const auto steps = static_cast<int>(std::floor(axis.maximum / axis.step + 1e-9));
    for (int k = 0; k <= steps; ++k) {
        axis.ticks.push_back(k * axis.step);
    }
    return axis;
}

KmCurveStyle km_curve_style(const Results& results, std::size_t index, Palette palette) {
    const int place = static_cast<int>(index);
    if (results.curve_groups.empty() || index >= results.curve_groups.size()) {
        return {curve_colour(place, palette), curve_pen_style(place, palette)};
    }
    static constexpr std::array<Qt::PenStyle, 5> by_level{Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                          Qt::DashDotLine, Qt::DashDotDotLine};
    const ArmSurvival& group = results.curve_groups[index];
    const auto arm = std::find_if(results.arms.begin(), results.arms.end(),
                                  [&](const ArmSurvival& a) { return a.arm == group.arm; });
    std::vector<std::string> levels;
    for (const ArmSurvival& g : results.curve_groups) {
        if (std::find(levels.begin(), levels.end(), g.level) == levels.end()) {
            levels.push_back(g.level);
        }
    }
    const auto level = static_cast<std::size_t>(
        std::find(levels.begin(), levels.end(), group.level) - levels.begin());
    return {arm_colour(static_cast<int>(arm - results.arms.begin()), palette),
            by_level[level % by_level.size()]};
}

QChart* build_km_chart(const Results& results, const KmFigureOptions& options, const QFont& font) {
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->hide();
    chart->setBackgroundVisible(false);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins());

    const KmTimeAxis time_axis = km_time_axis(results, options);
    const double end = time_axis.maximum;
    auto* x_axis = new QValueAxis;
    auto* y_axis = new QValueAxis;
    chart->addAxis(x_axis, Qt::AlignBottom);
    chart->addAxis(y_axis, Qt::AlignLeft);
    x_axis->setRange(0, time_axis.maximum);
    x_axis->setTickType(QValueAxis::TicksDynamic);
    x_axis->setTickAnchor(0);
    x_axis->setTickInterval(time_axis.step);
    x_axis->setLabelFormat(QStringLiteral("%.%1f").arg(time_axis.decimals));
    x_axis->setTitleText(options.x_label.isEmpty() ? time_axis_title(results) : options.x_label);
    y_axis->setRange(0, km_y_value(options, options.y_scale == KmYScale::Cumulative ? 0 : 1));
    y_axis->setTickCount(6);
    y_axis->setLabelFormat(options.percent ? "%.0f" : "%.1f");
    y_axis->setTitleText(options.y_label.isEmpty() ? km_y_axis_title(options) : options.y_label);
    const QColor ink(0x22, 0x22, 0x22);
    for (QValueAxis* axis : {x_axis, y_axis}) {
        axis->setLabelsFont(font);
        axis->setTitleFont(font);
        axis->setLabelsBrush(ink);
        axis->setTitleBrush(ink);
        axis->setLinePen(QPen(ink, 1));
        axis->setGridLinePen(QPen(QColor(0xe4, 0xe4, 0xe4), 1));
        axis->setMinorGridLineVisible(false);
    }

    const std::vector<ArmSurvival>& curves = figure_curves(results);
    const double pixel = km_curve_width(font) / 2;
    if (options.ci_bands) {
        for (std::size_t c = 0; c < curves.size(); ++c) {
            QColor fill = km_curve_style(results, c, options.palette).colour;
            fill.setAlphaF(0.18f);
            for (const auto& stretch : band_stretches(curves[c].km.curve, end)) {
                auto* upper = new QLineSeries;
                auto* lower = new QLineSeries;
                for (std::size_t k = 0; k < stretch.size(); ++k) {
                    // 1 − S turns the band over: its upper edge is 1 − the lower limit.
                    const auto edges = [&](const BandPoint& point) {
                        const double a = km_y_value(options, point.lower);
                        const double b = km_y_value(options, point.upper);
                        return std::pair{std::min(a, b), std::max(a, b)};
                    };
                    if (k > 0) { // a step: the previous limits up to this time
                        const auto [low, high] = edges(stretch[k - 1]);
                        upper->append(stretch[k].time, high);
                        lower->append(stretch[k].time, low);
                    }
                    const auto [low, high] = edges(stretch[k]);
                    upper->append(stretch[k].time, high);
                    lower->append(stretch[k].time, low);
                }
                auto* band = new QAreaSeries(upper, lower); // the band owns its lines
                band->setBrush(fill);
                band->setPen(Qt::NoPen);
                attach(chart, band, km_band_series);
            }
        }
    }
    if (options.median_lines) {
        double longest = 0;
        for (std::size_t c = 0; c < curves.size(); ++c) {
            if (!curves[c].median.estimate || *curves[c].median.estimate > end) {
                continue;
            }
            const double median = *curves[c].median.estimate;
            longest = std::max(longest, median);
            auto* drop = new QLineSeries;
            drop->append(median, km_y_value(options, 0.5));
            drop->append(median, 0);
            drop->setPen(
                QPen(km_curve_style(results, c, options.palette).colour, pixel, Qt::DashLine));
            attach(chart, drop, km_median_series);
        }
        if (longest > 0) {
            // One grey line at S = 0.5 to the longest median: per-arm copies
            // would lie on top of each other.
            auto* half = new QLineSeries;
            half->append(0, km_y_value(options, 0.5));
            half->append(longest, km_y_value(options, 0.5));
            half->setPen(QPen(QColor(0x77, 0x77, 0x77), pixel, Qt::DashLine));
            attach(chart, half, km_median_series);
        }
    }
    const int decimals = median_decimals(results);
    for (std::size_t c = 0; c < curves.size(); ++c) {
        const KmCurveStyle style = km_curve_style(results, c, options.palette);
        QLineSeries* steps = step_curve(curves[c].km.curve, end, options);
        steps->setName(arm_legend_text(curves[c], decimals));
        steps->setPen(QPen(style.colour, km_curve_width(font), style.line, Qt::FlatCap));
        attach(chart, steps, km_curve_series);
    }
    if (options.censor_marks) {
        const auto marker = std::max(7.0, std::round(font.pixelSize() * 0.75));
        for (std::size_t c = 0; c < curves.size(); ++c) {
            const SurvivalCurve& curve = curves[c].km.curve;
            auto* marks = new QScatterSeries;
            marks->setName(QStringLiteral("censored"));
            marks->setMarkerSize(marker);
            marks->setLightMarker(censor_mark(km_curve_style(results, c, options.palette).colour));
            for (std::size_t i = 0; i < curve.size(); ++i) {
                if (curve.n_censor[i] > 0 && curve.time[i] <= end) {
                    marks->append(curve.time[i], km_y_value(options, curve.surv[i]));
                }
            }
            attach(chart, marks, km_censor_series);
        }
    }
    return chart;
}

} // namespace triallens::ui
