#include "models/concordance_model.h"

#include <triallens/format/number_format.h>

#include <map>

namespace triallens::ui {

namespace {

QString ties_label(const QString& ties) {
    if (ties == QLatin1String("efron")) {
        return QObject::tr("Efron");
    }
    if (ties == QLatin1String("breslow")) {
        return QObject::tr("Breslow");
    }
    if (ties == QLatin1String("exact")) {
        return QObject::tr("Exact (discrete)");
    }
    return ties;
}

} // namespace

ConcordanceModel::ConcordanceModel(QObject* parent) : ResultsTableModel(parent) {}

QString ConcordanceModel::sasTies(const QString& ties) {
    // R's "exact" is the exact conditional likelihood, SAS's TIES=DISCRETE
    // (SAS's TIES=EXACT is another model).
    const QString sas =
        ties == QLatin1String("exact") ? QStringLiteral("DISCRETE") : ties.toUpper();
    return QStringLiteral("PHREG TIES=%1").arg(sas);
}

QString ConcordanceModel::sasConfType(const QString& conf_type) {
    if (conf_type == QLatin1String("log-log")) {
        return QStringLiteral("LIFETEST CONFTYPE=LOGLOG");
    }
    if (conf_type == QLatin1String("plain")) {
        return QStringLiteral("LIFETEST CONFTYPE=LINEAR");
    }
    return QStringLiteral("LIFETEST CONFTYPE=%1").arg(conf_type.toUpper());
}

void ConcordanceModel::rebuild() {
    rows_.clear();
    conf_level_ = 0.95;
    if (results()) {
        const Results& r = *results();
        QString current_conf_type;
        if (!r.arms.empty()) {
            conf_level_ = r.arms.front().km.options.conf_level;
            current_conf_type =
                QString::fromLatin1(conf_type_name(r.arms.front().km.options.conf_type));
        }
        const QString level = QString::fromStdString(conf_level_text(conf_level_));
        const QString current_ties = r.cox ? QString::fromStdString(r.cox->ties) : QString();
        const QString reference = r.cox ? QString::fromStdString(r.cox->reference_arm) : QString();
        if (!r.concordance.ties.empty()) {
            Row header;
            header.title = tr("Hazard ratio (%1 CI) by Cox ties method").arg(level);
            rows_.push_back(header);
            for (const TiesConcordance& ties : r.concordance.ties) {
                for (const HazardRatio& term : ties.terms) {
                    Row row;
                    row.kind = RowKind::Ties;
                    row.method = QString::fromStdString(ties.ties);
                    row.arm = reference.isEmpty()
                                  ? QString::fromStdString(term.arm)
                                  : tr("%1 vs %2").arg(QString::fromStdString(term.arm), reference);
                    row.estimate = term.hr;
                    row.lower = term.lower;
                    row.upper = term.upper;
                    row.text =
                        QString::fromStdString(ratio_ci_text(term.hr, term.lower, term.upper));
                    row.current = row.method == current_ties;
                    rows_.push_back(row);
                }
            }
        }
        if (!r.concordance.medians.empty()) {
            Row header;
            header.title = tr("Median (%1 CI) by Kaplan–Meier CI transform").arg(level);
            rows_.push_back(header);
            const int decimals = median_decimals(r);
            for (const MedianConcordance& median : r.concordance.medians) {
                Row row;
                row.kind = RowKind::Median;
                row.method = QString::fromStdString(median.conf_type);
                row.arm = QString::fromStdString(median.arm);
                row.estimate = median.median.estimate;
                row.lower = median.median.lower;
                row.upper = median.median.upper;
                row.text = QString::fromStdString(median_ci_text(
                    median.median.estimate, median.median.lower, median.median.upper, decimals));
                row.current = row.method == current_conf_type;
                rows_.push_back(row);
            }
        }
    }
}

QString ConcordanceModel::verdict() const {
    // The displayed texts per arm; a method matters when they differ.
    std::map<QString, QStringList> hazard_ratios;
    std::map<QString, QStringList> medians;
    for (const Row& row : rows_) {
        if (row.kind == RowKind::Ties) {
            hazard_ratios[row.arm] << row.text;
        } else if (row.kind == RowKind::Median) {
            medians[row.arm] << row.text;
        }
    }
    const auto differing = [](const std::map<QString, QStringList>& texts) {
        QStringList arms;
        for (const auto& [arm, list] : texts) {
            if (list.size() > 1 && list.count(list.front()) != list.size()) {
                arms << arm;
            }
        }
        return arms;
    };
    QStringList sentences;
    if (!hazard_ratios.empty()) {
        const QStringList arms = differing(hazard_ratios);
        sentences << (arms.isEmpty()
                          ? tr("The ties method does not change the reported hazard ratio (CI) "
                               "at 2 decimals.")
                          : tr("The ties method changes the reported hazard ratio (CI) at 2 "
                               "decimals for %1.")
                                .arg(arms.join(QStringLiteral("; "))));
    }
    if (!medians.empty()) {
        const QStringList arms = differing(medians);
        sentences << (arms.isEmpty()
                          ? tr("The CI transform does not change the reported medians (CI) at "
                               "2 decimals.")
                          : tr("The CI transform changes the reported median (CI) at 2 "
                               "decimals for %1.")
                                .arg(arms.join(QStringLiteral(", "))));
    }
    return sentences.join(' ');
}

QString ConcordanceModel::cellText(int r, int column) const {
    const Row& row = rows_[static_cast<std::size_t>(r)];
    if (row.kind == RowKind::Header) {
        return column == MethodColumn ? row.title : QString();
    }
    switch (column) {
    case MethodColumn:
        return row.kind == RowKind::Ties ? ties_label(row.method) : row.method;
    case SasColumn:
        return row.kind == RowKind::Ties ? sasTies(row.method) : sasConfType(row.method);
    case ArmColumn:
        return row.arm;
    case EstimateColumn:
        return row.text;
    case CurrentColumn:
        return row.current ? tr("● used") : QString();
    default:
        return {};
    }
}

Qt::Alignment ConcordanceModel::cellAlignment(int, int column) const {
    return column == EstimateColumn ? Qt::AlignHCenter | Qt::AlignVCenter
                                    : Qt::AlignLeft | Qt::AlignVCenter;
}

bool ConcordanceModel::cellBold(int r, int) const {
    const Row& row = rows_[static_cast<std::size_t>(r)];
    return row.kind == RowKind::Header || row.current;
}

QVariant ConcordanceModel::cellData(int r, int, int role) const {
    const Row& row = rows_[static_cast<std::size_t>(r)];
    if (role == RowKindRole) {
        return QVariant::fromValue(row.kind);
    }
    if (row.kind == RowKind::Header) {
        return {};
    }
    switch (role) {
    case MethodRole:
        return row.method;
    case SasRole:
        return row.kind == RowKind::Ties ? sasTies(row.method) : sasConfType(row.method);
    case ArmRole:
        return row.arm;
    case EstimateRole:
        return optional_value(row.estimate);
    case LowerRole:
        return optional_value(row.lower);
    case UpperRole:
        return optional_value(row.upper);
    case CurrentRole:
        return row.current;
    default:
        return {};
    }
}

QVariant ConcordanceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return ResultsTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case MethodColumn:
        return tr("Method (R)");
    case SasColumn:
        return tr("SAS equivalent");
    case ArmColumn:
        return tr("Arm");
    case EstimateColumn:
        return tr("Estimate (%1 CI)").arg(QString::fromStdString(conf_level_text(conf_level_)));
    case CurrentColumn:
        return tr("This analysis");
    default:
        return {};
    }
}

} // namespace triallens::ui
