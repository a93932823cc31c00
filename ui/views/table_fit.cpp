#include "views/table_fit.h"

#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>

namespace triallens::ui {

void fit_table_columns(QTableView* table) {
    const QAbstractItemModel* model = table->model();
    // The cell's margin QTableView adds to a delegate's width in sizeHintForColumn.
    const int margin = table->showGrid() ? 1 : 0;
    for (int column = 0; column < model->columnCount(); ++column) {
        if (table->isColumnHidden(column)) {
            continue;
        }
        int width = table->horizontalHeader()->sectionSizeHint(column);
        for (int row = 0; row < model->rowCount(); ++row) {
            if (table->columnSpan(row, column) == 1) {
                width = std::max(width, table->sizeHintForIndex(model->index(row, column)).width() +
                                            margin);
            }
        }
        table->setColumnWidth(column, width);
    }
}

void fit_table_height(QTableView* table) {
    const QHeaderView* header = table->horizontalHeader();
    const int rows = table->verticalHeader()->length();
    const int header_height = header->isVisible() ? header->sizeHint().height() : 0;
    const int scroll_bar = header->length() > table->viewport()->width()
                               ? table->horizontalScrollBar()->sizeHint().height()
                               : 0;
    table->setFixedHeight(rows + header_height + scroll_bar + 2 * table->frameWidth());
}

} // namespace triallens::ui
