#pragma once
// The main window: arranges the views and forwards gestures to the refit
// controller. It holds no statistics and no data of its own.

#include <triallens/analysis/results.h>

#include <QMainWindow>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
QT_END_NAMESPACE

namespace triallens::ui {

class KmChartView;
class RefitController;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(RefitController* controller, QWidget* parent = nullptr);

    KmChartView* kmView() const { return km_view_; }
    QComboBox* endpointBox() const { return endpoint_box_; }

private:
    void showResults(const ResultsPtr& results, double milliseconds);
    void showError(const QString& message);
    void fillEndpoints();

    RefitController* controller_;
    KmChartView* km_view_;
    QComboBox* endpoint_box_;
    QLabel* subjects_label_;
    QLabel* timing_label_;
};

} // namespace triallens::ui
