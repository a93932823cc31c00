#pragma once
// Loads data files into a study off the GUI thread, through the core's
// atomic load: either a whole new study with its warnings, or the errors and
// nothing else. Reports progress (per mille of the bytes to read) and can be
// cancelled. One load at a time: starting another cancels the running one,
// whose outcome is then dropped.

#include <triallens/data/study.h>

#include <QObject>
#include <QStringList>
#include <QTimer>

#include <atomic>
#include <cstdint>
#include <memory>

namespace triallens::ui {

class StudyLoader : public QObject {
    Q_OBJECT

public:
    explicit StudyLoader(QObject* parent = nullptr);
    ~StudyLoader() override;

    // Files and folders; folders contribute their data files.
    void load(const QStringList& paths);
    void cancel();
    bool busy() const { return running_ != nullptr; }

signals:
    void progressed(int per_mille);
    void loaded(std::shared_ptr<const triallens::Study> study, const QStringList& paths,
                const QStringList& warnings);
    void failed(const QStringList& errors);
    void cancelled();

private:
    std::shared_ptr<std::atomic<bool>> running_; // the running load's cancel flag
    std::shared_ptr<std::atomic<int>> done_;     // its progress, per mille
    int reported_ = -1;
    QTimer poll_;
    std::uint64_t generation_ = 0;
};

} // namespace triallens::ui

Q_DECLARE_METATYPE(std::shared_ptr<const triallens::Study>)
