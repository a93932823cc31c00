#include "controller/state_change.h"

#include <QStringList>

#include <utility>

namespace triallens::ui {

namespace {

// Only the focused row differs between `before` and `after`.
bool only_focus_differs(WorkspaceState before, const WorkspaceState& after) {
    before.focus = after.focus;
    return before == after;
}

constexpr int focus_step_id = 1;

} // namespace

QString describe_change(const WorkspaceState& before, const WorkspaceState& after) {
    if (before.focus != after.focus && only_focus_differs(before, after)) {
        return after.focus ? QStringLiteral("Show subgroup %1 = %2")
                                 .arg(QString::fromStdString(after.focus->variable),
                                      QString::fromStdString(after.focus->level))
                           : QStringLiteral("Show all patients");
    }
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
    note(a.fh_tests != b.fh_tests || a.maxcombo != b.maxcombo, "delayed-effects tests");
    note(a.hr_cuts != b.hr_cuts, "cut points");
    note(a.from != b.from, "survival from");
    note(a.filter != b.filter, "filter");
    note(before.adverse_events != after.adverse_events, "adverse-event filters");
    note(before.focus != after.focus, "focused subgroup");
    if (changed.isEmpty()) {
        return QStringLiteral("Change settings");
    }
    const QString last = changed.takeLast();
    return QStringLiteral("Change %1")
        .arg(changed.isEmpty() ? last : changed.join(QStringLiteral(", ")) + " and " + last);
}

StateChange::StateChange(WorkspaceState before, WorkspaceState after, Apply apply)
    : before_(std::move(before)), after_(std::move(after)), apply_(std::move(apply)) {
    setText(describe_change(before_, after_));
}

void StateChange::undo() {
    apply_(before_);
}

void StateChange::redo() {
    apply_(after_);
}

bool StateChange::focusOnly() const {
    return only_focus_differs(before_, after_);
}

int StateChange::id() const {
    return focusOnly() ? focus_step_id : -1;
}

bool StateChange::mergeWith(const QUndoCommand* other) {
    // Both are focus-only steps (same id); the second starts where this ends.
    after_ = static_cast<const StateChange*>(other)->after_;
    setText(describe_change(before_, after_));
    setObsolete(before_ == after_); // back where it began: no step at all
    return true;
}

} // namespace triallens::ui
