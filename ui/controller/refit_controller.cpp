#include "controller/refit_controller.h"

#include <triallens/analysis/workspace.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <exception>

namespace triallens::ui {

namespace {

struct Outcome {
    ResultsPtr results;
    std::shared_ptr<const AeTable> adverse_events;
    std::shared_ptr<const AeOverview> ae_overview;
    QString error;
    double milliseconds = 0;
};

Outcome run_refit(const std::shared_ptr<const Study>& study, const WorkspaceSpec& spec) {
    QElapsedTimer timer;
    timer.start();
    Outcome outcome;
    try {
        const auto results = std::make_shared<const Results>(compute_workspace(*study, spec));
        outcome.results = results;
        if (results->adverse_events) {
            // Shares the results' ownership: the table lives as long as either.
            outcome.adverse_events =
                std::shared_ptr<const AeTable>(results, &*results->adverse_events);
        }
        if (results->ae_overview) {
            outcome.ae_overview =
                std::shared_ptr<const AeOverview>(results, &*results->ae_overview);
        }
    } catch (const std::exception& error) {
        outcome.error = QString::fromStdString(error.what());
        // The survival analysis cannot be made; the AE table may still be.
        WorkspaceAdverseEvents ae = workspace_adverse_events(*study, spec);
        if (ae.table) {
            outcome.adverse_events = std::make_shared<const AeTable>(std::move(*ae.table));
        }
        if (ae.overview) {
            outcome.ae_overview = std::make_shared<const AeOverview>(std::move(*ae.overview));
        }
    }
    outcome.milliseconds = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return outcome;
}

} // namespace

RefitController::RefitController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ResultsPtr>();
    qRegisterMetaType<std::shared_ptr<const AeTable>>();
}

void RefitController::setStudy(std::shared_ptr<const Study> study, const AnalysisSpec& spec) {
    study_ = std::move(study);
    workspace_.analysis = spec;
    workspace_.focus.reset(); // a new study starts from all patients
    start();
}

void RefitController::setSpec(const AnalysisSpec& spec) {
    workspace_.analysis = spec;
    start();
}

void RefitController::setWorkspace(const WorkspaceSpec& workspace) {
    workspace_ = workspace;
    start();
}

void RefitController::setAdverseEventFilter(const AeFilter& filter) {
    workspace_.adverse_events = filter;
    start();
}

void RefitController::setFocus(const std::optional<SubgroupFocus>& focus) {
    workspace_.focus = focus;
    start();
}

void RefitController::start() {
    if (!study_) {
        return;
    }
    const std::uint64_t generation = ++generation_;
    if (!busy_) {
        busy_ = true;
        emit busyChanged(true);
    }
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != generation_) {
            return; // a newer spec is being fitted; this result is stale
        }
        const Outcome outcome = watcher->result();
        busy_ = false;
        emit busyChanged(false);
        adverse_events_ = outcome.adverse_events;
        ae_overview_ = outcome.ae_overview;
        emit adverseEventsReady(adverse_events_);
        if (!outcome.results) {
            emit refitFailed(outcome.error);
            return;
        }
        results_ = outcome.results;
        emit refitted(results_, outcome.milliseconds);
    });
    watcher->setFuture(QtConcurrent::run(run_refit, study_, workspace_));
}

} // namespace triallens::ui
