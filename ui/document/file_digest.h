#pragma once
// What a data file held, as a saved analysis remembers it: its name, size
// and SHA-256. Only regular files are ever opened: a path is stat'ed first,
// and a FIFO, a device (/dev/zero), a socket or a folder is refused as "not
// a regular file" without being opened, so hashing can never block on a
// pipe with no writer nor read forever from a device. (On Unix the file is
// then opened without blocking and checked again on its descriptor, so a
// path swapped for a FIFO between the two is refused too.)
//
// Hashing reads in blocks, reports the bytes it has read and stops when
// asked (HashCancelled), so callers run it on a worker thread with progress
// and a Cancel button.

#include <QString>

#include <atomic>
#include <functional>
#include <optional>

namespace triallens::ui {

// One data file's content when the analysis was saved.
struct FileDigest {
    QString name;    // the file's name (inside its folder, for a folder's files)
    qint64 size = 0; // bytes
    QString sha256;  // lowercase hex of the whole content

    bool operator==(const FileDigest&) const = default;
};

// Progress and cancel of a hashing run; both optional.
struct HashProgress {
    std::function<void(qint64 bytes)> advanced; // called with the bytes just read
    const std::atomic<bool>* cancel = nullptr;  // set: the run throws HashCancelled
};

// Thrown by a hashing run whose HashProgress::cancel was set.
struct HashCancelled {};

// Why `path` cannot be read as a data file, by stat and without opening it:
// "not found", "not a regular file (a FIFO)", "(a device)", "(a socket)",
// "a folder, not a file", or the system's reason ("too many levels of
// symbolic links"); nullopt for a regular file (a symlink to one included).
std::optional<QString> not_a_regular_file(const QString& path);

// The digest of the regular file `path` (its name is the path's file name);
// nullopt, with why in `why`, when it is refused or cannot be read.
// Throws HashCancelled when cancelled.
std::optional<FileDigest> digest_file(const QString& path, QString* why,
                                      const HashProgress& progress = {});

} // namespace triallens::ui
