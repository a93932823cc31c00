#pragma once
// File ▸ Open Recent: the last loads (each the list of files and folders
// that made a study), newest first, kept in the user's settings across runs.
// Choosing one emits openRequested() with its paths.

#include <QList>
#include <QMenu>
#include <QStringList>

namespace triallens::ui {

class RecentFilesMenu : public QMenu {
    Q_OBJECT

public:
    static constexpr int max_entries = 8;

    explicit RecentFilesMenu(QWidget* parent = nullptr);

    // Puts a load first (moving it up if it is there already) and saves.
    void remember(const QStringList& paths);
    void clearEntries();
    QList<QStringList> entries() const { return entries_; }

    // "adsl.xpt + 2 more — /data/pilot": one line per load.
    static QString entryText(const QStringList& paths);

signals:
    void openRequested(const QStringList& paths);

private:
    void rebuild();
    void save() const;

    QList<QStringList> entries_;
};

} // namespace triallens::ui
