#pragma once
// A batch of files (`export --each-subgroup`, File ▸ Export Every Subgroup)
// written into a folder all or not at all. The files go first into a hidden
// temporary folder beside the target (".NAME.partial-XXXXXX" in the same
// parent, so on the same file system); commit() then moves them in — the
// whole folder by one rename when the target does not exist yet, else file by
// file, a file they replace set aside and restored if any move fails. A
// batch that fails, is cancelled or is never committed leaves nothing: the
// temporary folder goes with the object.

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace triallens::ui {

class BatchFolder {
public:
    // Creates the temporary folder beside `target` (and `target`'s parent if
    // needed); check ok().
    explicit BatchFolder(const QString& target);
    ~BatchFolder();
    BatchFolder(const BatchFolder&) = delete;
    BatchFolder& operator=(const BatchFolder&) = delete;

    // Whether the temporary folder exists; else why in error().
    bool ok() const { return error_.isEmpty(); }
    const QString& error() const { return error_; }
    const QString& target() const { return target_; }
    // Where to write the batch's file `name` until commit().
    QString filePath(const QString& name) const;
    // The same file's path once committed.
    QString targetPath(const QString& name) const;
    // `message` (a failure writing into the batch) naming the target folder
    // where it names the temporary one: the user never asked for that folder,
    // and it is gone once the batch is discarded.
    QString told(QString message) const;

    // Moves every file written into the target; false, with why in `error`,
    // when that failed, and then the target is as it was.
    bool commit(QString* error);
    // Removes the temporary folder and what was written into it, now.
    void discard();

private:
    QString target_;
    std::unique_ptr<QTemporaryDir> temporary_;
    QString error_;
};

} // namespace triallens::ui
