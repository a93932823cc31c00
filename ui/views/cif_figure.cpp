#include "views/cif_figure.h"

#include "models/incidence_panel.h"
#include "views/km_figure.h"
#include "views/wrapped_text.h"

#include <QPainter>

namespace triallens::ui {

std::vector<QRectF> cif_panel_rects(const QRectF& rect, std::size_t panels,
                                    CifArrangement arrangement) {
    std::vector<QRectF> rects;
    const double n = static_cast<double>(std::max<std::size_t>(panels, 1));
    for (std::size_t k = 0; k < panels; ++k) {
        const double i = static_cast<double>(k);
        rects.push_back(arrangement == CifArrangement::Stacked
                            ? QRectF(rect.left(), rect.top() + i * rect.height() / n, rect.width(),
                                     rect.height() / n)
                            : QRectF(rect.left() + i * rect.width() / n, rect.top(),
                                     rect.width() / n, rect.height()));
    }
    return rects;
}

QString cif_missing_text() {
    return QStringLiteral(
        "No competing risks for this endpoint: its events need two or more causes "
        "(EVNTDESC, or a column named with --cause or --status).");
}

void paint_cif_figure(QPainter& painter, const QRectF& rect, const Results& results,
                      const KmFigureOptions& options, CifArrangement arrangement) {
    const std::vector<std::string> causes = incidence_panel_causes(results);
    if (causes.empty()) {
        painter.save();
        painter.fillRect(rect, Qt::white);
        const QFont font = km_figure_font(options);
        const double pad = font.pixelSize();
        draw_wrapped_text(painter, cif_missing_text(), font, rect.adjusted(pad, pad, -pad, -pad),
                          QColor(0x22, 0x22, 0x22));
        painter.restore();
        return;
    }
    KmFigureOptions panel_options = options;
    panel_options.y_scale = KmYScale::Cumulative;
    panel_options.median_lines = false;
    const std::vector<QRectF> rects = cif_panel_rects(rect, causes.size(), arrangement);
    for (std::size_t k = 0; k < causes.size(); ++k) {
        const IncidencePanel panel = incidence_panel(results, causes[k]);
        paint_km_figure(painter, rects[k], panel.results, panel_options, &panel.text);
    }
}

} // namespace triallens::ui
