#include "controller/workspace_document.h"

#include "controller/refit_controller.h"
#include "controller/state_change.h"
#include "controller/study_loader.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QUndoStack>
#include <QtConcurrent>

#include <triallens/analysis/default_spec.h>
#include <triallens/demo/demo_study.h>
#include <triallens/format/data_caveat.h>
#include <triallens/io/load_study.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

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
    connect(loader_, &StudyLoader::loaded, this,
            [this](const std::shared_ptr<const Study>& study, const QStringList& paths,
                   QStringList warnings, int excluded_rows) {
                std::vector<PublishedFolder> folders = std::exchange(loading_published_, {});
                if (!folders.empty() && study) {
                    warnings << QString::fromStdString(
                        data_caveat_sentence(study->synthetic, study->reconstructed));
                }
                replaceStudy(study, paths, warnings, excluded_rows, std::move(folders));
            });
}

namespace {

// The study a folder of rebuilt arms holds (the digitiser's "Save as CSV…",
// `reconstruct --out`); std::runtime_error naming the folder when it does
// not load.
Study published_folder(const QString& folder) {
    StudyLoad load = triallens::load_study({std::filesystem::path(folder.toStdString())});
    if (!load.ok()) {
        const auto error =
            std::find_if(load.findings.begin(), load.findings.end(), [](const Finding& finding) {
                return finding.severity == Severity::Error;
            });
        throw std::runtime_error(error != load.findings.end() ? error->text()
                                                              : folder.toStdString() + ": no data");
    }
    return std::move(*load.study);
}

// `study` with the arms of each `published` folder beside its own;
// std::runtime_error naming the folder that cannot be added.
Study with_published(Study study, const std::vector<PublishedFolder>& published) {
    for (const PublishedFolder& folder : published) {
        const Study rebuilt = published_folder(folder.path);
        try {
            study = add_published_arms(study, rebuilt, folder.endpoint, folder.arm_variable);
        } catch (const std::invalid_argument& why) {
            throw std::runtime_error(folder.path.toStdString() + ": " + why.what());
        }
    }
    return study;
}

} // namespace

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
                                  StudyCheck check, std::vector<PublishedFolder> published) {
    QStringList all = add ? paths_ : QStringList();
    for (const QString& path : paths) {
        if (!all.contains(path)) {
            all << path;
        }
    }
    if (add && published.empty()) {
        published = published_folders_;
    }
    ++asked_;
    emit loadStarted(static_cast<int>(all.size()));
    LoadOptions options;
    options.exclude_invalid_rows = exclude_invalid_rows;
    // The loader reports only the load started last: its check and its
    // published folders go with it.
    check_ = std::move(check);
    loading_published_ = published;
    StudyLoader::Finish finish;
    if (!published.empty()) {
        finish = [published](Study study) { return with_published(std::move(study), published); };
    }
    loader_->load(all, options, std::move(finish));
}

void WorkspaceDocument::openDemo() {
    loader_->cancel();
    check_ = {};
    ++asked_;
    replaceStudy(std::make_shared<const Study>(generate_demo_study()), {}, {}, 0);
}

void WorkspaceDocument::openDemoWith(std::vector<PublishedFolder> published, StudyCheck check) {
    showMade([published] { return with_published(generate_demo_study(), published); }, {},
             published, false, std::move(check),
             QStringLiteral("The demo with its published arms was not shown"));
}

void WorkspaceDocument::openPublishedArms(std::vector<NamedArm> arms,
                                          ReconstructedStudyOptions options, PublishedArms where) {
    showPublished(
        [arms = std::move(arms), options = std::move(options)] {
            return triallens::PublishedArms{arms, options};
        },
        where, {});
}

void WorkspaceDocument::addPublishedFolder(const QString& folder) {
    showPublished(
        [folder]() -> triallens::PublishedArms {
            const Study rebuilt = published_folder(folder);
            try {
                return published_arms(rebuilt);
            } catch (const std::invalid_argument& why) {
                throw std::runtime_error(folder.toStdString() + ": " + why.what());
            }
        },
        PublishedArms::BesideTheStudy, folder);
}

void WorkspaceDocument::showPublished(std::function<triallens::PublishedArms()> arms,
                                      PublishedArms where, const QString& folder) {
    const std::shared_ptr<const Study> trial = study();
    std::string endpoint = state_.spec.paramcd;
    if (endpoint.empty() && trial && !trial->endpoints.empty()) {
        endpoint = trial->endpoints.front().paramcd();
    }
    const bool beside = where == PublishedArms::BesideTheStudy && trial;
    std::vector<PublishedFolder> folders =
        beside ? published_folders_ : std::vector<PublishedFolder>();
    if (!folder.isEmpty()) {
        folders.push_back(
            {QFileInfo(folder).absoluteFilePath(), endpoint, state_.spec.arm_variable});
    }
    showMade(
        [trial, arms = std::move(arms), endpoint, arm_variable = state_.spec.arm_variable,
         beside]() -> Study {
            const triallens::PublishedArms published = arms();
            if (!beside) {
                const ReconstructedStudyOptions& options = published.options;
                return reconstructed_study(published.arms, options,
                                           "Reconstructed: " + options.source);
            }
            return overlay_reconstructed_arms(*trial, published.arms,
                                              overlay_options(published, endpoint, arm_variable));
        },
        beside ? paths_ : QStringList(), std::move(folders),
        folder.isEmpty() || (beside && published_in_memory_), {},
        QStringLiteral("The published arms were not added"));
}

void WorkspaceDocument::showMade(std::function<Study()> make, const QStringList& paths,
                                 std::vector<PublishedFolder> folders, bool in_memory,
                                 StudyCheck check, const QString& refusal) {
    loader_->cancel();
    check_ = {};
    const std::uint64_t asked = ++asked_;
    struct Made {
        std::shared_ptr<const Study> study;
        QString error;
    };
    auto* watcher = new QFutureWatcher<Made>(this);
    connect(watcher, &QFutureWatcher<Made>::finished, this,
            [this, watcher, asked, paths, folders = std::move(folders), in_memory,
             check = std::move(check), refusal]() mutable {
                watcher->deleteLater();
                if (asked != asked_) {
                    return; // another study was asked for meanwhile
                }
                const Made made = watcher->result();
                if (!made.study) {
                    emit studyRefused(QStringLiteral("%1: %2").arg(refusal, made.error));
                    return;
                }
                check_ = std::move(check);
                replaceStudy(made.study, paths,
                             {QString::fromStdString(data_caveat_sentence(
                                 made.study->synthetic, made.study->reconstructed))},
                             0, std::move(folders), in_memory);
            });
    watcher->setFuture(QtConcurrent::run([make = std::move(make)]() -> Made {
        try {
            return {std::make_shared<const Study>(make()), {}};
        } catch (const std::exception& error) {
            return {nullptr, QString::fromStdString(error.what())};
        }
    }));
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
                                     int excluded_rows,
                                     std::vector<PublishedFolder> published_folders,
                                     bool published_in_memory) {
    if (const StudyCheck check = std::exchange(check_, {}); check && study) {
        if (const auto why = check(*study)) {
            emit studyRefused(*why);
            return;
        }
    }
    paths_ = paths;
    published_folders_ = std::move(published_folders);
    published_in_memory_ = published_in_memory;
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
