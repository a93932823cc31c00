#pragma once
// One arm's curve from a published figure's file, whatever its kind: an SVG
// is read exactly from its vector paths (svg_curves.h), anything else (PNG,
// JPEG, what Qt reads) is traced by colour (curve_trace.h). The calibration
// is in the file's own units: the SVG's user units, the image's pixels.
// The command line's `reconstruct --image` and the digitiser both read a
// figure through here.

#include "digitise/axis_calibration.h"
#include "digitise/traced_curve.h"

#include <QRgb>
#include <QString>

namespace triallens::ui {

// Whether `path` names an SVG, by its suffix (.svg).
bool is_svg_figure(const QString& path);

// The curve of `colour`, or an error naming the file (a file that cannot be
// read, no curve of that colour, an uncalibrated figure).
TracedCurve figure_curve(const QString& path, QRgb colour, const AxisCalibration& calibration);

} // namespace triallens::ui
