#include "views/disposition_flow_view.h"

#include "views/disposition_flow.h"

#include <QPainter>

namespace triallens::ui {

DispositionFlowView::DispositionFlowView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("dispositionFlowView"));
    setMinimumHeight(420);
}

void DispositionFlowView::setResults(const ResultsPtr& results) {
    results_ = results;
    update();
}

void DispositionFlowView::setOptions(const KmFigureOptions& options) {
    options_ = options;
    update();
}

void DispositionFlowView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (!results_) {
        painter.fillRect(rect(), palette().window());
        return;
    }
    paint_disposition_flow(painter, QRectF(rect()), *results_, options_);
}

} // namespace triallens::ui
