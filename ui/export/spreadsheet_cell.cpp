#include "export/spreadsheet_cell.h"

#include <QRegularExpression>

namespace triallens::ui {

namespace {

bool starts_formula(QChar first) {
    switch (first.unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
    case 0xFF1D: // ＝
    case 0xFF0B: // ＋
    case 0xFF0D: // －
    case 0xFF20: // ＠
        return true;
    default:
        return false;
    }
}

bool is_numeric_text(const QString& cell) {
    static const QString number =
        QStringLiteral(R"([-+\x{2212}]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?%?)");
    static const QString separator = QStringLiteral(R"((?: *[,;()\[\]\x{2013}])+ *)");
    static const QRegularExpression numeric(
        QStringLiteral("^%1(?:%2%1)*(?: *[)\\]%])*$").arg(number, separator));
    return numeric.match(cell).hasMatch();
}

} // namespace

QString spreadsheet_safe(const QString& cell) {
    if (cell.isEmpty() || !starts_formula(cell.front()) || is_numeric_text(cell)) {
        return cell;
    }
    return QLatin1Char('\'') + cell;
}

} // namespace triallens::ui
