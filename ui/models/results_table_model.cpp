#include "models/results_table_model.h"

#include <QFont>

namespace triallens::ui {

ResultsTableModel::ResultsTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void ResultsTableModel::setResults(ResultsPtr results) {
    beginResetModel();
    results_ = std::move(results);
    rebuild();
    endResetModel();
}

int ResultsTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : tableRowCount();
}

int ResultsTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : tableColumnCount();
}

QVariant ResultsTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) {
        return {};
    }
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return cellText(row, column);
    case ValueRole:
        return cellValue(row, column);
    case Qt::TextAlignmentRole:
        return QVariant(cellAlignment(row, column));
    case Qt::FontRole:
        if (cellBold(row, column)) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole: {
        const QString tip = cellToolTip(row, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    default:
        return cellData(row, column, role);
    }
}

QVariant ResultsTableModel::cellValue(int, int) const {
    return {};
}

Qt::Alignment ResultsTableModel::cellAlignment(int, int column) const {
    return column == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignHCenter | Qt::AlignVCenter;
}

bool ResultsTableModel::cellBold(int, int) const {
    return false;
}

QString ResultsTableModel::cellToolTip(int, int) const {
    return {};
}

QVariant ResultsTableModel::cellData(int, int, int) const {
    return {};
}

QVariant optional_value(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant();
}

} // namespace triallens::ui
