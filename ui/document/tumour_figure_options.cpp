#include "document/tumour_figure_options.h"

namespace triallens::ui {

namespace {

template <typename Value, std::size_t N>
std::optional<Value> parse_name(const QString& name, const Value (&values)[N],
                                QString (*name_of)(Value)) {
    for (const Value value : values) {
        if (name == name_of(value)) {
            return value;
        }
    }
    return std::nullopt;
}

} // namespace

QString tumour_figure_name(TumourFigure figure) {
    switch (figure) {
    case TumourFigure::Waterfall:
        return QStringLiteral("waterfall");
    case TumourFigure::Spider:
        return QStringLiteral("spider");
    case TumourFigure::Swimmer:
        return QStringLiteral("swimmer");
    case TumourFigure::DurationOfResponse:
        break;
    }
    return QStringLiteral("dor");
}

std::optional<TumourFigure> parse_tumour_figure(const QString& name) {
    constexpr TumourFigure all[] = {TumourFigure::Waterfall, TumourFigure::Spider,
                                    TumourFigure::Swimmer, TumourFigure::DurationOfResponse};
    return parse_name(name, all, &tumour_figure_name);
}

QString tumour_colouring_name(TumourColouring colouring) {
    return colouring == TumourColouring::Arm ? QStringLiteral("arm") : QStringLiteral("bor");
}

std::optional<TumourColouring> parse_tumour_colouring(const QString& name) {
    constexpr TumourColouring all[] = {TumourColouring::BestResponse, TumourColouring::Arm};
    return parse_name(name, all, &tumour_colouring_name);
}

QString waterfall_arrangement_name(WaterfallArrangement arrangement) {
    return arrangement == WaterfallArrangement::Interleaved ? QStringLiteral("interleaved")
                                                            : QStringLiteral("side-by-side");
}

std::optional<WaterfallArrangement> parse_waterfall_arrangement(const QString& name) {
    constexpr WaterfallArrangement all[] = {WaterfallArrangement::SideBySide,
                                            WaterfallArrangement::Interleaved};
    return parse_name(name, all, &waterfall_arrangement_name);
}

} // namespace triallens::ui
