#pragma once
// Helpers for tests of readers and loading: write small fixture files (any
// bytes: BOMs, Windows-1252, CRLF) into a temporary folder at test time.

#include "test_paths.h"
#include <triallens/data/finding.h>

#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace data_files {

inline std::filesystem::path write(const QTemporaryDir& dir, const std::string& name,
                                   std::string_view bytes) {
    const std::filesystem::path path = std::filesystem::path(dir.path().toStdString()) / name;
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
        qFatal("cannot write fixture %s", path.string().c_str());
    }
    return path;
}

// One file per name, `contents[i]` written to `names[i]`.
inline std::vector<std::filesystem::path>
write_all(const QTemporaryDir& dir, const QStringList& names, const QStringList& contents) {
    std::vector<std::filesystem::path> files;
    for (qsizetype i = 0; i < names.size(); ++i) {
        files.push_back(write(dir, names[i].toStdString(), contents[i].toStdString()));
    }
    return files;
}

// The texts of the findings of one severity, as "file:line: column C: what".
inline QStringList texts(const std::vector<triallens::Finding>& findings,
                         triallens::Severity severity) {
    QStringList list;
    for (const auto& finding : findings) {
        if (finding.severity == severity) {
            list << QString::fromStdString(finding.text());
        }
    }
    return list;
}

inline std::filesystem::path pilot(const std::string& name) {
    return std::filesystem::path(TRIALLENS_PILOT_DATA) / "cdiscpilot01" / name;
}

// Findings' texts with the temporary folder taken out, so a test can compare
// them with "adsl.csv:3: ...".
inline QStringList names_only(QStringList lines, const QTemporaryDir& dir) {
    for (auto& line : lines) {
        line.replace(dir.path() + "/", QString());
    }
    return lines;
}

} // namespace data_files
