#pragma once
// The main window: arranges the views, docks, menus and status bar around
// one workspace document (controller/workspace_document.h), which holds the
// files, the state, the undo history and the refit controller. Gestures on
// the views become steps of the document; every view shows the document's
// one Results. The window holds no statistics, no data and no state of its
// own. Files and folders dropped on it (or opened from File) load off the
// GUI thread; a study that loads replaces the current one, a refused load
// leaves it as it was. Dropping more files onto a study loaded from files
// adds them to it.
//
// The window's geometry and dock layout are restored from the user's
// settings when it is made and saved when it closes (user_settings.h);
// View ▸ Reset Layout puts both back as a first run shows them.

#include "controller/workspace_document.h"
#include "panels/refit_status.h"

#include <triallens/analysis/results.h>

#include <QMainWindow>

#include <QList>
#include <QSize>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QDockWidget;
class QActionGroup;
class QMenu;
class QLabel;
class QProgressBar;
class QScrollArea;
class QTabWidget;
class QTableView;
QT_END_NAMESPACE

namespace triallens::ui {

class AeTableView;
class AdverseEventsPanel;
class AnalysisDocument;
class BaselinePanel;
class DataPanel;
class DelayedEffectsView;
class ExportController;
class FilterPanel;
class ForestView;
class KmChartView;
class KmOptionsPanel;
class LandmarkModel;
class MethodsView;
class CifFigureView;
class PatientProfileDialog;
class TumourResponsePanel;
class PopulationChip;
class RecentFilesMenu;
class RefitController;
class SettingsPanel;
class SurvivalPage;
class ResponseView;
class WorkspaceDocument;
struct KmFigureMark;
struct WorkspaceState;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // `controller` computes the workspace; it must outlive the window.
    explicit MainWindow(RefitController* controller, QWidget* parent = nullptr);

    // The files, state, undo history, loader and focus of what is shown.
    WorkspaceDocument* workspace() const { return workspace_; }
    // Saved analyses (File ▸ Save/Open Analysis) read and restore these.
    AnalysisDocument* analysisDocument() const { return analysis_document_; }

    // The Survival tab: chip, breadcrumb, curves, landmark and RMST table.
    SurvivalPage* survivalPage() const { return survival_page_; }
    KmChartView* kmView() const;
    QTableView* landmarkTable() const;
    LandmarkModel* landmarkModel() const;
    QLabel* breadcrumb() const;
    // The Delayed effects tab: verdict, cut-point and landmark editors, table.
    DelayedEffectsView* delayedEffectsView() const { return delayed_effects_view_; }
    ForestView* forestView() const { return forest_view_; }
    // The chip atop each tab, in tab order (hidden without filter or focus).
    const QList<PopulationChip*>& populationChips() const { return chips_; }
    AeTableView* adverseEventView() const { return ae_view_; }
    AdverseEventsPanel* adverseEventsPanel() const { return ae_panel_; }
    QComboBox* endpointBox() const;
    ResponseView* responseView() const { return response_view_; }
    MethodsView* methodsView() const { return methods_view_; }
    // The Competing risks tab: the cumulative incidence per cause, with the
    // Survival plot's figure options.
    CifFigureView* cifView() const { return cif_view_; }
    // The "Baseline" tab: Table 1, the disposition table and flow diagram.
    BaselinePanel* baselinePanel() const { return baseline_panel_; }
    // The "Tumour response" tab; its subjectActivated opens a patient profile.
    TumourResponsePanel* tumourResponsePanel() const { return tumour_panel_; }
    DataPanel* dataPanel() const { return data_panel_; }
    SettingsPanel* settingsPanel() const { return settings_panel_; }
    FilterPanel* filterPanel() const { return filter_panel_; }
    RecentFilesMenu* recentFilesMenu() const { return recent_menu_; }
    ExportController* exportController() const { return export_controller_; }
    QTabWidget* tabs() const { return tabs_; }
    // The tabs by id, never by their (translatable) titles: "survival",
    // "baseline", "delayed-effects", "forest", "adverse-events", "response",
    // "competing-risks", "tumour-response", "methods".
    static const QStringList& tabIds();
    // The tab whose page has `id` as its objectName; -1 when none has.
    int tabIndex(const QString& id) const;
    QString tabId(int index) const;
    // Shown while a refit has run longer than busyDelayMs().
    QProgressBar* busyIndicator() const;
    static constexpr int busyDelayMs() { return RefitStatus::busyDelayMs(); }
    QLabel* subjectsLabel() const;
    // View ▸ Full Screen (F11) and View ▸ All Patients' Curves (the
    // breadcrumb's link, enabled while a forest row is focused).
    QAction* fullScreenAction() const { return full_screen_; }
    QAction* allPatientsAction() const { return all_patients_; }
    // Edit ▸ Show Command… (and the views' context menus): a CommandDialog
    // with the analyze and export command lines of the current tab.
    QAction* showCommandAction() const { return show_command_; }
    // File ▸ Rebuild Arms from a Published Figure…: the digitiser
    // (DigitiserDialog), then the arms beside the study's own or on their own
    // (WorkspaceDocument::openPublishedArms).
    QAction* publishedArmsAction() const { return published_arms_; }
    // File ▸ Add Published Arms from a Folder…: a folder of rebuilt arms
    // beside the study's own (WorkspaceDocument::addPublishedFolder).
    QAction* publishedFolderAction() const { return published_folder_; }
    // What that action does once the digitiser hands over its arms: asks
    // where they go (beside the shown study's arms, or on their own) unless
    // `where` says it, then opens them.
    void openPublishedArms(const std::vector<NamedArm>& arms,
                           const ReconstructedStudyOptions& options,
                           std::optional<WorkspaceDocument::PublishedArms> where = std::nullopt);
    // Help ▸ About TrialLens (F1): opens the About dialog.
    QAction* aboutAction() const { return about_; }

