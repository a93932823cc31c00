#include "controller/refit_controller.h"

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/refit.h>

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <exception>
#include <future>

namespace triallens::ui {

namespace {

struct Outcome {
    ResultsPtr results;
    std::shared_ptr<const AeTable> adverse_events;
    QString error;
    double milliseconds = 0;
};

Outcome run_refit(const std::shared_ptr<const Study>& study, const AnalysisSpec& spec,
                  const AeFilter& ae_filter) {
    QElapsedTimer timer;
    timer.start();
    Outcome outcome;
    // The AE table reads nothing the refit writes: it runs beside it.
    std::future<AeTable> adverse_events;
    if (study->adverse_events.size() > 0) {
        AeSpec ae;
        ae.filter = ae_filter;
        ae.filter_expression = spec.filter;
        ae.conf_level = spec.km.conf_level;
        adverse_events =
            std::async(std::launch::async, [study, ae] { return adverse_event_table(*study, ae); });
    }
    try {
        outcome.results = std::make_shared<const Results>(refit(*study, spec));
    } catch (const std::exception& error) {
        outcome.error = QString::fromStdString(error.what());
    }
    if (adverse_events.valid()) {
        try {
            outcome.adverse_events = std::make_shared<const AeTable>(adverse_events.get());
        } catch (const std::exception&) {
            // No safety table for this study (no treatment column for it): the
            // AE view stays empty, the survival analysis is unaffected.
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
    spec_ = spec;
    start();
}

void RefitController::setSpec(const AnalysisSpec& spec) {
    spec_ = spec;
    start();
}

void RefitController::setAnalysis(const AnalysisSpec& spec, const AeFilter& adverse_events) {
    spec_ = spec;
    ae_filter_ = adverse_events;
    start();
}

void RefitController::setAdverseEventFilter(const AeFilter& filter) {
    ae_filter_ = filter;
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
        emit adverseEventsReady(adverse_events_);
        if (!outcome.results) {
            emit refitFailed(outcome.error);
            return;
        }
        results_ = outcome.results;
        emit refitted(results_, outcome.milliseconds);
    });
    watcher->setFuture(QtConcurrent::run(run_refit, study_, spec_, ae_filter_));
}

} // namespace triallens::ui
