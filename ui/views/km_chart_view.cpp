#include "views/km_chart_view.h"

#include "views/km_figure.h"

#include <QAction>
#include <QPainter>

namespace triallens::ui {

KmChartView::KmChartView(QWidget* parent)
    : QWidget(parent), ci_bands_(addToggle(tr("Confidence bands"), &KmFigureOptions::ci_bands)),
      median_lines_(addToggle(tr("Median lines"), &KmFigureOptions::median_lines)),
      censor_marks_(addToggle(tr("Censor marks"), &KmFigureOptions::censor_marks)),
      censored_row_(addToggle(tr("Censored row"), &KmFigureOptions::censored_row)),
      events_row_(addToggle(tr("Cumulative events row"), &KmFigureOptions::events_row)) {
    setMinimumSize(480, 320);
    setAttribute(Qt::WA_OpaquePaintEvent); // the figure fills its whole rectangle
    setContextMenuPolicy(Qt::ActionsContextMenu);
    syncActions();
}

QAction* KmChartView::addToggle(const QString& text, bool KmFigureOptions::*option) {
    auto* action = new QAction(text, this);
    action->setCheckable(true);
    connect(action, &QAction::toggled, this, [this, option](bool checked) {
        KmFigureOptions changed = options_;
        changed.*option = checked;
        setOptions(changed);
    });
    addAction(action);
    return action;
}

void KmChartView::syncActions() {
    for (const auto& [action, checked] :
         {std::pair{ci_bands_, options_.ci_bands}, std::pair{median_lines_, options_.median_lines},
          std::pair{censor_marks_, options_.censor_marks},
          std::pair{censored_row_, options_.censored_row},
          std::pair{events_row_, options_.events_row}}) {
        const QSignalBlocker blocker(action);
        action->setChecked(checked);
    }
}

void KmChartView::setResults(const ResultsPtr& results) {
    results_ = results;
    update();
}

void KmChartView::setOptions(const KmFigureOptions& options) {
    if (options == options_) {
        return;
    }
    options_ = options;
    syncActions();
    update();
    emit optionsChanged(options_);
}

KmFigureLayout KmChartView::figureLayout() const {
    if (!results_) {
        return {};
    }
    return layout_km_figure(QRectF(rect()), *results_, options_);
}

void KmChartView::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    if (!results_) {
        painter.fillRect(rect(), palette().base());
        return;
    }
    paint_km_figure(painter, QRectF(rect()), *results_, options_);
    emit figurePainted();
}

} // namespace triallens::ui
