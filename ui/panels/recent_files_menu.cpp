#include "panels/recent_files_menu.h"

#include <QFileInfo>
#include <QSettings>

namespace triallens::ui {

namespace {

QSettings settings() {
    return QSettings(QStringLiteral("TrialLens"), QStringLiteral("TrialLens"));
}

const QString key = QStringLiteral("recentLoads");

} // namespace

RecentFilesMenu::RecentFilesMenu(QWidget* parent) : QMenu(QStringLiteral("Open &Recent"), parent) {
    for (const QVariant& entry : settings().value(key).toList()) {
        const QStringList paths = entry.toStringList();
        if (!paths.isEmpty() && entries_.size() < max_entries) {
            entries_ << paths;
        }
    }
    rebuild();
}

QString RecentFilesMenu::entryText(const QStringList& paths) {
    const QFileInfo first(paths.front());
    const QString name = first.fileName().isEmpty() ? paths.front() : first.fileName();
    const QString more =
        paths.size() > 1 ? QStringLiteral(" + %1 more").arg(paths.size() - 1) : QString();
    return QStringLiteral("%1%2 — %3").arg(name, more, first.absolutePath());
}

void RecentFilesMenu::remember(const QStringList& paths) {
    if (paths.isEmpty()) {
        return;
    }
    entries_.removeAll(paths);
    entries_.prepend(paths);
    while (entries_.size() > max_entries) {
        entries_.removeLast();
    }
    save();
    rebuild();
}

void RecentFilesMenu::clearEntries() {
    entries_.clear();
    save();
    rebuild();
}

void RecentFilesMenu::save() const {
    QVariantList list;
    for (const QStringList& paths : entries_) {
        list << paths;
    }
    settings().setValue(key, list);
}

void RecentFilesMenu::rebuild() {
    clear();
    for (const QStringList& paths : entries_) {
        QAction* action = addAction(entryText(paths));
        action->setToolTip(paths.join(QLatin1Char('\n')));
        connect(action, &QAction::triggered, this, [this, paths] { emit openRequested(paths); });
    }
    if (entries_.isEmpty()) {
        addAction(QStringLiteral("No recent files"))->setEnabled(false);
        return;
    }
    addSeparator();
    addAction(QStringLiteral("Clear Menu"), this, &RecentFilesMenu::clearEntries);
}

} // namespace triallens::ui
