#pragma once
// Tables stacked in one tab are sized to their content, so the tab reads as
// a page rather than each table scrolling in its own box.

class QTableView;

namespace triallens::ui {

// Every column as wide as its heading and its cells, leaving out cells that
// span several columns (a section title row would otherwise widen the first).
void fit_table_columns(QTableView* table);

// Fixes the view's height to its header and rows (and a horizontal scroll
// bar when the columns are wider than the view).
void fit_table_height(QTableView* table);

} // namespace triallens::ui
