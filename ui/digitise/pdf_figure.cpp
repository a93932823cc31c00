#include "digitise/pdf_figure.h"

#include "digitise/svg_curves.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <optional>

namespace triallens::ui {

namespace {

// Readers accept the header anywhere in the first kilobyte (PDF 1.7,
// Annex H.3, note 1), so a PDF with a few bytes before it is still one.
constexpr qint64 pdf_header_window = 1024;
// Of the converter's messages only the start is kept: a broken PDF can make
// poppler print a line per object, and the first lines say why.
constexpr qint64 kept_message_bytes = 4096;
constexpr int poll_interval_ms = 100;

QString with_page(const QString& path, int page) {
    return page > 0 ? QStringLiteral("%1, page %2").arg(path).arg(page) : path;
}

// Whatever makes the file unusable before poppler is run on it.
std::optional<QString> pdf_file_problem(const QString& path) {
    const QFileInfo info(path);
    if (!info.exists()) {
        return QStringLiteral("%1: no such file").arg(path);
    }
    if (!info.isFile()) {
        return QStringLiteral("%1: not a file").arg(path);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return QStringLiteral("%1: cannot be read (%2)").arg(path, file.errorString());
    }
    if (file.size() > largest_pdf_bytes) {
        return QStringLiteral("%1: %2 bytes, more than the %3 MB a PDF figure may have")
            .arg(path)
            .arg(file.size())
            .arg(largest_pdf_bytes / (1024 * 1024));
    }
    if (!file.read(pdf_header_window).contains("%PDF-")) {
        return QStringLiteral("%1: not a PDF (no %PDF- header in its first %2 bytes)")
            .arg(path)
            .arg(pdf_header_window);
    }
    return std::nullopt;
}

QByteArray head_of_file(const QString& path, qint64 bytes) {
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.read(bytes) : QByteArray();
}

struct ToolRun {
    int exit_code = 0;
    QString messages; // the start of its standard error
    QString error;    // why it did not run to its end; empty when it did
};

// Runs poppler's `tool` with its output and messages in files of `dir`
// (never in memory unbounded), killed after pdf_conversion_timeout_ms or
// once `watched` grows past `watched_limit` bytes.
ToolRun run_poppler(const QString& tool, const QStringList& arguments, const QTemporaryDir& dir,
                    const QString& what, const QString& watched = QString(),
                    qint64 watched_limit = 0) {
    ToolRun run;
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty()) {
        run.error = QStringLiteral("%1: reading a PDF needs poppler's %2, which is not "
                                   "installed (install poppler-utils)")
                        .arg(what, tool);
        return run;
    }
    const QString errors = dir.filePath(QStringLiteral("%1.stderr").arg(tool));
    QProcess process;
    process.setStandardOutputFile(dir.filePath(QStringLiteral("%1.stdout").arg(tool)));
    process.setStandardErrorFile(errors);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    if (!process.waitForStarted()) {
        run.error = QStringLiteral("%1: %2 could not be started (%3)")
                        .arg(what, program, process.errorString());
        return run;
    }
    const auto stop = [&process] {
        process.kill();
        process.waitForFinished();
    };
    while (!process.waitForFinished(poll_interval_ms)) {
        if (process.state() == QProcess::NotRunning) {
            break;
        }
        if (clock.elapsed() > pdf_conversion_timeout_ms) {
            stop();
            run.error = QStringLiteral("%1: %2 took more than %3 s and was stopped")
                            .arg(what, tool)
                            .arg(pdf_conversion_timeout_ms / 1000);
            return run;
        }
        if (!watched.isEmpty() && QFileInfo(watched).size() > watched_limit) {
            stop();
            run.error = QStringLiteral("%1: the page as SVG is larger than %2 MB")
                            .arg(what)
                            .arg(watched_limit / (1024 * 1024));
            return run;
        }
    }
    run.messages = QString::fromLocal8Bit(head_of_file(errors, kept_message_bytes)).trimmed();
    if (process.exitStatus() == QProcess::CrashExit) {
        run.error = QStringLiteral("%1: %2 crashed").arg(what, tool);
        return run;
    }
    run.exit_code = process.exitCode();
    return run;
}

// poppler's complaint, first line, for a message ("Syntax Error: ...").
QString first_line(const QString& messages) {
    const QString line = messages.section(QLatin1Char('\n'), 0, 0).trimmed();
    return line.isEmpty() ? QStringLiteral("no message") : line;
}

bool fail(QString* error, const QString& why) {
    if (error) {
        *error = why;
    }
    return false;
}

} // namespace

