#include "panels/refit_status.h"

#include <QLabel>
#include <QProgressBar>
#include <QStatusBar>
#include <QTimer>

namespace triallens::ui {

RefitStatus::RefitStatus(QStatusBar* bar)
    : QObject(bar), subjects_(new QLabel), busy_(new QProgressBar), timing_(new QLabel),
      delay_(new QTimer(this)) {
    bar->addWidget(subjects_);
    busy_->setRange(0, 0); // indeterminate
    busy_->setMaximumWidth(120);
    busy_->setToolTip(QStringLiteral("Refitting…"));
    busy_->hide();
    bar->addPermanentWidget(busy_);
    bar->addPermanentWidget(timing_);
    delay_->setSingleShot(true);
    delay_->setInterval(busyDelayMs());
    connect(delay_, &QTimer::timeout, busy_, &QWidget::show);
}

void RefitStatus::setBusy(bool busy) {
    if (busy) {
        delay_->start();
    } else {
        delay_->stop();
        busy_->hide();
    }
}

void RefitStatus::setResults(const Results& results, double milliseconds) {
    const QString label = QStringLiteral("%1 of %2 subjects · %3 analysed, %4 events")
                              .arg(results.subjects)
                              .arg(results.subjects_total)
                              .arg(results.n)
                              .arg(results.events);
    subjects_->setText(results.synthetic   ? label + QStringLiteral(" · synthetic demo data")
                       : caveat_.isEmpty() ? label
                                           : label + QStringLiteral(" · ") + caveat_);
    timing_->setText(QStringLiteral("refit %1 ms").arg(milliseconds, 0, 'f', 1));
}

} // namespace triallens::ui
