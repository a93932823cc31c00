#pragma once
// File ▸ Save Analysis (Ctrl+S) and File ▸ Open Analysis (Ctrl+Shift+O):
// writes the main window's files, settings, filters, focused forest row and
// front tab as a saved analysis (saved_analysis.h) and opens one to show the
// same figures.
//
// Saving hashes the files on a worker thread too, so a large study (or a
// slow disk) never freezes the window; the state saved is the one shown
// when Save was chosen.
//
// Opening reads the document as read_saved_analysis() trusts it (a regular
// file, every field checked, relative paths beside it), then checks the
// files on a worker thread — hashing never runs on the GUI thread, so the
// window paints and stays responsive, with a progress dialog that can cancel
// — and only regular files are opened, so a data path that is a FIFO or
// /dev/zero is refused at once, by name and why. When a file is missing,
// refused or changed, a dialog names each file and its problem; the user
// points to each missing or refused file (a file chosen from a folder is also
// looked for there for the other missing ones), the files pointed to are
// checked on the worker too, and changed files may be opened anyway or not.
// The files then load through the window's normal (threaded) path. A loaded
// study on which the spec's filter is not the one its saved Filters choices
// give (check_against_study) is refused before it replaces the current one,
// with a warning naming both, so the window stays as it was; otherwise the
// saved state is applied as one state — the undo history starts anew —
// followed by the focused row and the tab. A demo analysis reopens on the
// embedded demo study.
//
// The dialogs are behind replaceable prompts so tests never block on one.
// File ▸ Open Analysis starts in the folder of the analysis used last
// (settings_key::analysis_folder); Save Analysis beside the study's files,
// or there for the demo.

#include "document/saved_analysis.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QAction;
QT_END_NAMESPACE

namespace triallens::ui {

class MainWindow;
class WorkspaceDocument;

class AnalysisDocument : public QObject {
    Q_OBJECT

public:
    struct Prompts {
        // Shows `text` (what is wrong with which file); true = go on with the
        // button titled `proceed`, false = Cancel.
        std::function<bool(const QString& text, const QString& proceed)> confirm;
        // Where the missing `saved` file (or folder) is now; empty = cancel.
        std::function<QString(const SavedFile& saved)> locate;
        // A document that cannot be read or written, and why.
        std::function<void(const QString& text)> warn;
    };

    // `window` owns the document and shows `workspace`, which it saves and
    // restores.
    AnalysisDocument(MainWindow* window, WorkspaceDocument* workspace);
    ~AnalysisDocument() override;

    QAction* saveAction() const { return save_action_; } // Ctrl+S, asks for a file
    QAction* openAction() const { return open_action_; } // asks for a file

    // The default prompts are modal dialogs over the window.
    void setPrompts(Prompts prompts) { prompts_ = std::move(prompts); }

    // The window as it stands, its files named but not yet hashed; nullopt
    // (and why) when there is no study or it was not loaded from files.
    std::optional<SavedAnalysis> capture(QString* error) const;
    // Saves the window as it stands now to `file`: its files are hashed on a
    // worker (with a progress dialog that can cancel), then the document is
    // written atomically; saved() or saveFailed() follows. False after a
    // warning, when nothing can be saved. A save still hashing when another
    // starts is cancelled, and its file not written.
    bool save(const QString& file);
    // Stops the save that is hashing (then saveFailed()); nothing is written.
    void cancelSave();
    // Whether a save is hashing its files.
    bool savingFiles() const;
    // Reads `file` and starts restoring it: true when its files are being
    // checked and loaded (or the demo is shown), after which either
    // restored() or abandoned() follows; false after a warning.
    bool open(const QString& file);
    // Stops checking the files of an analysis being opened (then abandoned()).
    void cancelOpen();
    // Whether the files of an analysis being opened are being checked (or
    // their check's outcome is still to be handled).
    bool checkingFiles() const;

signals:
    // `file` was written.
    void saved(const QString& file);
    // A save was cancelled or its files could not be read (after a warning);
    // nothing was written.
    void saveFailed();
    // The opened analysis's state, focus and tab are applied (its refits run).
    void restored();
    // An analysis being opened stopped before its files loaded: a cancel, a
    // file refused, a warning, or another analysis opened meanwhile. The
    // window is as it was.
    void abandoned();
    // `file` was written, or read and is being restored: File ▸ Open Recent
    // lists it.
    void fileUsed(const QString& file);

private:
    using Checks = std::vector<FileCheck>;
    // Verifies `files` (paths as given) on a worker, with a progress dialog
    // that can cancel; `then` gets one check per file, on the GUI thread.
    void checkFiles(std::vector<SavedFile> files, std::function<void(const Checks&)> then);
    // Asks about missing, refused and changed files; has the files the user
    // points to checked, then loads.
    void resolveFiles(SavedAnalysis analysis, const QString& file, const Checks& checks);
    void load(const SavedAnalysis& analysis, const QString& file);
    // Writes `analysis` to `file` atomically; false after a warning.
    bool write(const SavedAnalysis& analysis, const QString& file);
    void abandon();
    void apply(const SavedAnalysis& analysis);
    // Remembers `file`'s folder for the file dialogs and emits fileUsed().
    void used(const QString& file);
    static QString lastFolder();

    MainWindow* window_;
    WorkspaceDocument* workspace_;
    QAction* save_action_;
    QAction* open_action_;
    Prompts prompts_;
    std::optional<SavedAnalysis> pending_; // applied when its files have loaded
    // The running check's cancel flag, and its watcher.
    std::shared_ptr<std::atomic<bool>> check_cancel_;
    std::unique_ptr<QFutureWatcher<std::optional<Checks>>> check_;
    // The files hashed for a save, or why they could not be read.
    struct Hashed {
        std::optional<std::vector<SavedFile>> files;
        QString error;
    };
    std::shared_ptr<std::atomic<bool>> save_cancel_;
    std::unique_ptr<QFutureWatcher<std::optional<Hashed>>> save_;
    QMetaObject::Connection select_row_; // marks the focused forest row after a refit
};

} // namespace triallens::ui
