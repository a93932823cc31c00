#pragma once
// The on-screen Kaplan–Meier chart: shows the figure of the latest Results.

#include <triallens/analysis/results.h>

#include <QChartView>

namespace triallens::ui {

class KmChartView : public QChartView {
    Q_OBJECT

public:
    explicit KmChartView(QWidget* parent = nullptr);

    void setResults(const ResultsPtr& results);
    const ResultsPtr& results() const { return results_; }

private:
    ResultsPtr results_;
};

} // namespace triallens::ui
