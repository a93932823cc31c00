#include "models/number_text.h"

#include "models/forest_model.h"

namespace triallens::ui {

QString percent_text(double percent) {
    return QString::number(percent, 'f', 1);
}

QString signed_percent_text(double percent) {
    QString text = percent_text(percent);
    if (text.startsWith(u'-')) {
        text.replace(0, 1, QChar(0x2212));
    }
    return text;
}

QString count_percent_text(std::size_t count, double percent) {
    return QStringLiteral("%1 (%2%)").arg(count).arg(percent_text(percent));
}

QString p_value_text(const std::optional<double>& p) {
    if (!p) {
        return QStringLiteral("NE");
    }
    return ForestModel::formatP(*p).remove(QStringLiteral("p = ")).remove(u' ');
}

} // namespace triallens::ui
