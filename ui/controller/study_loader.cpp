#include "controller/study_loader.h"

#include <triallens/io/load_study.h>

#include <QFutureWatcher>
#include <QtConcurrent>

#include <algorithm>
#include <exception>
#include <filesystem>
#include <vector>

namespace triallens::ui {

namespace {

struct Outcome {
    std::shared_ptr<const Study> study;
    QStringList warnings;
    QStringList errors;
    int excluded_rows = 0;   // rows this load left out
    int excludable_rows = 0; // rows a load excluding invalid rows would leave out
    bool cancelled = false;
};

QString text_of(const Finding& finding) {
    return QString::fromStdString(finding.text());
}

bool any_row_level_error(const std::vector<Finding>& findings) {
    return std::any_of(findings.begin(), findings.end(), [](const Finding& finding) {
        return finding.severity == Severity::Error && finding.row_level;
    });
}

} // namespace

StudyLoader::StudyLoader(QObject* parent) : QObject(parent) {
    qRegisterMetaType<std::shared_ptr<const Study>>();
    poll_.setInterval(50);
    connect(&poll_, &QTimer::timeout, this, [this] {
        const int per_mille = done_ ? done_->load() : 0;
        if (per_mille != reported_) {
            reported_ = per_mille;
            emit progressed(per_mille);
        }
    });
}

StudyLoader::~StudyLoader() {
    cancel();
}

void StudyLoader::cancel() {
    if (running_) {
        running_->store(true);
        running_.reset();
        poll_.stop();
    }
}

void StudyLoader::load(const QStringList& paths, const LoadOptions& options, Finish finish) {
    cancel();
    last_paths_ = paths;
    auto flag = std::make_shared<std::atomic<bool>>(false);
    running_ = flag;
    const std::uint64_t generation = ++generation_;
    std::vector<std::filesystem::path> files;
    for (const QString& path : paths) {
        files.emplace_back(path.toStdString());
    }

    // The worker only writes an atomic; a timer on the GUI thread reads it,
    // so no Qt call crosses threads and a destroyed loader is never touched.
    auto done = std::make_shared<std::atomic<int>>(0);
    done_ = done;
    LoadProgress progress;
    progress.cancel = flag.get();
    progress.report = [done](std::uint64_t bytes, std::uint64_t total) {
        done->store(total == 0 ? 1000 : static_cast<int>(bytes * 1000 / total));
    };
    reported_ = -1;
    poll_.start();

    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, generation, paths] {
        watcher->deleteLater();
        if (generation != generation_) {
            return; // a newer load replaced this one
        }
        running_.reset();
        poll_.stop();
        const Outcome outcome = watcher->result();
        if (outcome.cancelled) {
            emit cancelled();
        } else if (outcome.study) {
            emit loaded(outcome.study, paths, outcome.warnings, outcome.excluded_rows);
        } else {
            emit failed(outcome.errors, outcome.excludable_rows);
        }
    });
    // The flag is owned by the task too, so it outlives a cancelled load.
    watcher->setFuture(
        QtConcurrent::run([files, options, progress, flag, finish = std::move(finish)] {
            Outcome outcome;
            try {
                StudyLoad load = load_study(files, options, progress);
                for (const Finding& finding : load.findings) {
                    (finding.severity == Severity::Error ? outcome.errors : outcome.warnings)
                        .append(text_of(finding));
                }
                outcome.excluded_rows = static_cast<int>(load.excluded_rows);
                if (load.study) {
                    outcome.study = std::make_shared<const Study>(
                        finish ? finish(std::move(*load.study)) : std::move(*load.study));
                } else if (!options.exclude_invalid_rows && any_row_level_error(load.findings)) {
                    // Only to offer it: the study of this retry is dropped.
                    LoadOptions excluding = options;
                    excluding.exclude_invalid_rows = true;
                    LoadProgress quiet;
                    quiet.cancel = progress.cancel;
                    const StudyLoad retry = load_study(files, excluding, quiet);
                    if (retry.ok()) {
                        outcome.excludable_rows = static_cast<int>(retry.excluded_rows);
                    }
                }
            } catch (const LoadCancelled&) {
                outcome.cancelled = true;
            } catch (const std::exception& error) {
                outcome.errors.append(QString::fromStdString(error.what()));
            }
            return outcome;
        }));
}

} // namespace triallens::ui
