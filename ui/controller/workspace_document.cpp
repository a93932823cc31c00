#include "controller/workspace_document.h"

#include "controller/refit_controller.h"
#include "controller/state_change.h"
#include "controller/study_loader.h"

#include <QUndoStack>

#include <triallens/analysis/default_spec.h>
#include <triallens/demo/demo_study.h>

#include <utility>

namespace triallens::ui {

WorkspaceDocument::WorkspaceDocument(RefitController* controller, QObject* parent)
    : QObject(parent), controller_(controller), loader_(new StudyLoader(this)),
      undo_stack_(new QUndoStack(this)) {
    if (controller_->study()) {
        try {
            state_.spec = complete_spec(*controller_->study(), controller_->spec());
        } catch (const SpecError&) {
            state_.spec = controller_->spec(); // the refit says what is wrong
        }
    }
    state_.adverse_events = controller_->adverseEventFilter();
    state_.focus = controller_->focus();
    connect(loader_, &StudyLoader::loaded, this, &WorkspaceDocument::replaceStudy);
}

const std::shared_ptr<const Study>& WorkspaceDocument::study() const {
    return controller_->study();
}

QString WorkspaceDocument::focusVariable() const {
    return state_.focus ? QString::fromStdString(state_.focus->variable) : QString();
}

QString WorkspaceDocument::focusLevel() const {
    return state_.focus ? QString::fromStdString(state_.focus->level) : QString();
}

void WorkspaceDocument::openPaths(const QStringList& paths, bool add, bool exclude_invalid_rows,
                                  StudyCheck check) {
    QStringList all = add ? paths_ : QStringList();
    for (const QString& path : paths) {
        if (!all.contains(path)) {
            all << path;
        }
    }
    emit loadStarted(static_cast<int>(all.size()));
    LoadOptions options;
    options.exclude_invalid_rows = exclude_invalid_rows;
    // The loader reports only the load started last: its check goes with it.
    check_ = std::move(check);
    loader_->load(all, options);
}

void WorkspaceDocument::openDemo() {
    loader_->cancel();
    check_ = {};
    replaceStudy(std::make_shared<const Study>(generate_demo_study()), {}, {}, 0);
}

void WorkspaceDocument::changeState(const WorkspaceState& next) {
    if (next == state_) {
        return;
    }
    // push() applies the change through redo().
    undo_stack_->push(
        new StateChange(state_, next, [this](const WorkspaceState& state) { applyState(state); }));
}

void WorkspaceDocument::restoreState(const WorkspaceState& state) {
    undo_stack_->clear();
    applyState(state);
}

void WorkspaceDocument::focusSubgroup(const QString& variable, const QString& level) {
    WorkspaceState next = state_;
    next.focus = variable.isEmpty() ? std::nullopt
                                    : std::optional<SubgroupFocus>(SubgroupFocus{
                                          variable.toStdString(), level.toStdString()});
    changeState(next);
}

void WorkspaceDocument::applyState(const WorkspaceState& state) {
    state_ = state;
    emit stateChanged(state_);
    controller_->setWorkspace(state_.workspace());
}

void WorkspaceDocument::replaceStudy(const std::shared_ptr<const Study>& study,
                                     const QStringList& paths, const QStringList& warnings,
                                     int excluded_rows) {
    if (const StudyCheck check = std::exchange(check_, {}); check && study) {
        if (const auto why = check(*study)) {
            emit studyRefused(*why);
            return;
        }
    }
    paths_ = paths;
    // Undo steps name the old study's columns: a new study starts a new
    // history, from all patients. The AE toggles and Table 1's methods stay:
    // they apply to any study; Table 1's variables are the old study's.
    undo_stack_->clear();
    state_ = WorkspaceState{default_spec(*study, controller_->spec().paramcd),
                            {},
                            state_.adverse_events,
                            std::nullopt,
                            {{}, state_.baseline.quantile_type, state_.baseline.p_values}};
    controller_->setStudy(study, state_.spec);
    emit studyChanged(study, paths, warnings, excluded_rows);
    emit stateChanged(state_);
}

} // namespace triallens::ui
