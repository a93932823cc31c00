#pragma once
// The "Adverse events" tab: a selector of four views of the same subjects —
// the AE table (AeTableView, SOC ▸ PT, with its own toggles), the safety
// Overview (AeOverviewModel), the Dot plot and the Volcano plot
// (AeFigureView) — with the choices that apply to the one shown: the
// "Exposure-adjusted" toggle (the overview's and the AE table's rate
// columns; disabled, saying why, when the study has no treatment
// durations), the dot plot's threshold or top N and scale, and with three
// or more arms the arm compared with the reference. A click on a term in
// either figure narrows the AE table to that term, shows it, and emits
// statusMessage saying so. None of these choices is part of the workspace:
// they change no numbers, only what is shown.

#include "document/ae_figure_options.h"
#include "document/km_figure_options.h"

#include <triallens/analysis/adverse_event_overview.h>
#include <triallens/analysis/results.h>
#include <triallens/stats/adverse_event_incidence.h>

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QStackedWidget;
class QTableView;
QT_END_NAMESPACE

namespace triallens::ui {

class AeFigureView;
class AeOverviewModel;
class AeTableView;

class AdverseEventsPanel : public QWidget {
    Q_OBJECT

public:
    enum class Page { Table, Overview, DotPlot, Volcano };

    // Shows `table_view` (the window keeps its pointer) as the Table page.
    explicit AdverseEventsPanel(AeTableView* table_view, QWidget* parent = nullptr);

    // The AE table and overview of a refit (RefitController::adverseEventsReady),
    // which arrive even when the survival analysis cannot be made.
    void setAdverseEvents(const std::shared_ptr<const AeTable>& table,
                          const std::shared_ptr<const AeOverview>& overview);
    // The refit's results (the figures then carry its synthetic label).
    void setResults(const ResultsPtr& results);
    // The Survival plot's figure options (font, palette).
    void setFigureOptions(const KmFigureOptions& options);

    Page page() const;
    void setPage(Page page);
    bool exposureAdjusted() const;
    AeFigureOptions figureOptions() const;
    // The figure shown (or last shown) by the Dot plot / Volcano pages.
    AeFigure figure() const;

    AeTableView* tableView() const { return table_view_; }
    AeOverviewModel* overviewModel() const { return overview_model_; }
    QTableView* overviewView() const { return overview_view_; }
    QLabel* overviewNotes() const { return overview_notes_; }
    AeFigureView* figureView() const { return figure_view_; }
    QComboBox* pageBox() const { return page_box_; }
    QCheckBox* exposureBox() const { return exposure_; }
    QDoubleSpinBox* thresholdBox() const { return threshold_; }
    QSpinBox* topBox() const { return top_; }
    QComboBox* scaleBox() const { return scale_; }
    QComboBox* comparedBox() const { return compared_; }

signals:
    void statusMessage(const QString& message);

private:
    void choicesChanged();
    void fillCompared();
    void showTerm(const QString& term);
    void updateExposure();

    AeTableView* table_view_;
    AeOverviewModel* overview_model_;
    QTableView* overview_view_;
    QLabel* overview_notes_;
    AeFigureView* figure_view_;
    QStackedWidget* stack_;
    QComboBox* page_box_;
    QCheckBox* exposure_;
    QLabel* threshold_label_;
    QDoubleSpinBox* threshold_;
    QLabel* top_label_;
    QSpinBox* top_;
    QComboBox* scale_;
    QLabel* compared_label_;
    QComboBox* compared_;
    std::shared_ptr<const AeTable> table_;
    ResultsPtr figure_results_;
};

} // namespace triallens::ui
