#pragma once
// The data dock: what is loaded (files, subjects, datasets recognised) and
// what the last load found (errors of a refused load, warnings of an
// accepted one), each finding naming its file and line. Under the errors of
// a load refused for invalid rows only, it offers the load without them.

#include <triallens/data/study.h>

#include <QStringList>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
QT_END_NAMESPACE

namespace triallens::ui {

class DataPanel : public QWidget {
    Q_OBJECT

public:
    explicit DataPanel(QWidget* parent = nullptr);

    void showStudy(const Study& study, const QStringList& files, const QStringList& warnings);
    // excludable_rows > 0: a load leaving out that many invalid rows would
    // succeed; a button offers it (excludeInvalidRowsRequested).
    void showRefusal(const QStringList& errors, int excludable_rows = 0);
    void showProgress(int per_mille);

    QListWidget* files() const { return files_; }
    QListWidget* findings() const { return findings_; }
    QLabel* summary() const { return summary_; }
    QPushButton* excludeButton() const { return exclude_; }

signals:
    void cancelRequested();
    void excludeInvalidRowsRequested();

private:
    QLabel* summary_;
    QListWidget* files_;
    QListWidget* findings_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QPushButton* exclude_;
};

} // namespace triallens::ui
