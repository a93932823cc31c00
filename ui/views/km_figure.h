#pragma once
// The Kaplan–Meier figure as a Qt Charts chart: one step curve per arm with
// censor marks, a legend giving n, events and the median (CI) per arm, the
// hazard ratio in the title, and the synthetic-data label when it applies.
// Screen and file output are built by the same function.

#include <triallens/analysis/results.h>

#include <QImage>
#include <QSize>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace triallens::ui {

// A new chart for the results; the caller (usually a QChartView) owns it.
QChart* build_km_chart(const Results& results);

// "7.85 (5.59–10.22)", with NR where a limit is not reached.
QString format_median(const QuantileEstimate& median);

// The legend entry of one arm: name, n, events and median (CI).
QString arm_legend_text(const ArmSurvival& arm);

// "HR 0.70 (95% CI 0.46–1.06) vs Control, Cox (Efron); log-rank p = 0.084"
// for the first comparison, or "" without one.
QString hazard_ratio_text(const Results& results);

// Draws the figure offscreen (needs a QApplication): laid out at `size` in
// device-independent pixels, rendered at `scale` times that many pixels.
QImage render_km_figure(const Results& results, QSize size, qreal scale = 1);

} // namespace triallens::ui
