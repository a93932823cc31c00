#include "models/km_figure_text.h"

#include <triallens/format/number_format.h>

#include <QStringList>

namespace triallens::ui {

namespace {

QString ratio(const std::optional<double>& value) {
    return QString::fromStdString(ratio_text(value));
}

// `text` with its spaces made no-break spaces: one unit a line never splits.
QString unbroken(QString text) {
    return text.replace(QLatin1Char(' '), no_break_space);
}

} // namespace

QString curve_name(const ArmSurvival& curve) {
    const QString arm = QString::fromStdString(curve.arm);
    return curve.level.empty()
               ? arm
               : QStringLiteral("%1, %2").arg(arm, QString::fromStdString(curve.level));
}

QString arm_legend_text(const ArmSurvival& arm, int median_decimals) {
    return QStringLiteral("%1   n=%2, %3, %4")
        .arg(curve_name(arm))
        .arg(arm.km.n)
        .arg(unbroken(QStringLiteral("events %1").arg(arm.km.n_events)),
             unbroken(QStringLiteral("median ") +
                      QString::fromStdString(median_ci_text(arm.median.estimate, arm.median.lower,
                                                            arm.median.upper, median_decimals))));
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
        ratios << name + unbroken(hr.hr ? QStringLiteral("HR %1 (%2 CI %3–%4)")
                                              .arg(ratio(hr.hr),
                                                   QString::fromStdString(conf_level_text(level)),
                                                   ratio(hr.lower), ratio(hr.upper))
                                        : QStringLiteral("HR not estimable"));
    }
    QString text = QStringLiteral("%1 vs %2, %3Cox (%4)")
                       .arg(ratios.join(QStringLiteral(", ")),
                            QString::fromStdString(results.cox->reference_arm), stratified, ties);
    if (results.logrank) {
        text += QStringLiteral("; %1log-rank %2")
                    .arg(stratified,
                         unbroken(QString::fromStdString(p_value_label(results.logrank->p))));
    }
    return text;
}

QString hazard_ratio_short_text(const Results& results) {
    if (!results.cox || results.cox->terms.size() < 2 || !results.logrank) {
        return {};
    }
    const QString stratified = results.strata.empty() ? QString() : QStringLiteral("stratified ");
    return QStringLiteral("%1log-rank %2 across %3 arms")
        .arg(stratified, unbroken(QString::fromStdString(p_value_label(results.logrank->p))))
        .arg(results.cox->terms.size() + 1);
}

QString endpoint_title(const Results& results) {
    return QString::fromStdString(results.param.empty() ? results.paramcd : results.param);
}

QString km_figure_title(const Results& results) {
    if (!results.focus) {
        return endpoint_title(results);
    }
    return QStringLiteral("%1 — %2 = %3")
        .arg(endpoint_title(results),
             QString::fromStdString(variable_label(results, results.focus->variable)),
             QString::fromStdString(results.focus->level));
}

QString time_axis_title(const Results& results) {
    if (results.time_unit.empty()) {
        // Without AVALU the engine takes times as days (study.h), as ADaM's
        // AVAL of a time-to-event parameter usually is.
        return QStringLiteral("Time (days)");
    }
    return QStringLiteral("Time (%1)").arg(QString::fromStdString(results.time_unit).toLower());
}

} // namespace triallens::ui
