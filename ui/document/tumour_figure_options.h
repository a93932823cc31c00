#pragma once
// What the "Tumour response" tab and `export --figure waterfall|spider|
// swimmer|dor` draw: which of the four figures, and its choices. Changing it
// never needs a refit: everything it toggles is in Results::tumour_response.
// Qt Core only, like km_figure_options.h, so the command line and saved
// analyses keep it without Qt Gui; the words of its choices are spelt once
// here (--figure, --colour-by, --waterfall-layout).

#include <QString>

#include <optional>

namespace triallens::ui {

// The waterfall of best % change, the spider of % change over time, the
// swimmer of time on treatment, the Kaplan–Meier of duration of response.
enum class TumourFigure { Waterfall, Spider, Swimmer, DurationOfResponse };

// Bars, lines and lanes coloured by best overall response or by arm (the
// swimmer's bars are always by arm: its markers carry the responses).
enum class TumourColouring { BestResponse, Arm };

// The waterfall's arms: a panel each, side by side, or one panel with every
// subject sorted together.
enum class WaterfallArrangement { SideBySide, Interleaved };

struct TumourFigureOptions {
    TumourFigure figure = TumourFigure::Waterfall;
    TumourColouring colour_by = TumourColouring::BestResponse;
    WaterfallArrangement arrangement = WaterfallArrangement::SideBySide;
    bool responders_only = false; // the swimmer's lanes: responders (CR or PR) only

    friend bool operator==(const TumourFigureOptions&, const TumourFigureOptions&) = default;
};

// "waterfall", "spider", "swimmer", "dor".
QString tumour_figure_name(TumourFigure figure);
std::optional<TumourFigure> parse_tumour_figure(const QString& name);
// "bor", "arm".
QString tumour_colouring_name(TumourColouring colouring);
std::optional<TumourColouring> parse_tumour_colouring(const QString& name);
// "side-by-side", "interleaved".
QString waterfall_arrangement_name(WaterfallArrangement arrangement);
std::optional<WaterfallArrangement> parse_waterfall_arrangement(const QString& name);

} // namespace triallens::ui
