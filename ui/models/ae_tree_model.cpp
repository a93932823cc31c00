#include "models/ae_tree_model.h"

#include "models/palette.h"

#include <triallens/format/adverse_event_grade_text.h>
#include <triallens/format/number_format.h>

#include <QColor>
#include <QFont>

#include <algorithm>
#include <utility>

namespace triallens::ui {

namespace {

constexpr quintptr top_level_id = 0;

QString level_text(double conf_level) {
    return QString::fromStdString(conf_level_text(conf_level));
}

QString signed_percent(double fraction) {
    return QString::fromStdString(percent_text(100 * fraction));
}

// Numbers right-aligned so digits line up; int, as the views read the role.
QVariant alignment(AeTreeModel::ColumnKind kind) {
    return kind == AeTreeModel::ColumnKind::Term ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                                 : int(Qt::AlignRight | Qt::AlignVCenter);
}

// Arm names run long ("Benmelstobart + anlotinib"), and a heading as wide
// as its name would make each count column three times its numbers' width:
// wrap at spaces to lines of about this many characters.
constexpr qsizetype heading_line = 20;

QString wrapped(const QString& text) {
    QString out;
    qsizetype line = 0;
    for (const QString& word : text.split(u' ', Qt::SkipEmptyParts)) {
        if (line > 0 && line + 1 + word.size() > heading_line) {
            out += u'\n';
            line = 0;
        } else if (line > 0) {
            out += u' ';
            ++line;
        }
        out += word;
        line += word.size();
    }
    return out;
}

QString term_text(const AeRow& row) {
    if (row.pt) {
        return QString::fromStdString(*row.pt);
    }
    if (row.soc) {
        return QString::fromStdString(*row.soc);
    }
    return AeTreeModel::tr("Any adverse event");
}

} // namespace

AeTreeModel::AeTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void AeTreeModel::setTable(std::shared_ptr<const AeTable> table) {
    beginResetModel();
    table_ = std::move(table);
    rebuild();
    endResetModel();
}

void AeTreeModel::setExposureAdjusted(bool on) {
    if (on == exposure_adjusted_) {
        return;
    }
    beginResetModel();
    exposure_adjusted_ = on;
    rebuild();
    endResetModel();
}

void AeTreeModel::rebuild() {
    columns_.clear();
    groups_.clear();
    if (!table_) {
        return;
    }
    const int arms = static_cast<int>(table_->arms.size());
    columns_.push_back({ColumnKind::Term, -1});
    for (int arm = 0; arm < arms; ++arm) {
        columns_.push_back({ColumnKind::AnyGrade, arm});
        columns_.push_back({ColumnKind::Grade3Plus, arm});
        if (exposure_adjusted_ && !table_->patient_years.empty()) {
            columns_.push_back({ColumnKind::ExposureRate, arm});
        }
    }
    if (table_->reference_arm) {
        for (int arm = 0; arm < arms; ++arm) {
            if (static_cast<std::size_t>(arm) != *table_->reference_arm) {
                columns_.push_back({ColumnKind::RiskDifference, arm});
            }
        }
    }
    // The core lists the any-AE row, then each SOC followed by its PTs.
    for (std::size_t r = 0; r < table_->rows.size(); ++r) {
        if (table_->rows[r].pt && !groups_.empty()) {
            groups_.back().children.push_back(r);
        } else {
            groups_.push_back({r, {}});
        }
    }
}

AeTreeModel::ColumnKind AeTreeModel::columnKind(int column) const {
    return column >= 0 && column < static_cast<int>(columns_.size())
               ? columns_[static_cast<std::size_t>(column)].kind
               : ColumnKind::Term;
}

int AeTreeModel::columnArm(int column) const {
    return column >= 0 && column < static_cast<int>(columns_.size())
               ? columns_[static_cast<std::size_t>(column)].arm
               : -1;
}

QString AeTreeModel::severeMeaning() const {
    return table_ && table_->grade_variable == "AESEV"
               ? tr("severe (AESEV), counted as grade 3 or higher")
               : tr("grade 3 or higher");
}

QString AeTreeModel::gradeNote() const {
    return table_ ? QString::fromStdString(grade_note(table_->grade_variable)) : QString();
}

const AeRow* AeTreeModel::rowAt(const QModelIndex& index) const {
    if (!table_ || !index.isValid() || index.model() != this) {
        return nullptr;
    }
    const auto row = static_cast<std::size_t>(index.row());
    if (index.internalId() == top_level_id) {
        return row < groups_.size() ? &table_->rows[groups_[row].row] : nullptr;
    }
    const Group& group = groups_[index.internalId() - 1];
    return row < group.children.size() ? &table_->rows[group.children[row]] : nullptr;
}

QModelIndex AeTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) {
        return {};
    }
    if (!parent.isValid()) {
        return createIndex(row, column, top_level_id);
    }
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex AeTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == top_level_id) {
        return {};
    }
    return createIndex(static_cast<int>(child.internalId() - 1), 0, top_level_id);
}

int AeTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) {
        return static_cast<int>(groups_.size());
    }
    if (parent.column() != 0 || parent.internalId() != top_level_id) {
        return 0;
    }
    return static_cast<int>(groups_[static_cast<std::size_t>(parent.row())].children.size());
}

int AeTreeModel::columnCount(const QModelIndex&) const {
    return static_cast<int>(columns_.size());
}

double AeTreeModel::maxIncidence(const AeRow& row) const {
    double highest = 0;
    for (std::size_t a = 0; a < row.counts.size() && a < table_->denominators.size(); ++a) {
        if (table_->denominators[a] > 0) {
            highest = std::max(highest, 100.0 * static_cast<double>(row.counts[a].any) /
                                            static_cast<double>(table_->denominators[a]));
        }
    }
    return highest;
}

QVariant AeTreeModel::countData(const AeRow& row, const Column& column, int role) const {
    const auto arm = static_cast<std::size_t>(column.arm);
    const std::size_t count =
        column.kind == ColumnKind::AnyGrade ? row.counts[arm].any : row.counts[arm].grade3plus;
    const std::size_t n = table_->denominators[arm];
    const double percent =
        n == 0 ? 0.0 : 100.0 * static_cast<double>(count) / static_cast<double>(n);
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromStdString(count_percent_text(count, percent));
    case Qt::ToolTipRole:
        return tr("%1: %2 of %3 subjects (%4%), %5")
            .arg(QString::fromStdString(table_->arms[arm]))
            .arg(count)
            .arg(n)
            .arg(QString::fromStdString(percent_text(percent)))
            .arg(column.kind == ColumnKind::AnyGrade ? tr("any grade") : severeMeaning());
    case SortRole:
    case CountRole:
        return QVariant::fromValue<qulonglong>(count);
    case DenominatorRole:
        return QVariant::fromValue<qulonglong>(n);
    case PercentRole:
        return percent;
    default:
        return {};
    }
}

QVariant AeTreeModel::differenceData(const AeRow& row, const Column& column, int role) const {
    const auto& difference = row.risk_difference[static_cast<std::size_t>(column.arm)];
    if (!difference) {
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("\u2014")) : QVariant();
    }
    const AeDifference& any = difference->any;
    switch (role) {
    case Qt::DisplayRole:
        return QString::fromStdString(
            difference_ci_text(100 * any.estimate, 100 * any.lower, 100 * any.upper));
    case Qt::ToolTipRole:
        return tr("%1 minus %2, any grade: %3 percentage points (%4 CI %5 to %6, "
                  "Miettinen\u2013Nurminen)")
            .arg(QString::fromStdString(table_->arms[static_cast<std::size_t>(column.arm)]),
                 QString::fromStdString(table_->arms[*table_->reference_arm]),
                 signed_percent(any.estimate), level_text(table_->conf_level),
                 signed_percent(any.lower), signed_percent(any.upper));
    case SortRole:
    case DifferenceRole:
        return 100 * any.estimate;
    case DifferenceLowerRole:
        return 100 * any.lower;
    case DifferenceUpperRole:
        return 100 * any.upper;
    default:
        return {};
    }
}

QVariant AeTreeModel::rateData(const AeRow& row, const Column& column, int role) const {
    const auto arm = static_cast<std::size_t>(column.arm);
    if (arm >= row.exposure_adjusted.size() || !row.exposure_adjusted[arm]) {
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("\u2014")) : QVariant();
    }
    const ExposureAdjustedRate& rate = *row.exposure_adjusted[arm];
    switch (role) {
    case Qt::DisplayRole:
        return QStringLiteral("%1 (%2, %3)")
            .arg(QString::fromStdString(decimal_text(rate.rate, 1)),
                 QString::fromStdString(decimal_text(rate.lower, 1)),
                 QString::fromStdString(decimal_text(rate.upper, 1)));
    case Qt::ToolTipRole:
        return tr("%1: %2 subjects over %3 patient-years, %4 per 100 patient-years (%5 CI "
                  "%6 to %7, exact Poisson)")
            .arg(QString::fromStdString(table_->arms[arm]))
            .arg(rate.subjects)
            .arg(QString::fromStdString(decimal_text(rate.patient_years, 1)),
                 QString::fromStdString(decimal_text(rate.rate, 2)), level_text(table_->conf_level),
                 QString::fromStdString(decimal_text(rate.lower, 2)),
                 QString::fromStdString(decimal_text(rate.upper, 2)));
    case SortRole:
        return rate.rate;
    default:
        return {};
    }
}

