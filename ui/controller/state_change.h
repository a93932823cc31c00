#pragma once
// One undoable gesture: the workspace state before and after it. Redo and
// undo hand the state to `apply`, which shows it in every panel and refits.
// Consecutive changes of the focused forest row alone merge into one step,
// so stepping through rows with the arrow keys is undone at once.

#include "document/workspace_state.h"

#include <QUndoCommand>

#include <functional>

namespace triallens::ui {

// "Change ties", "Change strata and subgroups", "Show subgroup SEX = F":
// what differs, for the Edit menu.
QString describe_change(const WorkspaceState& before, const WorkspaceState& after);

class StateChange : public QUndoCommand {
public:
    using Apply = std::function<void(const WorkspaceState&)>;

    // Named by describe_change(before, after).
    StateChange(WorkspaceState before, WorkspaceState after, Apply apply);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

private:
    bool focusOnly() const;

    WorkspaceState before_;
    WorkspaceState after_;
    Apply apply_;
};

} // namespace triallens::ui
