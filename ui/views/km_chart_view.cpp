#include "views/km_chart_view.h"

#include "views/km_figure.h"

#include <memory>

namespace triallens::ui {

KmChartView::KmChartView(QWidget* parent) : QChartView(parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(480, 320);
}

void KmChartView::setResults(const ResultsPtr& results) {
    results_ = results;
    // setChart releases the chart it replaces without deleting it.
    const std::unique_ptr<QChart> previous(chart());
    setChart(results ? build_km_chart(*results) : new QChart);
}

} // namespace triallens::ui
