#pragma once
// Runs the built `triallens` binary (TRIALLENS_BINARY, from test_paths.h, for every test by
// triallens_add_test) as a user runs it, for the command-line tests.

#include "../test_paths.h"
#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace cli_test {

struct Run {
    int exit_code = -1;
    QByteArray out;
    QByteArray err;
};

inline Run run(const QStringList& arguments) {
    QProcess process;
    process.start(QString::fromStdString(TRIALLENS_BINARY), arguments);
    process.waitForFinished(60000);
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

} // namespace cli_test
