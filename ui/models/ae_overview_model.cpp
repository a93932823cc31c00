#include "models/ae_overview_model.h"

#include "models/palette.h"

#include <triallens/format/number_format.h>

#include <QColor>

#include <utility>

namespace triallens::ui {

namespace {

QString text_of(const std::string& value) {
    return QString::fromStdString(value);
}

QString level_of(double conf_level) {
    return text_of(conf_level_text(conf_level));
}

QString difference_text(const std::optional<AeDifference>& difference, double scale) {
    if (!difference) {
        return {};
    }
    return text_of(difference_ci_text(scale * difference->estimate, scale * difference->lower,
                                      scale * difference->upper));
}

QString rate_text(const std::optional<ExposureAdjustedRate>& rate) {
    if (!rate) {
        return {};
    }
    return QStringLiteral("%1 (%2, %3)")
        .arg(text_of(decimal_text(rate->rate, 1)), text_of(decimal_text(rate->lower, 1)),
             text_of(decimal_text(rate->upper, 1)));
}

template <typename T> const T* at(const std::vector<T>& values, std::size_t i) {
    return i < values.size() ? &values[i] : nullptr;
}

} // namespace

AeOverviewModel::AeOverviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void AeOverviewModel::setOverview(std::shared_ptr<const AeOverview> overview,
                                  std::shared_ptr<const AeTable> table) {
    beginResetModel();
    overview_ = std::move(overview);
    table_ = std::move(table);
    rebuild();
    endResetModel();
}

void AeOverviewModel::setExposureAdjusted(bool on) {
    if (on == exposure_adjusted_) {
        return;
    }
    beginResetModel();
    exposure_adjusted_ = on;
    rebuild();
    endResetModel();
}

bool AeOverviewModel::hasExposure() const {
    return table_ && !table_->patient_years.empty();
}

QString AeOverviewModel::noExposureReason() const {
    if (hasExposure()) {
        return {};
    }
    return tr("Exposure-adjusted rates need each subject's treatment duration (TRTDURD or "
              "TRTDUR, or TRTSDT and TRTEDT in the subject-level data); this study has none.");
}

void AeOverviewModel::rebuild() {
    columns_.clear();
    if (!overview_) {
        return;
    }
    const AeOverview& overview = *overview_;
    const bool rates = exposure_adjusted_ && hasExposure();
    columns_.push_back({ColumnKind::Category, 0});
    for (std::size_t arm = 0; arm < overview.arms.size(); ++arm) {
        columns_.push_back({ColumnKind::Count, arm});
        if (rates) {
            columns_.push_back({ColumnKind::Rate, arm});
        }
    }
    for (std::size_t arm = 0; arm < overview.arms.size(); ++arm) {
        if (overview.reference_arm && arm != *overview.reference_arm) {
            columns_.push_back({ColumnKind::RiskDifference, arm});
        }
    }
    if (rates) {
        for (std::size_t arm = 0; arm < overview.arms.size(); ++arm) {
            if (overview.reference_arm && arm != *overview.reference_arm) {
                columns_.push_back({ColumnKind::RateDifference, arm});
            }
        }
    }
}

AeOverviewModel::ColumnKind AeOverviewModel::columnKind(int column) const {
    return column >= 0 && column < static_cast<int>(columns_.size())
               ? columns_[static_cast<std::size_t>(column)].kind
               : ColumnKind::Category;
}

int AeOverviewModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !overview_ ? 0 : static_cast<int>(overview_->rows.size());
}

int AeOverviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QString AeOverviewModel::cellText(const AeOverviewRow& row, const Column& column) const {
    if (column.kind == ColumnKind::Category) {
        return text_of(row.category);
    }
    if (!row.recorded) {
        return tr("not recorded");
    }
    switch (column.kind) {
    case ColumnKind::Category:
        break;
    case ColumnKind::Count: {
        const auto* count = at(row.counts, column.arm);
        const auto* pct = at(row.pct, column.arm);
        return count && pct ? text_of(count_percent_text(*count, *pct)) : QString();
    }
    case ColumnKind::RiskDifference: {
        const auto* difference = at(row.risk_difference, column.arm);
        return difference ? difference_text(*difference, 100) : QString();
    }
    case ColumnKind::Rate: {
        const auto* rate = at(row.exposure_adjusted, column.arm);
        return rate ? rate_text(*rate) : QString();
    }
    case ColumnKind::RateDifference: {
        const auto* difference = at(row.rate_difference, column.arm);
        return difference ? difference_text(*difference, 1) : QString();
    }
    }
    return {};
}

