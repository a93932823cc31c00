#include "views/fitted_table_view.h"

#include <QHeaderView>
#include <QResizeEvent>
#include <QScrollBar>

#include <algorithm>

namespace triallens::ui {

FittedTableView::FittedTableView(QWidget* parent) : QTableView(parent) {
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
}

void FittedTableView::fitColumns() {
    const QAbstractItemModel* items = model();
    // QTableView adds one pixel for the grid to a delegate's width.
    const int grid = showGrid() ? 1 : 0;
    for (int column = 0; column < items->columnCount(); ++column) {
        if (isColumnHidden(column)) {
            continue;
        }
        int width = horizontalHeader()->sectionSizeHint(column);
        for (int row = 0; row < items->rowCount(); ++row) {
            if (columnSpan(row, column) == 1) {
                width = std::max(width, sizeHintForIndex(items->index(row, column)).width() + grid);
            }
        }
        setColumnWidth(column, width + 6);
    }
    updateGeometry();
}

bool FittedTableView::needsScrollBar(int width) const {
    return width < horizontalHeader()->length() + 2 * frameWidth();
}

// Narrower than its columns (a small window), the table keeps its rows in
// view and scrolls sideways: the scroll bar's height is added.
QSize FittedTableView::sizeHint() const {
    const int frame = 2 * frameWidth();
    const int header = horizontalHeader()->isHidden() ? 0 : horizontalHeader()->sizeHint().height();
    const int scroll_bar =
        isVisible() && needsScrollBar(width()) ? horizontalScrollBar()->sizeHint().height() : 0;
    return {horizontalHeader()->length() + frame,
            header + verticalHeader()->length() + frame + scroll_bar};
}

void FittedTableView::resizeEvent(QResizeEvent* event) {
    const bool before = needsScrollBar(event->oldSize().width());
    QTableView::resizeEvent(event);
    if (before != needsScrollBar(event->size().width())) {
        updateGeometry();
    }
}

QSize FittedTableView::minimumSizeHint() const {
    // As tall as the rows; narrower than them only with a horizontal scroll bar.
    const QSize hint = sizeHint();
    return {std::min(hint.width(), 200), hint.height()};
}

} // namespace triallens::ui
