#include "views/km_figure_marks.h"

#include "views/km_chart.h"

#include <algorithm>
#include <cmath>

namespace triallens::ui {

QPointF km_figure_point(const KmFigureLayout& layout, const KmFigureOptions& options, double time,
                        double survival) {
    const QRectF& plot = layout.plot_area;
    const double y_top = options.percent ? 100.0 : 1.0; // the y axis's range is 0..1 (or 100)
    return {plot.left() + time / layout.time_maximum * plot.width(),
            plot.bottom() - km_y_value(options, survival) / y_top * plot.height()};
}

std::optional<KmFigureMark> km_mark_at(const KmFigureLayout& layout, const Results& results,
                                       const KmFigureOptions& options, QPointF position,
                                       double tolerance) {
    std::optional<KmFigureMark> nearest;
    double best = tolerance;
    const std::vector<ArmSurvival>& curves = figure_curves(results);
    for (std::size_t c = 0; c < curves.size(); ++c) {
        const SurvivalCurve& curve = curves[c].km.curve;
        double previous = 1;
        for (std::size_t i = 0; i < curve.size(); ++i) {
            if (curve.time[i] > layout.time_maximum) {
                break;
            }
            if (curve.n_event[i] > 0) {
                // Distance to the vertical segment of the step.
                const QPointF from = km_figure_point(layout, options, curve.time[i], previous);
                const QPointF to = km_figure_point(layout, options, curve.time[i], curve.surv[i]);
                const double low = std::min(from.y(), to.y());
                const double high = std::max(from.y(), to.y());
                const double dy = std::max({low - position.y(), position.y() - high, 0.0});
                const double distance = std::hypot(position.x() - from.x(), dy);
                if (distance <= best) {
                    best = distance;
                    nearest = KmFigureMark{c, curve.time[i], true};
                }
                previous = curve.surv[i];
            }
            if (curve.n_censor[i] > 0 && options.censor_marks) {
                const QPointF mark = km_figure_point(layout, options, curve.time[i], curve.surv[i]);
                const double distance =
                    std::hypot(position.x() - mark.x(), position.y() - mark.y());
                if (distance <= best) {
                    best = distance;
                    nearest = KmFigureMark{c, curve.time[i], false};
                }
            }
        }
    }
    return nearest;
}

} // namespace triallens::ui
