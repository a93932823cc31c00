#pragma once
// The on-screen Kaplan–Meier figure of the latest Results, painted by
// paint_km_figure() (the same drawing the exports use). Its context menu
// toggles CI bands, median lines, censor marks and the table's optional rows,
// chooses survival or cumulative incidence, percent, the table's style and
// the KMunicate style, and offers "Figure Options…" (the Survival plot dock,
// km_options_panel.h, for the axes); the main window's View ▸ Survival Plot
// holds the same actions. Every change repaints without a refit.
// Ctrl+click on a censor mark or an event step (km_figure_marks.h) reports
// the mark, for the window to open the profile of the subject behind it.

#include "document/km_figure_options.h"
#include "views/km_figure_layout.h"
#include "views/km_figure_marks.h"

#include <triallens/analysis/results.h>

#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
class QActionGroup;
QT_END_NAMESPACE

namespace triallens::ui {

class KmChartView : public QWidget {
    Q_OBJECT

public:
    explicit KmChartView(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);
    const ResultsPtr& results() const { return results_; }

    void setOptions(const KmFigureOptions& options);
    const KmFigureOptions& options() const { return options_; }

    // The figure's layout in the widget's rectangle (empty without results).
    KmFigureLayout figureLayout() const;

    // The context menu's checkable actions, in menu order.
    QAction* ciBandsAction() const { return ci_bands_; }
    QAction* medianLinesAction() const { return median_lines_; }
    QAction* censorMarksAction() const { return censor_marks_; }
    QAction* censoredRowAction() const { return censored_row_; }
    QAction* eventsRowAction() const { return events_row_; }
    QAction* cumulativeAction() const { return cumulative_; }
    QAction* percentAction() const { return percent_; }
    // The table's style: none, number at risk, at risk (events), KMunicate.
    QList<QAction*> riskTableActions() const;
    QAction* kmunicateAction() const { return kmunicate_; }
    // Triggered: the window shows the Survival plot dock.
    QAction* figureOptionsAction() const { return figure_options_; }

signals:
    void optionsChanged(const triallens::ui::KmFigureOptions& options);
    // A figure of results (not the empty placeholder) has just been painted;
    // `triallens --quit-after-first-paint` times the cold start with it.
    void figurePainted();
    // Ctrl+click on `mark`, at `global` (screen coordinates, for a tooltip).
    void markActivated(const triallens::ui::KmFigureMark& mark, const QPoint& global);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QAction* addToggle(const QString& text, bool KmFigureOptions::*option);
    QAction* addRiskTable(const QString& text, bool shown, KmRiskTable table);
    void syncActions();

    ResultsPtr results_;
    KmFigureOptions options_;
    QAction* ci_bands_;
    QAction* median_lines_;
    QAction* censor_marks_;
    QAction* censored_row_;
    QAction* events_row_;
    QAction* cumulative_;
    QAction* percent_;
    QActionGroup* risk_tables_;
    QAction* kmunicate_;
    QAction* figure_options_;
};

} // namespace triallens::ui
