#include "views/tumour_response_figure.h"

#include "models/duration_of_response_panel.h"
#include "models/tumour_figure_needs.h"
#include "views/km_figure.h"
#include "views/spider_figure.h"
#include "views/swimmer_figure.h"
#include "views/tumour_figure_frame.h"
#include "views/waterfall_figure.h"

#include <QPainter>

namespace triallens::ui {

void paint_tumour_response_figure(QPainter& painter, const QRectF& rect, const Results& results,
                                  const KmFigureOptions& options,
                                  const TumourFigureOptions& tumour) {
    switch (tumour.figure) {
    case TumourFigure::Waterfall:
        paint_waterfall_figure(painter, rect, results, options, tumour);
        return;
    case TumourFigure::Spider:
        paint_spider_figure(painter, rect, results, options, tumour);
        return;
    case TumourFigure::Swimmer:
        paint_swimmer_figure(painter, rect, results, options, tumour);
        return;
    case TumourFigure::DurationOfResponse:
        break;
    }
    const QString missing = tumour_figure_missing_text(results, TumourFigure::DurationOfResponse);
    if (!missing.isEmpty()) {
        paint_figure_words(painter, rect, options, missing);
        return;
    }
    const DurationOfResponsePanel panel = duration_of_response_panel(results);
    KmFigureOptions km = options;
    km.y_scale = KmYScale::Survival;
    km.y_label = options.y_label.isEmpty() ? QStringLiteral("Probability of remaining in response")
                                           : options.y_label;
    if (km.x_label.isEmpty()) {
        km.x_label = QStringLiteral("Time since first response (%1)")
                         .arg(panel.results.time_unit.empty()
                                  ? QStringLiteral("days")
                                  : QString::fromStdString(panel.results.time_unit).toLower());
    }
    paint_km_figure(painter, rect, panel.results, km, &panel.text);
}

std::optional<std::int32_t> tumour_figure_subject_at(const QRectF& rect, const Results& results,
                                                     const KmFigureOptions& options,
                                                     const TumourFigureOptions& tumour,
                                                     const QPointF& point) {
    switch (tumour.figure) {
    case TumourFigure::Waterfall:
        return waterfall_subject_at(layout_waterfall_figure(rect, results, options, tumour),
                                    results, point);
    case TumourFigure::Spider:
        return spider_subject_at(layout_spider_figure(rect, results, options, tumour), results,
                                 point);
    case TumourFigure::Swimmer:
        return swimmer_subject_at(layout_swimmer_figure(rect, results, options, tumour), results,
                                  point);
    case TumourFigure::DurationOfResponse:
        break;
    }
    return std::nullopt;
}

std::vector<std::int32_t> tumour_figure_order(const QRectF& rect, const Results& results,
                                              const KmFigureOptions& options,
                                              const TumourFigureOptions& tumour) {
    switch (tumour.figure) {
    case TumourFigure::Waterfall:
        return layout_waterfall_figure(rect, results, options, tumour).order;
    case TumourFigure::Spider:
        return layout_spider_figure(rect, results, options, tumour).order;
    case TumourFigure::Swimmer:
        return layout_swimmer_figure(rect, results, options, tumour).order;
    case TumourFigure::DurationOfResponse:
        break;
    }
    return {};
}

} // namespace triallens::ui
