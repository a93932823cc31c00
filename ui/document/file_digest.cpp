#include "document/file_digest.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <filesystem>
#include <system_error>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace triallens::ui {

namespace {

constexpr qint64 block_size = 1 << 20;

std::filesystem::path native(const QString& path) {
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

QString kind_refused(std::filesystem::file_type type) {
    using std::filesystem::file_type;
    switch (type) {
    case file_type::directory:
        return QStringLiteral("a folder, not a file");
    case file_type::fifo:
        return QStringLiteral("not a regular file (a FIFO)");
    case file_type::character:
    case file_type::block:
        return QStringLiteral("not a regular file (a device)");
    case file_type::socket:
        return QStringLiteral("not a regular file (a socket)");
    default:
        return QStringLiteral("not a regular file");
    }
}

// Opens `path` for reading only if it is a regular file, never blocking.
bool open_regular(QFile& file, const QString& path, QString* why) {
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *why = QStringLiteral("cannot be read: %1")
                   .arg(QString::fromStdString(std::generic_category().message(errno)));
        return false;
    }
    struct stat info {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        ::close(fd);
        *why = QStringLiteral("not a regular file");
        return false;
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        *why = QStringLiteral("cannot be read: %1").arg(file.errorString());
        return false;
    }
    return true;
#else
    file.setFileName(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *why = QStringLiteral("cannot be read: %1").arg(file.errorString());
        return false;
    }
    return true;
#endif
}

} // namespace

std::optional<QString> not_a_regular_file(const QString& path) {
    std::error_code error;
    const std::filesystem::file_status status = std::filesystem::status(native(path), error);
    if (status.type() == std::filesystem::file_type::not_found) {
        return QStringLiteral("not found");
    }
    if (error) {
        return QStringLiteral("cannot be read: %1").arg(QString::fromStdString(error.message()));
    }
    if (status.type() == std::filesystem::file_type::regular) {
        return std::nullopt;
    }
    return kind_refused(status.type());
}

std::optional<FileDigest> digest_file(const QString& path, QString* why,
                                      const HashProgress& progress) {
    QString reason;
    if (const auto refused = not_a_regular_file(path)) {
        reason = *refused;
    } else {
        QFile file;
        if (open_regular(file, path, &reason)) {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            qint64 size = 0;
            QByteArray block;
            while (true) {
                if (progress.cancel && progress.cancel->load()) {
                    throw HashCancelled{};
                }
                block = file.read(block_size);
                if (block.isEmpty()) {
                    break;
                }
                hash.addData(block);
                size += block.size();
                if (progress.advanced) {
                    progress.advanced(block.size());
                }
            }
            if (file.error() == QFileDevice::NoError) {
                return FileDigest{QFileInfo(path).fileName(), size,
                                  QString::fromLatin1(hash.result().toHex())};
            }
            reason = QStringLiteral("cannot be read: %1").arg(file.errorString());
        }
    }
    if (why) {
        *why = reason;
    }
    return std::nullopt;
}

} // namespace triallens::ui