    // Files named on the command line or dropped from a file manager: a saved
    // analysis (*.json) restores itself with its own data files; otherwise the
    // data files and folders load as WorkspaceDocument::openPaths() loads
    // them. Given an analysis and more, the first analysis is opened and the
    // status bar says so.
    void openFiles(const QStringList& paths, bool add);

    // saveState() layouts carry this; raise it when docks are added or
    // renamed, so an old saved layout is ignored rather than half applied.
    static constexpr int layout_version = 2;
    static constexpr QSize defaultSize() { return {1360, 820}; }
    // View ▸ Reset Layout: the docks as arrangeDocks() places them, all shown,
    // the window at defaultSize() (at most its screen's available size)
    // centred on its screen; the saved geometry and layout are forgotten.
    void resetLayout();
    QAction* resetLayoutAction() const { return reset_layout_; }

    // The patient profile (one dialog, made on first use; null before).
    PatientProfileDialog* patientProfileDialog() const { return profile_dialog_; }

public slots:
    // Opens (or reuses) the profile dialog on `subject`, a row of the study's
    // subjects, Up/Down stepping through `order` (a figure's subjects in its
    // order). Ctrl+click on the KM figure's marks and the response figures'
    // subjectActivated lead here.
    void showPatientProfile(std::int32_t subject, QVector<std::int32_t> order);

protected:
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    // Saves the geometry and dock layout for the next window.
    void closeEvent(QCloseEvent* event) override;

private:
    void createTabs();
    void createDocks();
    // The loader's progress and refusals, and the document's new studies.
    void connectLoading();
    // The docks as a first run shows them: one tabbed column on the left,
    // Analysis settings in front. The constructor and resetLayout() share it.
    void arrangeDocks();
    // The saved geometry and dock layout, if any (the constructor's last step).
    void restoreSettings();
    void saveSettings() const;
    // The menu bar holds every action of the window (the views' context
    // menus and the docks' buttons too), each standard shortcut once
    // (main_window_menus.cpp).
    void createMenus();
    void createFileMenu(QMenu* file);
    void createViewMenu(QMenu* view);
    void createHelpMenu();
    void rebuildArmsFromFigure();
    void createExport();
    // Opens the CommandDialog of the current tab (main_window_command.cpp).
    void showCommand();
    // The study's name, its columns' labels, and the panels that list them.
    void showStudy();
    // The document's state in every panel that edits it.
    void showState(const WorkspaceState& state);
    void showResults(const ResultsPtr& results, double milliseconds);
    void showError(const QString& message);
    // The profile dialog's wiring: Ctrl+click on the KM figure, a new
    // study, each refit (main_window_profile.cpp).
    void connectPatientProfile();
    void showKmMarkProfile(const KmFigureMark& mark, const QPoint& global);
    void updatePatientProfile(const ResultsPtr& results);

    RefitController* controller_;
    WorkspaceDocument* workspace_;
    AnalysisDocument* analysis_document_ = nullptr;
    DataPanel* data_panel_;
    QList<PopulationChip*> chips_;
    SurvivalPage* survival_page_;
    ForestView* forest_view_;
    QScrollArea* forest_scroll_;
    AeTableView* ae_view_;
    SettingsPanel* settings_panel_;
    FilterPanel* filter_panel_;
    RecentFilesMenu* recent_menu_ = nullptr;
    QTabWidget* tabs_ = nullptr;
    ExportController* export_controller_ = nullptr;
    ResponseView* response_view_ = nullptr;
    MethodsView* methods_view_ = nullptr;
    CifFigureView* cif_view_ = nullptr;
    TumourResponsePanel* tumour_panel_ = nullptr;
    BaselinePanel* baseline_panel_ = nullptr;
    AdverseEventsPanel* ae_panel_ = nullptr;
    DelayedEffectsView* delayed_effects_view_ = nullptr;
    RefitStatus* refit_status_ = nullptr;
    QDockWidget* settings_dock_ = nullptr;
    QDockWidget* km_options_dock_ = nullptr; // the Survival plot dock (km_options_panel.h)
    QDockWidget* filter_dock_ = nullptr;
    QDockWidget* data_dock_ = nullptr;
    QAction* reset_layout_ = nullptr;
    QActionGroup* tab_actions_ = nullptr;
    QAction* full_screen_ = nullptr;
    QAction* all_patients_ = nullptr;
    QAction* about_ = nullptr;
    QAction* published_arms_ = nullptr;
    QAction* published_folder_ = nullptr;
    QAction* show_command_ = nullptr;
    QAction* cancel_load_ = nullptr;
    QAction* exclude_rows_ = nullptr;
    PatientProfileDialog* profile_dialog_ = nullptr;
};

} // namespace triallens::ui
