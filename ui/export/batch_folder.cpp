#include "export/batch_folder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <filesystem>
#include <system_error>
#include <utility>
#include <vector>

namespace triallens::ui {

namespace {

std::filesystem::path native(const QString& path) {
    return std::filesystem::path(QFile::encodeName(path).toStdString());
}

} // namespace

BatchFolder::BatchFolder(const QString& target) : target_(QDir::cleanPath(target)) {
    const QFileInfo info(target_);
    const QString parent = info.absolutePath();
    if (!QDir().mkpath(parent)) {
        error_ = QStringLiteral("%1: cannot create the folder").arg(parent);
        return;
    }
    temporary_ = std::make_unique<QTemporaryDir>(
        QDir(parent).filePath(QStringLiteral(".%1.partial-XXXXXX").arg(info.fileName())));
    if (!temporary_->isValid()) {
        error_ = QStringLiteral("%1: cannot create a temporary folder beside it: %2")
                     .arg(target_, temporary_->errorString());
    }
}

BatchFolder::~BatchFolder() = default;

QString BatchFolder::filePath(const QString& name) const {
    return temporary_ ? temporary_->filePath(name) : QString();
}

QString BatchFolder::targetPath(const QString& name) const {
    return QDir(target_).filePath(name);
}

QString BatchFolder::told(QString message) const {
    if (temporary_) {
        message.replace(temporary_->path(), target_);
        message.replace(QDir::toNativeSeparators(temporary_->path()),
                        QDir::toNativeSeparators(target_));
    }
    return message;
}

bool BatchFolder::commit(QString* error) {
    const auto fail = [&](const QString& why) {
        if (error) {
            *error = why;
        }
        return false;
    };
    if (!ok() || !temporary_) {
        return fail(error_.isEmpty() ? QStringLiteral("%1: already committed").arg(target_)
                                     : error_);
    }
    std::error_code code;
    const std::filesystem::path from = native(temporary_->path());
    const std::filesystem::path to = native(target_);
    if (!std::filesystem::exists(to, code)) {
        std::filesystem::rename(from, to, code);
        if (code) {
            return fail(
                QStringLiteral("%1: %2").arg(target_, QString::fromStdString(code.message())));
        }
        temporary_->setAutoRemove(false); // it is the target now
        temporary_.reset();
        return true;
    }
    if (!std::filesystem::is_directory(to, code)) {
        return fail(QStringLiteral("%1: not a folder").arg(target_));
    }
    // Into an existing folder: each file by a rename; a file it replaces is
    // set aside first, so a failure can put everything back. Only files are
    // replaced: a folder (or a link) of the same name stops the batch.
    const QString aside_name = QStringLiteral(".replaced");
    const std::filesystem::path aside = from / native(aside_name);
    std::vector<std::pair<std::filesystem::path, bool>> moved; // name, replaced one
    const auto undo = [&] {
        std::error_code ignored;
        for (auto it = moved.rbegin(); it != moved.rend(); ++it) {
            std::filesystem::rename(to / it->first, from / it->first, ignored);
            if (it->second) {
                std::filesystem::rename(aside / it->first, to / it->first, ignored);
            }
        }
    };
    for (const QString& name : QDir(temporary_->path()).entryList(QDir::Files | QDir::Hidden)) {
        const std::filesystem::path file = native(name);
        bool replaced = false;
        const auto in_the_way = std::filesystem::symlink_status(to / file, code).type();
        if (in_the_way != std::filesystem::file_type::not_found &&
            in_the_way != std::filesystem::file_type::regular) {
            undo();
            return fail(QStringLiteral("%1: something other than a file is in the way")
                            .arg(targetPath(name)));
        }
        code.clear();
        if (in_the_way == std::filesystem::file_type::regular) {
            std::filesystem::create_directory(aside, code);
            std::filesystem::rename(to / file, aside / file, code);
            replaced = !code;
        }
        if (!code) {
            std::filesystem::rename(from / file, to / file, code);
        }
        if (code) {
            const QString why = QString::fromStdString(code.message());
            if (replaced) {
                std::error_code ignored;
                std::filesystem::rename(aside / file, to / file, ignored);
            }
            undo();
            return fail(QStringLiteral("%1: %2").arg(targetPath(name), why));
        }
        moved.emplace_back(file, replaced);
    }
    temporary_.reset(); // the temporary folder, with what was replaced
    return true;
}

void BatchFolder::discard() {
    temporary_.reset();
    if (error_.isEmpty()) {
        error_ = QStringLiteral("%1: the batch was discarded").arg(target_);
    }
}

} // namespace triallens::ui
