#include "digitise/figure_curve.h"

#include "digitise/curve_trace.h"
#include "digitise/pdf_figure.h"
#include "digitise/svg_curves.h"

#include <QFileInfo>
#include <QImage>

namespace triallens::ui {

bool is_svg_figure(const QString& path) {
    return QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0;
}

TracedCurve figure_curve(const QString& path, QRgb colour, const AxisCalibration& calibration) {
    return figure_curve(path, colour, calibration, FigureReadOptions{});
}

TracedCurve figure_curve(const QString& path, QRgb colour, const AxisCalibration& calibration,
                         const FigureReadOptions& options) {
    // A PDF's messages name the page too.
    const QString where =
        is_pdf_figure(path) ? QStringLiteral("%1, page %2").arg(path).arg(options.page) : path;
    const auto failed = [&](const QString& why) {
        TracedCurve curve;
        curve.error = why.startsWith(path) ? why : where + QStringLiteral(": ") + why;
        return curve;
    };
    if (is_pdf_figure(path)) {
        QString error;
        const QByteArray svg = pdf_page_svg(path, options.page, &error);
        if (svg.isEmpty()) {
            return failed(error);
        }
        const SvgCurves curves = read_svg_curves(svg, where + QStringLiteral(" (as SVG)"));
        if (!curves.ok()) {
            return failed(curves.error);
        }
        TracedCurve curve = svg_curve_points(curves, colour, calibration);
        return curve.ok() ? curve : failed(curve.error);
    }
    if (is_svg_figure(path)) {
        const SvgCurves curves = read_svg_curves_file(path);
        if (!curves.ok()) {
            return failed(curves.error);
        }
        TracedCurve curve = svg_curve_points(curves, colour, calibration);
        return curve.ok() ? curve : failed(curve.error);
    }
    QString error;
    const QImage image = read_figure_image(path, &error);
    if (image.isNull()) {
        return failed(error);
    }
    TracedCurve curve = trace_curve_by_colour(image, colour, calibration);
    return curve.ok() ? curve : failed(curve.error);
}

} // namespace triallens::ui
