#pragma once
// One arm's curve from a published figure's file, whatever its kind: an SVG
// is read exactly from its vector paths (svg_curves.h); a PDF's page is
// converted to SVG (pdf_figure.h) and read the same way; anything else
// (PNG, JPEG, what Qt reads) is traced by colour (curve_trace.h). The
// calibration is in the file's own units: the SVG's user units, the image's
// pixels, and for a PDF the converted SVG's user units — PDF points with y
// downward from the top edge of the page (a 10 × 6 in page is 720 × 432,
// its top-left corner (0, 0)), not PDF's own bottom-up y.
// The command line's `reconstruct --image` and the digitiser both read a
// figure through here.

#include "digitise/axis_calibration.h"
#include "digitise/traced_curve.h"

#include <QRgb>
#include <QString>

namespace triallens::ui {

// Whether `path` names an SVG, by its suffix (.svg); is_pdf_figure() is in
// pdf_figure.h.
bool is_svg_figure(const QString& path);

struct FigureReadOptions {
    int page = 1; // a PDF's page, from 1; other figures have one and ignore it
};

// The curve of `colour`, or an error naming the file (a file that cannot be
// read, a PDF page that cannot be converted, no curve of that colour, an
// uncalibrated figure). A PDF's first page without options.
TracedCurve figure_curve(const QString& path, QRgb colour, const AxisCalibration& calibration);
TracedCurve figure_curve(const QString& path, QRgb colour, const AxisCalibration& calibration,
                         const FigureReadOptions& options);

} // namespace triallens::ui
