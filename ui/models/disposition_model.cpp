#include "models/disposition_model.h"

#include <triallens/format/number_format.h>

namespace triallens::ui {

DispositionModel::DispositionModel(QObject* parent) : ResultsTableModel(parent) {}

const Disposition* DispositionModel::disposition() const {
    return results() && results()->disposition ? &*results()->disposition : nullptr;
}

int DispositionModel::tableRowCount() const {
    const Disposition* d = disposition();
    return d ? static_cast<int>(d->rows.size()) : 0;
}

int DispositionModel::tableColumnCount() const {
    const Disposition* d = disposition();
    return d ? 1 + static_cast<int>(d->columns.size()) : 0;
}

QString DispositionModel::cellText(int r, int column) const {
    const DispositionRow& row = disposition()->rows[static_cast<std::size_t>(r)];
    if (column == 0) {
        return row.reason.empty() ? QString::fromStdString(row.stage)
                                  : QStringLiteral("    ") + QString::fromStdString(row.reason);
    }
    const auto c = static_cast<std::size_t>(column - 1);
    if (c >= row.counts.size()) {
        return {};
    }
    return QString::fromStdString(
        count_percent_text(row.counts[c], c < row.pct.size() ? row.pct[c] : 0.0));
}

QVariant DispositionModel::cellValue(int r, int column) const {
    const DispositionRow& row = disposition()->rows[static_cast<std::size_t>(r)];
    if (column == 0) {
        return QString::fromStdString(row.reason.empty() ? row.stage : row.reason);
    }
    const auto c = static_cast<std::size_t>(column - 1);
    return c < row.counts.size() ? QVariant(static_cast<qulonglong>(row.counts[c])) : QVariant();
}

bool DispositionModel::cellBold(int r, int) const {
    return disposition()->rows[static_cast<std::size_t>(r)].reason.empty();
}

QVariant DispositionModel::cellData(int r, int column, int role) const {
    const DispositionRow& row = disposition()->rows[static_cast<std::size_t>(r)];
    switch (role) {
    case IsReasonRole:
        return !row.reason.empty();
    case LabelRole:
        return column == 0 ? cellValue(r, 0) : QVariant(cellText(r, column));
    default:
        return {};
    }
}

QVariant DispositionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    const Disposition* d = disposition();
    if (!d || orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columnCount()) {
        return ResultsTableModel::headerData(section, orientation, role);
    }
    if (section == 0) {
        return tr("Disposition");
    }
    const auto c = static_cast<std::size_t>(section - 1);
    const QString name = QString::fromStdString(d->columns[c]);
    const std::vector<std::size_t> n = disposition_column_n(*d);
    return c < n.size() ? tr("%1\n(N = %2)").arg(name).arg(n[c]) : name;
}

std::vector<std::size_t> disposition_column_n(const Disposition& disposition) {
    for (const DispositionRow& row : disposition.rows) {
        if (row.stage == "Randomised" && row.reason.empty()) {
            return row.counts;
        }
    }
    return disposition.rows.empty() ? std::vector<std::size_t>{} : disposition.rows.front().counts;
}

QStringList disposition_footnotes(const Disposition& disposition) {
    QStringList notes;
    notes << QStringLiteral("Percentages of each column's randomised subjects; reasons most "
                            "frequent first.");
    if (!disposition.sources.empty()) {
        QStringList sources;
        for (const std::string& source : disposition.sources) {
            sources << QString::fromStdString(source);
        }
        notes << QStringLiteral("Read from %1.").arg(sources.join(QStringLiteral(", ")));
    }
    return notes;
}

} // namespace triallens::ui
