#include "controller/workspace_document.h"

#include "controller/refit_controller.h"
#include "controller/state_change.h"
#include "controller/study_loader.h"

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
    ++asked_;
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
    ++asked_;
    replaceStudy(std::make_shared<const Study>(generate_demo_study()), {}, {}, 0);
}

void WorkspaceDocument::openPublishedArms(std::vector<NamedArm> arms,
                                          ReconstructedStudyOptions options, PublishedArms where) {
    showPublished(
        [arms = std::move(arms), options = std::move(options)] {
            return triallens::PublishedArms{arms, options};
        },
        where);
}

void WorkspaceDocument::addPublishedFolder(const QString& folder) {
    showPublished(
        [folder]() -> triallens::PublishedArms {
            StudyLoad load = triallens::load_study({std::filesystem::path(folder.toStdString())});
            if (!load.ok()) {
                const auto error = std::find_if(
                    load.findings.begin(), load.findings.end(),
                    [](const Finding& finding) { return finding.severity == Severity::Error; });
                throw std::runtime_error(error != load.findings.end()
                                             ? error->text()
                                             : folder.toStdString() + ": no data");
            }
            try {
                return published_arms(*load.study);
            } catch (const std::invalid_argument& why) {
                throw std::runtime_error(folder.toStdString() + ": " + why.what());
            }
        },
        PublishedArms::BesideTheStudy);
}

void WorkspaceDocument::showPublished(std::function<triallens::PublishedArms()> arms,
                                      PublishedArms where) {
    loader_->cancel();
    check_ = {};
    const std::uint64_t asked = ++asked_;
    struct Made {
        std::shared_ptr<const Study> study;
        QString error;
    };
    const std::shared_ptr<const Study> trial = study();
    std::string endpoint = state_.spec.paramcd;
    if (endpoint.empty() && trial && !trial->endpoints.empty()) {
        endpoint = trial->endpoints.front().paramcd();
    }
    const QStringList paths = where == PublishedArms::BesideTheStudy ? paths_ : QStringList();
    auto make = [trial, arms = std::move(arms), endpoint, arm_variable = state_.spec.arm_variable,
                 where]() -> Made {
        try {
            const triallens::PublishedArms published = arms();
            if (where == PublishedArms::OnTheirOwn || !trial) {
                const ReconstructedStudyOptions& options = published.options;
                return {std::make_shared<const Study>(reconstructed_study(
                            published.arms, options, "Reconstructed: " + options.source)),
                        {}};
            }
            return {
                std::make_shared<const Study>(overlay_reconstructed_arms(
                    *trial, published.arms, overlay_options(published, endpoint, arm_variable))),
                {}};
        } catch (const std::exception& error) {
            return {nullptr, QString::fromStdString(error.what())};
        }
    };
    auto* watcher = new QFutureWatcher<Made>(this);
    connect(watcher, &QFutureWatcher<Made>::finished, this, [this, watcher, asked, paths] {
        watcher->deleteLater();
        if (asked != asked_) {
            return; // another study was asked for meanwhile
        }
        const Made made = watcher->result();
        if (!made.study) {
            emit studyRefused(
                QStringLiteral("The published arms were not added: %1").arg(made.error));
            return;
        }
        replaceStudy(
            made.study, paths,
            {QString::fromStdString(data_caveat_sentence(false, made.study->reconstructed))}, 0);
        published_shown_ = true;
    });
    watcher->setFuture(QtConcurrent::run(std::move(make)));
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
    published_shown_ = false; // showPublished sets it again after its own replacement
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
