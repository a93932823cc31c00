#pragma once
// A table sized to its content, for tables stacked in one tab so the tab
// reads as a page rather than each table scrolling in its own box: its size
// hint is its header, rows and columns, and rows that start with a cell
// spanning the whole width (section titles) are drawn across it.

#include <QTableView>

namespace triallens::ui {

class FittedTableView : public QTableView {
    Q_OBJECT

public:
    explicit FittedTableView(QWidget* parent = nullptr);

    // Spans the rows `is_title` picks across every column, fits each column
    // to its heading and cells (leaving out the spanning ones, which would
    // otherwise widen the first column to a title), and asks the layout for
    // the new size.
    template <typename Predicate> void fitToContents(Predicate is_title) {
        clearSpans();
        for (int row = 0; row < model()->rowCount(); ++row) {
            if (is_title(row)) {
                setSpan(row, 0, 1, model()->columnCount());
            }
        }
        fitColumns();
    }
    void fitColumns();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    bool needsScrollBar(int width) const;
};

} // namespace triallens::ui
