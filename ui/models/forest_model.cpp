#include "models/forest_model.h"

#include <triallens/format/number_format.h>

#include <QFont>

#include <algorithm>

namespace triallens::ui {

namespace {

QVariant optional_value(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant();
}

int arm_index(const Results& results, const std::string& name) {
    const auto found = std::find_if(results.arms.begin(), results.arms.end(),
                                    [&](const ArmSurvival& arm) { return arm.arm == name; });
    return found == results.arms.end() ? -1 : static_cast<int>(found - results.arms.begin());
}

} // namespace

ForestModel::ForestModel(QObject* parent) : QAbstractTableModel(parent) {}

void ForestModel::setResults(ResultsPtr results) {
    beginResetModel();
    results_ = std::move(results);
    rows_.clear();
    reference_arm_.clear();
    compared_arm_.clear();
    reference_index_ = compared_index_ = -1;
    conf_level_ = 0.95;
    median_decimals_ = 1;
    if (results_) {
        const Results& r = *results_;
        median_decimals_ = median_decimals(r);
        if (!r.arms.empty()) {
            conf_level_ = r.arms.front().km.options.conf_level;
        }
        // The subgroups name the compared arm; without them the Cox model's
        // first contrast does.
        std::string reference;
        std::string compared;
        const auto with_arms =
            std::find_if(r.subgroups.begin(), r.subgroups.end(),
                         [](const SubgroupRow& row) { return row.arms.size() >= 2; });
        if (with_arms != r.subgroups.end()) {
            reference = with_arms->arms[0].arm;
            compared = with_arms->arms[1].arm;
        } else if (r.cox && !r.cox->terms.empty()) {
            reference = r.cox->reference_arm;
            compared = r.cox->terms.front().arm;
        } else if (r.arms.size() >= 2) {
            reference = r.arms[0].arm;
            compared = r.arms[1].arm;
        }
        reference_arm_ = QString::fromStdString(reference);
        compared_arm_ = QString::fromStdString(compared);
        reference_index_ = arm_index(r, reference);
        compared_index_ = arm_index(r, compared);

        Row all;
        all.kind = RowKind::AllPatients;
        if (reference_index_ >= 0 && compared_index_ >= 0) {
            all.has_arms = true;
            const int indices[2] = {reference_index_, compared_index_};
            for (std::size_t a = 0; a < 2; ++a) {
                const ArmSurvival& arm = r.arms[static_cast<std::size_t>(indices[a])];
                all.arms[a] = {arm.km.n, arm.km.n_events, arm.median};
                all.n += arm.km.n;
                all.events += arm.km.n_events;
            }
        } else {
            all.n = r.n;
            all.events = r.events;
        }
        if (r.cox && !r.cox->terms.empty()) {
            const auto term = std::find_if(r.cox->terms.begin(), r.cox->terms.end(),
                                           [&](const HazardRatio& t) { return t.arm == compared; });
            const HazardRatio& hr = term != r.cox->terms.end() ? *term : r.cox->terms.front();
            all.hr = hr.hr;
            all.lower = hr.lower;
            all.upper = hr.upper;
        }
        rows_.push_back(all);

        for (const SubgroupRow& subgroup : r.subgroups) {
            const QString variable = QString::fromStdString(subgroup.variable);
            if (rows_.back().variable != variable) {
                Row header;
                header.kind = RowKind::Header;
                header.variable = variable;
                header.interaction_p = subgroup.interaction_p;
                rows_.push_back(header);
            }
            Row level;
            level.variable = variable;
            level.level = QString::fromStdString(subgroup.level);
            level.n = subgroup.n;
            level.events = subgroup.events;
            level.has_arms = subgroup.arms.size() >= 2;
            for (std::size_t a = 0; a < 2 && a < subgroup.arms.size(); ++a) {
                const SubgroupArm& arm = subgroup.arms[a];
                level.arms[a] = {arm.n, arm.events, arm.median};
            }
            level.hr = subgroup.hr;
            level.lower = subgroup.lower;
            level.upper = subgroup.upper;
            level.interaction_p = subgroup.interaction_p;
            rows_.push_back(level);
        }
    }
    endResetModel();
}

int ForestModel::rowOf(const QString& variable, const QString& level) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const Row& row = rows_[i];
        if (row.kind == RowKind::Header) {
            continue;
        }
        if (row.variable == variable && row.level == level) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

bool ForestModel::isSelectable(int row) const {
    return row >= 0 && row < rowCount() &&
           rows_[static_cast<std::size_t>(row)].kind != RowKind::Header;
}

QString ForestModel::columnCaption(int column) const {
    switch (column) {
    case SubgroupColumn:
        return tr("Subgroup");
    case ReferenceCountsColumn:
    case ComparedCountsColumn:
        return tr("n/events");
    case ReferenceMedianColumn:
    case ComparedMedianColumn:
        return tr("median (CI)");
    case HazardRatioColumn:
        return tr("HR (%1 CI)").arg(QString::fromStdString(conf_level_text(conf_level_)));
    case InteractionColumn:
        return tr("interaction p");
    default:
        return {};
    }
}

int ForestModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ForestModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ForestModel::displayText(const Row& row, int column) const {
    const auto arm_cell = [&](std::size_t a, bool counts) -> QString {
        if (!row.has_arms) {
            return {};
        }
        const ArmCell& arm = row.arms[a];
        if (counts) {
            return QStringLiteral("%1/%2").arg(arm.n).arg(arm.events);
        }
        return arm.n == 0
                   ? QStringLiteral("–")
                   : QString::fromStdString(median_ci_text(arm.median.estimate, arm.median.lower,
                                                           arm.median.upper, median_decimals_));
    };
    switch (column) {
    case SubgroupColumn:
        switch (row.kind) {
        case RowKind::AllPatients:
            return tr("All patients");
        case RowKind::Header:
            return row.variable;
        case RowKind::Level:
            return row.level;
        }
        return {};
    case ReferenceCountsColumn:
    case ComparedCountsColumn:
    case ReferenceMedianColumn:
    case ComparedMedianColumn:
        if (row.kind == RowKind::Header) {
            return {};
        }
        return arm_cell(column < ComparedCountsColumn ? 0 : 1,
                        column == ReferenceCountsColumn || column == ComparedCountsColumn);
    case HazardRatioColumn:
        return row.kind == RowKind::Header
                   ? QString()
                   : QString::fromStdString(ratio_ci_text(row.hr, row.lower, row.upper));
    case InteractionColumn:
        if (row.kind != RowKind::Header) {
            return {};
        }
        return row.interaction_p ? QString::fromStdString(p_value_label(row.interaction_p))
                                 : QString::fromUtf8(not_estimable_text);
    default:
        return {};
    }
}

QVariant ForestModel::sortValue(const Row& row, int column) const {
    switch (column) {
    case SubgroupColumn:
        return displayText(row, column);
    case ReferenceCountsColumn:
    case ComparedCountsColumn:
        return row.has_arms ? QVariant(static_cast<qulonglong>(
                                  row.arms[column == ReferenceCountsColumn ? 0 : 1].n))
                            : QVariant();
    case ReferenceMedianColumn:
    case ComparedMedianColumn:
        return row.has_arms ? optional_value(
                                  row.arms[column == ReferenceMedianColumn ? 0 : 1].median.estimate)
                            : QVariant();
    case HazardRatioColumn:
        return optional_value(row.hr);
    case InteractionColumn:
        return optional_value(row.interaction_p);
    default:
        return {};
    }
}

QVariant ForestModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) {
        return {};
    }
    const Row& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::TextAlignmentRole:
        return index.column() == SubgroupColumn ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignHCenter | Qt::AlignVCenter);
    case Qt::FontRole:
        if (row.kind != RowKind::Level) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case RowKindRole:
        return QVariant::fromValue(row.kind);
    case VariableRole:
        return row.variable;
    case LevelRole:
        return row.level;
    case HazardRatioRole:
        return optional_value(row.hr);
    case LowerRole:
        return optional_value(row.lower);
    case UpperRole:
        return optional_value(row.upper);
    case NRole:
        return row.kind == RowKind::Header ? QVariant() : QVariant(static_cast<qulonglong>(row.n));
    case EventsRole:
        return row.kind == RowKind::Header ? QVariant()
                                           : QVariant(static_cast<qulonglong>(row.events));
    case InteractionPRole:
        return optional_value(row.interaction_p);
    case SortRole:
        return sortValue(row, index.column());
    default:
        return {};
    }
}

QVariant ForestModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    QString arm;
    if (section == ReferenceCountsColumn || section == ReferenceMedianColumn) {
        arm = reference_arm_;
    } else if (section == ComparedCountsColumn || section == ComparedMedianColumn) {
        arm = compared_arm_;
    }
    return arm.isEmpty() ? columnCaption(section)
                         : QStringLiteral("%1\n%2").arg(arm, columnCaption(section));
}

} // namespace triallens::ui
