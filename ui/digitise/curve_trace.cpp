#include "digitise/curve_trace.h"

#include <QBuffer>
#include <QColor>
#include <QImageReader>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <vector>

namespace triallens::ui {

namespace {

constexpr double largest_image_pixels = 100e6;
constexpr double same_level = 0.75; // px: a thin run this near the level continues it
constexpr int minimum_confirmation = 3;

bool matches(QRgb pixel, QRgb colour, int tolerance) {
    return std::abs(qRed(pixel) - qRed(colour)) <= tolerance &&
           std::abs(qGreen(pixel) - qGreen(colour)) <= tolerance &&
           std::abs(qBlue(pixel) - qBlue(colour)) <= tolerance;
}

// Paper, or a grid line's light gray.
bool is_background(QRgb pixel) {
    return std::min({qRed(pixel), qGreen(pixel), qBlue(pixel)}) >= 200;
}

// `colour` blended with white (an anti-aliased edge of the line itself).
bool is_paper_blend(QRgb pixel, QRgb colour, int tolerance) {
    const int c[3] = {qRed(colour), qGreen(colour), qBlue(colour)};
    const int p[3] = {qRed(pixel), qGreen(pixel), qBlue(pixel)};
    int k = 0;
    for (int j = 1; j < 3; ++j) {
        if (255 - c[j] > 255 - c[k]) {
            k = j;
        }
    }
    if (255 - c[k] < 16) {
        return true; // a colour this light blends with white into white
    }
    const double alpha = std::clamp((255.0 - p[k]) / (255.0 - c[k]), 0.0, 1.0);
    const double allowed = std::max(24.0, tolerance / 2.0);
    for (int j = 0; j < 3; ++j) {
        if (std::abs(p[j] - (255.0 - alpha * (255.0 - c[j]))) > allowed) {
            return false;
        }
    }
    return true;
}

struct Run {
    int top = 0;    // first row
    int bottom = 0; // last row
    int height() const { return bottom - top + 1; }
    double centre() const { return (top + bottom + 1) / 2.0; }
};

// The image over white, 32-bit: transparent pixels are the paper.
QImage opaque(const QImage& image) {
    if (!image.hasAlphaChannel()) {
        return image.convertToFormat(QImage::Format_RGB32);
    }
    QImage paper(image.size(), QImage::Format_RGB32);
    paper.fill(Qt::white);
    QPainter painter(&paper);
    painter.drawImage(0, 0, image);
    painter.end();
    return paper;
}

QRect automatic_area(const QImage& image, const AxisCalibration& calibration) {
    const double left = std::max(0.0, calibration.pixel_x(0) - 2);
    const double y_one = calibration.pixel_y(1);
    const double y_zero = calibration.pixel_y(0);
    const double margin = 3 + 0.01 * std::abs(y_zero - y_one);
    const double top = std::min(y_one, y_zero) - margin;
    const double bottom = std::max(y_one, y_zero) + margin;
    const auto clamp_x = [&](double x) {
        return static_cast<int>(
            std::clamp(std::floor(x), -1.0, static_cast<double>(image.width())));
    };
    const auto clamp_y = [&](double y) {
        return static_cast<int>(
            std::clamp(std::floor(y), -1.0, static_cast<double>(image.height())));
    };
    return QRect(QPoint(clamp_x(left), clamp_y(top)), QPoint(image.width() - 1, clamp_y(bottom)))
        .intersected(image.rect());
}

// The curve's reading, column by column (see the header).
class Tracer {
public:
    Tracer(const QImage& image, QRgb colour, const AxisCalibration& calibration,
           const TraceOptions& options, const QRect& area)
        : image_(image), colour_(colour), calibration_(calibration), options_(options),
          area_(area) {}

    TracedCurve run();

private:
    std::vector<Run> runs_in(int x) const;
    int line_width() const;
    double survival(double y) const { return calibration_.survival_at(y); }
    double time(double x) const { return calibration_.time_at(x); }
    bool other_ink(int x, double y) const;
    std::vector<Run> bridged_runs(int i, int line) const;
    std::vector<CurvePoint> drops_between(double from, double to, int last_from, int first_to,
                                          int line) const;
    double start_time(int first_column, double level) const;

