#pragma once
// For the digitiser's round-trip tests: a Kaplan–Meier figure exported by
// the project's own code (PNG, SVG) with censor marks and the number-at-risk
// table on, as trials publish them; the calibration a user clicking two
// ticks per axis exactly would make, read from the layout the figure is
// painted from; and the truth a traced curve is compared with, the fitted
// KM of the Results.

#include "../cdisc_pilot.h"

#include <digitise/axis_calibration.h>
#include <digitise/traced_curve.h>
#include <export/figure_export.h>
#include <views/km_chart.h>
#include <views/km_figure_layout.h>
#include <views/km_figure_marks.h>

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>

#include <QFontInfo>
#include <QGuiApplication>

#include <algorithm>
#include <cmath>
#include <vector>

namespace km_truth {

using namespace triallens;
using namespace triallens::ui;

inline const Results& demo_pfs() {
    static const Results results = [] {
        AnalysisSpec spec;
        spec.paramcd = "PFS";
        return refit(generate_demo_study(), spec);
    }();
    return results;
}

// The pilot's time to first dermatologic event: three arms, many censored.
inline const Results& pilot_ttde() {
    static const Results results = [] {
        AnalysisSpec spec;
        spec.paramcd = "TTDE";
        return refit(cdisc_pilot::study(), spec);
    }();
    return results;
}

// 10 × 6 in at 150 dpi; censor marks, median lines and the at-risk table
// are the defaults. The font family is named so that the layout below is
// the painted one.
inline FigureExportOptions export_options(int dpi = 150) {
    FigureExportOptions options;
    options.dpi = dpi;
    options.font_family = QFontInfo(QGuiApplication::font()).family();
    return options;
}

// What paint_figure() lays the KM figure out with (figure_export.cpp's km_options()).
inline KmFigureOptions painted_km_options(const FigureExportOptions& options) {
    KmFigureOptions km = options.km;
    km.font_point_size = options.font_size_pt;
    km.font_family = options.font_family;
    km.palette = options.palette;
    return km;
}

// With no title and no footnote the figure fills the page, in logical px.
inline KmFigureLayout painted_layout(const Results& results, const FigureExportOptions& options) {
    return layout_km_figure(QRectF(QPointF(0, 0), options.size_points * 96.0 / 72.0), results,
                            painted_km_options(options));
}

// Two ticks per axis clicked exactly: time 0 and the last tick, survival 0
// and 1; `scale` takes logical px to the file's units (dpi / 96 for a PNG,
// 72 / 96 for the SVG's points).
inline AxisCalibration exact_calibration(const KmFigureLayout& layout,
                                         const FigureExportOptions& options, double scale) {
    const KmFigureOptions km = painted_km_options(options);
    const double last = layout.ticks.back();
    const QPointF zero = km_figure_point(layout, km, 0, 0) * scale;
    const QPointF far = km_figure_point(layout, km, last, 1) * scale;
    const double top = km.percent ? 100 : 1; // the tick label the user reads
    QString error;
    const auto calibration = calibrate_axes({zero, 0}, {far, last}, {zero, 0}, {far, top}, &error);
    if (!calibration) {
        qFatal("exact calibration refused: %s", qPrintable(error));
    }
    return *calibration;
}

inline double true_survival_at(const SurvivalCurve& curve, double t) {
    double s = 1;
    for (std::size_t i = 0; i < curve.size() && curve.time[i] <= t; ++i) {
        s = curve.surv[i];
    }
    return s;
}

inline std::vector<double> true_event_times(const SurvivalCurve& curve, double end) {
    std::vector<double> times;
    for (std::size_t i = 0; i < curve.size() && curve.time[i] <= end; ++i) {
        if (curve.n_event[i] > 0) {
            times.push_back(curve.time[i]);
        }
    }
    return times;
}

struct Accuracy {
    double landmark_error = 0; // max |ΔS| at the quarters of the time axis
    double drop_error = 0;     // max over traced drops of the distance to the nearest event time
    std::size_t traced_drops = 0;
    std::size_t true_drops = 0;
    // Traced drops within `resolution` of a true event time; and of the span
    // of a run of event times each within `merge` of the next (drops the
    // tracer reads as one, at their middle).
    std::size_t within_resolution = 0;
    std::size_t within_cluster = 0;
};

// The traced step function against the true KM. At a landmark within
// `resolution` (a pixel's time) of an event the figure cannot say on which
// side of the drop it is: the nearer of the levels just before and after counts.
inline Accuracy compare(const std::vector<CurvePoint>& traced, const SurvivalCurve& curve,
                        double axis_end, double resolution, double merge = 0) {
    Accuracy accuracy;
    const std::vector<double> events = true_event_times(curve, axis_end);
    for (int k = 1; k <= 3; ++k) {
        const double t = axis_end * k / 4;
        const double read = step_survival_at(traced, t);
        double error = std::abs(read - true_survival_at(curve, t));
        error = std::min({error, std::abs(read - true_survival_at(curve, t - resolution)),
                          std::abs(read - true_survival_at(curve, t + resolution))});
        accuracy.landmark_error = std::max(accuracy.landmark_error, error);
    }
    const std::vector<double> drops = step_drop_times(traced);
    for (const double drop : drops) {
        double nearest = std::numeric_limits<double>::infinity();
        for (const double event : events) {
            nearest = std::min(nearest, std::abs(event - drop));
        }
        accuracy.drop_error = std::max(accuracy.drop_error, nearest);
        accuracy.within_resolution += nearest <= resolution ? 1 : 0;
        for (std::size_t first = 0; first < events.size();) {
            std::size_t last = first;
            while (last + 1 < events.size() && events[last + 1] - events[last] <= merge) {
                ++last;
            }
            if (drop >= events[first] - resolution && drop <= events[last] + resolution) {
                ++accuracy.within_cluster;
                break;
            }
            first = last + 1;
        }
    }
    accuracy.traced_drops = drops.size();
    accuracy.true_drops = events.size();
    return accuracy;
}

} // namespace km_truth
