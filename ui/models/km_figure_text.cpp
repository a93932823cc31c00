#include "models/km_figure_text.h"

#include <QStringList>

namespace triallens::ui {

namespace {

QString number(double value) {
    return QString::number(value, 'f', 2);
}

QString limit(const std::optional<double>& value) {
    return value ? number(*value) : QStringLiteral("NR");
}

} // namespace

QString format_median(const QuantileEstimate& median) {
    if (!median.estimate) {
        return QStringLiteral("NR (%1–%2)").arg(limit(median.lower), limit(median.upper));
    }
    return QStringLiteral("%1 (%2–%3)")
        .arg(number(*median.estimate), limit(median.lower), limit(median.upper));
}

QString curve_name(const ArmSurvival& curve) {
    const QString arm = QString::fromStdString(curve.arm);
    return curve.level.empty()
               ? arm
               : QStringLiteral("%1 · %2").arg(arm, QString::fromStdString(curve.level));
}

QString arm_legend_text(const ArmSurvival& arm) {
    return QStringLiteral("%1   n=%2, events %3, median %4")
        .arg(curve_name(arm))
        .arg(arm.km.n)
        .arg(arm.km.n_events)
        .arg(format_median(arm.median));
}

QString hazard_ratio_text(const Results& results) {
    if (!results.cox || results.cox->terms.empty()) {
        return {};
    }
    const double level = results.arms.empty() ? 0.95 : results.arms.front().km.options.conf_level;
    QString ties = QString::fromStdString(results.cox->ties);
    ties[0] = ties[0].toUpper();
    const QString stratified = results.strata.empty() ? QString() : QStringLiteral("stratified ");
    // One arm against the reference: "HR x (CI)"; several: each arm named.
    const bool several = results.cox->terms.size() > 1;
    QStringList ratios;
    for (const HazardRatio& hr : results.cox->terms) {
        const QString name =
            several ? QString::fromStdString(hr.arm) + QStringLiteral(" ") : QString();
        ratios << (hr.hr ? QStringLiteral("%1HR %2 (%3% CI %4–%5)")
                               .arg(name, number(*hr.hr))
                               .arg(level * 100, 0, 'g', 3)
                               .arg(number(*hr.lower), number(*hr.upper))
                         : QStringLiteral("%1HR not estimable").arg(name));
    }
    QString text = QStringLiteral("%1 vs %2, %3Cox (%4)")
                       .arg(ratios.join(QStringLiteral(", ")),
                            QString::fromStdString(results.cox->reference_arm), stratified, ties);
    if (results.logrank) {
        const double p = results.logrank->p;
        text += p < 0.001 ? QStringLiteral("; %1log-rank p < 0.001").arg(stratified)
                          : QStringLiteral("; %1log-rank p = %2").arg(stratified).arg(p, 0, 'f', 3);
    }
    return text;
}

QString endpoint_title(const Results& results) {
    return QString::fromStdString(results.param.empty() ? results.paramcd : results.param);
}

QString time_axis_title(const Results& results) {
    if (results.time_unit.empty()) {
        return QStringLiteral("Time");
    }
    return QStringLiteral("Time (%1)").arg(QString::fromStdString(results.time_unit).toLower());
}

} // namespace triallens::ui
