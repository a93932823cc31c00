#pragma once
// Reading a Kaplan–Meier curve off a raster figure (PNG, JPEG) by its
// colour, as a digitiser does when the user clicks the curve: the step
// corners in data units (traced_curve.h), for the reconstruction of
// patient data (Guyot et al. 2012, BMC Med Res Methodol 12:9).
//
// How a curve is read, column by column across the plot area:
//  - the pixels within `colour_tolerance` of the colour (the largest
//    difference in R, G or B) form vertical runs in each column; the line's
//    width is the commonest run height. A "thin" run (the width less 1 px
//    to the width and a half plus 2 px) is a piece of a horizontal line;
//    taller runs are the vertical drops and censor ticks ('+' or '|'), and
//    thinner ones (a '+' drawn with a finer pen, lying along the curve)
//    say nothing about the level. A run with another colour right above or
//    below it was partly painted over: it may continue a level, never start one;
//  - the level is carried from column to column; a thin run at the level
//    (within 0.75 px) continues it. A lower level is taken only when thin
//    runs there follow in at least 3 columns (half the line width when
//    that is more) with none at the old level between: so a censor tick, a
//    dashed median line and the ragged edges of a compressed image do not
//    make drops. A level above the current one is never taken (S does not
//    rise);
//  - a staircase, drops closer together than the confirmation, leaves each
//    step's flat only 2 or 3 columns between its strokes: a lower level seen
//    in 2 columns on the way to one that is confirmed is a step too, as is
//    a flat another colour touches (a median or reference line drawn along
//    it) whose whole line width shows in more columns than a stroke is wide.
//    Each step must lie below the one before;
//  - columns with no thin run (the other curve painted over this one where
//    they overlap, a tick, a gap) keep the level: the gap is bridged;
//  - a drop's time is the middle of its vertical stroke: the columns whose
//    run spans both levels (a crossing line of another colour bridged),
//    a group about as wide as the line. Several drops taken at once (closer
//    together than the confirmation) come apart by the stroke's two edges:
//    the one nearer the old level steps half a width after each drop, the
//    far one half a width before. Failing both (the stroke painted over):
//    midway between the last column of the old level and the first of the
//    new. Drops that still cannot be told apart (nearer than about the line
//    width plus 3 px) are read as one, at their middle;
//  - the start: the first column with a thin run (from `start` when given,
//    the run nearest it; else the highest). A curve hidden at its start
//    under another painted over it is followed back along that other
//    colour's line, and one whose first visible piece is its drop from
//    under that line starts at the covering line's level. A start within
//    2 px of time 0 is time 0 (every KM curve starts there). The end: the
//    last column of the last level (a censor mark at the end lengthens it
//    by half the mark), or the bottom of a final drop.
// Levels are the centres of the thin runs; a pixel is (column + 0.5,
// row + 0.5) in the calibration's coordinates.
//
// The plot area, when not given, is from time 0 (or the image's left edge)
// to the image's right edge, and from survival 1 to 0 with a margin of
// 3 px and 1 % of the axis: the legend above and the number-at-risk table
// below, often in the curves' colours, stay out. The axis lines are inside
// it: a curve drawn in the axes' own colour (black) needs the plot area
// given, inside them. Dashed curves are untested: their gaps are bridged,
// and a drop falling in a gap is put midway across it.
//
// Errors (one message; no points): an empty image or one of more than
// 100 million pixels, an uncalibrated figure, a plot area outside the
// image, no pixel of the colour in the plot area, a start outside it.

#include "digitise/axis_calibration.h"
#include "digitise/traced_curve.h"

#include <QImage>
#include <QPoint>
#include <QRect>
#include <QRgb>
#include <QString>

#include <optional>

namespace triallens::ui {

struct TraceOptions {
    int colour_tolerance = 48;      // 0–255, per channel
    std::optional<QRect> plot_area; // pixels; nullopt: from the calibration
    std::optional<QPoint> start;    // a pixel on (or next to) the curve to begin at
};

TracedCurve trace_curve_by_colour(const QImage& image, QRgb colour,
                                  const AxisCalibration& calibration,
                                  const TraceOptions& options = {});

// The colour the user means by clicking a curve at `clicked`: the commonest
// colour among the non-gray pixels (not white, black or gray: a channel
// spread of at least 40) within `radius` px — a line's core is its exact
// colour, its anti-aliased edges are many lighter ones. Error: a click
// outside the image, or no coloured pixel near it.
struct PickedColour {
    QRgb colour = 0;
    QString error;
    bool ok() const { return error.isEmpty(); }
};
PickedColour pick_curve_colour(const QImage& image, QPoint clicked, int radius = 6);

// A figure's image from a file (PNG, JPEG, anything Qt reads), bounded
// before it is decoded: at most 100 million pixels. A null image and
// `error` ("fig.png: Unable to read image data") when it cannot be read
// whole: a missing, truncated or corrupt file.
QImage read_figure_image(const QString& path, QString* error);
QImage read_figure_image(const QByteArray& bytes, const QString& source, QString* error);

// A colour for messages: "#1f77b4".
QString colour_name(QRgb colour);

} // namespace triallens::ui
