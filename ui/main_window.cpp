#include "main_window.h"

#include "controller/refit_controller.h"
#include "views/km_chart_view.h"

#include <QComboBox>
#include <QLabel>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace triallens::ui {

MainWindow::MainWindow(RefitController* controller, QWidget* parent)
    : QMainWindow(parent), controller_(controller), km_view_(new KmChartView),
      endpoint_box_(new QComboBox), subjects_label_(new QLabel), timing_label_(new QLabel) {
    setWindowTitle(QStringLiteral("TrialLens"));
    resize(1100, 720);

    auto* tabs = new QTabWidget;
    tabs->addTab(km_view_, QStringLiteral("Survival"));
    setCentralWidget(tabs);

    auto* toolbar = addToolBar(QStringLiteral("Analysis"));
    toolbar->setObjectName(QStringLiteral("analysisToolBar"));
    toolbar->addWidget(new QLabel(QStringLiteral(" Endpoint ")));
    endpoint_box_->setToolTip(QStringLiteral("Time-to-event parameter (ADTTE PARAMCD) to analyse"));
    toolbar->addWidget(endpoint_box_);

    statusBar()->addWidget(subjects_label_);
    statusBar()->addPermanentWidget(timing_label_);

    fillEndpoints();
    connect(endpoint_box_, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index < 0) {
            return;
        }
        AnalysisSpec spec = controller_->spec();
        spec.paramcd = endpoint_box_->itemData(index).toString().toStdString();
        controller_->setSpec(spec);
    });
    connect(controller_, &RefitController::refitted, this, &MainWindow::showResults);
    connect(controller_, &RefitController::refitFailed, this, &MainWindow::showError);
    if (controller_->results()) {
        showResults(controller_->results(), 0);
    }
}

void MainWindow::fillEndpoints() {
    const QSignalBlocker blocker(endpoint_box_);
    endpoint_box_->clear();
    const auto& study = controller_->study();
    if (!study) {
        return;
    }
    for (const auto& endpoint : study->endpoints) {
        const QString code = QString::fromStdString(endpoint.paramcd);
        endpoint_box_->addItem(
            QStringLiteral("%1 — %2").arg(code, QString::fromStdString(endpoint.param)), code);
    }
    const int current =
        endpoint_box_->findData(QString::fromStdString(controller_->spec().paramcd));
    endpoint_box_->setCurrentIndex(std::max(current, 0));
    const QString name = QString::fromStdString(study->name);
    setWindowTitle(QStringLiteral("%1 — TrialLens").arg(name));
}

void MainWindow::showResults(const ResultsPtr& results, double milliseconds) {
    km_view_->setResults(results);
    const QString label =
        QStringLiteral("%1 subjects, %2 events").arg(results->n).arg(results->events);
    subjects_label_->setText(results->synthetic ? label + QStringLiteral(" · synthetic demo data")
                                                : label);
    timing_label_->setText(QStringLiteral("refit %1 ms").arg(milliseconds, 0, 'f', 1));
}

void MainWindow::showError(const QString& message) {
    statusBar()->showMessage(QStringLiteral("Could not refit: %1").arg(message));
}

} // namespace triallens::ui
