#include "panels/data_panel.h"

#include <triallens/format/data_caveat.h>

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <set>

namespace triallens::ui {

DataPanel::DataPanel(QWidget* parent)
    : QWidget(parent), summary_(new QLabel), files_(new QListWidget), findings_(new QListWidget),
      progress_(new QProgressBar), cancel_(new QPushButton(QStringLiteral("Cancel"))),
      exclude_(new QPushButton) {
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    files_->setToolTip(QStringLiteral("The files of the loaded study"));
    findings_->setToolTip(
        QStringLiteral("What the last load found: errors refuse a load, warnings come with it"));
    findings_->setWordWrap(true);
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progress_->setToolTip(QStringLiteral("Reading the dropped files"));
    cancel_->setToolTip(QStringLiteral("Stop loading; the current study stays"));
    progress_->hide();
    cancel_->hide();
    connect(cancel_, &QPushButton::clicked, this, &DataPanel::cancelRequested);
    exclude_->setToolTip(
        QStringLiteral("Load the files again, leaving out the rows the errors are about; each "
                       "left-out row is listed as a warning"));
    exclude_->hide();
    connect(exclude_, &QPushButton::clicked, this, [this] {
        exclude_->hide(); // one request per refusal
        emit excludeInvalidRowsRequested();
    });

    auto* loading = new QHBoxLayout;
    loading->addWidget(progress_, 1);
    loading->addWidget(cancel_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summary_);
    layout->addLayout(loading);
    layout->addWidget(new QLabel(QStringLiteral("Files")));
    layout->addWidget(files_, 1);
    layout->addWidget(new QLabel(QStringLiteral("Findings")));
    layout->addWidget(findings_, 1);
    layout->addWidget(exclude_);
}

void DataPanel::showStudy(const Study& study, const QStringList& paths,
                          const QStringList& warnings) {
    progress_->hide();
    cancel_->hide();
    exclude_->hide();
    std::set<std::string> sites;
    if (const Variable* site = study.subjects.find("SITEID")) {
        for (std::size_t i = 0; i < site->size(); ++i) {
            sites.insert(site->is_categorical()
                             ? (site->codes()[i] >= 0
                                    ? site->levels()[static_cast<std::size_t>(site->codes()[i])]
                                    : "")
                             : std::to_string(site->numbers()[i]));
        }
        sites.erase("");
    }
    QStringList endpoints;
    for (const auto& endpoint : study.endpoints) {
        endpoints << QString::fromStdString(endpoint.paramcd());
    }
    const QString caveat = QString::fromStdString(data_caveat(false, study.reconstructed));
    summary_->setText(
        QStringLiteral("<b>%1</b>%2<br/>%3 subjects%4 · endpoints %5 · %6 adverse events · %7 "
                       "responses")
            .arg(QString::fromStdString(study.name).toHtmlEscaped(),
                 study.synthetic     ? QStringLiteral(" (synthetic)")
                 : !caveat.isEmpty() ? QStringLiteral(" (%1)").arg(caveat.toHtmlEscaped())
                                     : QString())
            .arg(study.subjects.size())
            .arg(sites.empty() ? QString() : QStringLiteral(" at %1 sites").arg(sites.size()))
            .arg(endpoints.isEmpty() ? QStringLiteral("none")
                                     : endpoints.join(QStringLiteral(", ")))
            .arg(study.adverse_events.size())
            .arg(study.responses.size()) +
        (study.tumour.size() == 0
             ? QString()
             : QStringLiteral(" · %1 tumour measurements (%2)")
                   .arg(study.tumour.size())
                   .arg(QString::fromStdString(study.tumour.paramcd).toHtmlEscaped())));
    files_->clear();
    for (const QString& path : paths) {
        auto* item = new QListWidgetItem(QFileInfo(path).fileName(), files_);
        item->setToolTip(path);
    }
    findings_->clear();
    for (const QString& warning : warnings) {
        auto* item = new QListWidgetItem(QStringLiteral("warning: ") + warning, findings_);
        item->setForeground(QColor(0x8a, 0x5a, 0x00));
    }
}

void DataPanel::showRefusal(const QStringList& errors, int excludable_rows) {
    progress_->hide();
    cancel_->hide();
    exclude_->setText(
        excludable_rows == 1
            ? QStringLiteral("Load without the 1 invalid row")
            : QStringLiteral("Load without the %1 invalid rows").arg(excludable_rows));
    exclude_->setVisible(excludable_rows > 0);
    findings_->clear();
    new QListWidgetItem(QStringLiteral("Not loaded — the current study is unchanged:"), findings_);
    for (const QString& error : errors) {
        auto* item = new QListWidgetItem(QStringLiteral("error: ") + error, findings_);
        item->setForeground(QColor(0xb0, 0x00, 0x20));
    }
}

void DataPanel::showProgress(int per_mille) {
    progress_->show();
    cancel_->show();
    exclude_->hide();
    progress_->setValue(per_mille);
}

} // namespace triallens::ui
