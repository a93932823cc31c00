#include "controller/analysis_document.h"

#include "controller/refit_controller.h"
#include "controller/study_loader.h"
#include "controller/user_settings.h"
#include "controller/workspace_document.h"
#include "main_window.h"
#include "models/forest_model.h"
#include "views/forest_view.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStatusBar>
#include <QTabWidget>

namespace triallens::ui {

namespace {

const QString suffix = QString::fromLatin1(saved_analysis_suffix);

QString status_text(const FileCheck& check) {
    switch (check.status) {
    case FileStatus::Ok:
        return QStringLiteral("as saved");
    case FileStatus::Missing:
        return QStringLiteral("missing (%1)").arg(check.detail);
    case FileStatus::Changed:
        return QStringLiteral("changed since the analysis was saved (%1)").arg(check.detail);
    }
    return {};
}

// One line per file with a problem, naming it in full.
QString report(const std::vector<FileCheck>& checks) {
    QStringList lines;
    for (const FileCheck& check : checks) {
        if (check.status != FileStatus::Ok) {
            lines << QStringLiteral("• %1 — %2")
                         .arg(QDir::toNativeSeparators(check.path), status_text(check));
        }
    }
    return lines.join('\n');
}

bool any_with(const std::vector<FileCheck>& checks, FileStatus status) {
    return std::any_of(checks.begin(), checks.end(),
                       [status](const FileCheck& check) { return check.status == status; });
}

QTabWidget* tabs_of(const MainWindow* window) {
    return qobject_cast<QTabWidget*>(window->centralWidget());
}

} // namespace

AnalysisDocument::AnalysisDocument(MainWindow* window, WorkspaceDocument* workspace)
    : QObject(window), window_(window), workspace_(workspace),
      save_action_(new QAction(QStringLiteral("&Save Analysis…"), this)),
      open_action_(new QAction(QStringLiteral("Op&en Analysis…"), this)) {
    save_action_->setShortcut(QKeySequence::Save);
    save_action_->setToolTip(
        QStringLiteral("Save the files, settings, filters and view to reopen them later"));
    // Ctrl+O opens data files; an analysis is the shifted Open.
    open_action_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+O")));
    open_action_->setToolTip(QStringLiteral("Reopen a saved analysis with the same figures"));
    connect(save_action_, &QAction::triggered, this, [this] {
        QString name = workspace_->controller()->study()
                           ? QString::fromStdString(workspace_->controller()->study()->name)
                           : QStringLiteral("analysis");
        name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]+")), QStringLiteral("-"));
        // Beside the data by default: an analysis travels with its files.
        const QString folder = workspace_->paths().isEmpty()
                                   ? lastFolder()
                                   : QFileInfo(workspace_->paths().front()).absolutePath();
        QString file = QFileDialog::getSaveFileName(
            window_, QStringLiteral("Save analysis"), QDir(folder).filePath(name + suffix),
            QStringLiteral("TrialLens analysis (*%1)").arg(suffix));
        if (file.isEmpty()) {
            return;
        }
        if (!file.endsWith(QStringLiteral(".json"))) {
            file += suffix;
        }
        save(file);
    });
    connect(open_action_, &QAction::triggered, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            window_, QStringLiteral("Open analysis"), lastFolder(),
            QStringLiteral("TrialLens analysis (*%1);;JSON (*.json);;All files (*)").arg(suffix));
        if (!file.isEmpty()) {
            open(file);
        }
    });

    prompts_.confirm = [this](const QString& text, const QString& proceed) {
        QMessageBox box(QMessageBox::Warning, QStringLiteral("Data files differ"),
                        QStringLiteral("The data files of this analysis are not as they were "
                                       "saved."),
                        QMessageBox::Cancel, window_);
        box.setInformativeText(text);
        QPushButton* go = box.addButton(proceed, QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == go;
    };
    prompts_.locate = [this](const SavedFile& saved) {
        const QFileInfo was(saved.path);
        const QString title = QStringLiteral("Where is %1 now?").arg(was.fileName());
        return saved.folder ? QFileDialog::getExistingDirectory(window_, title, was.path())
                            : QFileDialog::getOpenFileName(
                                  window_, title, was.path(),
                                  QStringLiteral("Trial data (*.csv *.tsv *.txt *.xpt "
                                                 "*.sas7bdat);;All files (*)"));
    };
    prompts_.warn = [this](const QString& text) {
        QMessageBox::warning(window_, QStringLiteral("Saved analysis"), text);
    };

    // Queued, so the window has shown the new study (its own slot on the same
    // signal) before the saved state replaces the one it starts with.
    connect(
        workspace_, &WorkspaceDocument::studyChanged, this,
        [this](const std::shared_ptr<const Study>&, const QStringList& paths) {
            if (pending_ && pending_->paths() == paths) {
                const SavedAnalysis analysis = *pending_;
                pending_.reset();
                apply(analysis);
            }
        },
        Qt::QueuedConnection);
    // A refused or cancelled load leaves the current study and state as they were.
    connect(workspace_->loader(), &StudyLoader::failed, this, [this] { pending_.reset(); });
    connect(workspace_->loader(), &StudyLoader::cancelled, this, [this] { pending_.reset(); });
}

