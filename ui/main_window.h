#pragma once
// The main window: arranges the views and forwards gestures to the refit
// controller. It holds no statistics and no data of its own. Files and
// folders dropped on it (or opened from File) load off the GUI thread; a
// study that loads replaces the current one, a refused load leaves it as it
// was. Dropping more files onto a study loaded from files adds them to it.

#include <triallens/analysis/results.h>
#include <triallens/data/study.h>

#include <QMainWindow>

#include <QStringList>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
QT_END_NAMESPACE

namespace triallens::ui {

class AeTableView;
class DataPanel;
class ForestView;
class KmChartView;
class MethodsView;
class RefitController;
class ResponseView;
class StudyLoader;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(RefitController* controller, QWidget* parent = nullptr);

    KmChartView* kmView() const { return km_view_; }
    ForestView* forestView() const { return forest_view_; }
    // Refits the Survival tab's curves for the forest row clicked last.
    RefitController* subgroupController() const { return subgroup_controller_; }
    QLabel* breadcrumb() const { return breadcrumb_; }
    AeTableView* adverseEventView() const { return ae_view_; }
    ResponseView* responseView() const { return response_view_; }
    MethodsView* methodsView() const { return methods_view_; }
    QComboBox* endpointBox() const { return endpoint_box_; }
    DataPanel* dataPanel() const { return data_panel_; }
    StudyLoader* loader() const { return loader_; }

    // Loads files and folders (added to the current files when `add`).
    void openPaths(const QStringList& paths, bool add);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createMenus();
    void focusSubgroup(const QString& variable, const QString& level);
    void refitSubgroup();
    void studyLoaded(const std::shared_ptr<const Study>& study, const QStringList& paths,
                     const QStringList& warnings);
    void showResults(const ResultsPtr& results, double milliseconds);
    void showError(const QString& message);
    void fillEndpoints();

    RefitController* controller_;
    StudyLoader* loader_;
    DataPanel* data_panel_;
    QStringList paths_; // the files of the current study; empty for the demo
    RefitController* subgroup_controller_;
    QString focus_variable_; // empty: the Survival tab shows all patients
    QString focus_level_;
    QLabel* breadcrumb_;
    KmChartView* km_view_;
    ForestView* forest_view_;
    AeTableView* ae_view_;
    ResponseView* response_view_ = nullptr;
    MethodsView* methods_view_ = nullptr;
    QComboBox* endpoint_box_;
    QLabel* subjects_label_;
    QLabel* timing_label_;
};

} // namespace triallens::ui
