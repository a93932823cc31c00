#include "views/frozen_column_tree_view.h"

#include <QHeaderView>
#include <QScrollBar>

namespace triallens::ui {

FrozenColumnTreeView::FrozenColumnTreeView(QWidget* parent)
    : QTreeView(parent), frozen_(new QTreeView(this)) {
    frozen_->setFocusPolicy(Qt::NoFocus);
    frozen_->setFrameShape(QFrame::NoFrame);
    frozen_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    frozen_->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // Both scroll by pixels so the same scroll-bar value is the same rows.
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollMode(ScrollPerPixel);
    frozen_->setVerticalScrollMode(ScrollPerPixel);
    viewport()->stackUnder(frozen_);

    connect(frozen_->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, frozen_->verticalScrollBar(),
            &QAbstractSlider::setValue);
    connect(frozen_, &QTreeView::expanded, this,
            [this](const QModelIndex& index) { expand(index); });
    connect(frozen_, &QTreeView::collapsed, this,
            [this](const QModelIndex& index) { collapse(index); });
    connect(this, &QTreeView::expanded, frozen_, &QTreeView::expand);
    connect(this, &QTreeView::collapsed, frozen_, &QTreeView::collapse);
}

void FrozenColumnTreeView::setModel(QAbstractItemModel* model) {
    QTreeView::setModel(model);
    frozen_->setModel(model);
    frozen_->setSelectionModel(selectionModel());
    frozen_->setUniformRowHeights(uniformRowHeights());
    frozen_->setAlternatingRowColors(alternatingRowColors());
    frozen_->setSelectionBehavior(selectionBehavior());
    frozen_->setSelectionMode(selectionMode());
    frozen_->setTextElideMode(textElideMode());
    frozen_->setIndentation(indentation());
    frozen_->setRootIsDecorated(rootIsDecorated());
    showOnlyFirstColumn();
    if (model != nullptr) {
        connect(model, &QAbstractItemModel::modelReset, this,
                &FrozenColumnTreeView::showOnlyFirstColumn);
        connect(model, &QAbstractItemModel::columnsInserted, this,
                &FrozenColumnTreeView::showOnlyFirstColumn);
    }

    QHeaderView* own = header();
    QHeaderView* frozen = frozen_->header();
    frozen->setStretchLastSection(false);
    connect(own, &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        if (section == 0) {
            frozen_->setColumnWidth(0, size);
            updateFrozenGeometry();
        }
    });
    connect(frozen, &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        if (section == 0) {
            setColumnWidth(0, size);
        }
    });
    // Sorting happens here; the frozen header only shows and forwards it.
    frozen->setSectionsClickable(own->sectionsClickable() || isSortingEnabled());
    frozen->setSortIndicatorShown(own->isSortIndicatorShown() || isSortingEnabled());
    connect(own, &QHeaderView::sortIndicatorChanged, frozen, &QHeaderView::setSortIndicator);
    connect(frozen, &QHeaderView::sortIndicatorChanged, own, &QHeaderView::setSortIndicator);
    frozen->setSortIndicator(own->sortIndicatorSection(), own->sortIndicatorOrder());
    frozen->setToolTip(own->toolTip());
}

void FrozenColumnTreeView::setSelectionModel(QItemSelectionModel* selection_model) {
    QTreeView::setSelectionModel(selection_model);
    // setModel() sets a selection model before the frozen view has the model.
    if (selection_model != nullptr && frozen_->model() == selection_model->model()) {
        frozen_->setSelectionModel(selection_model);
    }
}

void FrozenColumnTreeView::showOnlyFirstColumn() {
    if (model() == nullptr) {
        return;
    }
    for (int column = 0; column < model()->columnCount(); ++column) {
        frozen_->setColumnHidden(column, column != 0);
    }
    frozen_->setColumnWidth(0, columnWidth(0));
    updateFrozenGeometry();
}

void FrozenColumnTreeView::expandAll() {
    QTreeView::expandAll();
    frozen_->expandAll();
}

void FrozenColumnTreeView::collapseAll() {
    QTreeView::collapseAll();
    frozen_->collapseAll();
}

void FrozenColumnTreeView::scrollTo(const QModelIndex& index, ScrollHint hint) {
    const int horizontal = horizontalScrollBar()->value();
    QTreeView::scrollTo(index, hint);
    if (!index.isValid()) {
        return;
    }
    if (index.column() == 0) {
        // The frozen view shows it wherever this view has scrolled.
        horizontalScrollBar()->setValue(horizontal);
        return;
    }
    const int hidden = columnWidth(0) - visualRect(index).left();
    if (hidden > 0) {
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - hidden);
    }
}

void FrozenColumnTreeView::resizeEvent(QResizeEvent* event) {
    QTreeView::resizeEvent(event);
    updateFrozenGeometry();
}

void FrozenColumnTreeView::updateGeometries() {
    QTreeView::updateGeometries();
    updateFrozenGeometry();
}

void FrozenColumnTreeView::updateFrozenGeometry() {
    const int top = frameWidth();
    frozen_->setGeometry(frameWidth(), top, columnWidth(0),
                         viewport()->height() + (header()->isHidden() ? 0 : header()->height()));
    // Over this view's header too, which setHeader() may have raised.
    frozen_->raise();
}

} // namespace triallens::ui
