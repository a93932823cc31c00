#pragma once
// One undoable gesture: the workspace state before and after it. Redo and
// undo hand the state to `apply`, which shows it in every panel and refits.

#include "controller/workspace_state.h"

#include <QUndoCommand>

#include <functional>

namespace triallens::ui {

// "Change ties", "Change strata and subgroups": what differs, for the Edit menu.
QString describe_change(const WorkspaceState& before, const WorkspaceState& after);

class StateChange : public QUndoCommand {
public:
    using Apply = std::function<void(const WorkspaceState&)>;

    StateChange(WorkspaceState before, WorkspaceState after, const QString& text, Apply apply);

    void undo() override;
    void redo() override;

private:
    WorkspaceState before_;
    WorkspaceState after_;
    Apply apply_;
};

} // namespace triallens::ui
