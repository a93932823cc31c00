#include "models/ae_filter_proxy.h"

#include "models/ae_tree_model.h"

namespace triallens::ui {

namespace {

bool is_any_event_row(const QModelIndex& index) {
    return index.data(AeTreeModel::RowKindRole).toInt() ==
           static_cast<int>(AeTreeModel::RowKind::AnyEvent);
}

} // namespace

AeFilterProxy::AeFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(AeTreeModel::SortRole);
    // A SOC stays while any of its terms passes the threshold.
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

void AeFilterProxy::setMinimumIncidence(double percent) {
    if (percent == minimum_incidence_) {
        return;
    }
    minimum_incidence_ = percent;
    invalidateRowsFilter();
}

void AeFilterProxy::setTermFilter(const QString& text, bool exact) {
    if (text == term_filter_ && exact == term_exact_) {
        return;
    }
    term_filter_ = text;
    term_exact_ = exact;
    invalidateRowsFilter();
}

bool AeFilterProxy::filterAcceptsRow(int source_row, const QModelIndex& source_parent) const {
    const QModelIndex index = sourceModel()->index(source_row, 0, source_parent);
    if (!term_filter_.isEmpty()) {
        // SOCs show through their terms (recursive filtering).
        if (index.data(AeTreeModel::RowKindRole).toInt() !=
            static_cast<int>(AeTreeModel::RowKind::PreferredTerm)) {
            return false;
        }
        const QString term = index.data(Qt::DisplayRole).toString();
        const bool named = term_exact_ ? term.compare(term_filter_, Qt::CaseInsensitive) == 0
                                       : term.contains(term_filter_, Qt::CaseInsensitive);
        if (!named) {
            return false;
        }
        return term_exact_ ||
               index.data(AeTreeModel::MaxIncidenceRole).toDouble() >= minimum_incidence_;
    }
    if (is_any_event_row(index)) {
        return true;
    }
    return index.data(AeTreeModel::MaxIncidenceRole).toDouble() >= minimum_incidence_;
}

bool AeFilterProxy::lessThan(const QModelIndex& source_left,
                             const QModelIndex& source_right) const {
    // Sorting descending compares lessThan(right, left), so the any-AE row
    // stays first only if its answer follows the order.
    if (is_any_event_row(source_left)) {
        return sortOrder() == Qt::AscendingOrder;
    }
    if (is_any_event_row(source_right)) {
        return sortOrder() == Qt::DescendingOrder;
    }
    const QVariant left = source_left.data(sortRole());
    const QVariant right = source_right.data(sortRole());
    if (!left.isValid() || !right.isValid()) {
        return !left.isValid() && right.isValid(); // missing values sort lowest
    }
    if (left.typeId() == QMetaType::QString || right.typeId() == QMetaType::QString) {
        return left.toString().localeAwareCompare(right.toString()) < 0;
    }
    return left.toDouble() < right.toDouble();
}

} // namespace triallens::ui