    const QImage& image_;
    QRgb colour_;
    const AxisCalibration& calibration_;
    const TraceOptions& options_;
    QRect area_;
    std::vector<std::vector<Run>> columns_; // per column of the area
};

std::vector<Run> Tracer::runs_in(int x) const {
    std::vector<Run> runs;
    const int tolerance = options_.colour_tolerance;
    bool inside = false;
    for (int y = area_.top(); y <= area_.bottom(); ++y) {
        const QRgb pixel = reinterpret_cast<const QRgb*>(image_.constScanLine(y))[x];
        if (matches(pixel, colour_, tolerance)) {
            if (!inside) {
                runs.push_back({y, y});
                inside = true;
            } else {
                runs.back().bottom = y;
            }
        } else {
            inside = false;
        }
    }
    return runs;
}

int Tracer::line_width() const {
    std::map<int, int> heights;
    for (const auto& column : columns_) {
        for (const Run& run : column) {
            ++heights[run.height()];
        }
    }
    int width = 1;
    int most = 0;
    for (const auto& [height, count] : heights) {
        if (count > most) {
            most = count;
            width = height;
        }
    }
    return width;
}

bool Tracer::other_ink(int x, double y) const {
    const int row = static_cast<int>(std::floor(y));
    if (!image_.rect().contains(x, row)) {
        return false;
    }
    const QRgb pixel = image_.pixel(x, row);
    return !is_background(pixel) && !matches(pixel, colour_, options_.colour_tolerance) &&
           !is_paper_blend(pixel, colour_, options_.colour_tolerance);
}

// Where the first level starts: followed back under another colour painted
// over it; time 0 when that is within 2 px of it.
double Tracer::start_time(int first_column, double level) const {
    int x = first_column;
    while (x - 1 >= area_.left() && other_ink(x - 1, level)) {
        --x;
    }
    const double zero = calibration_.pixel_x(0);
    if (x <= zero + 2 && x >= zero - 2) {
        return 0;
    }
    return time(x);
}

// Column i's runs, those a crossing line of another colour cuts apart
// (a gap of at most the line's width and 2 px, all of other ink) joined.
std::vector<Run> Tracer::bridged_runs(int i, int line) const {
    std::vector<Run> joined;
    const int x = area_.left() + i;
    for (const Run& run : columns_[static_cast<std::size_t>(i)]) {
        if (!joined.empty() && run.top - joined.back().bottom - 1 <= line + 2) {
            bool covered = true;
            for (int y = joined.back().bottom + 1; y < run.top && covered; ++y) {
                covered = other_ink(x, y + 0.5);
            }
            if (covered) {
                joined.back().bottom = run.bottom;
                continue;
            }
        }
        joined.push_back(run);
    }
    return joined;
}

// The drops from level `from` (last seen in column last_from) to `to`
// (first seen in first_to), in data units as (time, level after). The
// stroke's edge nearer the old level steps down half a line width after
// each drop's time, its far edge half a width before: where both edges
// show the same number of steps, each drop is the middle of its pair, so
// drops closer together than the confirmation still come apart. Otherwise
// (an edge hidden under a tick or another curve): one drop, midway.
std::vector<CurvePoint> Tracer::drops_between(double from, double to, int last_from, int first_to,
                                              int line) const {
    // One drop: where its vertical stroke is, the columns whose run spans
    // both levels and no further (partly covered columns at its edges fall
    // out on both sides alike); of several such groups the one nearest the
    // line's width. No stroke (painted over,
    // or a drop shorter than the line is thick): midway between the last
    // column of the old level and the first of the new, where the corners'
    // anti-aliasing can tilt it by a pixel.
    double midway = area_.left() + (last_from + 1 + first_to) / 2.0;
    const int thin_limit = line + std::max(2, line / 2);
    const double upper = std::min(from, to);
    const double lower = std::max(from, to);
    // The groups of columns whose run spans both levels, `strict`: and
    // reaches no further than the line's edges (a tick crossing a level
    // reaches past them; but a tick drawn on the stroke itself does too).
    const auto stroke_at = [&](bool strict) -> std::optional<double> {
        std::optional<std::pair<int, int>> best;
        const auto misfit = [line](const std::pair<int, int>& g) {
            return std::abs(g.second - g.first + 1 - line);
        };
        int group_start = -1;
        const int first = std::max(0, last_from - line - 2);
        const int last = std::min(area_.width() - 1, first_to + line + 2);
        for (int i = first; i <= last + 1; ++i) {
            bool spans = false;
            if (i <= last) {
                for (const Run& run : bridged_runs(i, line)) {
                    const bool both = run.height() > thin_limit && run.top <= upper + 0.5 &&
                                      run.bottom + 1 >= lower - 0.5;
                    const bool within = run.top >= upper - line / 2.0 - 1.5 &&
                                        run.bottom + 1 <= lower + line / 2.0 + 1.5;
                    spans = spans || (both && (within || !strict));
                }
            }
            if (spans && group_start < 0) {
                group_start = i;
            } else if (!spans && group_start >= 0) {
                const std::pair<int, int> group{group_start, i - 1};
                if (!best || misfit(group) < misfit(*best)) {
                    best = group;
                }
                group_start = -1;
            }
        }
        if (!best || misfit(*best) > 1) {
            return std::nullopt;
        }
        return area_.left() + (best->first + best->second + 1) / 2.0;
    };
    if (const auto stroke = stroke_at(true)) {
        midway = *stroke;
    } else if (const auto loose = stroke_at(false)) {
        midway = *loose;
    }
    const std::vector<CurvePoint> one{{time(midway), survival(to)}};
    const double sign = to > from ? 1 : -1; // pixel rows run from the old level to the new
    const double half = line / 2.0;
    const double low = std::min(from, to) - half - 1;
    const double high = std::max(from, to) + half + 1;
    struct Step {
        int x;
        double level;
    };
    std::vector<Step> near_steps;
    std::vector<Step> far_steps;
    std::optional<double> near_before;
    std::optional<double> far_before;
    for (int i = last_from; i <= first_to; ++i) {
        const Run* stroke = nullptr;
        double most = 0;
        for (const Run& run : columns_[static_cast<std::size_t>(i)]) {
            const double overlap =
                std::min<double>(run.bottom + 1, high) - std::max<double>(run.top, low);
            if (overlap > most) {
                most = overlap;
                stroke = &run;
            }
        }
        if (!stroke) {
            continue;
        }
        const double near = sign > 0 ? stroke->top : stroke->bottom + 1;
        const double far = sign > 0 ? stroke->bottom + 1 : stroke->top;
        if (sign * (near - (from - sign * half)) >= -1.5) { // not a tick reaching above
            if (near_before && sign * (near - *near_before) >= 1) {
                near_steps.push_back({i, near + sign * half});
            }
            near_before = near;
        }
        if (sign * ((to + sign * half) - far) >= -1.5) { // not a tick reaching below
            if (far_before && sign * (far - *far_before) >= 1) {
                far_steps.push_back({i, far - sign * half});
            }
            far_before = far;
        }
    }
    // A corner is not square (a bevel, or the notch between two strokes
    // with flat caps, as Qt Charts draws them): an edge steps more than once
    // around one drop, within half a line. Such steps are one: the near
    // edge's last (half a width after the drop), the far edge's first (half
    // a width before), each with the level reached at the last.
    const int close = line / 2 + 1;
    const auto cluster = [close](const std::vector<Step>& steps, bool keep_last) {
        std::vector<Step> clustered;
        for (std::size_t k = 0; k < steps.size(); ++k) {
            if (!clustered.empty() && steps[k].x - steps[k - 1].x <= close) {
                if (keep_last) {
                    clustered.back().x = steps[k].x;
                }
                clustered.back().level = steps[k].level;
            } else {
                clustered.push_back(steps[k]);
            }
        }
        return clustered;
    };
    near_steps = cluster(near_steps, true);
    far_steps = cluster(far_steps, false);
    if (near_steps.size() < 2 || near_steps.size() != far_steps.size()) {
        return one;
    }
    std::vector<CurvePoint> drops;
    double previous_time = -std::numeric_limits<double>::infinity();
    double previous_level = survival(from);
    for (std::size_t k = 0; k < near_steps.size(); ++k) {
        const double x = area_.left() + (near_steps[k].x + far_steps[k].x) / 2.0;
        const double y =
            k + 1 == near_steps.size() ? to : (near_steps[k].level + far_steps[k].level) / 2;
        const CurvePoint drop{time(x), survival(y)};
        if (drop.time <= previous_time || drop.survival >= previous_level ||
            drop.survival < survival(to)) {
            return one;
        }
        previous_time = drop.time;
        previous_level = drop.survival;
        drops.push_back(drop);
    }
    return drops;
}

TracedCurve Tracer::run() {
    const int width = area_.width();
    columns_.resize(static_cast<std::size_t>(width));
    bool any = false;
    for (int i = 0; i < width; ++i) {
        columns_[static_cast<std::size_t>(i)] = runs_in(area_.left() + i);
        any = any || !columns_[static_cast<std::size_t>(i)].empty();
    }
    if (!any) {
        return {{},
                QStringLiteral("no pixel of colour %1 (tolerance %2) in the plot area "
                               "(x %3–%4, y %5–%6)")
                    .arg(colour_name(colour_))
                    .arg(options_.colour_tolerance)
                    .arg(area_.left())
                    .arg(area_.right())
                    .arg(area_.top())
                    .arg(area_.bottom())};
    }
    const int line = line_width();
    const int thin_limit = line + std::max(2, line / 2);
    // The curve's own line is as thick as the line, give or take a pixel of
    // anti-aliasing; a censor '+' is usually drawn thinner, and its bar
    // lying along the curve past a drop must not hold the old level there.
    const int thinnest = std::max(1, line - 1);
    const int confirmation = std::max(minimum_confirmation, (line + 1) / 2);
    // A run with another colour right above or below it was partly painted
    // over: its centre is not the line's. It may continue the level it fits
    // in, never start one.
    const auto is_clipped = [&](int x, const Run& run) {
        return other_ink(x, run.top - 0.5) || other_ink(x, run.bottom + 1.5);
    };
    const auto thin_runs = [&](int i) {
        std::vector<double> centres;
        for (const Run& run : columns_[static_cast<std::size_t>(i)]) {
            if (run.height() >= thinnest && run.height() <= thin_limit &&
                !is_clipped(area_.left() + i, run)) {
                centres.push_back(run.centre());
            }
        }
        return centres;
    };
    const auto clipped_within = [&](int i, double at) {
        const auto& runs = columns_[static_cast<std::size_t>(i)];
        return std::any_of(runs.begin(), runs.end(), [&](const Run& run) {
            return run.height() <= thin_limit && is_clipped(area_.left() + i, run) &&
                   run.top >= at - line / 2.0 - 1 && run.bottom + 1 <= at + line / 2.0 + 1;
        });
    };

    int first = 0;
    if (options_.start) {
        first = options_.start->x() - area_.left();
    }
    // The first column with a thin run, and its level.
    double level = 0;
    int column = first;
    for (; column < width; ++column) {
        const std::vector<double> thin = thin_runs(column);
        if (thin.empty()) {
            continue;
        }
        if (options_.start) {
            const double wanted = options_.start->y() + 0.5;
            level = *std::min_element(thin.begin(), thin.end(), [&](double a, double b) {
                return std::abs(a - wanted) < std::abs(b - wanted);
            });
        } else {
            level = *std::max_element(thin.begin(), thin.end(), [&](double a, double b) {
                return survival(a) < survival(b);
            });
        }
        break;
    }
    if (column >= width) {
        return {{},
                QStringLiteral("no horizontal stretch of colour %1 in the plot area: is it the "
                               "curve's colour?")
                    .arg(colour_name(colour_))};
    }

    std::vector<CurvePoint> levels;
    // Its first visible piece may be its drop from under a line painted over
    // it: a run ending at this level that starts well above it.
    {
        int entry_first = -1;
        int entry_last = -1;
        int entry_top = 0;
        for (int i = column - 1; i >= std::max(0, column - 2 * line - 2); --i) {
            for (const Run& run : columns_[static_cast<std::size_t>(i)]) {
                const bool ends_here = std::abs(run.bottom + 1 - (level + line / 2.0)) <= 1.5;
                if (ends_here && run.top < level - line) {
                    entry_first = i;
                    entry_last = entry_last < 0 ? i : entry_last;
                    entry_top = run.top;
                }
            }
        }
        if (entry_first >= 0) {
            const int x = area_.left() + entry_first;
            const bool covered = other_ink(x, entry_top - 0.5);
            const double before = covered ? entry_top - line / 2.0 : entry_top + line / 2.0;
            levels.push_back({start_time(entry_first + area_.left(), before), survival(before)});
            levels.push_back(
                {time(area_.left() + (entry_first + entry_last + 1) / 2.0), survival(level)});
        } else {
            levels.push_back({start_time(area_.left() + column, level), survival(level)});
        }
    }

    struct Pending {
        double level = 0;
        int first = 0;
        int last = 0;
        int count = 0; // 0: no lower level pending
    };
    // A plain value, not an optional: GCC 12 at -O3 takes the optional's
    // members for uninitialised (-Wmaybe-uninitialized).
    Pending pending;
    // The short steps of a staircase passed on the way to the pending level:
    // each seen in at least 2 columns (or `confirmation` of runs another
    // colour touches) and each lower than the one before, kept until a
    // level below them is confirmed, which confirms them too. Between drops
    // closer together than the confirmation, a step's flat is only 2 or 3
    // columns wide (the strokes on both sides take the rest).
    std::vector<Pending> steps;
    // Runs another colour touches, near below the level, per column: a
    // median or reference line drawn over a flat stretch of the curve. Seen
    // in more columns than a drop's stroke is wide, so that a stroke partly
    // under another curve is not taken for a flat.
    Pending touched;
    const int touched_columns = std::max(confirmation, line + 2);
    const auto keep_step = [&](const Pending& step, int needed) {
        if (step.count < needed) {
            return;
        }
        while (!steps.empty() && steps.back().level >= step.level - same_level) {
            steps.pop_back(); // not lower than this one: it was not a step
        }
        steps.push_back(step);
    };
    int last_at_level = column;
    // The kept steps above `to` (pixel rows), each as a level of its own.
    const auto take_steps = [&](double to) {
        for (const Pending& step : steps) {
            if (step.level > level + same_level && step.level < to - same_level) {
                const auto drops =
                    drops_between(level, step.level, last_at_level, step.first, line);
                levels.insert(levels.end(), drops.begin(), drops.end());
                level = step.level;
                last_at_level = step.last;
            }
        }
    };
    const auto take = [&](const Pending& to) {
        take_steps(to.level);
        const auto drops = drops_between(level, to.level, last_at_level, to.first, line);
        levels.insert(levels.end(), drops.begin(), drops.end());
        level = to.level;
        last_at_level = to.last;
        steps.clear();
        touched = Pending{};
        pending = Pending{};
    };
    for (int i = column + 1; i < width; ++i) {
        const std::vector<double> thin = thin_runs(i);
        const bool continues =
            std::any_of(thin.begin(), thin.end(),
                        [&](double centre) { return std::abs(centre - level) <= same_level; }) ||
            clipped_within(i, level);
        if (continues) {
            last_at_level = i;
            pending = Pending{};
            steps.clear();
            touched = Pending{};
            continue;
        }
        if (thin.empty()) {
            // A flat stretch another colour touches, below the level: it may
            // continue the pending level, or be a step of its own.
            bool taken = false;
            for (const Run& run : columns_[static_cast<std::size_t>(i)]) {
                const double centre = run.centre();
                // Whole (the line's full width shows): touched, not covered.
                if (run.height() < line || run.height() > thin_limit ||
                    survival(centre) >= survival(level)) {
                    continue;
                }
                if (pending.count > 0 && std::abs(centre - pending.level) <= same_level) {
                    pending.last = i;
                    taken = ++pending.count >= confirmation;
                    break;
                }
                if (touched.count > 0 && std::abs(centre - touched.level) <= same_level) {
                    touched.last = i;
                    ++touched.count;
                } else {
                    keep_step(touched, touched_columns);
                    touched = Pending{centre, i, i, 1};
                }
                break;
            }
            if (taken) {
                take(pending);
            }
            continue; // bridged: a tick, a gap, another curve painted over this one
        }
        // The nearest level below.
        std::optional<double> below;
        for (const double centre : thin) {
            if (survival(centre) < survival(level) &&
                (!below || std::abs(centre - level) < std::abs(*below - level))) {
                below = centre;
            }
        }
        if (!below) {
            continue;
        }
        if (pending.count > 0 && std::abs(*below - pending.level) <= same_level) {
            pending.last = i;
            ++pending.count;
        } else {
            // A touched flat at this level is the start of its pending level.
            const bool joins = touched.count > 0 && std::abs(touched.level - *below) <= same_level;
            // What was seen above it: steps, the higher first.
            std::vector<std::pair<Pending, int>> seen; // with the columns each needs
            if (touched.count > 0 && touched.level < *below - same_level) {
                seen.emplace_back(touched, touched_columns);
            }
            if (pending.count > 0 && pending.level < *below) {
                seen.emplace_back(pending, 2);
            }
            std::sort(seen.begin(), seen.end(),
                      [](const auto& a, const auto& b) { return a.first.level < b.first.level; });
            for (const auto& [step, needed] : seen) {
                keep_step(step, needed);
            }
            while (!steps.empty() && steps.back().level >= *below - same_level) {
                steps.pop_back();
            }
            pending = joins ? Pending{*below, touched.first, i, touched.count + 1}
                            : Pending{*below, i, i, 1};
            touched = Pending{};
        }
        if (pending.count >= confirmation) {
            take(pending);
        }
    }
    // A short last step: nothing at the old level after it.
    if (pending.count > 0) {
        take_steps(pending.level);
        const double drop = area_.left() + (last_at_level + 1 + pending.first) / 2.0;
        levels.push_back({time(drop), survival(pending.level)});
        level = pending.level;
        last_at_level = pending.last;
    }
    double end = area_.left() + last_at_level + 1;
    // A final drop with no level after it: a run hanging from the level
    // (not reaching above it, as a tick does) and reaching well below.
    {
        int drop_first = -1;
        int drop_last = -1;
        int drop_bottom = 0;
        for (int i = last_at_level + 1; i < std::min(width, last_at_level + 2 * line + 3); ++i) {
            for (const Run& run : columns_[static_cast<std::size_t>(i)]) {
                const bool hangs = run.top >= level - line / 2.0 - 1.5 && run.top <= level;
                if (hangs && run.bottom + 1 > level + line / 2.0 + line) {
                    drop_first = drop_first < 0 ? i : drop_first;
                    drop_last = i;
                    drop_bottom = std::max(drop_bottom, run.bottom + 1);
                }
            }
        }
        if (drop_first >= 0) {
            const double x = area_.left() + (drop_first + drop_last + 1) / 2.0;
            levels.push_back({time(x), survival(drop_bottom - line / 2.0)});
            end = x;
        }
    }
    return {step_corners(levels, time(end)), {}};
}

} // namespace

namespace {

QImage read_image(QImageReader& reader, const QString& source, QString* error) {
    const auto fail = [&](const QString& message) {
        if (error) {
            *error = QStringLiteral("%1: %2").arg(source, message);
        }
        return QImage();
    };
    const QSize size = reader.size(); // from the header, before any decoding
    if (size.isValid() &&
        static_cast<double>(size.width()) * size.height() > largest_image_pixels) {
        return fail(QStringLiteral("the image is %1 × %2 pixels, more than 100 million")
                        .arg(size.width())
                        .arg(size.height()));
    }
    QImage image;
    if (!reader.read(&image) || image.isNull()) {
        return fail(reader.errorString());
    }
    return image;
}

} // namespace

QImage read_figure_image(const QString& path, QString* error) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    return read_image(reader, path, error);
}

