#include "models/best_response_model.h"

#include <triallens/format/number_format.h>

namespace triallens::ui {

BestResponseModel::BestResponseModel(QObject* parent) : ResultsTableModel(parent) {}

const ResponseSummary* BestResponseModel::response() const {
    return results() && results()->response ? &*results()->response : nullptr;
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

int BestResponseModel::tableRowCount() const {
    const ResponseSummary* r = response();
    return r ? static_cast<int>(r->bor_categories.size()) : 0;
}

int BestResponseModel::tableColumnCount() const {
    const ResponseSummary* r = response();
    return r ? 1 + static_cast<int>(r->best_overall_response.size()) : 0;
}

QString BestResponseModel::cellText(int row, int column) const {
    const ResponseSummary* r = response();
    const auto k = static_cast<std::size_t>(row);
    if (column == 0) {
        return categoryLabel(QString::fromStdString(r->bor_categories[k]));
    }
    const BorCount& count =
        r->best_overall_response[static_cast<std::size_t>(column - 1)].counts[k];
    return QString::fromStdString(count_percent_text(count.n, 100 * count.fraction));
}

QVariant BestResponseModel::cellData(int row, int column, int role) const {
    const ResponseSummary* r = response();
    const auto k = static_cast<std::size_t>(row);
    if (role == CategoryRole) {
        return QString::fromStdString(r->bor_categories[k]);
    }
    if (column == 0) {
        return {};
    }
    const ArmBestResponse& arm = r->best_overall_response[static_cast<std::size_t>(column - 1)];
    const BorCount& count = arm.counts[k];
    switch (role) {
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
        return ResultsTableModel::headerData(section, orientation, role);
    }
    if (section == 0) {
        return tr("Best overall response");
    }
    const ArmBestResponse& arm = r->best_overall_response[static_cast<std::size_t>(section - 1)];
    return tr("%1\n(N = %2), n (%)").arg(QString::fromStdString(arm.arm)).arg(arm.n);
}

} // namespace triallens::ui
