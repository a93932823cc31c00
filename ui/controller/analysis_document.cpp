#include "controller/analysis_document.h"

#include "controller/refit_controller.h"
#include "controller/study_loader.h"
#include "controller/user_settings.h"
#include "controller/workspace_document.h"
#include "main_window.h"
#include "models/forest_model.h"
#include "views/forest_view.h"
#include "views/km_chart_view.h"

#include <triallens/demo/demo_study.h>
#include <triallens/format/data_caveat.h>

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPromise>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStatusBar>
#include <QTabWidget>
#include <QtConcurrent>

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
    case FileStatus::Refused:
        return QStringLiteral("cannot be used (%1)").arg(check.detail);
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

// Missing and refused files are both pointed to anew.
bool unusable(const FileCheck& check) {
    return check.status == FileStatus::Missing || check.status == FileStatus::Refused;
}

// Whether `path` is there as the kind of thing `saved` was, by stat alone
// (no open, no hashing: the GUI thread never blocks on it).
bool present_as_saved(const SavedFile& saved, const QString& path) {
    return saved.folder ? QFileInfo(path).isDir() : !not_a_regular_file(path).has_value();
}

// `choices` with the font and palette of `other`: a saved analysis keeps the
// KM figure's choices, not its font and palette (the view's and the export's).
KmFigureOptions with_font_and_palette_of(KmFigureOptions choices, const KmFigureOptions& other) {
    choices.font_point_size = other.font_point_size;
    choices.font_family = other.font_family;
    choices.palette = other.palette;
    return choices;
}

QTabWidget* tabs_of(const MainWindow* window) {
    return qobject_cast<QTabWidget*>(window->centralWidget());
}

// Runs `work` on a worker thread behind a progress dialog over `parent` that
// can cancel it (shown after half a second). `done` gets the result on the
// GUI thread, or nullopt when cancelled, even if the worker got to the end
// first. The returned watcher owns the run: destroying it drops the outcome
// (`done` is not called), so `done` takes it first if it may start another.
template <typename R>
std::unique_ptr<QFutureWatcher<std::optional<R>>>
run_hashing(QWidget* parent, QObject* context, const QString& label, qint64 bytes,
            const std::shared_ptr<std::atomic<bool>>& cancel,
            std::function<R(const HashProgress&)> work,
            std::function<void(std::optional<R>)> done) {
    const qint64 total = std::max<qint64>(1, bytes);
    auto* progress = new QProgressDialog(label, QStringLiteral("Cancel"), 0, 1000, parent);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(500);
    progress->setAutoReset(false);
    // This run's own flag: a dialog also says canceled() when it closes,
    // which must not stop the run that follows it.
    QObject::connect(progress, &QProgressDialog::canceled, context,
                     [cancel] { cancel->store(true); });

    auto watcher = std::make_unique<QFutureWatcher<std::optional<R>>>();
    QObject::connect(watcher.get(), &QFutureWatcher<std::optional<R>>::progressValueChanged,
                     progress, &QProgressDialog::setValue);
    QObject::connect(watcher.get(), &QObject::destroyed, progress, &QWidget::close);
    QObject::connect(watcher.get(), &QFutureWatcher<std::optional<R>>::finished, context,
                     [watcher = watcher.get(), cancel, done = std::move(done)] {
                         done(cancel->load() ? std::nullopt : watcher->result());
                     });
    watcher->setFuture(QtConcurrent::run(
        [work = std::move(work), cancel, total](QPromise<std::optional<R>>& promise) {
            promise.setProgressRange(0, 1000);
            qint64 read = 0;
            HashProgress hashing;
            hashing.cancel = cancel.get();
            hashing.advanced = [&promise, &read, total](qint64 more) {
                read += more;
                promise.setProgressValue(
                    static_cast<int>(std::min<qint64>(read, total) * 1000 / total));
            };
            try {
                promise.addResult(std::optional<R>(work(hashing)));
            } catch (const HashCancelled&) {
                promise.addResult(std::optional<R>());
            }
        }));
    return watcher;
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
    // signal) before the saved state replaces the one it starts with. The
    // study passed the analysis's check before it replaced the current one.
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
    connect(workspace_, &WorkspaceDocument::studyRefused, this, [this](const QString& why) {
        if (pending_) {
            prompts_.warn(
                QStringLiteral("The saved settings cannot be shown on these files: %1").arg(why));
            abandon();
        }
    });
    // A refused or cancelled load leaves the current study and state as they were.
    connect(workspace_->loader(), &StudyLoader::failed, this, [this] {
        if (pending_) {
            abandon();
        }
    });
    connect(workspace_->loader(), &StudyLoader::cancelled, this, [this] {
        if (pending_) {
            abandon();
        }
    });
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
            *error =
                workspace_->publishedArmsShown()
                    ? QStringLiteral("arms rebuilt from a publication are not kept in a saved "
                                     "analysis; save them with the digitiser's Save as "
                                     "CSV… and open that folder")
                    : QStringLiteral("this study was not loaded from files, so it cannot be saved");
        }
        return std::nullopt;
    }
    if (!analysis.demo) {
        for (const QString& path : workspace_->paths()) {
            const QFileInfo info(path);
            analysis.files.push_back({info.absoluteFilePath(), info.isDir(), {}});
        }
    }
    for (const PublishedFolder& folder : workspace_->publishedFolders()) {
        analysis.published.push_back({{QFileInfo(folder.path).absoluteFilePath(), true, {}},
                                      folder.endpoint,
                                      folder.arm_variable});
    }
    analysis.state = workspace_->state();
    if (const QTabWidget* tabs = tabs_of(window_)) {
        analysis.current_tab = window_->tabId(tabs->currentIndex());
    }
    analysis.km_figure = with_font_and_palette_of(window_->kmView()->options(), {});
    return analysis;
}