QImage read_figure_image(const QByteArray& bytes, const QString& source, QString* error) {
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    return read_image(reader, source, error);
}

QString colour_name(QRgb colour) {
    return QColor(colour).name(QColor::HexRgb);
}

TracedCurve trace_curve_by_colour(const QImage& image, QRgb colour,
                                  const AxisCalibration& calibration, const TraceOptions& options) {
    if (image.isNull() || image.width() <= 0 || image.height() <= 0) {
        return {{}, QStringLiteral("the image is empty (not read, or of no pixels)")};
    }
    if (static_cast<double>(image.width()) * image.height() > largest_image_pixels) {
        return {{},
                QStringLiteral("the image is %1 × %2 pixels, more than 100 million")
                    .arg(image.width())
                    .arg(image.height())};
    }
    if (!calibration.calibrated()) {
        return {{}, uncalibrated_message()};
    }
    if (options.colour_tolerance < 0 || options.colour_tolerance > 255) {
        return {
            {},
            QStringLiteral("colour tolerance %1 is outside 0–255").arg(options.colour_tolerance)};
    }
    const QRect area = options.plot_area ? options.plot_area->intersected(image.rect())
                                         : automatic_area(image, calibration);
    if (area.isEmpty()) {
        return {{}, QStringLiteral("the plot area lies outside the image")};
    }
    if (options.start && !area.contains(*options.start)) {
        return {{},
                QStringLiteral("the start (%1, %2) is outside the plot area")
                    .arg(options.start->x())
                    .arg(options.start->y())};
    }
    const QImage pixels = opaque(image);
    Tracer tracer(pixels, colour, calibration, options, area);
    return tracer.run();
}