std::optional<SavedAnalysis> AnalysisDocument::capture(QString* error) const {
    const auto& study = workspace_->controller()->study();
    if (!study) {
        if (error) {
            *error = QStringLiteral("there is no study to save");
        }
        return std::nullopt;
    }
    SavedAnalysis analysis;
    analysis.demo = workspace_->paths().isEmpty();
    if (analysis.demo && !study->synthetic) {
        if (error) {
            *error = QStringLiteral("this study was not loaded from files, so it cannot be saved");
        }
        return std::nullopt;
    }
    if (!analysis.demo) {
        auto files = hash_files(workspace_->paths(), error);
        if (!files) {
            return std::nullopt;
        }
        analysis.files = std::move(*files);
    }
    analysis.state = workspace_->state();
    if (const QTabWidget* tabs = tabs_of(window_)) {
        analysis.current_tab = window_->tabId(tabs->currentIndex());
    }
    return analysis;
}

bool AnalysisDocument::save(const QString& file) {
    QString error;
    const auto analysis = capture(&error);
    if (!analysis) {
        prompts_.warn(QStringLiteral("The analysis was not saved: %1.").arg(error));
        return false;
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(to_json(*analysis)) < 0 || !out.commit()) {
        prompts_.warn(QStringLiteral("Could not write %1: %2")
                          .arg(QDir::toNativeSeparators(file), out.errorString()));
        return false;
    }
    window_->statusBar()->showMessage(
        QStringLiteral("Saved the analysis as %1").arg(QFileInfo(file).fileName()), 5000);
    used(file);
    return true;
}

bool AnalysisDocument::open(const QString& file) {
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        prompts_.warn(QStringLiteral("Could not open %1: %2")
                          .arg(QDir::toNativeSeparators(file), in.errorString()));
        return false;
    }
    QString error;
    auto analysis = from_json(in.readAll(), &error);
    if (!analysis) {
        prompts_.warn(QStringLiteral("%1 is not a saved analysis TrialLens can read: %2")
                          .arg(QDir::toNativeSeparators(file), error));
        return false;
    }
    if (analysis->demo) {
        pending_.reset();
        workspace_->openDemo();
        apply(*analysis);
        used(file);
        return true;
    }
    if (!resolveFiles(*analysis)) {
        return false;
    }
    pending_ = *analysis;
    workspace_->openPaths(analysis->paths(), false);
    used(file);
    return true;
}

QString AnalysisDocument::lastFolder() {
    return user_settings().value(settings_key::analysis_folder, QDir::homePath()).toString();
}

void AnalysisDocument::used(const QString& file) {
    const QFileInfo info(file);
    user_settings().setValue(settings_key::analysis_folder, info.absolutePath());
    emit fileUsed(info.absoluteFilePath());
}

bool AnalysisDocument::resolveFiles(SavedAnalysis& analysis) {
    std::vector<FileCheck> checks = verify_files(analysis);
    if (!any_with(checks, FileStatus::Missing) && !any_with(checks, FileStatus::Changed)) {
        return true;
    }
    const bool missing = any_with(checks, FileStatus::Missing);
    if (!prompts_.confirm(report(checks), missing ? QStringLiteral("Locate Files…")
                                                  : QStringLiteral("Open Anyway"))) {
        return false;
    }
    if (!missing) {
        return true; // changed files, opened anyway
    }
    // Files moved together: where the user found one, the others are looked
    // for by name before asking again. Changed files, as they were or as
    // found, are then asked about once more: the first question offered only
    // to locate.
    QStringList found_in;
    std::vector<FileCheck> changed;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (checks[i].status == FileStatus::Changed) {
            changed.push_back(checks[i]);
        }
        if (checks[i].status != FileStatus::Missing) {
            continue;
        }
        SavedFile& saved = analysis.files[i];
        FileCheck check{saved.path, FileStatus::Missing, {}};
        for (const QString& folder : found_in) {
            const QString candidate = QDir(folder).filePath(QFileInfo(saved.path).fileName());
            check = verify_file(saved, candidate);
            if (check.status == FileStatus::Ok) {
                break;
            }
        }
        if (check.status != FileStatus::Ok) {
            const QString chosen = prompts_.locate(saved);
            if (chosen.isEmpty()) {
                return false;
            }
            check = verify_file(saved, QFileInfo(chosen).absoluteFilePath());
            if (check.status == FileStatus::Missing) {
                prompts_.warn(QStringLiteral("%1 — %2").arg(QDir::toNativeSeparators(check.path),
                                                            status_text(check)));
                return false;
            }
            found_in << QFileInfo(check.path).absolutePath();
        }
        saved.path = check.path;
        if (check.status == FileStatus::Changed) {
            changed.push_back(check);
        }
    }
    return changed.empty() || prompts_.confirm(report(changed), QStringLiteral("Open Anyway"));
}

void AnalysisDocument::apply(const SavedAnalysis& analysis) {
    workspace_->restoreState(analysis.state);
    disconnect(select_row_);
    if (const auto& focus = analysis.state.focus) {
        // The forest shows the row in focus once the restored spec's results
        // (and with them that row) are there.
        select_row_ = connect(workspace_->controller(), &RefitController::refitted, this,
                              [this, variable = QString::fromStdString(focus->variable),
                               level = QString::fromStdString(focus->level)] {
                                  disconnect(select_row_);
                                  ForestView* forest = window_->forestView();
                                  forest->selectRow(forest->model()->rowOf(variable, level));
                              });
    }
    if (QTabWidget* tabs = tabs_of(window_)) {
        // By id; an analysis saved before tabs had ids names the title.
        int tab = window_->tabIndex(analysis.current_tab);
        for (int i = 0; tab < 0 && i < tabs->count(); ++i) {
            if (tabs->tabText(i).remove('&') == analysis.current_tab) {
                tab = i;
            }
        }
        if (tab >= 0) {
            tabs->setCurrentIndex(tab);
        }
    }
    window_->statusBar()->showMessage(QStringLiteral("Opened the saved analysis"), 5000);
    emit restored();
}

} // namespace triallens::ui
