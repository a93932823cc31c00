#pragma once
// The axes of a published Kaplan–Meier figure, from two clicks per axis: a
// pixel where the user clicked a tick and the value printed there. Both axes
// are linear (a KM figure's time axis is; a log-time axis is not read). The
// survival axis may be a proportion (0–1) or a percentage (0–100): the
// values clicked say which — any value above 1 means percent — and survival
// is always returned as 0–1.
//
// Pixels are continuous image coordinates, as a click gives them: pixel
// column i spans [i, i + 1), its centre is i + 0.5; y grows downward.
//
// What is refused (calibrate_axes returns nullopt and says why, for a person):
//  - a value that is not finite, or a survival value outside 0–100;
//  - the two clicks of an axis on one pixel (along that axis: less than one
//    pixel apart), or the two values of an axis equal;
//  - a time axis whose values grow leftward (the clicks were swapped or
//    mis-typed: no published KM figure runs time backward);
//  - a survival axis whose values grow downward on screen, unless the
//    caller says the figure is drawn that way (SurvivalAxis::MayGrowDownward):
//    a survival axis is drawn upward in every journal, so a downward one is
//    far likelier two swapped clicks than a figure drawn upside down, and
//    the user has to say so. Either way the two clicks must agree with each
//    other, which two clicks always do: the direction is read from them.
// A default-constructed calibration is uncalibrated: nothing can be traced
// with it (the tracers say so).

#include "digitise/traced_curve.h"

#include <QPointF>
#include <QString>

#include <optional>

namespace triallens::ui {

struct AxisClick {
    QPointF pixel;
    double value = 0; // as printed on the axis: a time, or survival in 0–1 or 0–100
};

enum class SurvivalAxis { GrowsUpward, MayGrowDownward };

class AxisCalibration {
public:
    AxisCalibration() = default; // uncalibrated

    bool calibrated() const { return calibrated_; }
    bool percent() const { return percent_; } // the survival axis was read in %

    double time_at(double pixel_x) const { return time_a_ + (pixel_x - x_a_) * time_per_pixel_; }
    double survival_at(double pixel_y) const {
        return survival_a_ + (pixel_y - y_a_) * survival_per_pixel_;
    }
    double pixel_x(double time) const { return x_a_ + (time - time_a_) / time_per_pixel_; }
    double pixel_y(double survival) const {
        return y_a_ + (survival - survival_a_) / survival_per_pixel_;
    }
    CurvePoint to_data(QPointF pixel) const { return {time_at(pixel.x()), survival_at(pixel.y())}; }
    QPointF to_pixel(const CurvePoint& point) const {
        return {pixel_x(point.time), pixel_y(point.survival)};
    }
    // Time and survival (0–1) per pixel: time's is positive; survival's is
    // negative on an upward axis.
    double time_per_pixel() const { return time_per_pixel_; }
    double survival_per_pixel() const { return survival_per_pixel_; }

private:
    friend std::optional<AxisCalibration> calibrate_axes(const AxisClick&, const AxisClick&,
                                                         const AxisClick&, const AxisClick&,
                                                         QString*, SurvivalAxis);
    bool calibrated_ = false;
    bool percent_ = false;
    double x_a_ = 0, time_a_ = 0, time_per_pixel_ = 1;
    double y_a_ = 0, survival_a_ = 0, survival_per_pixel_ = -1;
};

// The calibration from two clicks on the time axis and two on the survival
// axis (in any order), or nullopt with `error` saying what is wrong.
std::optional<AxisCalibration> calibrate_axes(const AxisClick& time_a, const AxisClick& time_b,
                                              const AxisClick& survival_a,
                                              const AxisClick& survival_b, QString* error,
                                              SurvivalAxis direction = SurvivalAxis::GrowsUpward);

// "the axes are not calibrated: click two known values on each axis first",
// the message every tracer gives for an uncalibrated figure.
QString uncalibrated_message();

} // namespace triallens::ui
