#pragma once
// The on-screen Kaplan–Meier figure of the latest Results, painted by
// paint_km_figure() (the same drawing the exports use). Its context menu
// toggles CI bands, median lines, censor marks and the table's optional rows
// (the main window's View ▸ Survival Plot holds the same actions); toggling
// repaints without a refit.

#include "views/km_figure_layout.h"
#include "views/km_figure_options.h"

#include <triallens/analysis/results.h>

#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
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

signals:
    void optionsChanged(const triallens::ui::KmFigureOptions& options);
    // A figure of results (not the empty placeholder) has just been painted;
    // `triallens --quit-after-first-paint` times the cold start with it.
    void figurePainted();

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QAction* addToggle(const QString& text, bool KmFigureOptions::*option);
    void syncActions();

    ResultsPtr results_;
    KmFigureOptions options_;
    QAction* ci_bands_;
    QAction* median_lines_;
    QAction* censor_marks_;
    QAction* censored_row_;
    QAction* events_row_;
};

} // namespace triallens::ui
