#pragma once
// The on-screen AE dot plot or volcano plot of the latest Results, painted
// by paint_ae_dot_plot() / paint_ae_volcano_plot() (the drawing the exports
// use) with the Survival plot's figure options (font, palette). A click on
// a dot-plot row or a volcano point emits termClicked with its preferred
// term; hovering one shows its numbers in a tooltip. Every change repaints
// without a refit.

#include "document/ae_figure_options.h"
#include "document/km_figure_options.h"

#include <triallens/analysis/results.h>

#include <QPointF>
#include <QString>
#include <QWidget>

#include <optional>

namespace triallens::ui {

struct AeFigureTerm;

class AeFigureView : public QWidget {
    Q_OBJECT

public:
    explicit AeFigureView(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);
    const ResultsPtr& results() const { return results_; }
    void setOptions(const KmFigureOptions& options);
    void setFigure(AeFigure figure);
    AeFigure figure() const { return figure_; }
    void setAeOptions(const AeFigureOptions& options);
    const AeFigureOptions& aeOptions() const { return ae_; }

    // The preferred term drawn under a point of the widget.
    std::optional<QString> termAt(QPointF point) const;

signals:
    void termClicked(const QString& term);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    std::optional<AeFigureTerm> figureTermAt(QPointF point) const;

    ResultsPtr results_;
    KmFigureOptions options_;
    AeFigure figure_ = AeFigure::DotPlot;
    AeFigureOptions ae_;
};

} // namespace triallens::ui
