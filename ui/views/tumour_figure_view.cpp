#include "views/tumour_figure_view.h"

#include "views/tumour_response_figure.h"

#include <QMouseEvent>
#include <QPainter>

namespace triallens::ui {

TumourFigureView::TumourFigureView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("tumourFigureView"));
    setMouseTracking(false);
}

void TumourFigureView::setResults(const ResultsPtr& results) {
    results_ = results;
    update();
}

void TumourFigureView::setOptions(const KmFigureOptions& options) {
    options_ = options;
    update();
}

void TumourFigureView::setTumourOptions(const TumourFigureOptions& options) {
    tumour_ = options;
    update();
}

std::optional<std::int32_t> TumourFigureView::subjectAt(QPointF point) const {
    if (!results_) {
        return std::nullopt;
    }
    return tumour_figure_subject_at(QRectF(rect()), *results_, options_, tumour_, point);
}

QVector<std::int32_t> TumourFigureView::order() const {
    if (!results_) {
        return {};
    }
    const auto order = tumour_figure_order(QRectF(rect()), *results_, options_, tumour_);
    return QVector<std::int32_t>(order.begin(), order.end());
}

void TumourFigureView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (!results_) {
        painter.fillRect(rect(), palette().window());
        return;
    }
    paint_tumour_response_figure(painter, QRectF(rect()), *results_, options_, tumour_);
}

void TumourFigureView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        if (const auto subject = subjectAt(event->position())) {
            emit subjectClicked(*subject, order());
            return;
        }
    }
    QWidget::mouseReleaseEvent(event);
}

} // namespace triallens::ui