QVariant AeOverviewModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !overview_ || index.row() >= rowCount() ||
        index.column() >= columnCount()) {
        return {};
    }
    const AeOverviewRow& row = overview_->rows[static_cast<std::size_t>(index.row())];
    const Column& column = columns_[static_cast<std::size_t>(index.column())];
    switch (role) {
    case Qt::DisplayRole:
        return cellText(row, column);
    case Qt::ToolTipRole:
        if (!row.recorded) {
            return tr("%1: not recorded — %2")
                .arg(text_of(row.category), text_of(row.not_recorded));
        }
        return column.kind == ColumnKind::Category ? text_of(row.category) : QVariant();
    case Qt::ForegroundRole:
        return row.recorded ? QVariant() : QVariant(QColor(0x88, 0x88, 0x88));
    case Qt::TextAlignmentRole:
        return column.kind == ColumnKind::Category ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                                   : int(Qt::AlignRight | Qt::AlignVCenter);
    case RecordedRole:
        return row.recorded;
    default:
        return {};
    }
}

QVariant AeOverviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || !overview_ || section < 0 || section >= columnCount()) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    const AeOverview& overview = *overview_;
    const Column& column = columns_[static_cast<std::size_t>(section)];
    const QString arm =
        column.kind == ColumnKind::Category ? QString() : text_of(overview.arms[column.arm]);
    const QString level = level_of(overview.conf_level);
    if (role == Qt::DisplayRole) {
        switch (column.kind) {
        case ColumnKind::Category:
            return tr("Subjects with");
        case ColumnKind::Count:
            return tr("n (%)");
        case ColumnKind::Rate:
            return tr("Rate per 100 PY (%1 CI)").arg(level);
        case ColumnKind::RiskDifference:
        case ColumnKind::RateDifference:
            return arm;
        }
    }
    if (role == GroupRole) {
        switch (column.kind) {
        case ColumnKind::Category:
            return QString();
        case ColumnKind::Count:
        case ColumnKind::Rate:
            return tr("%1 (N=%2)").arg(arm).arg(overview.denominators[column.arm]);
        case ColumnKind::RiskDifference:
            return tr("Risk difference vs %1, % (%2 CI)")
                .arg(text_of(overview.arms[*overview.reference_arm]), level);
        case ColumnKind::RateDifference:
            return tr("Rate difference vs %1 per 100 PY (%2 CI)")
                .arg(text_of(overview.arms[*overview.reference_arm]), level);
        }
    }
    if (role == GroupColourRole &&
        (column.kind == ColumnKind::Count || column.kind == ColumnKind::Rate)) {
        return arm_colour(static_cast<int>(column.arm));
    }
    if (role == Qt::TextAlignmentRole) {
        return int(Qt::AlignCenter);
    }
    return {};
}

QStringList AeOverviewModel::notes() const {
    QStringList notes;
    if (!overview_) {
        return notes;
    }
    const AeOverview& overview = *overview_;
    notes << (overview.treatment_emergent
                  ? tr("Treatment-emergent adverse events (TRTEMFL = Y); a subject counts once "
                       "per row; percentages of the arm's N.")
                  : tr("ADAE has no TRTEMFL: every adverse event is counted; a subject counts "
                       "once per row; percentages of the arm's N."));
    if (table_ && table_->grade_variable == "AESEV") {
        notes << tr("No toxicity grade (AETOXGR): severe events (AESEV) are counted in its place.");
    }
    if (overview.reference_arm && overview.arms.size() > 1) {
        notes << tr("Risk difference: arm minus %1 in percentage points, %2 CI by "
                    "Miettinen\u2013Nurminen.")
                     .arg(text_of(overview.arms[*overview.reference_arm]),
                          level_of(overview.conf_level));
    }
    for (const AeOverviewRow& row : overview.rows) {
        if (!row.recorded) {
            notes << tr("%1: not recorded (%2).")
                         .arg(text_of(row.category), text_of(row.not_recorded));
        }
    }
    if (exposure_adjusted_ && hasExposure()) {
        QStringList years;
        for (std::size_t arm = 0; arm < table_->arms.size() && arm < table_->patient_years.size();
             ++arm) {
            years << tr("%1 %2").arg(text_of(table_->arms[arm]),
                                     text_of(decimal_text(table_->patient_years[arm], 1)));
        }
        QString note = tr("Exposure-adjusted incidence rate: subjects with the event per 100 "
                          "patient-years (PY) of treatment, treatment duration from %1 / 365.25 "
                          "(PY: %2); %3 CI exact Poisson; rate difference with a Wald CI.")
                           .arg(text_of(table_->exposure_source), years.join(QStringLiteral(", ")),
                                level_of(overview.conf_level));
        if (table_->exposure_missing > 0) {
            const std::size_t missing = table_->exposure_missing;
            note += u' ' + tr("%1 subject%2 without a treatment duration: counted in the "
                              "incidence, not in the patient-years.")
                               .arg(missing)
                               .arg(missing == 1 ? "" : "s");
        }
        notes << note;
    }
    return notes;
}

} // namespace triallens::ui
