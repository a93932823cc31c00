// The patient profile: one non-modal dialog, opened by a figure's subject
// (the response figures' subjectActivated, Ctrl+click on a KM mark), kept
// in step with the analysis after every refit and closed by a new study.

#include "main_window.h"

#include "controller/refit_controller.h"
#include "controller/workspace_document.h"
#include "panels/patient_profile_dialog.h"
#include "panels/tumour_response_panel.h"
#include "views/km_chart.h"
#include "views/km_chart_view.h"

#include <triallens/analysis/curve_subjects.h>
#include <triallens/analysis/refit.h>

#include <QStatusBar>
#include <QToolTip>

namespace triallens::ui {

void MainWindow::connectPatientProfile() {
    connect(kmView(), &KmChartView::markActivated, this, &MainWindow::showKmMarkProfile);
    connect(tumour_panel_, &TumourResponsePanel::subjectActivated, this,
            &MainWindow::showPatientProfile);
    connect(workspace_, &WorkspaceDocument::studyChanged, this,
            [this](const std::shared_ptr<const Study>& study) {
                if (profile_dialog_ != nullptr) {
                    profile_dialog_->setStudy(study);
                }
            });
}

void MainWindow::showPatientProfile(std::int32_t subject, QVector<std::int32_t> order) {
    const auto& study = controller_->study();
    if (!study || subject < 0 || static_cast<std::size_t>(subject) >= study->subjects.size()) {
        return;
    }
    if (profile_dialog_ == nullptr) {
        profile_dialog_ = new PatientProfileDialog(this);
    }
    profile_dialog_->setStudy(study);
    updatePatientProfile(controller_->results());
    profile_dialog_->showSubject(subject, std::move(order));
    profile_dialog_->show();
    profile_dialog_->raise();
    profile_dialog_->activateWindow();
}

void MainWindow::updatePatientProfile(const ResultsPtr& results) {
    const auto& study = controller_->study();
    if (profile_dialog_ == nullptr || !study || !results) {
        return;
    }
    std::vector<std::uint8_t> analysed;
    try {
        analysed = analysed_subjects(*study, controller_->workspace());
    } catch (const SpecError&) {
        // The results shown were resolved; a spec that no longer is will fail its refit.
    }
    profile_dialog_->setResults(results, std::move(analysed));
}

void MainWindow::showKmMarkProfile(const KmFigureMark& mark, const QPoint& global) {
    const auto& study = controller_->study();
    const ResultsPtr& results = kmView()->results();
    if (!study || !results || controller_->busy()) {
        // The figure is about to change: its marks are not the spec's records.
        statusBar()->showMessage(tr("Recomputing: Ctrl+click again when the figure is updated"),
                                 4000);
        return;
    }
    const std::vector<ArmSurvival>& curves = figure_curves(*results);
    if (mark.curve >= curves.size()) {
        return;
    }
    const ArmSurvival& curve = curves[mark.curve];
    try {
        const WorkspaceSpec& spec = controller_->workspace();
        const std::vector<std::int32_t> subjects =
            subjects_at(*study, spec, curve.arm, curve.level, mark.time, mark.event);
        if (subjects.size() == 1) {
            QVector<std::int32_t> order;
            for (const CurveRecord& record : curve_records(*study, spec, curve.arm, curve.level)) {
                order.push_back(record.subject);
            }
            showPatientProfile(subjects.front(), std::move(order));
            return;
        }
        const QString what =
            mark.event
                ? tr("%n subjects have an event here", nullptr, static_cast<int>(subjects.size()))
                : tr("%n subjects are censored here", nullptr, static_cast<int>(subjects.size()));
        const QString text = what + tr(": the profile opens on a mark of one subject");
        QToolTip::showText(global, text, kmView());
        statusBar()->showMessage(text, 5000);
    } catch (const SpecError& error) {
        statusBar()->showMessage(QString::fromUtf8(error.what()), 5000);
    }
}

} // namespace triallens::ui
