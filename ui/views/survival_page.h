#pragma once
// The Survival tab: whose subjects it shows (the population chip and a
// breadcrumb, "All patients ▸ PD-L1 Status = Positive", whose link returns
// to all patients), the Kaplan–Meier figure, and below it the landmark
// survival and RMST table, hidden when the spec names neither landmarks nor
// tau. Everything on it is read from one Results.

#include <triallens/analysis/results.h>

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QTableView;
QT_END_NAMESPACE

namespace triallens::ui {

class KmChartView;
class LandmarkModel;
class PopulationChip;

class SurvivalPage : public QWidget {
    Q_OBJECT

public:
    explicit SurvivalPage(QWidget* parent = nullptr);

    PopulationChip* chip() const { return chip_; }
    QLabel* breadcrumb() const { return breadcrumb_; }
    KmChartView* kmView() const { return km_view_; }
    QTableView* landmarkTable() const { return landmark_table_; }
    LandmarkModel* landmarkModel() const { return landmark_model_; }

    void setResults(const ResultsPtr& results);

signals:
    // The breadcrumb's "All patients" link was clicked.
    void allPatientsRequested();

private:
    PopulationChip* chip_;
    QLabel* breadcrumb_;
    KmChartView* km_view_;
    LandmarkModel* landmark_model_;
    QTableView* landmark_table_;
};

} // namespace triallens::ui
