#pragma once
// File ▸ Save Analysis (Ctrl+S) and File ▸ Open Analysis (Ctrl+Shift+O):
// writes the main window's files, settings, filters, focused forest row and
// front tab as a saved analysis (saved_analysis.h) and opens one to show the
// same figures.
//
// Opening checks the files first. When one is missing or changed, a dialog
// names each file and its problem; the user points to each missing file (a
// file chosen from a folder is also looked for there for the other missing
// ones) and may open changed files anyway or cancel. The files then load
// through the window's normal (threaded) path, and once the study has loaded
// the saved state is applied as one state — the undo history starts anew —
// followed by the focused row and the tab. A demo analysis reopens on the
// embedded demo study.
//
// The dialogs are behind replaceable prompts so tests never block on one.
// File ▸ Open Analysis starts in the folder of the analysis used last
// (settings_key::analysis_folder); Save Analysis beside the study's files,
// or there for the demo.

#include "controller/saved_analysis.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

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

    QAction* saveAction() const { return save_action_; } // Ctrl+S, asks for a file
    QAction* openAction() const { return open_action_; } // asks for a file

    // The default prompts are modal dialogs over the window.
    void setPrompts(Prompts prompts) { prompts_ = std::move(prompts); }

    // The window as it stands, files hashed; nullopt (and why) when there is
    // no study or one of its files cannot be read.
    std::optional<SavedAnalysis> capture(QString* error) const;
    // Writes capture() to `file` (atomically); false after a warning.
    bool save(const QString& file);
    // Reads `file` and starts restoring it: true when its files are being
    // loaded (or the demo is shown); false after a warning or a cancel.
    bool open(const QString& file);

signals:
    // The opened analysis's state, focus and tab are applied (its refits run).
    void restored();
    // `file` was written, or read and is being restored: File ▸ Open Recent
    // lists it.
    void fileUsed(const QString& file);

private:
    // Asks about missing and changed files and fills in where missing files
    // are now; false when the user cancels.
    bool resolveFiles(SavedAnalysis& analysis);
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
    QMetaObject::Connection select_row_;   // marks the focused forest row after a refit
};

} // namespace triallens::ui
