#include "models/response_model.h"

#include <triallens/format/number_format.h>

namespace triallens::ui {

namespace {

QString percent(double fraction) {
    return QString::fromStdString(percent_text(100 * fraction));
}

QString odds_ratio_text(const OddsRatio& ratio) {
    return QString::fromStdString(ratio_ci_text(ratio.estimate, ratio.lower, ratio.upper));
}

} // namespace

ResponseModel::ResponseModel(QObject* parent) : ResultsTableModel(parent) {}

void ResponseModel::rebuild() {
    rows_.clear();
    reference_arm_.clear();
    has_cmh_ = false;
    conf_level_ = 0.95;
    if (results() && results()->response && !results()->response->arms.empty()) {
        const ResponseSummary& response = *results()->response;
        if (!results()->arms.empty()) {
            conf_level_ = results()->arms.front().km.options.conf_level;
        }
        reference_arm_ = QString::fromStdString(response.arms.front().arm);
        const auto add = [&](Measure measure, const std::vector<ResponseRate>& rates,
                             const std::vector<ResponseDifference>& differences) {
            rows_.push_back({RowKind::Header, measure, nullptr, nullptr});
            for (std::size_t a = 0; a < rates.size(); ++a) {
                // differences[k] compares rates[k + 1] with the reference rates[0].
                const ResponseDifference* difference =
                    a > 0 && a - 1 < differences.size() ? &differences[a - 1] : nullptr;
                has_cmh_ = has_cmh_ || (difference && difference->cmh);
                rows_.push_back({RowKind::Arm, measure, &rates[a], difference});
            }
        };
        add(Measure::ObjectiveResponse, response.arms, response.differences);
        add(Measure::DiseaseControl, response.disease_control,
            response.disease_control_differences);
    }
}

void ResponseModel::setRateInterval(RateInterval interval) {
    if (interval != rate_interval_) {
        rate_interval_ = interval;
        intervalsChanged();
    }
}

void ResponseModel::setDifferenceInterval(DifferenceInterval interval) {
    if (interval != difference_interval_) {
        difference_interval_ = interval;
        intervalsChanged();
    }
}

void ResponseModel::intervalsChanged() {
    emit headerDataChanged(Qt::Horizontal, RateCiColumn, DifferenceColumn);
    if (!rows_.empty()) {
        emit dataChanged(index(0, RateCiColumn), index(rowCount() - 1, DifferenceColumn));
    }
}

QString ResponseModel::rateIntervalName(RateInterval interval) {
    switch (interval) {
    case RateInterval::ClopperPearson:
        return tr("Clopper–Pearson");
    case RateInterval::Wilson:
        return tr("Wilson");
    case RateInterval::Jeffreys:
        return tr("Jeffreys");
    }
    return {};
}

QString ResponseModel::differenceIntervalName(DifferenceInterval interval) {
    switch (interval) {
    case DifferenceInterval::MiettinenNurminen:
        return tr("Miettinen–Nurminen");
    case DifferenceInterval::Newcombe:
        return tr("Newcombe");
    }
    return {};
}

Interval ResponseModel::rateCi(const ResponseRate& rate) const {
    switch (rate_interval_) {
    case RateInterval::Wilson:
        return rate.wilson;
    case RateInterval::Jeffreys:
        return rate.jeffreys;
    case RateInterval::ClopperPearson:
        break;
    }
    return rate.clopper_pearson;
}

Interval ResponseModel::differenceCi(const ResponseDifference& difference) const {
    return difference_interval_ == DifferenceInterval::Newcombe ? difference.newcombe
                                                                : difference.miettinen_nurminen;
}

QString ResponseModel::displayText(const Row& row, int column) const {
    if (row.kind == RowKind::Header) {
        if (column != ArmColumn) {
            return {};
        }
        return row.measure == Measure::ObjectiveResponse
                   ? tr("Objective response (CR or PR)")
                   : tr("Disease control (CR, PR, SD or NON-CR/NON-PD)");
    }
    const ResponseRate& rate = *row.rate;
    const ResponseDifference* d = row.difference;
    switch (column) {
    case ArmColumn:
        return QString::fromStdString(rate.arm);
    case NColumn:
        return QString::number(rate.n);
    case RespondersColumn:
        return QString::number(rate.responders);
    case RateColumn:
        return percent(rate.rate);
    case RateCiColumn: {
        const Interval ci = rateCi(rate);
        return QStringLiteral("%1–%2").arg(percent(ci.lower), percent(ci.upper));
    }
    case DifferenceColumn: {
        if (!d) {
            return tr("reference");
        }
        const Interval ci = differenceCi(*d);
        // Percentage points, possibly negative: the limits are joined by a comma.
        return QString::fromStdString(
            difference_ci_text(100 * d->difference, 100 * ci.lower, 100 * ci.upper));
    }
    case OddsRatioColumn:
        return d ? odds_ratio_text(d->woolf) : QString();
    case FisherColumn:
        return d ? QString::fromStdString(p_value_text(d->fisher.p_value)) : QString();
    case CmhOddsRatioColumn:
        return d && d->cmh ? odds_ratio_text(d->cmh->odds_ratio) : QString();
    case CmhPColumn:
        return d && d->cmh ? QString::fromStdString(p_value_text(d->cmh->p_value)) : QString();
    default:
        return {};
    }
}

QString ResponseModel::cellText(int row, int column) const {
    return displayText(rows_[static_cast<std::size_t>(row)], column);
}

bool ResponseModel::cellBold(int row, int) const {
    return rows_[static_cast<std::size_t>(row)].kind == RowKind::Header;
}

QVariant ResponseModel::cellData(int r, int, int role) const {
    const Row& row = rows_[static_cast<std::size_t>(r)];
    switch (role) {
    case RowKindRole:
        return QVariant::fromValue(row.kind);
    case MeasureRole:
        return QVariant::fromValue(row.measure);
    default:
        break;
    }
    if (row.kind == RowKind::Header) {
        return {};
    }
    const ResponseRate& rate = *row.rate;
    const ResponseDifference* d = row.difference;
    switch (role) {
    case ArmRole:
        return QString::fromStdString(rate.arm);
    case IsReferenceRole:
        return d == nullptr;
    case NRole:
        return static_cast<qulonglong>(rate.n);
    case RespondersRole:
        return static_cast<qulonglong>(rate.responders);
    case RateRole:
        return rate.rate;
    case RateLowerRole:
        return rateCi(rate).lower;
    case RateUpperRole:
        return rateCi(rate).upper;
    default:
        break;
    }
    if (!d) {
        return {};
    }
    switch (role) {
    case DifferenceRole:
        return d->difference;
    case DifferenceLowerRole:
        return differenceCi(*d).lower;
    case DifferenceUpperRole:
        return differenceCi(*d).upper;
    case OddsRatioRole:
        return optional_value(d->woolf.estimate);
    case OddsRatioLowerRole:
        return optional_value(d->woolf.lower);
    case OddsRatioUpperRole:
        return optional_value(d->woolf.upper);
    case FisherPRole:
        return d->fisher.p_value;
    case CmhOddsRatioRole:
        return d->cmh ? optional_value(d->cmh->odds_ratio.estimate) : QVariant();
    case CmhLowerRole:
        return d->cmh ? optional_value(d->cmh->odds_ratio.lower) : QVariant();
    case CmhUpperRole:
        return d->cmh ? optional_value(d->cmh->odds_ratio.upper) : QVariant();
    case CmhPRole:
        return d->cmh ? optional_value(d->cmh->p_value) : QVariant();
    default:
        return {};
    }
}

QVariant ResponseModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == RespondersColumn) {
        return tr("Subjects with the outcome of the row's section: objective response, or "
                  "disease control");
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount) {
        return ResultsTableModel::headerData(section, orientation, role);
    }
    const QString level = QString::fromStdString(conf_level_text(conf_level_));
    switch (section) {
    case ArmColumn:
        return tr("Arm");
    case NColumn:
        return tr("n");
    case RespondersColumn:
        return tr("Responders");
    case RateColumn:
        return tr("Rate (%)");
    case RateCiColumn:
        return tr("%1 CI\n(%2)").arg(level, rateIntervalName(rate_interval_));
    case DifferenceColumn:
        return tr("Difference vs\n%1, pp\n%2 CI (%3)")
            .arg(reference_arm_.isEmpty() ? tr("reference") : reference_arm_, level,
                 differenceIntervalName(difference_interval_));
    case OddsRatioColumn:
        return tr("Odds ratio\n(%1 CI, Woolf)").arg(level);
    case FisherColumn:
        return tr("Fisher\nexact p");
    case CmhOddsRatioColumn:
        return tr("CMH odds ratio\n(%1 CI)").arg(level);
    case CmhPColumn:
        return tr("CMH p");
    default:
        return {};
    }
}

} // namespace triallens::ui
