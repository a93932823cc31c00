#include "views/cif_figure_view.h"

#include "views/cif_figure.h"

#include <QAction>
#include <QActionGroup>
#include <QPainter>

namespace triallens::ui {

CifFigureView::CifFigureView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("cifFigureView"));
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* group = new QActionGroup(this);
    side_by_side_ = new QAction(tr("Causes Side by Side"), group);
    stacked_ = new QAction(tr("Causes Stacked"), group);
    for (QAction* action : {side_by_side_, stacked_}) {
        action->setCheckable(true);
        addAction(action);
    }
    side_by_side_->setChecked(true);
    connect(side_by_side_, &QAction::triggered, this,
            [this] { setArrangement(CifArrangement::SideBySide); });
    connect(stacked_, &QAction::triggered, this,
            [this] { setArrangement(CifArrangement::Stacked); });
}

void CifFigureView::setResults(const ResultsPtr& results) {
    results_ = results;
    update();
}

void CifFigureView::setOptions(const KmFigureOptions& options) {
    options_ = options;
    update();
}

void CifFigureView::setArrangement(CifArrangement arrangement) {
    side_by_side_->setChecked(arrangement == CifArrangement::SideBySide);
    stacked_->setChecked(arrangement == CifArrangement::Stacked);
    if (arrangement == arrangement_) {
        return;
    }
    arrangement_ = arrangement;
    update();
    emit arrangementChanged(arrangement);
}

void CifFigureView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    if (!results_) {
        painter.fillRect(rect(), palette().window());
        return;
    }
    paint_cif_figure(painter, QRectF(rect()), *results_, options_, arrangement_);
}

} // namespace triallens::ui
