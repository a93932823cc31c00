#include "models/best_response_model.h"

#include <triallens/format/number_format.h>

namespace triallens::ui {

BestResponseModel::BestResponseModel(QObject* parent) : QAbstractTableModel(parent) {}

void BestResponseModel::setResults(ResultsPtr results) {
    beginResetModel();
    results_ = std::move(results);
    endResetModel();
}

const ResponseSummary* BestResponseModel::response() const {
    return results_ && results_->response ? &*results_->response : nullptr;
}

QString BestResponseModel::categoryLabel(const QString& category) {
    if (category.isEmpty()) {
        return tr("No assessment / missing");
    }
    static const QList<std::pair<QString, QString>> labels{
        {QStringLiteral("CR"), tr("Complete response (CR)")},
        {QStringLiteral("PR"), tr("Partial response (PR)")},
        {QStringLiteral("SD"), tr("Stable disease (SD)")},
        {QStringLiteral("NON-CR/NON-PD"), tr("Non-CR/non-PD")},
        {QStringLiteral("PD"), tr("Progressive disease (PD)")},
        {QStringLiteral("NE"), tr("Not evaluable (NE)")}};
    for (const auto& [code, label] : labels) {
        if (code == category) {
            return label;
        }
    }
    return category;
}

int BestResponseModel::rowCount(const QModelIndex& parent) const {
    const ResponseSummary* r = response();
    return parent.isValid() || !r ? 0 : static_cast<int>(r->bor_categories.size());
}

int BestResponseModel::columnCount(const QModelIndex& parent) const {
    const ResponseSummary* r = response();
    return parent.isValid() || !r ? 0 : 1 + static_cast<int>(r->best_overall_response.size());
}

QVariant BestResponseModel::data(const QModelIndex& index, int role) const {
    const ResponseSummary* r = response();
    if (!r || !index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) {
        return {};
    }
    const auto k = static_cast<std::size_t>(index.row());
    const QString category = QString::fromStdString(r->bor_categories[k]);
    if (role == CategoryRole) {
        return category;
    }
    if (index.column() == 0) {
        switch (role) {
        case Qt::DisplayRole:
            return categoryLabel(category);
        case Qt::TextAlignmentRole:
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        default:
            return {};
        }
    }
    const ArmBestResponse& arm =
        r->best_overall_response[static_cast<std::size_t>(index.column() - 1)];
    const BorCount& count = arm.counts[k];
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromStdString(count_percent_text(count.n, 100 * count.fraction));
    case Qt::TextAlignmentRole:
        return QVariant(Qt::AlignHCenter | Qt::AlignVCenter);
    case CountRole:
        return static_cast<qulonglong>(count.n);
    case FractionRole:
        return count.fraction;
    case ArmRole:
        return QString::fromStdString(arm.arm);
    case ArmNRole:
        return static_cast<qulonglong>(arm.n);
    default:
        return {};
    }
}

QVariant BestResponseModel::headerData(int section, Qt::Orientation orientation, int role) const {
    const ResponseSummary* r = response();
    if (!r || orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (section == 0) {
        return tr("Best overall response");
    }
    const ArmBestResponse& arm = r->best_overall_response[static_cast<std::size_t>(section - 1)];
    return tr("%1\n(N = %2), n (%)").arg(QString::fromStdString(arm.arm)).arg(arm.n);
}

} // namespace triallens::ui
