#include "models/ph_test_model.h"

#include <triallens/format/number_format.h>

namespace triallens::ui {

PhTestModel::PhTestModel(QObject* parent) : ResultsTableModel(parent) {}

QString PhTestModel::transform() const {
    return results() && results()->ph_test ? QString::fromStdString(results()->ph_test->transform)
                                           : QString();
}

int PhTestModel::tableRowCount() const {
    return !results() || !results()->ph_test ? 0
                                             : static_cast<int>(results()->ph_test->rows.size());
}

QString PhTestModel::cellText(int row, int column) const {
    return cell(row, column, true).toString();
}

QVariant PhTestModel::cellValue(int row, int column) const {
    return cell(row, column, false);
}

QVariant PhTestModel::cell(int r, int column, bool display) const {
    const PhTestRow& row = results()->ph_test->rows[static_cast<std::size_t>(r)];
    switch (column) {
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
        return ResultsTableModel::headerData(section, orientation, role);
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
