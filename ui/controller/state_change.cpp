#include "controller/state_change.h"

#include <QStringList>

#include <utility>

namespace triallens::ui {

QString describe_change(const WorkspaceState& before, const WorkspaceState& after) {
    const AnalysisSpec& a = before.spec;
    const AnalysisSpec& b = after.spec;
    QStringList changed;
    const auto note = [&](bool differs, const char* what) {
        if (differs) {
            changed << QString::fromLatin1(what);
        }
    };
    note(a.paramcd != b.paramcd, "endpoint");
    note(a.arm_variable != b.arm_variable, "treatment");
    note(a.reference_arm != b.reference_arm, "reference arm");
    note(a.compare_arm != b.compare_arm, "compared arm");
    note(a.curves_by != b.curves_by, "curves by");
    note(a.strata != b.strata, "strata");
    note(a.subgroups != b.subgroups, "subgroups");
    note(a.covariates != b.covariates, "covariates");
    note(a.ties != b.ties, "ties");
    note(a.km.conf_type != b.km.conf_type, "CI transform");
    note(a.km.conf_level != b.km.conf_level, "CI level");
    note(a.time_unit != b.time_unit, "time unit");
    note(a.landmarks != b.landmarks, "landmarks");
    note(a.tau != b.tau, "RMST horizon");
    note(a.filter != b.filter, "filter");
    note(before.adverse_events != after.adverse_events, "adverse-event filters");
    if (changed.isEmpty()) {
        return QStringLiteral("Change settings");
    }
    const QString last = changed.takeLast();
    return QStringLiteral("Change %1")
        .arg(changed.isEmpty() ? last : changed.join(QStringLiteral(", ")) + " and " + last);
}

StateChange::StateChange(WorkspaceState before, WorkspaceState after, const QString& text,
                         Apply apply)
    : before_(std::move(before)), after_(std::move(after)), apply_(std::move(apply)) {
    setText(text);
}

void StateChange::undo() {
    apply_(before_);
}

void StateChange::redo() {
    apply_(after_);
}

} // namespace triallens::ui
