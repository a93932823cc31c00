#pragma once
// The on-screen tumour-response figure of the latest Results, painted by
// paint_tumour_response_figure() (the drawing the exports use) with the
// Survival plot's figure options (font, palette; the duration-of-response
// curves take all of them). A click on a waterfall bar, a swimmer lane or a
// spider line emits subjectClicked with the figure's subjects in display
// order, for a profile that steps through them. Every change repaints
// without a refit.

#include "document/km_figure_options.h"
#include "document/tumour_figure_options.h"

#include <triallens/analysis/results.h>

#include <QPointF>
#include <QVector>
#include <QWidget>

#include <cstdint>
#include <optional>

namespace triallens::ui {

class TumourFigureView : public QWidget {
    Q_OBJECT

public:
    explicit TumourFigureView(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);
    const ResultsPtr& results() const { return results_; }

    void setOptions(const KmFigureOptions& options);
    const KmFigureOptions& options() const { return options_; }

    void setTumourOptions(const TumourFigureOptions& options);
    const TumourFigureOptions& tumourOptions() const { return tumour_; }

    // The subject (row in the study's SubjectTable) under a point of the widget.
    std::optional<std::int32_t> subjectAt(QPointF point) const;
    // The figure's subjects in display order.
    QVector<std::int32_t> order() const;

signals:
    void subjectClicked(std::int32_t subject, const QVector<std::int32_t>& order);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    ResultsPtr results_;
    KmFigureOptions options_;
    TumourFigureOptions tumour_;
};

} // namespace triallens::ui
