#include "digitise/axis_calibration.h"

#include <cmath>

namespace triallens::ui {

QString uncalibrated_message() {
    return QStringLiteral("the axes are not calibrated: click two known values on each axis first");
}

std::optional<AxisCalibration> calibrate_axes(const AxisClick& time_a, const AxisClick& time_b,
                                              const AxisClick& survival_a,
                                              const AxisClick& survival_b, QString* error,
                                              SurvivalAxis direction) {
    const auto fail = [error](const QString& message) -> std::optional<AxisCalibration> {
        if (error) {
            *error = message;
        }
        return std::nullopt;
    };
    const auto finite_click = [](const AxisClick& click) {
        return std::isfinite(click.value) && std::isfinite(click.pixel.x()) &&
               std::isfinite(click.pixel.y());
    };
    if (!finite_click(time_a) || !finite_click(time_b)) {
        return fail(QStringLiteral("time axis: a clicked value is not a finite number"));
    }
    if (!finite_click(survival_a) || !finite_click(survival_b)) {
        return fail(QStringLiteral("survival axis: a clicked value is not a finite number"));
    }
    if (std::abs(time_a.pixel.x() - time_b.pixel.x()) < 1) {
        return fail(QStringLiteral("time axis: the two clicks are on one pixel column (x %1); "
                                   "click two ticks far apart")
                        .arg(time_a.pixel.x()));
    }
    if (time_a.value == time_b.value) {
        return fail(QStringLiteral("time axis: both clicks have the value %1; give two different "
                                   "tick values")
                        .arg(time_a.value));
    }
    const double time_per_pixel =
        (time_b.value - time_a.value) / (time_b.pixel.x() - time_a.pixel.x());
    if (time_per_pixel < 0) {
        return fail(QStringLiteral("time axis: %1 is clicked left of %2, but time grows to the "
                                   "right; are the values swapped?")
                        .arg(std::max(time_a.value, time_b.value))
                        .arg(std::min(time_a.value, time_b.value)));
    }
    if (std::abs(survival_a.pixel.y() - survival_b.pixel.y()) < 1) {
        return fail(QStringLiteral("survival axis: the two clicks are on one pixel row (y %1); "
                                   "click two ticks far apart")
                        .arg(survival_a.pixel.y()));
    }
    if (survival_a.value == survival_b.value) {
        return fail(QStringLiteral("survival axis: both clicks have the value %1; give two "
                                   "different tick values")
                        .arg(survival_a.value));
    }
    const bool percent = survival_a.value > 1 || survival_b.value > 1;
    const double top = percent ? 100 : 1;
    for (const double value : {survival_a.value, survival_b.value}) {
        if (value < 0 || value > 100) {
            return fail(QStringLiteral("survival axis: %1 is outside 0–1 (or 0–100 %)").arg(value));
        }
    }
    const double scale = 1 / top;
    const double survival_per_pixel = (survival_b.value - survival_a.value) * scale /
                                      (survival_b.pixel.y() - survival_a.pixel.y());
    if (survival_per_pixel > 0 && direction == SurvivalAxis::GrowsUpward) {
        return fail(QStringLiteral("survival axis: %1 is clicked below %2, but survival grows "
                                   "upward; are the values swapped? (a figure drawn upside down "
                                   "can be read when you say so)")
                        .arg(std::max(survival_a.value, survival_b.value))
                        .arg(std::min(survival_a.value, survival_b.value)));
    }
    AxisCalibration calibration;
    calibration.calibrated_ = true;
    calibration.percent_ = percent;
    calibration.x_a_ = time_a.pixel.x();
    calibration.time_a_ = time_a.value;
    calibration.time_per_pixel_ = time_per_pixel;
    calibration.y_a_ = survival_a.pixel.y();
    calibration.survival_a_ = survival_a.value * scale;
    calibration.survival_per_pixel_ = survival_per_pixel;
    return calibration;
}

} // namespace triallens::ui
