#include "digitise/figure_curve.h"

#include "digitise/curve_trace.h"
#include "digitise/svg_curves.h"

#include <QFileInfo>
#include <QImage>

namespace triallens::ui {

bool is_svg_figure(const QString& path) {
    return QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0;
}

TracedCurve figure_curve(const QString& path, QRgb colour, const AxisCalibration& calibration) {
    const auto failed = [&](const QString& why) {
        TracedCurve curve;
        curve.error = why.startsWith(path) ? why : path + QStringLiteral(": ") + why;
        return curve;
    };
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