bool AnalysisDocument::save(const QString& file) {
    QString error;
    auto analysis = capture(&error);
    if (!analysis) {
        prompts_.warn(QStringLiteral("The analysis was not saved: %1.").arg(error));
        return false;
    }
    if (workspace_->publishedArmsInMemory() &&
        !prompts_.confirm(
            QStringLiteral("The arms rebuilt from a publication in the digitiser (%1) are not "
                           "kept in a saved analysis: it reopens the study's files and the "
                           "folders of published arms alone. To keep them, save them with the "
                           "digitiser's Save as CSV… and add them with File ▸ Add Published "
                           "Arms from a Folder….")
                .arg(
                    QString::fromStdString(data_caveat(false, workspace_->study()->reconstructed))),
            QStringLiteral("Save Without Them"))) {
        return false;
    }
    cancelSave();
    if (analysis->demo && analysis->published.empty()) {
        return write(*analysis, file);
    }
    // The files and the published folders in one pass, split again below.
    QStringList paths = analysis->paths();
    for (const SavedPublished& saved : analysis->published) {
        paths << saved.folder.path;
    }
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    save_cancel_ = cancel;
    save_ = run_hashing<Hashed>(
        window_, this, QStringLiteral("Reading the data files to save the analysis…"),
        bytes_to_hash(paths), cancel,
        [paths](const HashProgress& progress) {
            Hashed hashed;
            hashed.files = hash_files(paths, &hashed.error, progress);
            return hashed;
        },
        [this, analysis = std::move(*analysis), file](std::optional<Hashed> hashed) mutable {
            save_.release()->deleteLater();
            if (!hashed) {
                window_->statusBar()->showMessage(QStringLiteral("The analysis was not saved"),
                                                  5000);
                emit saveFailed();
                return;
            }
            if (!hashed->files) {
                prompts_.warn(QStringLiteral("The analysis was not saved: %1.").arg(hashed->error));
                emit saveFailed();
                return;
            }
            std::vector<SavedFile>& every = *hashed->files;
            const auto files = static_cast<std::ptrdiff_t>(analysis.files.size());
            analysis.files.assign(every.begin(), every.begin() + files);
            for (std::size_t i = 0; i < analysis.published.size(); ++i) {
                analysis.published[i].folder = every.at(analysis.files.size() + i);
            }
            write(analysis, file);
        });
    return true;
}

