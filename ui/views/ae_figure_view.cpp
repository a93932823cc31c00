#include "views/ae_figure_view.h"

#include "models/ae_figure_terms.h"
#include "views/ae_dot_plot.h"
#include "views/ae_volcano_plot.h"

#include <triallens/format/number_format.h>

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace triallens::ui {

namespace {

QString text_of(const std::string& value) {
    return QString::fromStdString(value);
}

} // namespace

AeFigureView::AeFigureView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("aeFigureView"));
    setCursor(Qt::PointingHandCursor);
}

void AeFigureView::setResults(const ResultsPtr& results) {
    results_ = results;
    update();
}

void AeFigureView::setOptions(const KmFigureOptions& options) {
    options_ = options;
    update();
}

void AeFigureView::setFigure(AeFigure figure) {
    figure_ = figure;
    update();
}

void AeFigureView::setAeOptions(const AeFigureOptions& options) {
    ae_ = options;
    update();
}

std::optional<AeFigureTerm> AeFigureView::figureTermAt(QPointF point) const {
    if (!results_) {
        return std::nullopt;
    }
    if (figure_ == AeFigure::DotPlot) {
        const AeDotPlotLayout layout = layout_ae_dot_plot(QRectF(rect()), *results_, options_, ae_);
        if (const AeDotPlotRow* row = ae_dot_plot_row_at(layout, point)) {
            return row->term;
        }
        return std::nullopt;
    }
    const AeVolcanoLayout layout = layout_ae_volcano_plot(QRectF(rect()), *results_, options_, ae_);
    if (const AeVolcanoPoint* hit = ae_volcano_point_at(layout, point)) {
        return hit->term;
    }
    return std::nullopt;
}

std::optional<QString> AeFigureView::termAt(QPointF point) const {
    if (const auto term = figureTermAt(point)) {
        return term->pt;
    }
    return std::nullopt;
}

bool AeFigureView::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        const auto* help = static_cast<QHelpEvent*>(event);
        const auto term = figureTermAt(help->pos());
        if (!term) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        QStringList lines{QStringLiteral("<b>%1</b> (%2)")
                              .arg(term->pt.toHtmlEscaped(), term->soc.toHtmlEscaped())};
        const AeTable& table = *results_->adverse_events;
        for (std::size_t arm = 0; arm < term->incidence.size(); ++arm) {
            lines << QStringLiteral("%1: %2 (%3%)")
                         .arg(text_of(table.arms[arm]).toHtmlEscaped())
                         .arg(table.rows[term->row].counts[arm].any)
                         .arg(text_of(percent_text(term->incidence[arm])));
        }
        if (term->risk_difference) {
            lines << tr("Risk difference %1 points")
                         .arg(text_of(difference_ci_text(term->risk_difference->estimate,
                                                         term->risk_difference->lower,
                                                         term->risk_difference->upper)));
        }
        if (term->relative_risk) {
            lines << tr("Relative risk %1, Fisher %2")
                         .arg(text_of(ratio_ci_text(term->relative_risk->estimate,
                                                    term->relative_risk->lower,
                                                    term->relative_risk->upper)),
                              text_of(p_value_label(term->relative_risk->fisher_p)));
        }
        lines << tr("Click to show it in the AE table");
        QToolTip::showText(help->globalPos(), lines.join(QStringLiteral("<br>")), this);
        return true;
    }
    return QWidget::event(event);
}

void AeFigureView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (!results_) {
        painter.fillRect(rect(), palette().window());
        return;
    }
    if (figure_ == AeFigure::DotPlot) {
        paint_ae_dot_plot(painter, QRectF(rect()), *results_, options_, ae_);
    } else {
        paint_ae_volcano_plot(painter, QRectF(rect()), *results_, options_, ae_);
    }
}

void AeFigureView::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        if (const auto term = termAt(event->position())) {
            emit termClicked(*term);
            return;
        }
    }
    QWidget::mouseReleaseEvent(event);
}

} // namespace triallens::ui