QVariant AeTreeModel::data(const QModelIndex& index, int role) const {
    const AeRow* row = rowAt(index);
    if (row == nullptr) {
        return {};
    }
    const RowKind kind = row->pt    ? RowKind::PreferredTerm
                         : row->soc ? RowKind::SystemOrganClass
                                    : RowKind::AnyEvent;
    const Column& column = columns_[static_cast<std::size_t>(index.column())];
    switch (role) {
    case RowKindRole:
        return static_cast<int>(kind);
    case MaxIncidenceRole:
        return maxIncidence(*row);
    case Qt::FontRole:
        if (kind != RowKind::PreferredTerm) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        return alignment(column.kind);
    default:
        break;
    }
    switch (column.kind) {
    case ColumnKind::Term:
        if (role == Qt::DisplayRole || role == SortRole) {
            return term_text(*row);
        }
        if (role == Qt::ToolTipRole) {
            return kind == RowKind::PreferredTerm
                       ? tr("%1 (preferred term in %2)")
                             .arg(term_text(*row), QString::fromStdString(row->soc.value_or("")))
                   : kind == RowKind::SystemOrganClass
                       ? tr("%1 (system organ class)").arg(term_text(*row))
                       : tr("%1: subjects with at least one adverse event").arg(term_text(*row));
        }
        return {};
    case ColumnKind::AnyGrade:
    case ColumnKind::Grade3Plus:
        return countData(*row, column, role);
    case ColumnKind::RiskDifference:
        return differenceData(*row, column, role);
    case ColumnKind::ExposureRate:
        return rateData(*row, column, role);
    }
    return {};
}

QVariant AeTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || !table_ || section < 0 ||
        section >= static_cast<int>(columns_.size())) {
        return QAbstractItemModel::headerData(section, orientation, role);
    }
    const Column& column = columns_[static_cast<std::size_t>(section)];
    const auto arm = static_cast<std::size_t>(column.arm);
    const auto arm_heading = [&] {
        return QStringLiteral("%1 (N=%2)")
            .arg(QString::fromStdString(table_->arms[arm]))
            .arg(table_->denominators[arm]);
    };
    const auto arm_name = [](const std::string& name) {
        return wrapped(QString::fromStdString(name));
    };
    switch (role) {
    case ColumnKindRole:
        return static_cast<int>(column.kind);
    case ArmRole:
        return column.arm;
    case Qt::InitialSortOrderRole:
        // Counts and differences read best largest first, terms A to Z.
        return column.kind == ColumnKind::Term ? Qt::AscendingOrder : Qt::DescendingOrder;
    case Qt::TextAlignmentRole:
        return alignment(column.kind);
    case GroupColourRole:
        if (column.kind == ColumnKind::AnyGrade || column.kind == ColumnKind::Grade3Plus ||
            column.kind == ColumnKind::ExposureRate) {
            // The arm's colour, as on the survival curves.
            return arm_colour(column.arm);
        }
        return {};
    case GroupRole:
        switch (column.kind) {
        case ColumnKind::Term:
            return QString();
        case ColumnKind::AnyGrade:
        case ColumnKind::Grade3Plus:
        case ColumnKind::ExposureRate:
            return arm_heading();
        case ColumnKind::RiskDifference:
            return tr("Risk difference, any grade, % (%1 CI)").arg(level_text(table_->conf_level));
        }
        return {};
    case Qt::DisplayRole:
        switch (column.kind) {
        case ColumnKind::Term:
            return tr("System organ class\nPreferred term");
        case ColumnKind::AnyGrade:
            return tr("Any");
        case ColumnKind::Grade3Plus:
            return QString::fromStdString(severe_heading(table_->grade_variable));
        case ColumnKind::ExposureRate:
            return tr("Rate/100 PY");
        case ColumnKind::RiskDifference:
            return tr("%1\n\u2212 %2")
                .arg(arm_name(table_->arms[arm]), arm_name(table_->arms[*table_->reference_arm]));
        }
        return {};
    case Qt::ToolTipRole:
        switch (column.kind) {
        case ColumnKind::Term:
            return tr("System organ class, and preferred terms within it");
        case ColumnKind::AnyGrade:
            return tr("Subjects in %1 with the event at any grade: n (%)").arg(arm_heading());
        case ColumnKind::Grade3Plus:
            return tr("Subjects in %1 with the event, %2: n (%)\n%3")
                .arg(arm_heading(), severeMeaning(), gradeNote());
        case ColumnKind::ExposureRate:
            return tr("Subjects in %1 with the event per 100 patient-years of treatment "
                      "(treatment duration from %2), with the exact Poisson %3 CI")
                .arg(arm_heading(), QString::fromStdString(table_->exposure_source),
                     level_text(table_->conf_level));
        case ColumnKind::RiskDifference:
            return tr("Difference in the percentage of subjects with the event at any grade, "
                      "%1 minus %2, in percentage points, with the Miettinen\u2013Nurminen "
                      "%3 confidence interval")
                .arg(QString::fromStdString(table_->arms[arm]),
                     QString::fromStdString(table_->arms[*table_->reference_arm]),
                     level_text(table_->conf_level));
        }
        return {};
    default:
        return QAbstractItemModel::headerData(section, orientation, role);
    }
}

} // namespace triallens::ui
