#pragma once
// Loads data files into a study off the GUI thread, through the core's
// atomic load: either a whole new study with its warnings, or the errors and
// nothing else. Reports progress (per mille of the bytes to read) and can be
// cancelled. One load at a time: starting another cancels the running one,
// whose outcome is then dropped.
//
// A load refused for row-level errors only (finding.h) is tried again in the
// background with exclude_invalid_rows, to learn whether leaving those rows
// out would load and how many rows would go; `failed` then says so, and the
// user may ask for that load (never done silently).

#include <triallens/data/study.h>
#include <triallens/io/load_study.h>

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

namespace triallens::ui {

class StudyLoader : public QObject {
    Q_OBJECT

public:
    explicit StudyLoader(QObject* parent = nullptr);
    ~StudyLoader() override;

    // What a load does to its study on the worker thread once the files
    // are read (add the arms of published folders); a std::exception it
    // throws is the load's one error.
    using Finish = std::function<Study(Study)>;

    // Files and folders; folders contribute their data files.
    void load(const QStringList& paths, const triallens::LoadOptions& options = {},
              Finish finish = {});
    void cancel();
    bool busy() const { return running_ != nullptr; }
    // The paths of the last load started, to load them again another way.
    const QStringList& lastPaths() const { return last_paths_; }

signals:
    void progressed(int per_mille);
    // excluded_rows: rows the load left out (exclude_invalid_rows), else 0.
    void loaded(std::shared_ptr<const triallens::Study> study, const QStringList& paths,
                const QStringList& warnings, int excluded_rows);
    // excludable_rows: how many rows a load excluding invalid rows would leave
    // out, when that load would succeed; 0 when it would not.
    void failed(const QStringList& errors, int excludable_rows);
    void cancelled();

private:
    std::shared_ptr<std::atomic<bool>> running_; // the running load's cancel flag
    std::shared_ptr<std::atomic<int>> done_;     // its progress, per mille
    int reported_ = -1;
    QTimer poll_;
    std::uint64_t generation_ = 0;
    QStringList last_paths_;
};

} // namespace triallens::ui

Q_DECLARE_METATYPE(std::shared_ptr<const triallens::Study>)
