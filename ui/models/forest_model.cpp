#include "models/forest_model.h"

#include <triallens/format/number_format.h>

#include <QFont>

#include <algorithm>

namespace triallens::ui {

namespace {

int arm_index(const Results& results, const std::string& name) {
    const auto found = std::find_if(results.arms.begin(), results.arms.end(),
                                    [&](const ArmSurvival& arm) { return arm.arm == name; });
    return found == results.arms.end() ? -1 : static_cast<int>(found - results.arms.begin());
}

} // namespace

ForestModel::ForestModel(QObject* parent) : ResultsTableModel(parent) {}

void ForestModel::rebuild() {
    rows_.clear();
    reference_arm_.clear();
    compared_arm_.clear();
    reference_index_ = compared_index_ = -1;
    conf_level_ = 0.95;
    median_decimals_ = 1;
    if (results()) {
        const Results& r = *results();
        median_decimals_ = median_decimals(r);
        if (!r.arms.empty()) {
            conf_level_ = r.arms.front().km.options.conf_level;
        }
        // The core names the arms compared and makes the all-patients row
        // (compute_workspace); results of a plain refit have neither.
        const std::string reference = r.all_patients ? r.all_patients->arms[0].arm : std::string();
        reference_arm_ = QString::fromStdString(reference);
        compared_arm_ = QString::fromStdString(r.compared_arm);
        reference_index_ = arm_index(r, reference);
        compared_index_ = arm_index(r, r.compared_arm);

        Row all;
        all.kind = RowKind::AllPatients;
        if (r.all_patients) {
            const SubgroupRow& row = *r.all_patients;
            all.has_arms = true;
            for (std::size_t a = 0; a < 2; ++a) {
                all.arms[a] = {row.arms[a].n, row.arms[a].events, row.arms[a].median};
            }
            all.n = row.n;
            all.events = row.events;
            all.hr = row.hr;
            all.lower = row.lower;
            all.upper = row.upper;
        } else {
            all.n = r.n;
            all.events = r.events;
        }
        rows_.push_back(all);

        for (const SubgroupRow& subgroup : r.subgroups) {
            const QString variable = QString::fromStdString(subgroup.variable);
            if (rows_.back().variable != variable) {
                Row header;
                header.kind = RowKind::Header;
                header.variable = variable;
                header.label = QString::fromStdString(variable_label(r, subgroup.variable));
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
            // The variable's label (Results::variable_labels); VariableRole keeps the name.
            return row.label;
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

QString ForestModel::cellText(int row, int column) const {
    return displayText(rows_[static_cast<std::size_t>(row)], column);
}

QVariant ForestModel::cellValue(int row, int column) const {
    return sortValue(rows_[static_cast<std::size_t>(row)], column);
}

bool ForestModel::cellBold(int row, int) const {
    return rows_[static_cast<std::size_t>(row)].kind != RowKind::Level;
}

QVariant ForestModel::cellData(int r, int, int role) const {
    const Row& row = rows_[static_cast<std::size_t>(r)];
    switch (role) {
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
    default:
        return {};
    }
}

QVariant ForestModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount) {
        return ResultsTableModel::headerData(section, orientation, role);
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
