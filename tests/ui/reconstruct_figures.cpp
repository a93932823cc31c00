// Run by hand (not a test): writes the committed figures of
// tests/data/reconstruct/ — the demo's PFS Kaplan–Meier figure as a PNG at
// 150 dpi, as an SVG and as a PDF, 7 × 4.5 in at 9 pt (a journal's double column),
// censor marks and the number at risk on — and prints where two ticks per
// axis are in each (the true axis mapping the README records; the PDF's
// page, as pdftocairo writes it as SVG, has the SVG's).
//   reconstruct_figures <folder>

#include "km_figure_truth.h"

#include <QApplication>
#include <QDir>

#include <cstdio>

using namespace km_truth;

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: reconstruct_figures <folder>\n");
        return 2;
    }
    const QDir folder(QString::fromLocal8Bit(argv[1]));
    FigureExportOptions options = export_options(150);
    options.size_points = QSizeF(7 * 72, 4.5 * 72);
    options.font_size_pt = 9;
    const Results& results = demo_pfs();
    QString error;
    for (const char* name : {"demo_pfs_km.png", "demo_pfs_km.svg", "demo_pfs_km.pdf"}) {
        if (!export_figure(folder.filePath(QLatin1String(name)), results, options, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
    }
    const KmFigureLayout layout = painted_layout(results, options);
    const KmFigureOptions km = painted_km_options(options);
    const double last = layout.ticks.back();
    const QPointF zero = km_figure_point(layout, km, 0, 0);
    const QPointF far = km_figure_point(layout, km, last, 1);
    for (const auto& [what, scale] : {std::pair{"PNG pixels", 150.0 / 96.0},
                                      std::pair{"SVG user units (points)", 72.0 / 96.0}}) {
        std::printf("%s: time 0 at x %.3f, time %g at x %.3f; survival 0 at y %.3f, 1 at y %.3f\n",
                    what, zero.x() * scale, last, far.x() * scale, zero.y() * scale,
                    far.y() * scale);
    }
    const auto& curves = figure_curves(results);
    for (std::size_t c = 0; c < curves.size(); ++c) {
        std::printf("arm %s: %s\n", curves[c].arm.c_str(),
                    qPrintable(km_curve_style(results, c, options.palette).colour.name()));
    }
    return 0;
}
