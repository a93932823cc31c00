#pragma once
// The on-screen cumulative-incidence figure of the latest Results, painted
// by paint_cif_figure() (the drawing the exports use), with the Survival
// plot's figure options (the same KmFigureOptions the KM view shows: bands,
// marks, table, axes). Its context menu places the panels side by side or
// stacked. Every change repaints without a refit.

#include "document/cif_arrangement.h"
#include "document/km_figure_options.h"

#include <triallens/analysis/results.h>

#include <QWidget>

QT_BEGIN_NAMESPACE
class QAction;
QT_END_NAMESPACE

namespace triallens::ui {

class CifFigureView : public QWidget {
    Q_OBJECT

public:
    explicit CifFigureView(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);
    const ResultsPtr& results() const { return results_; }

    void setOptions(const KmFigureOptions& options);
    const KmFigureOptions& options() const { return options_; }

    void setArrangement(CifArrangement arrangement);
    CifArrangement arrangement() const { return arrangement_; }

    QAction* sideBySideAction() const { return side_by_side_; }
    QAction* stackedAction() const { return stacked_; }

signals:
    void arrangementChanged(triallens::ui::CifArrangement arrangement);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ResultsPtr results_;
    KmFigureOptions options_;
    CifArrangement arrangement_ = CifArrangement::SideBySide;
    QAction* side_by_side_;
    QAction* stacked_;
};

} // namespace triallens::ui
