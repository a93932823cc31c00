#pragma once
// Reading Kaplan–Meier curves from an SVG figure exactly, from its vector
// paths rather than by tracing pixels: every stroked <path>, <polyline>,
// <polygon> and <line>, grouped by stroke colour, its points in the SVG's
// user units (the root's viewBox units: each element's and its groups'
// `transform` applied — matrix, translate, scale, rotate, in lists).
// Paths: M, L, H, V and Z, absolute and relative; curves (C, S, Q, T) and
// arcs (A) are taken by their end points (a KM curve has none). The stroke
// is the element's own `stroke` attribute or `style="stroke:…"`, else its
// nearest group's; "none" (and no stroke at all) is not a curve. Only the
// geometry is read: clip paths, dashes, markers, text and images are not,
// nor <rect>, <circle> and <ellipse> (frames and symbols, never a curve),
// nor <use> references.
//
// Bounded whatever the file: at most 50 MB, 2 million elements, nesting 256
// deep, 10 million path points; past any of them, or on malformed XML, an
// error naming the line and column (and the file, given its name) and no
// curves.
//
// svg_curve_points() then reads one colour's curve in data units through an
// AxisCalibration made in the same user units (two ticks clicked per axis
// on the rendered SVG, mapped back to user units):
//  - only what lies in the plot area (time from 0, or the given area;
//    survival 0–1 with 1 % to spare) counts: the legend's line samples and
//    the number-at-risk table's, in the curves' colours, stay out;
//  - subpaths drawn one after another, each starting where the one before
//    ended, are one stroke (Qt Charts, and so our own export, draws a curve
//    as one two-point polyline per segment);
//  - a censor tick — a stroke of at most two segments spanning less than
//    1.5 % of the time axis and 10 % of survival ('|' or each bar of a
//    '+') — is dropped, as the tracer ignores short marks that do not
//    continue the curve;
//  - the horizontal segments give the levels: taken left to right by their
//    start, a level lower than the current one is a drop at its start
//    (where the step's vertical stroke is); a higher one is ignored (S does
//    not rise). A vertical segment that ends a stroke just after the last
//    level is a final drop to its bottom.

#include "digitise/axis_calibration.h"
#include "digitise/traced_curve.h"

#include <QByteArray>
#include <QPointF>
#include <QRectF>
#include <QRgb>
#include <QString>

#include <optional>
#include <vector>

namespace triallens::ui {

inline constexpr qint64 largest_svg_bytes = 50LL * 1024 * 1024;
inline constexpr int largest_svg_elements = 2'000'000;
inline constexpr int deepest_svg_nesting = 256;
inline constexpr std::size_t largest_svg_points = 10'000'000;

struct SvgStroke {
    QRgb colour = 0;
    // One polyline per subpath (a path's M starts a new one), user units.
    std::vector<std::vector<QPointF>> subpaths;
};

struct SvgCurves {
    std::vector<SvgStroke> strokes; // one per colour, in the order first drawn
    QRectF view_box;                // the root's viewBox (empty when it has none)
    QString error;
    bool ok() const { return error.isEmpty(); }
};

// `source` names the file in messages ("fig.svg: line 3, column 7: …").
SvgCurves read_svg_curves(const QByteArray& svg, const QString& source = QString());
SvgCurves read_svg_curves_file(const QString& path);

struct SvgCurveOptions {
    int colour_tolerance = 8; // strokes within this of the colour (per channel) are one curve
    // In the calibration's data units (time, survival 0–1); nullopt: time
    // from 0 on, survival 0–1 (with 1 % to spare).
    std::optional<QRectF> data_area;
};

TracedCurve svg_curve_points(const SvgCurves& curves, QRgb colour,
                             const AxisCalibration& calibration,
                             const SvgCurveOptions& options = {});

} // namespace triallens::ui
