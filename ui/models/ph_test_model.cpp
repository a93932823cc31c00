#include "models/ph_test_model.h"

#include <triallens/format/number_format.h>

namespace triallens::ui {

PhTestModel::PhTestModel(QObject* parent) : QAbstractTableModel(parent) {}

void PhTestModel::setResults(ResultsPtr results) {
    beginResetModel();
    results_ = std::move(results);
    endResetModel();
}

QString PhTestModel::transform() const {
    return results_ && results_->ph_test ? QString::fromStdString(results_->ph_test->transform)
                                         : QString();
}

int PhTestModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !results_ || !results_->ph_test
               ? 0
               : static_cast<int>(results_->ph_test->rows.size());
}

int PhTestModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PhTestModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) {
        return {};
    }
    const PhTestRow& row = results_->ph_test->rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole) {
        return index.column() == TermColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                            : QVariant(Qt::AlignHCenter | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole && role != ValueRole) {
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    switch (index.column()) {
    case TermColumn:
        return QString::fromStdString(row.term);
    case ChisqColumn:
        if (!row.chisq) {
            return display ? QVariant(QStringLiteral("NA")) : QVariant();
        }
        return display ? QVariant(QString::number(*row.chisq, 'f', 3)) : QVariant(*row.chisq);
    case DfColumn:
        return display ? QVariant(QString::number(row.df))
                       : QVariant(static_cast<qulonglong>(row.df));
    case PColumn:
        if (!row.p) {
            return display ? QVariant(QStringLiteral("NA")) : QVariant();
        }
        return display ? QVariant(QString::fromStdString(p_value_text(row.p))) : QVariant(*row.p);
    default:
        return {};
    }
}

QVariant PhTestModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TermColumn:
        return tr("Term");
    case ChisqColumn:
        return tr("χ²");
    case DfColumn:
        return tr("df");
    case PColumn:
        return tr("p");
    default:
        return {};
    }
}

} // namespace triallens::ui