void AnalysisDocument::cancelSave() {
    if (save_cancel_) {
        save_cancel_->store(true);
    }
    if (save_) {
        save_.reset(); // its outcome is dropped
        emit saveFailed();
    }
}

bool AnalysisDocument::savingFiles() const {
    return save_ != nullptr;
}

bool AnalysisDocument::write(const SavedAnalysis& analysis, const QString& file) {
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(to_json(analysis)) < 0 || !out.commit()) {
        prompts_.warn(QStringLiteral("Could not write %1: %2")
                          .arg(QDir::toNativeSeparators(file), out.errorString()));
        emit saveFailed();
        return false;
    }
    window_->statusBar()->showMessage(
        QStringLiteral("Saved the analysis as %1").arg(QFileInfo(file).fileName()), 5000);
    used(file);
    emit saved(file);
    return true;
}

AnalysisDocument::~AnalysisDocument() {
    cancelOpen();
    if (save_cancel_) {
        save_cancel_->store(true);
    }
}

bool AnalysisDocument::open(const QString& file) {
    QString error;
    auto analysis = read_saved_analysis(file, &error);
    if (!analysis) {
        prompts_.warn(QStringLiteral("%1 is not a saved analysis TrialLens can read: %2")
                          .arg(QDir::toNativeSeparators(file), error));
        return false;
    }
    if (check_ || pending_) {
        // The analysis being opened gives way to this one: its check is
        // dropped, and a study it is loading will not be shown with its state.
        cancelOpen();
        check_.reset();
        abandon();
    }
    if (analysis->demo && analysis->published.empty()) {
        const Study demo_study = generate_demo_study();
        if (const auto why = check_against_study(*analysis, demo_study)) {
            prompts_.warn(QStringLiteral("%1 is not a saved analysis TrialLens can read: %2")
                              .arg(QDir::toNativeSeparators(file), *why));
            return false;
        }
        workspace_->openDemo();
        apply(*analysis);
        used(file);
        return true;
    }
    checkFiles(analysis->everyFile(), [this, analysis = *analysis, file](const Checks& checks) {
        resolveFiles(analysis, file, checks);
    });
    return true;
}

void AnalysisDocument::cancelOpen() {
    if (check_cancel_) {
        check_cancel_->store(true);
    }
}

bool AnalysisDocument::checkingFiles() const {
    return check_ != nullptr; // until its outcome is handled, not only while it runs
}

void AnalysisDocument::checkFiles(std::vector<SavedFile> files,
                                  std::function<void(const Checks&)> then) {
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    check_cancel_ = cancel;
    SavedAnalysis only_files;
    only_files.files = std::move(files);
    const qint64 bytes = saved_bytes(only_files);
    check_ = run_hashing<Checks>(
        window_, this, QStringLiteral("Checking the analysis's data files…"), bytes, cancel,
        [only_files = std::move(only_files)](const HashProgress& progress) {
            return verify_files(only_files, progress);
        },
        [this, then = std::move(then)](std::optional<Checks> checks) {
            // `then` may start another check, which replaces check_: this
            // watcher (and the closure running now) goes when control returns.
            check_.release()->deleteLater();
            if (!checks) {
                abandon(); // cancelled
                return;
            }
            then(*checks);
        });
}

void AnalysisDocument::abandon() {
    pending_.reset();
    emit abandoned();
}

QString AnalysisDocument::lastFolder() {
    return user_settings().value(settings_key::analysis_folder, QDir::homePath()).toString();
}

