#pragma once
// Print-ready figures: the Kaplan–Meier figure (with its number-at-risk table)
// or the forest plot at an exact physical size, as PNG (at a DPI), SVG or PDF
// (vector, text as text). One routine, paint_figure(), draws every format and
// the screen preview: the figure is laid out in logical pixels of 1/96 inch at
// the physical size (the unit the views' layouts use, fonts as points × 96/72)
// and the painter is scaled to the target, so a 12 pt font is 12 pt on paper
// in every format and the layout — line breaks, table columns under their
// ticks — is the same in all of them.
//
// Around the view's own drawing: an optional title above and an optional
// methods footnote (methods_footnote(), plus the data cut when the caller
// knows it) below, both in the figure's font.

#include "document/ae_figure_options.h"
#include "document/cif_arrangement.h"
#include "document/km_figure_options.h"
#include "document/tumour_figure_options.h"
#include "models/palette.h"

#include <triallens/analysis/results.h>
#include <triallens/data/study.h>

#include <QByteArray>
#include <QImage>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QPainter;
QT_END_NAMESPACE

namespace triallens::ui {

// TumourResponse: the waterfall, spider, swimmer or duration-of-response
// figure FigureExportOptions::tumour names (tumour_response_figure.h);
// Disposition: the CONSORT flow of patients (disposition_flow.h);
// AeDotPlot and AeVolcano: the Adverse events tab's figures (ae_dot_plot.h,
// ae_volcano_plot.h) with FigureExportOptions::ae.
enum class FigureKind {
    KaplanMeier,
    Forest,
    CumulativeIncidence,
    TumourResponse,
    Disposition,
    AeDotPlot,
    AeVolcano
};

struct FigureExportOptions {
    FigureKind kind = FigureKind::KaplanMeier;
    QSizeF size_points{720, 432}; // physical size in points (1/72 in): default 10in x 6in
    int dpi = 300;                // PNG only
    QString font_family;          // empty = the application font's family
    double font_size_pt = 12;     // base size in points at the physical size
    Palette palette = Palette::Default;
    QString title;                 // optional, drawn above the figure
    bool methods_footnote = false; // the automatic methods footnote under the figure
    // The data cut the footnote states (e.g. "data files of 2024-05-01"): not
    // in Results, so whoever loaded the files fills it; "" leaves it out.
    QString data_cut;
    // CI bands, median lines, at-risk rows, ...; its font and palette members
    // are ignored: the ones above apply to the whole figure.
    KmFigureOptions km;
    // The cumulative-incidence figure's panels (cif_figure.h); it takes the
    // km options too.
    CifArrangement cif_arrangement = CifArrangement::SideBySide;
    // Which tumour-response figure, and its choices; it takes the km options too.
    TumourFigureOptions tumour;
    // The AE dot plot's terms and scale, and the compared arm of both AE figures.
    AeFigureOptions ae;
    // A forest's page is as tall as its rows, title and footnote need at the
    // width asked for (figure_page_points); false keeps size_points' height,
    // the forest shrunk as a whole if it must.
    bool forest_height_follows_rows = true;

    bool operator==(const FigureExportOptions&) const = default;
};

// A named physical size with the base font size that reads well at it.
struct SizePreset {
    QString name; // the command line's --preset value, e.g. "slide-16x9"
    QSizeF size_points;
    QString label; // for menus: "16:9 slide (13.33 × 7.5 in)"
    double font_size_pt = 12;
};

// 16:9 slide 13.333 × 7.5 in (14 pt); half slide 6.667 × 5 in, half the
// 16:9 slide's width below a slide title (12 pt); 4:3 slide 10 × 7.5 in
// (14 pt); journal single column 3.5 × 4 in (7 pt) and double column 7 × 4.5 in
// (9 pt), the widths journals ask for, heights that keep the at-risk table.
std::vector<SizePreset> figure_size_presets();
std::optional<SizePreset> find_size_preset(const QString& name);

// The largest figure side: 200 in (508 cm, 14,400 pt), beyond any poster a
// figure is printed on; a larger one is a typo in a unit, and PDF viewers
// show such a page as empty.
inline constexpr double largest_figure_side_points = 14400;
// A PNG's pixels (size × dpi / 72): at most 20,000 a side and 100 million in
// all (400 MB while it is drawn).
inline constexpr double largest_png_side_pixels = 20000;
inline constexpr double largest_png_pixels = 100e6;

// Why a figure of `options`' size cannot be written (a side not positive or
// above largest_figure_side_points; for a PNG, too many pixels at its dpi),
// for a person: "width 300 in is more than 200 in (508 cm, 14400 pt)".
// nullopt when it can.
std::optional<QString> figure_size_problem(const FigureExportOptions& options, bool png);

// "10in", "25.4cm", "90mm", "720pt", "1600px" (px at 96 per inch) in points;
// spaces around the unit allowed, no unit or a length <= 0 -> nullopt.
std::optional<double> parse_length_points(const QString& text);

// Paints the figure into `target` (in the painter's logical units) as it would appear at
// options.size_points: fonts in points scaled to the target, so PNG, SVG, PDF and screen match.
// Needs a QApplication (the forest is a widget's drawing).
// The page a figure is drawn on: options.size_points, except for a forest
// whose height follows its rows (capped at largest_figure_side_points).
// The render and export functions below draw on this page.
QSizeF figure_page_points(const Results& results, const FigureExportOptions& options);

void paint_figure(QPainter& painter, const QRectF& target, const Results& results,
                  const FigureExportOptions& options);

// size_points * dpi / 72 pixels (rounded), DPI metadata set; a null image
// when figure_size_problem() finds one.
QImage render_figure_png_image(const Results& results, const FigureExportOptions& options);

// width/height in mm (the physical size), a viewBox in points, text as <text>.
QByteArray render_figure_svg(const Results& results, const FigureExportOptions& options);

// The footnote's data cut: "files of 2024-05-01", the newest modification
// date of the study's data files (a folder: of the files in it); "" for the
// embedded demo, which has none.
QString data_cut(const Study& study);

// The longest file name stem a batch writes, in bytes (the extension is
// added to it): short enough for any file system and path limit nearby.
inline constexpr qsizetype largest_file_stem = 80;

// A subgroup level as a file name stem, safe on every system: ASCII letters,
// digits, '.', '-' and '_' kept, runs of anything else (path separators,
// control characters, spaces, the characters Windows forbids) one '_'
// ("<1%" -> "_1_", ">= 65" -> "_65", "../x" -> "_x"); no leading or
// trailing dot; a Windows device name gets a '_' ("CON" -> "CON_"); "level"
// when nothing is left. Longer than largest_file_stem bytes, it is cut and
// ends in '_' and 8 hex digits of the level's SHA-256, so two long levels
// that share their start still differ.
QString figure_file_name(const QString& text);
// The file names of a batch, one per level: figure_file_name; a level whose
// name another level already has (compared case-blind: "a/b" and "a_b")
// gets the hash suffix too.
QStringList figure_file_names(const QStringList& levels);
// The title of one subgroup's figure: "VAR = level", after `title` if any.
QString subgroup_figure_title(const QString& title, const QString& variable, const QString& level);

// Writes .png/.svg/.pdf by the path's extension (PDF via QPdfWriter with an
// exact custom page size and zero margins); false + message on failure, and
// then no file is left behind.
bool export_figure(const QString& path, const Results& results, const FigureExportOptions& options,
                   QString* error);

} // namespace triallens::ui
