#pragma once
// Sorting and the minimum-incidence threshold over an AeTreeModel.
//
// Sorts by AeTreeModel::SortRole of the clicked column: terms by name,
// counts and risk differences numerically, with the "Any adverse event" row
// first in either order. Unsorted, rows keep the core's order (descending
// frequency). Hides preferred terms whose highest any-grade incidence over
// the arms is below the threshold, and system organ classes below it all of
// whose terms are hidden; the any-AE row always shows, except while a term
// filter narrows the tree: then only the preferred terms whose name holds
// the text (or equals it, exactly) show, under their SOCs.

#include <QSortFilterProxyModel>

namespace triallens::ui {

class AeFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit AeFilterProxy(QObject* parent = nullptr);

    // In percent of the arm's subjects; 0 shows every row.
    void setMinimumIncidence(double percent);
    double minimumIncidence() const { return minimum_incidence_; }

    // Case-blind; "" shows every term. `exact`: the whole name (a click on
    // a figure's term), else a part of it (typing in the search field).
    void setTermFilter(const QString& text, bool exact = false);
    const QString& termFilter() const { return term_filter_; }

protected:
    bool filterAcceptsRow(int source_row, const QModelIndex& source_parent) const override;
    bool lessThan(const QModelIndex& source_left, const QModelIndex& source_right) const override;

private:
    double minimum_incidence_ = 0;
    QString term_filter_;
    bool term_exact_ = false;
};

} // namespace triallens::ui
