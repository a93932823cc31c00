#include "views/cif_figure.h"

#include "models/km_figure_text.h"

#include "views/km_figure.h"
#include "views/km_figure_layout.h"
#include "views/wrapped_text.h"

#include <QPainter>

#include <algorithm>

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

KmFigureOptions cif_panel_options(const KmFigureOptions& options) {
    KmFigureOptions panel = options;
    panel.y_scale = KmYScale::Cumulative;
    panel.median_lines = false;
    return panel;
}

std::vector<IncidencePanel> cif_panels(const QRectF& rect, const Results& results,
                                       const KmFigureOptions& options, CifArrangement arrangement) {
    std::vector<IncidencePanel> panels;
    for (const auto& cause : incidence_panel_causes(results)) {
        panels.push_back(incidence_panel(results, cause));
    }
    if (arrangement == CifArrangement::SideBySide && panels.size() > 1) {
        const KmFigureOptions panel_options = cif_panel_options(options);
        const std::vector<QRectF> rects = cif_panel_rects(rect, panels.size(), arrangement);
        double top = 0;
        for (std::size_t k = 0; k < panels.size(); ++k) {
            top = std::max(
                top, layout_km_figure(rects[k], panels[k].results, panel_options, &panels[k].text)
                         .plot_area.top());
        }
        for (auto& panel : panels) {
            panel.text.plot_top_at_least = top;
        }
    }
    return panels;
}

QString cif_missing_text(const Results& results) {
    return QStringLiteral("No competing risks for %1: they need events of two or more causes, "
                          "read from EVNTDESC (or the column named with --cause or --status). "
                          "Choose an endpoint whose events differ, such as progression or death.")
        .arg(endpoint_title(results));
}

void paint_cif_figure(QPainter& painter, const QRectF& rect, const Results& results,
                      const KmFigureOptions& options, CifArrangement arrangement) {
    const std::vector<std::string> causes = incidence_panel_causes(results);
    if (causes.empty()) {
        painter.save();
        painter.fillRect(rect, Qt::white);
        const QFont font = km_figure_font(options);
        const double pad = font.pixelSize();
        draw_wrapped_text(painter, cif_missing_text(results), font,
                          rect.adjusted(pad, pad, -pad, -pad), QColor(0x22, 0x22, 0x22));
        painter.restore();
        return;
    }
    const KmFigureOptions panel_options = cif_panel_options(options);
    const std::vector<QRectF> rects = cif_panel_rects(rect, causes.size(), arrangement);
    const std::vector<IncidencePanel> panels = cif_panels(rect, results, options, arrangement);
    for (std::size_t k = 0; k < panels.size(); ++k) {
        paint_km_figure(painter, rects[k], panels[k].results, panel_options, &panels[k].text);
    }
}

} // namespace triallens::ui
