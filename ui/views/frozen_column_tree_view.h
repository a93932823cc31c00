#pragma once
// A QTreeView whose first column stays in place when the others scroll
// horizontally, so each row keeps its label (the SOC ▸ PT term of the AE
// table) however far right the reader scrolls.
//
// Qt's "frozen column" pattern (the Frozen Column example) for a tree: a
// second QTreeView over the same model and selection model shows only
// column 0, lies over the left edge of this view's viewport and header, and
// is kept in step with it: vertical scrolling, expanding and collapsing,
// the first column's width, and the sort indicator, both ways. Keyboard
// focus stays with this view; scrollTo() never scrolls a cell under the
// frozen column. Expand the rows of both (expandAll() here expands both).

#include <QTreeView>

namespace triallens::ui {

class FrozenColumnTreeView : public QTreeView {
    Q_OBJECT

public:
    explicit FrozenColumnTreeView(QWidget* parent = nullptr);

    // The view showing column 0 on top; give it a header of its own (its
    // height must follow this view's header) before setModel().
    QTreeView* frozenView() const { return frozen_; }

    void setModel(QAbstractItemModel* model) override;
    void setSelectionModel(QItemSelectionModel* selection_model) override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;

    void expandAll();
    void collapseAll();

    // The widest cell of a column over the rows shown (sizeHintForColumn).
    int columnContentWidth(int column) const { return sizeHintForColumn(column); }

protected:
    void resizeEvent(QResizeEvent* event) override;
    void updateGeometries() override;

private:
    void showOnlyFirstColumn();
    void updateFrozenGeometry();

    QTreeView* frozen_;
};

} // namespace triallens::ui
