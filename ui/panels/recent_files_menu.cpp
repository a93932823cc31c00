#include "panels/recent_files_menu.h"

#include "controller/user_settings.h"

#include <QFileInfo>

namespace triallens::ui {

namespace {

// `item` first, once, and the list no longer than the menu shows.
template <typename T> void put_first(QList<T>& list, const T& item) {
    list.removeAll(item);
    list.prepend(item);
    while (list.size() > RecentFilesMenu::max_entries) {
        list.removeLast();
    }
}

} // namespace

RecentFilesMenu::RecentFilesMenu(QWidget* parent) : QMenu(QStringLiteral("Open &Recent"), parent) {
    const QSettings settings = user_settings();
    for (const QVariant& entry : settings.value(settings_key::recent_loads).toList()) {
        const QStringList paths = entry.toStringList();
        if (!paths.isEmpty() && entries_.size() < max_entries) {
            entries_ << paths;
        }
    }
    for (const QString& file : settings.value(settings_key::recent_analyses).toStringList()) {
        if (!file.isEmpty() && analyses_.size() < max_entries) {
            analyses_ << file;
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
    put_first(entries_, paths);
    save();
    rebuild();
}

void RecentFilesMenu::rememberAnalysis(const QString& file) {
    if (file.isEmpty()) {
        return;
    }
    put_first(analyses_, QFileInfo(file).absoluteFilePath());
    save();
    rebuild();
}

void RecentFilesMenu::forgetAnalysis(const QString& file) {
    if (analyses_.removeAll(QFileInfo(file).absoluteFilePath()) > 0) {
        save();
        rebuild();
    }
}

void RecentFilesMenu::clearEntries() {
    entries_.clear();
    analyses_.clear();
    save();
    rebuild();
}

void RecentFilesMenu::save() const {
    QVariantList list;
    for (const QStringList& paths : entries_) {
        list << paths;
    }
    QSettings settings = user_settings();
    settings.setValue(settings_key::recent_loads, list);
    settings.setValue(settings_key::recent_analyses, analyses_);
}

void RecentFilesMenu::rebuild() {
    clear();
    if (entries_.isEmpty() && analyses_.isEmpty()) {
        addAction(QStringLiteral("No recent files"))->setEnabled(false);
        return;
    }
    // Without analyses the loads are listed as they always were, under no heading.
    if (!analyses_.isEmpty()) {
        addSection(QStringLiteral("Analyses"));
        for (const QString& file : analyses_) {
            QAction* action = addAction(entryText({file}));
            action->setToolTip(file);
            connect(action, &QAction::triggered, this,
                    [this, file] { emit openAnalysisRequested(file); });
        }
        if (!entries_.isEmpty()) {
            addSection(QStringLiteral("Data files"));
        }
    }
    for (const QStringList& paths : entries_) {
        QAction* action = addAction(entryText(paths));
        action->setToolTip(paths.join(QLatin1Char('\n')));
        connect(action, &QAction::triggered, this, [this, paths] { emit openRequested(paths); });
    }
    addSeparator();
    addAction(QStringLiteral("Clear Menu"), this, &RecentFilesMenu::clearEntries);
}

} // namespace triallens::ui
