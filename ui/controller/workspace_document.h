#pragma once
// The open workspace, as a document: the study's files, the user's state
// (settings, filters, AE toggles and the forest row in focus, one value),
// its undo history, the loader that replaces the study and the refit
// controller that computes what the state shows. The main window arranges
// views around one and forwards gestures to it; no view keeps a state of
// its own, so every tab, title and export reads the same one.
//
// A user's gesture is an undoable step (changeState); consecutive clicks
// on forest rows make one step, so Undo goes back to where the clicking
// began. A new study, or an opened analysis, starts a new history.

#include "document/published_folder.h"
#include "document/workspace_state.h"

#include <triallens/data/study.h>
#include <triallens/reconstruct/reconstructed_overlay.h>
#include <triallens/reconstruct/reconstructed_study.h>

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

QT_BEGIN_NAMESPACE
class QUndoStack;
QT_END_NAMESPACE

namespace triallens::ui {

class RefitController;
class StudyLoader;

class WorkspaceDocument : public QObject {
    Q_OBJECT

public:
    // `controller` computes the state (and may already hold a study, whose
    // state the document then starts from); it must outlive the document.
    explicit WorkspaceDocument(RefitController* controller, QObject* parent = nullptr);

    RefitController* controller() const { return controller_; }
    StudyLoader* loader() const { return loader_; }
    QUndoStack* undoStack() const { return undo_stack_; }
    const std::shared_ptr<const Study>& study() const;
    // The files of the current study; empty for the demo.
    const QStringList& paths() const { return paths_; }
    const WorkspaceState& state() const { return state_; }
    // The focused forest row; empty when every tab shows all patients.
    QString focusVariable() const;
    QString focusLevel() const;

    // Why a loaded study must not replace the current one; nullopt when it may.
    using StudyCheck = std::function<std::optional<QString>(const Study&)>;

    // Loads files and folders off the GUI thread (added to the current files
    // when `add`), leaving out invalid rows only when the user asked for it,
    // then adds the arms of the `published` folders on the same thread (when
    // adding files, the folders the study shows already). The study is replaced when the load
    // succeeds and passes `check`, never before: a study `check` refuses is dropped (studyRefused),
    // a folder that cannot be added fails the load, and the current study, files and state stay as
    // they were.
    void openPaths(const QStringList& paths, bool add, bool exclude_invalid_rows = false,
                   StudyCheck check = {}, std::vector<PublishedFolder> published = {});
    // Replaces the study with the embedded (synthetic) demo, as a load would.
    void openDemo();
    // The demo with the `published` arms beside its own, made off the GUI
    // thread and shown when it passes `check` (else studyRefused).
    void openDemoWith(std::vector<PublishedFolder> published, StudyCheck check);

    // Arms rebuilt from a published Kaplan–Meier figure (the digitiser's),
    // either beside the study's own arms — on the endpoint and treatment
    // column the state shows (reconstructed_overlay.h), the study's files
    // kept — or as a study of their own (reconstructed_study.h, no files).
    // Made off the GUI thread and shown as a load is, with the data's caveat
    // (data_caveat.h) as a warning; arms that cannot be made into a study
    // are said by studyRefused and change nothing. The files list keeps only
    // the trial's; a saved analysis keeps the folders of published arms
    // (publishedFolders), not arms made in memory (publishedArmsInMemory),
    // which the digitiser saves as CSV.
    enum class PublishedArms { BesideTheStudy, OnTheirOwn };
    void openPublishedArms(std::vector<NamedArm> arms, ReconstructedStudyOptions options,
                           PublishedArms where);
    // The arms a folder of rebuilt arms holds (the digitiser's "Save as
    // CSV…", `reconstruct --out`; published_arms in reconstructed_overlay.h)
    // beside the study's own, as openPublishedArms puts them; loaded off the
    // GUI thread. A folder that does not load, or is not a rebuilt study, is
    // said by studyRefused, naming it, and changes nothing.
    void addPublishedFolder(const QString& folder);
    // Whether the study shown has arms added by the calls above.
    bool publishedArmsShown() const { return !published_folders_.empty() || published_in_memory_; }
    // The folders whose arms the study shows beside its own, in the order
    // added (a saved analysis keeps them), and whether it also shows arms
    // that are in no folder (the digitiser's, which one cannot keep).
    const std::vector<PublishedFolder>& publishedFolders() const { return published_folders_; }
    bool publishedArmsInMemory() const { return published_in_memory_; }

    // A user's gesture: an undoable step from the current state to `next`.
    void changeState(const WorkspaceState& next);
    // `state` as the whole state, not as a step: it refits once and the
    // undo history starts anew (an opened analysis).
    void restoreState(const WorkspaceState& state);
    // Every tab shows one forest row's subjects (empty: all patients); a step.
    void focusSubgroup(const QString& variable, const QString& level);

signals:
    // A load of `files` files has started.
    void loadStarted(int files);
    // The study was replaced; the state is its default (stateChanged follows).
    void studyChanged(const std::shared_ptr<const triallens::Study>& study,
                      const QStringList& paths, const QStringList& warnings, int excluded_rows);
    // A loaded study was not shown: the check given to openPaths said `why`.
    void studyRefused(const QString& why);
    // The state to show (a step, an undo or redo, a restore, a new study).
    void stateChanged(const triallens::ui::WorkspaceState& state);

private:
    // openPublishedArms and addPublishedFolder: `arms` made on a worker
    // thread (throwing std::exception with a reason), then placed `where`;
    // `folder` is where they came from (empty: from no folder).
    void showPublished(std::function<triallens::PublishedArms()> arms, PublishedArms where,
                       const QString& folder);
    // A study made on a worker thread (throwing std::exception with a
    // reason, said by studyRefused after `refusal`), then shown with `paths`
    // when it passes `check`; it holds the arms of `folders`, and arms of no
    // folder when `in_memory`.
    void showMade(std::function<Study()> make, const QStringList& paths,
                  std::vector<PublishedFolder> folders, bool in_memory, StudyCheck check,
                  const QString& refusal);
    void applyState(const WorkspaceState& state);
    void replaceStudy(const std::shared_ptr<const Study>& study, const QStringList& paths,
                      const QStringList& warnings, int excluded_rows,
                      std::vector<PublishedFolder> published_folders = {},
                      bool published_in_memory = false);

    RefitController* controller_;
    StudyLoader* loader_;
    QUndoStack* undo_stack_;
    QStringList paths_;
    WorkspaceState state_;
    StudyCheck check_; // the running load's, if it has one
    // Counts studies asked for (loads, the demo, published arms): a study of
    // published arms made after another was asked for is dropped.
    std::uint64_t asked_ = 0;
    std::vector<PublishedFolder> loading_published_; // the running load's
    std::vector<PublishedFolder> published_folders_;
    bool published_in_memory_ = false;
};

} // namespace triallens::ui
