#include "models/duration_of_response_panel.h"

#include <triallens/format/number_format.h>

#include <QStringList>

namespace triallens::ui {

bool has_duration_of_response(const Results& results) {
    if (!results.tumour_response) {
        return false;
    }
    for (const ArmTumourResponse& arm : results.tumour_response->arms) {
        if (arm.dor) {
            return true;
        }
    }
    return false;
}

DurationOfResponsePanel duration_of_response_panel(const Results& results) {
    DurationOfResponsePanel panel;
    Results& shown = panel.results;
    shown.study_name = results.study_name;
    shown.synthetic = results.synthetic;
    shown.reconstructed = results.reconstructed;
    shown.time_unit = results.time_unit;
    shown.arm_variable = results.arm_variable;
    shown.filter = results.filter;
    shown.subjects_total = results.subjects_total;
    shown.subjects = results.subjects;
    shown.focus = results.focus;
    panel.text.title = QStringLiteral("Duration of response");
    if (!results.tumour_response) {
        return panel;
    }
    const TumourResponse& response = *results.tumour_response;
    shown.time_unit = response.time_unit;
    QStringList without;
    for (const ArmTumourResponse& arm : response.arms) {
        if (!arm.dor) {
            without << QString::fromStdString(arm.arm);
            continue;
        }
        ArmSurvival curve;
        curve.arm = arm.arm;
        curve.km = *arm.dor;
        curve.median = arm.dor_median.value_or(QuantileEstimate{});
        curve.landmarks = arm.dor_landmarks;
        shown.arms.push_back(std::move(curve));
        shown.n += arm.dor->n;
        shown.events += arm.dor->n_events;
    }
    const int decimals = median_decimals(shown);
    for (const ArmSurvival& arm : shown.arms) {
        panel.text.legend.push_back(arm_legend_text(arm, decimals));
    }
    const QString source =
        response.dor_source.empty() || response.dor_source == "derived"
            ? QStringLiteral("durations derived from the first CR or PR to progression or death")
            : QStringLiteral("durations from %1").arg(QString::fromStdString(response.dor_source));
    QString annotation = QStringLiteral("Responders (CR or PR); %1").arg(source);
    if (!without.isEmpty()) {
        annotation += QStringLiteral("; no responder with a duration in %1")
                          .arg(without.join(QStringLiteral(", ")));
    }
    panel.text.annotation = annotation;
    panel.text.short_annotation = annotation;
    return panel;
}

} // namespace triallens::ui
