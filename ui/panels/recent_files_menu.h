#pragma once
// File ▸ Open Recent: the last saved analyses opened or saved, under
// "Analyses", above the last loads (each the list of files and folders that
// made a study) under "Data files"; each list newest first and at most
// max_entries long, kept in the user's settings (user_settings.h) across
// runs. Choosing a load emits openRequested() with its paths, choosing an
// analysis openAnalysisRequested() with its file.

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
    // Puts a saved analysis first (moving it up if it is there already) and saves.
    void rememberAnalysis(const QString& file);
    // Drops a saved analysis that can no longer be opened (deleted or moved).
    void forgetAnalysis(const QString& file);
    // Forgets loads and analyses.
    void clearEntries();
    QList<QStringList> entries() const { return entries_; }
    QStringList analyses() const { return analyses_; }

    // "adsl.xpt + 2 more — /data/pilot": one line per load or analysis.
    static QString entryText(const QStringList& paths);

signals:
    void openRequested(const QStringList& paths);
    void openAnalysisRequested(const QString& file);

private:
    void rebuild();
    void save() const;

    QList<QStringList> entries_;
    QStringList analyses_;
};

} // namespace triallens::ui
