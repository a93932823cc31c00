#include "models/landmark_model.h"

#include <triallens/format/number_format.h>

#include <algorithm>
#include <span>

namespace triallens::ui {

namespace {

constexpr int survival_decimals = 3;
constexpr int rmst_decimals = 1;
const QString none = QStringLiteral("—"); // the reference arm's own comparison

QString text(const std::string& s) {
    return QString::fromStdString(s);
}

QString survival_ci_text(const SurvivalAt& at) {
    if (!at.surv) {
        return text(std::string(not_estimable_text));
    }
    const auto bound = [](const std::optional<double>& value) {
        return value ? text(decimal_text(*value, survival_decimals))
                     : text(std::string(not_estimable_text));
    };
    return QStringLiteral("%1 (%2–%3)")
        .arg(text(decimal_text(*at.surv, survival_decimals)), bound(at.lower), bound(at.upper));
}

} // namespace

LandmarkModel::LandmarkModel(QObject* parent) : ResultsTableModel(parent) {}

void LandmarkModel::rebuild() {
    columns_.clear();
    const ResultsPtr& r = results();
    if (!r || r->arms.empty()) {
        return;
    }
    const ArmSurvival& first = r->arms.front();
    std::vector<double> times;
    for (const SurvivalAt& at : first.landmarks) {
        times.push_back(at.time);
    }
    const int decimals = time_decimals(times);
    const bool compared = r->arms.size() > 1;
    // The analysis's level, of the curves' intervals and of the comparisons'.
    const QString level = text(conf_level_text(first.km.options.conf_level));
    for (std::size_t i = 0; i < first.landmarks.size(); ++i) {
        const QString t = text(time_text(first.landmarks[i].time, decimals));
        columns_.append({Kind::Survival, i, QStringLiteral("S(%1) (%2 CI)").arg(t, level)});
        columns_.append({Kind::AtRisk, i, QStringLiteral("At risk at %1").arg(t)});
        if (compared) {
            columns_.append({Kind::SurvivalDifference, i,
                             QStringLiteral("Difference at %1 (%2 CI)").arg(t, level)});
        }
    }
    if (first.rmst) {
        const double tau = first.rmst->tau;
        const QString t = text(time_text(tau, time_decimals(std::span<const double>(&tau, 1))));
        columns_.append({Kind::Rmst, 0, QStringLiteral("RMST to %1 (SE)").arg(t)});
        if (compared) {
            columns_.append(
                {Kind::RmstDifference, 0, QStringLiteral("RMST difference (%1 CI)").arg(level)});
            columns_.append({Kind::RmstRatio, 0, QStringLiteral("RMST ratio (%1 CI)").arg(level)});
        }
    }
}

int LandmarkModel::tableRowCount() const {
    return columns_.isEmpty() ? 0 : static_cast<int>(results()->arms.size());
}

int LandmarkModel::tableColumnCount() const {
    return columns_.isEmpty() ? 0 : static_cast<int>(columns_.size()) + 1;
}

QVariant LandmarkModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section > columns_.size()) {
        return ResultsTableModel::headerData(section, orientation, role);
    }
    return section == 0 ? QStringLiteral("Arm") : columns_.at(section - 1).header;
}

QString LandmarkModel::cellText(int row, int column) const {
    const Results& r = *results();
    const ArmSurvival& arm = r.arms.at(static_cast<std::size_t>(row));
    if (column == 0) {
        return text(arm.arm);
    }
    const Column& c = columns_.at(column - 1);
    switch (c.kind) {
    case Kind::Survival:
        return c.landmark < arm.landmarks.size() ? survival_ci_text(arm.landmarks[c.landmark])
                                                 : QString();
    case Kind::AtRisk:
        return c.landmark < arm.landmarks.size() ? QString::number(arm.landmarks[c.landmark].n_risk)
                                                 : QString();
    case Kind::SurvivalDifference: {
        const double time = r.arms.front().landmarks.at(c.landmark).time;
        const auto it = std::find_if(
            r.landmark_differences.begin(), r.landmark_differences.end(),
            [&](const SurvivalDifference& d) { return d.arm == arm.arm && d.time == time; });
        if (it == r.landmark_differences.end()) {
            return none;
        }
        if (!it->difference || !it->lower || !it->upper) {
            return text(std::string(not_estimable_text));
        }
        return text(difference_ci_text(*it->difference, *it->lower, *it->upper, survival_decimals));
    }
    case Kind::Rmst:
        return arm.rmst ? QStringLiteral("%1 (%2)").arg(
                              text(decimal_text(arm.rmst->estimate, rmst_decimals)),
                              text(decimal_text(arm.rmst->std_err, rmst_decimals)))
                        : text(std::string(not_estimable_text));
    case Kind::RmstDifference:
    case Kind::RmstRatio: {
        const auto it = std::find_if(
            r.rmst_comparisons.begin(), r.rmst_comparisons.end(),
            [&](const RmstComparison& comparison) { return comparison.arm == arm.arm; });
        if (it == r.rmst_comparisons.end()) {
            return none;
        }
        return c.kind == Kind::RmstDifference
                   ? text(difference_ci_text(it->difference, it->difference_lower,
                                             it->difference_upper, rmst_decimals))
                   : text(ratio_ci_text(it->ratio, it->ratio_lower, it->ratio_upper));
    }
    }
    return {};
}

} // namespace triallens::ui
