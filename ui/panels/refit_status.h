#pragma once
// The status bar's standing part: whose subjects the results are of ("67 of
// 147 subjects · 60 analysed, 41 events", and "synthetic demo data" when
// they are, or the caveat of subjects rebuilt from a publication), an indeterminate progress bar
// while a refit has run longer than busyDelayMs() (so quick refits never flash it), and the last
// refit's time.

#include <triallens/analysis/results.h>

#include <QObject>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QStatusBar;
class QTimer;
QT_END_NAMESPACE

namespace triallens::ui {

class RefitStatus : public QObject {
    Q_OBJECT

public:
    // Adds its widgets to `bar`, which owns them.
    explicit RefitStatus(QStatusBar* bar);

    static constexpr int busyDelayMs() { return 150; }
    QLabel* subjectsLabel() const { return subjects_; }
    QProgressBar* busyIndicator() const { return busy_; }

    void setResults(const Results& results, double milliseconds);
    // The study's data caveat (data_caveat.h), shown after the counts; "" for
    // a trial's own data. Set when the study changes.
    void setDataCaveat(const QString& caveat) { caveat_ = caveat; }
    void setBusy(bool busy);

private:
    QLabel* subjects_;
    QProgressBar* busy_;
    QLabel* timing_;
    QTimer* delay_;
    QString caveat_;
};

} // namespace triallens::ui
