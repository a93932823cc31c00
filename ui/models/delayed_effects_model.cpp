#include "models/delayed_effects_model.h"

#include <triallens/format/number_format.h>

#include <cstdio>

namespace triallens::ui {

namespace {

// As the landmark table shows them (landmark_model.cpp).
constexpr int survival_decimals = 3;
constexpr int rmst_decimals = 1;
constexpr int z_decimals = 3;

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

QString fh_name(double rho, double gamma) {
    char name[64];
    std::snprintf(name, sizeof name, "FH(%g,%g)", rho, gamma);
    return QString::fromLatin1(name);
}

QString time_label(double time) {
    return QString::number(time, 'g', 10);
}

QString optional_decimal(const std::optional<double>& value, int decimals) {
    return value ? text(decimal_text(*value, decimals)) : QStringLiteral("NA");
}

} // namespace

DelayedEffectsModel::DelayedEffectsModel(QObject* parent) : ResultsTableModel(parent) {}

DelayedEffectsModel::Kind DelayedEffectsModel::kind(int row) const {
    return row >= 0 && row < static_cast<int>(rows_.size())
               ? rows_[static_cast<std::size_t>(row)].kind
               : Kind::Title;
}

std::vector<int> DelayedEffectsModel::rowsOf(Kind wanted) const {
    std::vector<int> found;
    for (std::size_t r = 0; r < rows_.size(); ++r) {
        if (rows_[r].kind == wanted) {
            found.push_back(static_cast<int>(r));
        }
    }
    return found;
}

void DelayedEffectsModel::rebuild() {
    rows_.clear();
    if (!results()) {
        return;
    }
    const Results& r = *results();
    const std::string& arm = r.delayed_effects_arm.empty() ? r.compared_arm : r.delayed_effects_arm;
    const std::string reference =
        r.cox ? r.cox->reference_arm : (r.arms.empty() ? std::string() : r.arms.front().arm);
    const QString versus = tr("%1 vs %2").arg(text(arm), text(reference));
    const auto title = [&](const QString& heading) {
        Row row;
        row.kind = Kind::Title;
        row.text[MethodColumn] = heading;
        rows_.push_back(row);
    };

    if (r.logrank || r.cox || !r.weighted_logrank.empty() || r.maxcombo) {
        title(tr("Tests: %1 (z < 0 favours %2)").arg(versus, text(arm)));
    }
    if (r.logrank) {
        Row row;
        row.kind = Kind::LogRank;
        row.text[MethodColumn] = r.logrank->df == 1
                                     ? tr("Log-rank")
                                     : tr("Log-rank (all %1 arms)").arg(r.logrank->df + 1);
        row.text[ChisqColumn] = text(decimal_text(r.logrank->chisq, z_decimals));
        row.value[ChisqColumn] = r.logrank->chisq;
        row.text[PColumn] = text(p_value_text(r.logrank->p));
        row.value[PColumn] = r.logrank->p;
        row.text[NoteColumn] = tr("%n df", nullptr, static_cast<int>(r.logrank->df));
        rows_.push_back(row);
    }
    if (r.cox) {
        for (const HazardRatio& term : r.cox->terms) {
            if (term.arm != arm) {
                continue;
            }
            Row row;
            row.kind = Kind::Cox;
            row.text[MethodColumn] = tr("Cox HR");
            row.text[EstimateColumn] = text(ratio_ci_text(term.hr, term.lower, term.upper));
            row.value[EstimateColumn] = optional_value(term.hr);
            row.text[PColumn] = text(p_value_text(term.p));
            row.value[PColumn] = optional_value(term.p);
            row.text[NoteColumn] = tr("%1 ties").arg(text(r.cox->ties));
            rows_.push_back(row);
        }
    }
    for (const WeightedLogRankRow& test : r.weighted_logrank) {
        Row row;
        row.kind = Kind::WeightedLogRank;
        row.text[MethodColumn] = fh_name(test.rho, test.gamma);
        row.text[ZColumn] = optional_decimal(test.z, z_decimals);
        row.value[ZColumn] = optional_value(test.z);
        row.text[ChisqColumn] = optional_decimal(test.chisq, z_decimals);
        row.value[ChisqColumn] = optional_value(test.chisq);
        row.text[PColumn] = test.p ? text(p_value_text(test.p)) : QStringLiteral("NA");
        row.value[PColumn] = optional_value(test.p);
        row.text[NoteColumn] = test.rho == 0 && test.gamma == 0  ? tr("= log-rank")
                               : test.gamma > 0 && test.rho == 0 ? tr("late weight")
                               : test.rho > 0 && test.gamma == 0 ? tr("early weight")
                                                                 : tr("middle weight");
        row.tool_tip = tr("Fleming–Harrington weighted log-rank, weight S(t−)^ρ (1 − S(t−))^γ of "
                          "the pooled Kaplan–Meier");
        rows_.push_back(row);
    }
    if (r.maxcombo) {
        Row row;
        row.kind = Kind::MaxCombo;
        row.text[MethodColumn] = tr("MaxCombo");
        row.text[ZColumn] = text(decimal_text(r.maxcombo->z_max, z_decimals));
        row.value[ZColumn] = r.maxcombo->z_max;
        row.text[PColumn] = text(p_value_text(r.maxcombo->p));
        row.value[PColumn] = r.maxcombo->p;
        // "FH (0,0), (0,1), …": narrow enough for a 1024-pixel window.
        QStringList names;
        for (const WeightedLogRankRow& test : r.maxcombo->tests) {
            names << fh_name(test.rho, test.gamma).mid(2);
        }
        row.text[NoteColumn] = tr("FH %1").arg(names.join(QStringLiteral(", ")));
        row.tool_tip = tr("Two-sided p = P(max |Z_k| ≥ z_max) under the joint normal of the tests "
                          "(Lin et al. 2020)");
        rows_.push_back(row);
    }

    bool milestones_titled = false;
    const auto milestones_title = [&] {
        if (!milestones_titled) {
            title(tr("Restricted mean and milestone survival: %1").arg(versus));
            milestones_titled = true;
        }
    };
    for (const RmstComparison& comparison : r.rmst_comparisons) {
        if (comparison.arm != arm) {
            continue;
        }
        milestones_title();
        Row row;
        row.kind = Kind::RmstDifference;
        row.text[MethodColumn] = tr("RMST difference to %1").arg(time_label(comparison.tau));
        row.text[EstimateColumn] =
            text(difference_ci_text(comparison.difference, comparison.difference_lower,
                                    comparison.difference_upper, rmst_decimals));
        row.value[EstimateColumn] = comparison.difference;
        row.text[PColumn] = comparison.difference_p ? text(p_value_text(comparison.difference_p))
                                                    : QStringLiteral("NA");
        row.value[PColumn] = optional_value(comparison.difference_p);
        row.text[NoteColumn] = tr("Wald");
        rows_.push_back(row);
    }
    for (const SurvivalDifference& difference : r.landmark_differences) {
        if (difference.arm != arm) {
            continue;
        }
        milestones_title();
        Row row;
        row.kind = Kind::SurvivalDifference;
        row.text[MethodColumn] = tr("S(t) difference at %1").arg(time_label(difference.time));
        row.text[EstimateColumn] =
            difference.difference && difference.lower && difference.upper
                ? text(difference_ci_text(*difference.difference, *difference.lower,
                                          *difference.upper, survival_decimals))
                : text(std::string(not_estimable_text));
        row.value[EstimateColumn] = optional_value(difference.difference);
        row.text[NoteColumn] = tr("Wald");
        rows_.push_back(row);
    }

    if (!r.piecewise_hr.empty()) {
        title(tr("Piecewise hazard ratios: %1").arg(versus));
    }
    for (const PiecewiseHazardRatio& period : r.piecewise_hr) {
        Row row;
        row.kind = Kind::PiecewiseHazardRatio;
        row.text[MethodColumn] =
            period.to ? tr("HR in (%1, %2]").arg(time_label(period.from), time_label(*period.to))
                      : tr("HR after %1").arg(time_label(period.from));
        row.text[EventsColumn] = QString::number(period.events);
        row.value[EventsColumn] = static_cast<qulonglong>(period.events);
        row.text[EstimateColumn] = text(ratio_ci_text(period.hr, period.lower, period.upper));
        row.value[EstimateColumn] = optional_value(period.hr);
        row.text[PColumn] = period.p ? text(p_value_text(period.p)) : QStringLiteral("NA");
        row.value[PColumn] = optional_value(period.p);
        row.text[NoteColumn] = period.hr ? tr("Wald") : tr("an arm has no event");
        rows_.push_back(row);
    }
}

QString DelayedEffectsModel::cellText(int row, int column) const {
    return rows_[static_cast<std::size_t>(row)].text[column];
}

QVariant DelayedEffectsModel::cellValue(int row, int column) const {
    const Row& r = rows_[static_cast<std::size_t>(row)];
    return r.value[column].isValid() || column != MethodColumn ? r.value[column]
                                                               : QVariant(r.text[column]);
}

Qt::Alignment DelayedEffectsModel::cellAlignment(int row, int column) const {
    return column == MethodColumn || column == NoteColumn
               ? Qt::AlignLeft | Qt::AlignVCenter
               : ResultsTableModel::cellAlignment(row, column);
}

bool DelayedEffectsModel::cellBold(int row, int /*column*/) const {
    return rows_[static_cast<std::size_t>(row)].kind == Kind::Title;
}

QString DelayedEffectsModel::cellToolTip(int row, int /*column*/) const {
    return rows_[static_cast<std::size_t>(row)].tool_tip;
}

QVariant DelayedEffectsModel::cellData(int row, int column, int role) const {
    if (role == KindRole) {
        return static_cast<int>(rows_[static_cast<std::size_t>(row)].kind);
    }
    return ResultsTableModel::cellData(row, column, role);
}

QVariant DelayedEffectsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return ResultsTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case MethodColumn:
        return tr("Method");
    case EventsColumn:
        return tr("Events");
    case ZColumn:
        return tr("z");
    case ChisqColumn:
        return tr("χ²");
    case EstimateColumn: {
        const double level = results() && !results()->arms.empty()
                                 ? results()->arms.front().km.options.conf_level
                                 : 0.95;
        return tr("Estimate (%1 CI)").arg(text(conf_level_text(level)));
    }
    case PColumn:
        return tr("p");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace triallens::ui
