#include "export/write_table.h"

#include "export/csv_format.h"
#include "export/html_format.h"
#include "export/rtf_format.h"

#include <QFileInfo>
#include <QSaveFile>

namespace triallens::ui {

namespace {

enum class TableFormat { Unknown, Csv, Html, Rtf };

TableFormat format_of(const QString& path) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("csv")) {
        return TableFormat::Csv;
    }
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm")) {
        return TableFormat::Html;
    }
    if (suffix == QLatin1String("rtf")) {
        return TableFormat::Rtf;
    }
    return TableFormat::Unknown;
}

bool fail(QString* error, const QString& message) {
    if (error) {
        *error = message;
    }
    return false;
}

} // namespace

bool is_table_file(const QString& path) {
    return format_of(path) != TableFormat::Unknown;
}

bool write_tables(const QString& path, std::span<const ExportTable> tables, QString* error) {
    QByteArray bytes;
    switch (format_of(path)) {
    case TableFormat::Csv:
        bytes = csv_document(tables);
        break;
    case TableFormat::Html:
        bytes = html_document(tables).toUtf8();
        break;
    case TableFormat::Rtf:
        bytes = rtf_document(tables);
        break;
    case TableFormat::Unknown:
        return fail(error,
                    QStringLiteral("%1: unknown table format '.%2' (use .csv, .html or .rtf)")
                        .arg(path, QFileInfo(path).suffix()));
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(error, QStringLiteral("%1: %2").arg(path, file.errorString()));
    }
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        return fail(error, QStringLiteral("%1: %2").arg(path, file.errorString()));
    }
    return true;
}

} // namespace triallens::ui