bool is_pdf_figure(const QString& path) {
    return QFileInfo(path).suffix().compare(QStringLiteral("pdf"), Qt::CaseInsensitive) == 0;
}

QByteArray pdf_page_svg(const QString& path, int page, QString* error) {
    if (const auto problem = pdf_file_problem(path)) {
        fail(error, *problem);
        return {};
    }
    if (page < 1 || page > largest_pdf_page) {
        fail(error, QStringLiteral("%1: page %2 asked for; pages are numbered 1 to %3")
                        .arg(path)
                        .arg(page)
                        .arg(largest_pdf_page));
        return {};
    }
    const QString what = with_page(path, page);
    const QTemporaryDir dir;
    if (!dir.isValid()) {
        fail(error, QStringLiteral("%1: no temporary folder to convert it in (%2)")
                        .arg(what, dir.errorString()));
        return {};
    }
    const QString svg = dir.filePath(QStringLiteral("page.svg"));
    const QString number = QString::number(page);
    // An absolute path: a file named "-x.pdf" is not taken for an option.
    const ToolRun run =
        run_poppler(QStringLiteral("pdftocairo"),
                    {QStringLiteral("-svg"), QStringLiteral("-f"), number, QStringLiteral("-l"),
                     number, QFileInfo(path).absoluteFilePath(), svg},
                    dir, what, svg, largest_svg_bytes);
    if (!run.error.isEmpty()) {
        fail(error, run.error);
        return {};
    }
    if (run.exit_code != 0) {
        // "Wrong page range given: the first page (99) can not be after the
        // last page (1)." is how pdftocairo says the page is not there.
        static const QRegularExpression no_page(
            QStringLiteral(R"(Wrong page range.*last page \((\d+)\))"));
        if (const QRegularExpressionMatch match = no_page.match(run.messages); match.hasMatch()) {
            const int pages = match.captured(1).toInt();
            fail(error, pages == 0 ? QStringLiteral("%1: no such page (no page could be read: "
                                                    "the PDF is damaged or empty)")
                                         .arg(what)
                                   : QStringLiteral("%1: no such page (the PDF has %2 %3)")
                                         .arg(what)
                                         .arg(pages)
                                         .arg(pages == 1 ? QStringLiteral("page")
                                                         : QStringLiteral("pages")));
            return {};
        }
        fail(error, QStringLiteral("%1: pdftocairo could not convert it (exit code %2: %3)")
                        .arg(what)
                        .arg(run.exit_code)
                        .arg(first_line(run.messages)));
        return {};
    }
    QFile file(svg);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("%1: pdftocairo wrote no SVG").arg(what));
        return {};
    }
    if (file.size() > largest_svg_bytes) {
        fail(error, QStringLiteral("%1: the page as SVG is larger than %2 MB")
                        .arg(what)
                        .arg(largest_svg_bytes / (1024 * 1024)));
        return {};
    }
    QByteArray page_svg = file.readAll();
    if (page_svg.isEmpty()) {
        fail(error, QStringLiteral("%1: pdftocairo wrote an empty SVG").arg(what));
    }
    return page_svg;
}

int pdf_page_count(const QString& path, QString* error) {
    if (const auto problem = pdf_file_problem(path)) {
        fail(error, *problem);
        return 0;
    }
    const QTemporaryDir dir;
    if (!dir.isValid()) {
        fail(error, QStringLiteral("%1: no temporary folder (%2)").arg(path, dir.errorString()));
        return 0;
    }
    const ToolRun run =
        run_poppler(QStringLiteral("pdfinfo"), {QFileInfo(path).absoluteFilePath()}, dir, path);
    if (!run.error.isEmpty()) {
        fail(error, run.error);
        return 0;
    }
    if (run.exit_code != 0) {
        fail(error, QStringLiteral("%1: pdfinfo could not read it (exit code %2: %3)")
                        .arg(path)
                        .arg(run.exit_code)
                        .arg(first_line(run.messages)));
        return 0;
    }
    static const QRegularExpression pages(QStringLiteral(R"(^Pages:\s+(\d+)\s*$)"),
                                          QRegularExpression::MultilineOption);
    const QString info = QString::fromLocal8Bit(
        head_of_file(dir.filePath(QStringLiteral("pdfinfo.stdout")), kept_message_bytes * 16));
    const QRegularExpressionMatch match = pages.match(info);
    const int count = match.hasMatch() ? match.captured(1).toInt() : 0;
    if (count < 1) {
        fail(error,
             QStringLiteral("%1: no pages could be read (the PDF is damaged or empty)").arg(path));
        return 0;
    }
    return count;
}

} // namespace triallens::ui