PickedColour pick_curve_colour(const QImage& image, QPoint clicked, int radius) {
    if (image.isNull() || !image.rect().contains(clicked)) {
        return {0, QStringLiteral("the click (%1, %2) is outside the image")
                       .arg(clicked.x())
                       .arg(clicked.y())};
    }
    const QImage pixels = opaque(image);
    const QRect window = QRect(clicked - QPoint(radius, radius), clicked + QPoint(radius, radius))
                             .intersected(pixels.rect());
    std::map<QRgb, int> exact;
    std::map<int, int> buckets; // 4 bits a channel: a line's core and its near shades
    for (int y = window.top(); y <= window.bottom(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(pixels.constScanLine(y));
        for (int x = window.left(); x <= window.right(); ++x) {
            const QRgb pixel = line[x] | 0xff000000u;
            const int spread = std::max({qRed(pixel), qGreen(pixel), qBlue(pixel)}) -
                               std::min({qRed(pixel), qGreen(pixel), qBlue(pixel)});
            if (spread < 40) {
                continue; // white, black or gray: paper, text, axes, grid
            }
            ++exact[pixel];
            ++buckets[(qRed(pixel) >> 4) << 8 | (qGreen(pixel) >> 4) << 4 | (qBlue(pixel) >> 4)];
        }
    }
    if (buckets.empty()) {
        return {0, QStringLiteral("no coloured pixel within %1 px of (%2, %3): click on the curve "
                                  "itself")
                       .arg(radius)
                       .arg(clicked.x())
                       .arg(clicked.y())};
    }
    const auto bucket = std::max_element(buckets.begin(), buckets.end(), [](auto a, auto b) {
                            return a.second < b.second;
                        })->first;
    QRgb best = 0;
    int most = 0;
    for (const auto& [pixel, count] : exact) {
        const int key = (qRed(pixel) >> 4) << 8 | (qGreen(pixel) >> 4) << 4 | (qBlue(pixel) >> 4);
        if (key == bucket && count > most) {
            most = count;
            best = pixel;
        }
    }
    return {best, {}};
}

} // namespace triallens::ui
