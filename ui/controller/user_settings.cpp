#include "controller/user_settings.h"

namespace triallens::ui {

QSettings user_settings() {
    return QSettings(QSettings::defaultFormat(), QSettings::UserScope, QStringLiteral("TrialLens"),
                     QStringLiteral("TrialLens"));
}

} // namespace triallens::ui
