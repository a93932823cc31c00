#pragma once
// What the waterfall, spider and swimmer figures share around their plots,
// laid out as the Kaplan–Meier figure lays out its own (km_figure_layout.h):
// the base font of the figure options (km_figure_font), a bold title a
// little larger with the "SYNTHETIC demo data" label beside it, a legend of
// entries that flow left to right and wrap (an entry's text wraps at its
// spaces, never cut), an optional note under it, and the rest — the body —
// for the plot and its axes. Plus the axes themselves: round ticks on a
// numeric axis, drawn with their labels and a title that wraps. A pure
// layout of the rectangle; painting draws exactly it.

#include "document/km_figure_options.h"

#include <triallens/analysis/results.h>

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

// A legend entry's sample: a filled box (bars), a line (spider lines,
// swimmer lanes), a swimmer marker, a dot (the AE dot plot), or none (words
// alone).
enum class LegendMark { None, Box, Line, Triangle, Diamond, Cross, Arrow, Dot };

struct FigureLegendItem {
    QString text;
    QColor colour;
    LegendMark mark = LegendMark::Box;
    QRectF swatch;         // set by the layout
    QRectF text_rect;      // set by the layout: the text wrapped to its width
    bool new_line = false; // starts a line of its own
};

struct TumourFigureFrame {
    QRectF figure;
    double em = 12;   // the base font's pixel size: the unit of every gap
    QFont font;       // axes, legend, notes
    QFont title_font; // bold, 1.2 em
    QString title;
    QRectF title_rect;
    QString caveat_label; // data_caveat.h, wrapped in caveat_rect; "" for a trial's own data
    QRectF caveat_rect;
    std::vector<FigureLegendItem> legend;
    QString note;
    QRectF note_rect;
    QRectF body; // below all of that, for the plot and its axes
};

TumourFigureFrame layout_tumour_figure_frame(const QRectF& rect, const Results& results,
                                             const KmFigureOptions& options, const QString& title,
                                             std::vector<FigureLegendItem> legend,
                                             const QString& note);

// White background, title, synthetic label, legend and note.
void paint_tumour_figure_frame(QPainter& painter, const TumourFigureFrame& frame, Palette palette);

// What a figure says instead of drawing (tumour_figure_needs.h): `text`
// wrapped on white in the figure's base font.
void paint_figure_words(QPainter& painter, const QRectF& rect, const KmFigureOptions& options,
                        const QString& text);

// How every tumour figure starts: antialiased, and either the words it says
// instead of drawing (`missing` set: then false, and nothing more is to be
// drawn) or its frame (true). The painter's state is the caller's to save.
bool begin_tumour_figure(QPainter& painter, const QRectF& rect, const KmFigureOptions& options,
                         const QString& missing, const TumourFigureFrame& frame);

// A legend mark (or a swimmer marker) centred in `box`.
void paint_legend_mark(QPainter& painter, LegendMark mark, const QColor& colour, const QRectF& box);

// A linear axis from `lo` to `hi` (data units) onto [`from`, `to`] (pixels).
struct NumericAxis {
    double lo = 0;
    double hi = 1;
    double from = 0;
    double to = 1;
    std::vector<double> ticks;
    int decimals = 0;

    double map(double value) const { return from + (value - lo) / (hi - lo) * (to - from); }
    double unmap(double pixel) const { return lo + (pixel - from) / (to - from) * (hi - lo); }
};

// Ticks on a 1-2-5 step from `lo` to `hi` with at most `max_ticks` of
// them, and the decimals the step needs.
NumericAxis numeric_axis(double lo, double hi, int max_ticks);

// The same, the axis ending at the first tick at or past `hi`.
NumericAxis numeric_axis_to_tick(double lo, double hi, int max_ticks);

// A tick's label: the value at the axis's decimals, U+2212 for negatives.
QString tick_label(double value, int decimals);

// The widest tick label of `axis` in `font`.
double widest_tick_label(const NumericAxis& axis, const QFont& font);

// The y axis at `plot`'s left: ticks and labels outside, the title rotated,
// wrapped to the plot's height, left of the labels (at `title_left`).
void paint_y_axis(QPainter& painter, const QRectF& plot, const NumericAxis& axis, const QFont& font,
                  const QString& title, double title_left);

// The y axis's title alone, rotated, wrapped to the plot's height, its
// first line's top at `title_left`.
void paint_y_title(QPainter& painter, const QRectF& plot, const QFont& font, const QString& title,
                   double title_left);

// The x axis under `plot`: ticks, labels, the title under them, centred.
void paint_x_axis(QPainter& painter, const QRectF& plot, const NumericAxis& axis, const QFont& font,
                  const QString& title);

// The height the x axis takes under the plot: labels and the wrapped title.
double x_axis_height(const QFont& font, const QString& title, double width);

// The width the y axis's title takes, wrapped to `height`.
double y_title_width(const QFont& font, const QString& title, double height);

// A dashed horizontal reference line across `plot` at `y`.
void paint_reference_line(QPainter& painter, const QRectF& plot, double y);

// Fills `bars` with `colours`, each snapped to whole device pixels and at
// least one pixel wide and high, without antialiasing: touching bars stay
// touching and none vanishes however many share a pixel.
void paint_snapped_bars(QPainter& painter, const std::vector<QRectF>& bars,
                        const std::vector<QColor>& colours);

// "Time (months)" for the tumour response's unit ("days" when unstated).
QString tumour_time_title(const Results& results, const QString& what);

} // namespace triallens::ui