void AnalysisDocument::used(const QString& file) {
    const QFileInfo info(file);
    user_settings().setValue(settings_key::analysis_folder, info.absolutePath());
    emit fileUsed(info.absoluteFilePath());
}

void AnalysisDocument::resolveFiles(SavedAnalysis analysis, const QString& file,
                                    const Checks& checks) {
    if (std::none_of(checks.begin(), checks.end(),
                     [](const FileCheck& check) { return check.status != FileStatus::Ok; })) {
        load(analysis, file);
        return;
    }
    const bool relocate = std::any_of(checks.begin(), checks.end(), unusable);
    if (!prompts_.confirm(report(checks), relocate ? QStringLiteral("Locate Files…")
                                                   : QStringLiteral("Open Anyway"))) {
        abandon();
        return;
    }
    if (!relocate) {
        load(analysis, file); // changed files, opened anyway
        return;
    }
    // Files moved together: where the user found one, the others are looked
    // for by name before asking again. The files pointed to are then checked
    // (on the worker), and changed files, as they were or as found, are asked
    // about once more: the first question offered only to locate.
    QStringList found_in;
    Checks changed;
    std::vector<std::size_t> moved;
    for (std::size_t i = 0; i < checks.size(); ++i) {
        if (checks[i].status == FileStatus::Changed) {
            changed.push_back(checks[i]);
        }
        if (!unusable(checks[i])) {
            continue;
        }
        SavedFile& saved = analysis.everyFile(i);
        QString found;
        for (const QString& folder : found_in) {
            const QString candidate = QDir(folder).filePath(QFileInfo(saved.path).fileName());
            if (present_as_saved(saved, candidate)) {
                found = candidate;
                break;
            }
        }
        if (found.isEmpty()) {
            const QString chosen = prompts_.locate(saved);
            if (chosen.isEmpty()) {
                abandon();
                return;
            }
            found = QFileInfo(chosen).absoluteFilePath();
            if (!present_as_saved(saved, found)) {
                const QString why = saved.folder ? QStringLiteral("not a folder")
                                                 : not_a_regular_file(found).value_or(QString());
                prompts_.warn(QStringLiteral("%1 — %2").arg(QDir::toNativeSeparators(found), why));
                abandon();
                return;
            }
            found_in << QFileInfo(found).absolutePath();
        }
        saved.path = found;
        moved.push_back(i);
    }
    std::vector<SavedFile> to_check;
    for (std::size_t i : moved) {
        to_check.push_back(analysis.everyFile(i));
    }
    checkFiles(std::move(to_check), [this, analysis, file,
                                     changed = std::move(changed)](const Checks& found) mutable {
        for (const FileCheck& check : found) {
            if (unusable(check)) {
                prompts_.warn(QStringLiteral("%1 — %2").arg(QDir::toNativeSeparators(check.path),
                                                            status_text(check)));
                abandon();
                return;
            }
            if (check.status == FileStatus::Changed) {
                changed.push_back(check);
            }
        }
        if (!changed.empty() && !prompts_.confirm(report(changed), QStringLiteral("Open Anyway"))) {
            abandon();
            return;
        }
        load(analysis, file);
    });
}

void AnalysisDocument::load(const SavedAnalysis& analysis, const QString& file) {
    pending_ = analysis;
    const auto check = [analysis](const Study& study) {
        return check_against_study(analysis, study);
    };
    const std::vector<PublishedFolder> published = analysis.publishedFolders();
    if (analysis.demo) {
        workspace_->openDemoWith(published, check);
    } else {
        workspace_->openPaths(analysis.paths(), false, false, check, published);
    }
    used(file);
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
    KmChartView* km = window_->kmView();
    km->setOptions(with_font_and_palette_of(analysis.km_figure, km->options()));
    window_->statusBar()->showMessage(QStringLiteral("Opened the saved analysis"), 5000);
    emit restored();
}

} // namespace triallens::ui
