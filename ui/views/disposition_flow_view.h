#pragma once
// The on-screen flow of patients (disposition_flow.h) of the latest
// Results, painted by paint_disposition_flow() — the drawing the exports
// use — with the Survival plot's figure options (font, palette).

#include "document/km_figure_options.h"

#include <triallens/analysis/results.h>

#include <QWidget>

namespace triallens::ui {

class DispositionFlowView : public QWidget {
    Q_OBJECT

public:
    explicit DispositionFlowView(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);
    const ResultsPtr& results() const { return results_; }
    void setOptions(const KmFigureOptions& options);
    const KmFigureOptions& options() const { return options_; }

    QSize sizeHint() const override { return {900, 560}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ResultsPtr results_;
    KmFigureOptions options_;
};

} // namespace triallens::ui
