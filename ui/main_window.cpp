#include "main_window.h"

#include "controller/analysis_document.h"
#include "controller/export_controller.h"
#include "controller/refit_controller.h"
#include "controller/study_loader.h"
#include "controller/user_settings.h"
#include "controller/workspace_document.h"
#include "export/response_table.h"
#include "models/km_figure_text.h"
#include "panels/adverse_events_panel.h"
#include "panels/baseline_panel.h"
#include "panels/data_panel.h"
#include "panels/filter_panel.h"
#include "panels/km_options_panel.h"
#include "panels/recent_files_menu.h"
#include "panels/settings_panel.h"
#include "panels/tumour_response_panel.h"
#include "views/ae_table_view.h"
#include "views/cif_figure_view.h"
#include "views/delayed_effects_view.h"
#include "views/forest_view.h"
#include "views/km_chart_view.h"
#include "views/methods_view.h"
#include "views/population_chip.h"
#include "views/response_view.h"
#include "views/survival_page.h"
#include "views/tumour_figure_view.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <triallens/analysis/refit.h>
#include <triallens/format/data_caveat.h>

#include <optional>
#include <vector>

namespace triallens::ui {

namespace {

// A tab's page: the chip saying whose subjects it shows above the view.
QWidget* tab_page(const QString& id, PopulationChip* chip, QWidget* view) {
    auto* page = new QWidget;
    page->setObjectName(id);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(chip, 0, Qt::AlignLeft);
    layout->addWidget(view, 1);
    return page;
}

} // namespace

MainWindow::MainWindow(RefitController* controller, QWidget* parent)
    : QMainWindow(parent), controller_(controller),
      workspace_(new WorkspaceDocument(controller, this)), data_panel_(new DataPanel),
      survival_page_(new SurvivalPage), forest_view_(new ForestView),
      forest_scroll_(new QScrollArea), ae_view_(new AeTableView),
      settings_panel_(new SettingsPanel), filter_panel_(new FilterPanel) {
    setWindowTitle(QStringLiteral("TrialLens"));
    resize(defaultSize());
    createTabs();
    createDocks();
    setAcceptDrops(true);
    createExport();
    analysis_document_ = new AnalysisDocument(this, workspace_);
    createMenus();
    connectLoading();
    refit_status_ = new RefitStatus(statusBar());
    connect(controller_, &RefitController::busyChanged, refit_status_, &RefitStatus::setBusy);

    connect(workspace_, &WorkspaceDocument::stateChanged, this, &MainWindow::showState);
    connect(controller_, &RefitController::adverseEventsReady, ae_view_, &AeTableView::setTable);
    connect(controller_, &RefitController::adverseEventsReady, ae_panel_,
            [this](const std::shared_ptr<const AeTable>& table) {
                ae_panel_->setAdverseEvents(table, controller_->adverseEventOverview());
            });
    connect(controller_, &RefitController::refitted, ae_panel_, &AdverseEventsPanel::setResults);
    connect(ae_panel_, &AdverseEventsPanel::statusMessage, this,
            [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(controller_, &RefitController::refitted, this, &MainWindow::showResults);
    connect(controller_, &RefitController::refitFailed, this, &MainWindow::showError);
    connectPatientProfile();
    if (controller_->study()) {
        data_panel_->showStudy(*controller_->study(), {}, {});
        showStudy();
        showState(workspace_->state());
    }
    if (controller_->results()) {
        showResults(controller_->results(), 0);
        ae_view_->setTable(controller_->adverseEvents());
        ae_panel_->setAdverseEvents(controller_->adverseEvents(),
                                    controller_->adverseEventOverview());
        ae_panel_->setResults(controller_->results());
    }
    restoreSettings();
}

void MainWindow::createTabs() {
    tabs_ = new QTabWidget;
    survival_page_->setObjectName(QStringLiteral("survival"));
    chips_ << survival_page_->chip();
    tabs_->addTab(survival_page_, QStringLiteral("Survival"));
    connect(survival_page_, &SurvivalPage::allPatientsRequested, workspace_,
            [this] { workspace_->focusSubgroup({}, {}); });

    // The cut points and landmark are spec edits as the settings dock's are:
    // one undoable step, refused (and named) when the engine's rules refuse it.
    delayed_effects_view_ = new DelayedEffectsView;
    chips_ << new PopulationChip;
    tabs_->addTab(tab_page(QStringLiteral("delayed-effects"), chips_.back(), delayed_effects_view_),
                  QStringLiteral("Delayed effects"));
    connect(delayed_effects_view_, &DelayedEffectsView::edited, workspace_,
            [this](const std::vector<double>& cuts, const std::optional<double>& from) {
                WorkspaceState next = workspace_->state();
                next.spec.hr_cuts = cuts;
                next.spec.from = from;
                if (const auto& study = controller_->study()) {
                    try {
                        resolve_spec(*study, next.spec);
                    } catch (const SpecError& error) {
                        delayed_effects_view_->showProblem(QString::fromUtf8(error.what()));
                        return;
                    }
                }
                workspace_->changeState(next);
            });

    connect(forest_view_, &ForestView::rowActivated, workspace_, &WorkspaceDocument::focusSubgroup);
    forest_scroll_->setWidgetResizable(true);
    forest_scroll_->setWidget(forest_view_);
    chips_ << new PopulationChip(Population::Forest);
    tabs_->addTab(tab_page(QStringLiteral("forest"), chips_.back(), forest_scroll_),
                  QStringLiteral("Forest"));
    // Stepping through rows with the arrow keys keeps the chosen row in view.
    connect(forest_view_, &ForestView::rowActivated, this, [this] {
        const QRectF row = forest_view_->rowRect(forest_view_->selectedRow());
        if (!row.isEmpty()) {
            forest_scroll_->ensureVisible(static_cast<int>(row.left()),
                                          static_cast<int>(row.center().y()), 0,
                                          static_cast<int>(row.height()));
        }
    });

    // Baseline and safety side by side, as a report reads them. Table 1's choices are workspace
    // steps: undoable, and each a refit.
    baseline_panel_ = new BaselinePanel;
    chips_ << new PopulationChip;
    tabs_->addTab(tab_page(QStringLiteral("baseline"), chips_.back(), baseline_panel_),
                  QStringLiteral("Baseline"));
    connect(baseline_panel_, &BaselinePanel::specEdited, workspace_,
            [this](const BaselineSpec& baseline) {
                WorkspaceState next = workspace_->state();
                next.baseline = baseline;
                workspace_->changeState(next);
            });

    chips_ << new PopulationChip;
    ae_panel_ = new AdverseEventsPanel(ae_view_);
    tabs_->addTab(tab_page(QStringLiteral("adverse-events"), chips_.back(), ae_panel_),
                  QStringLiteral("Adverse events"));
    connect(ae_view_, &AeTableView::filterChanged, workspace_, [this](const AeFilter& filter) {
        WorkspaceState next = workspace_->state();
        next.adverse_events = filter;
        workspace_->changeState(next);
    });

    response_view_ = new ResponseView;
    methods_view_ = new MethodsView;
    chips_ << new PopulationChip;
    tabs_->addTab(tab_page(QStringLiteral("response"), chips_.back(), response_view_),
                  QStringLiteral("Response"));
    cif_view_ = new CifFigureView;
    chips_ << new PopulationChip;
    tabs_->addTab(tab_page(QStringLiteral("competing-risks"), chips_.back(), cif_view_),
                  QStringLiteral("Competing risks"));
    tumour_panel_ = new TumourResponsePanel;
    chips_ << new PopulationChip;
    tabs_->addTab(tab_page(QStringLiteral("tumour-response"), chips_.back(), tumour_panel_),
                  QStringLiteral("Tumour response"));
    chips_ << new PopulationChip;
    tabs_->addTab(tab_page(QStringLiteral("methods"), chips_.back(), methods_view_),
                  QStringLiteral("Methods"));
    setCentralWidget(tabs_);
}

void MainWindow::createDocks() {
    settings_dock_ = new QDockWidget(QStringLiteral("Analysis settings"), this);
    settings_dock_->setObjectName(QStringLiteral("settingsDock"));
    auto* settings_scroll = new QScrollArea;
    settings_scroll->setWidgetResizable(true);
    settings_scroll->setWidget(settings_panel_);
    settings_dock_->setWidget(settings_scroll);
    connect(settings_panel_, &SettingsPanel::specEdited, workspace_,
            [this](const AnalysisSpec& spec) {
                WorkspaceState next = workspace_->state();
                next.spec = spec;
                workspace_->changeState(next);
            });

    filter_dock_ = new QDockWidget(QStringLiteral("Filters"), this);
    filter_dock_->setObjectName(QStringLiteral("filterDock"));
    filter_dock_->setWidget(filter_panel_);
    connect(filter_panel_, &FilterPanel::filterChanged, workspace_,
            [this](const FilterState& filters, const QString& expression) {
                WorkspaceState next = workspace_->state();
                next.filters = filters;
                next.spec.filter = expression.toStdString();
                workspace_->changeState(next);
            });

    // The Survival plot dock and the view's context menu edit one value, the
    // view's options; each shows what the other set.
    auto* km_options = new KmOptionsPanel;
    km_options_dock_ = new QDockWidget(QStringLiteral("Survival plot"), this);
    km_options_dock_->setObjectName(QStringLiteral("kmOptionsDock"));
    auto* km_options_scroll = new QScrollArea;
    km_options_scroll->setWidgetResizable(true);
    km_options_scroll->setWidget(km_options);
    km_options_dock_->setWidget(km_options_scroll);
    km_options->setOptions(kmView()->options());
    connect(km_options, &KmOptionsPanel::optionsEdited, kmView(), &KmChartView::setOptions);
    connect(kmView(), &KmChartView::optionsChanged, km_options, &KmOptionsPanel::setOptions);
    // One set of figure options: the cumulative-incidence panels follow the KM figure's.
    cif_view_->setOptions(kmView()->options());
    connect(kmView(), &KmChartView::optionsChanged, cif_view_, &CifFigureView::setOptions);
    baseline_panel_->setFigureOptions(kmView()->options());
    connect(kmView(), &KmChartView::optionsChanged, baseline_panel_,
            &BaselinePanel::setFigureOptions);
    tumour_panel_->setFigureOptions(kmView()->options());
    ae_panel_->setFigureOptions(kmView()->options());
    connect(kmView(), &KmChartView::optionsChanged, ae_panel_,
            &AdverseEventsPanel::setFigureOptions);
    connect(kmView(), &KmChartView::optionsChanged, tumour_panel_,
            &TumourResponsePanel::setFigureOptions);
    connect(kmView()->figureOptionsAction(), &QAction::triggered, this, [this] {
        km_options_dock_->show();
        km_options_dock_->raise();
    });
    connect(controller_, &RefitController::refitted, km_options,
            [km_options](const ResultsPtr& results) {
                if (results) {
                    km_options->setDefaultTimeTitle(time_axis_title(*results));
                }
            });

    data_dock_ = new QDockWidget(QStringLiteral("Data"), this);
    data_dock_->setObjectName(QStringLiteral("dataDock"));
    data_dock_->setWidget(data_panel_);
    arrangeDocks();
}

void MainWindow::connectLoading() {
    StudyLoader* loader = workspace_->loader();
    connect(loader, &StudyLoader::progressed, data_panel_, &DataPanel::showProgress);
    connect(
        loader, &StudyLoader::failed, this, [this](const QStringList& errors, int excludable_rows) {
            data_panel_->showRefusal(errors, excludable_rows);
            cancel_load_->setEnabled(false);
            exclude_rows_->setEnabled(excludable_rows > 0);
            statusBar()->showMessage(tr("Not loaded: %n error(s); the current study is unchanged",
                                        nullptr, static_cast<int>(errors.size())));
        });
    connect(workspace_, &WorkspaceDocument::studyRefused, this, [this](const QString& why) {
        data_panel_->showRefusal({why});
        cancel_load_->setEnabled(false);
        statusBar()->showMessage(tr("Not loaded; the current study is unchanged"));
    });
    connect(loader, &StudyLoader::cancelled, this, [this] {
        data_panel_->showRefusal({QStringLiteral("loading was cancelled")});
        cancel_load_->setEnabled(false);
    });
    connect(data_panel_, &DataPanel::cancelRequested, loader, &StudyLoader::cancel);
    connect(data_panel_, &DataPanel::excludeInvalidRowsRequested, workspace_,
            [this] { workspace_->openPaths(workspace_->loader()->lastPaths(), false, true); });
    connect(workspace_, &WorkspaceDocument::loadStarted, this, [this](int files) {
        statusBar()->showMessage(tr("Loading %n file(s)…", nullptr, files));
        cancel_load_->setEnabled(true);
        exclude_rows_->setEnabled(false);
        data_panel_->showProgress(0);
    });
    connect(
        workspace_, &WorkspaceDocument::studyChanged, this,
        [this](const std::shared_ptr<const Study>& study, const QStringList& paths,
               const QStringList& warnings, int excluded_rows) {
            cancel_load_->setEnabled(false);
            recent_menu_->remember(paths);
            refit_status_->setDataCaveat(
                QString::fromStdString(data_caveat(false, study->reconstructed)));
            data_panel_->showStudy(*study, paths, warnings);
            showStudy();
            statusBar()->showMessage(
                tr("Loaded %1 subjects from %n file(s)", nullptr, static_cast<int>(paths.size()))
                        .arg(study->subjects.size()) +
                    (excluded_rows == 1  ? tr(" — 1 invalid row excluded")
                     : excluded_rows > 1 ? tr(" — %1 invalid rows excluded").arg(excluded_rows)
                                         : QString()) +
                    (study->reconstructed.any() ? tr(", %1 of them rebuilt from a publication")
                                                      .arg(study->reconstructed.count)
                                                : QString()),
                5000);
        });
}

void MainWindow::arrangeDocks() {
    // One column of docks leaves the figures the width they need; a dock can
    // be dragged out beside another when the screen is wide.
    for (QDockWidget* dock : {settings_dock_, filter_dock_, km_options_dock_, data_dock_}) {
        dock->setFloating(false);
        addDockWidget(Qt::LeftDockWidgetArea, dock); // moves it when it is docked elsewhere
        dock->show();
    }
    tabifyDockWidget(data_dock_, settings_dock_);
    tabifyDockWidget(settings_dock_, filter_dock_);
    tabifyDockWidget(filter_dock_, km_options_dock_);
    settings_dock_->raise();
}

void MainWindow::restoreSettings() {
    const QSettings settings = user_settings();
    restoreGeometry(settings.value(settings_key::window_geometry).toByteArray());
    // A state saved by another layout version (or none) leaves the default.
    restoreState(settings.value(settings_key::window_state).toByteArray(), layout_version);
}

void MainWindow::saveSettings() const {
    QSettings settings = user_settings();
    settings.setValue(settings_key::window_geometry, saveGeometry());
    settings.setValue(settings_key::window_state, saveState(layout_version));
}

void MainWindow::resetLayout() {
    {
        QSettings settings = user_settings();
        settings.remove(settings_key::window_geometry);
        settings.remove(settings_key::window_state);
    }
    if (isMaximized() || isFullScreen()) {
        showNormal();
    }
    arrangeDocks();
    const QScreen* screen = this->screen();
    if (!screen) {
        resize(defaultSize());
        return;
    }
    // On a screen smaller than that, all of it: a title bar pushed off the
    // screen could not be dragged back.
    const QRect available = screen->availableGeometry();
    resize(defaultSize().boundedTo(available.size()));
    QRect frame = frameGeometry();
    frame.moveCenter(available.center());
    move(frame.topLeft());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

// Export and copy of whatever the current tab shows, from the menus, Ctrl+E
// and each view's context menu.
void MainWindow::createExport() {
    ExportController::Sources sources;
    sources.km_results = [this] { return kmView()->results(); };
    sources.figure_options = [this] {
        FigureExportOptions options;
        options.km = kmView()->options();
        options.cif_arrangement = cif_view_->arrangement();
        options.tumour = tumour_panel_->options();
        options.ae = ae_panel_->figureOptions();
        options.font_family = font().family();
        if (const auto& study = controller_->study()) {
            options.data_cut = data_cut(*study);
        }
        return options;
    };
    sources.current_item = [this] {
        using Item = ExportDialog::Item;
        constexpr Item by_tab[] = {Item::KaplanMeier,         Item::BaselineTable,
                                   Item::SummaryTable,        Item::Forest,
                                   Item::AdverseEventTable,   Item::ResponseTable,
                                   Item::CumulativeIncidence, Item::Waterfall,
                                   Item::SummaryTable};
        const auto tab = tabIds().indexOf(tabId(tabs_->currentIndex()));
        if (tabId(tabs_->currentIndex()) == QLatin1String("tumour-response")) {
            constexpr Item by_figure[] = {Item::Waterfall, Item::Spider, Item::Swimmer,
                                          Item::DurationOfResponse};
            return by_figure[static_cast<int>(tumour_panel_->options().figure)];
        }
        if (tabId(tabs_->currentIndex()) == QLatin1String("adverse-events")) {
            using Page = AdverseEventsPanel::Page;
            const Page page = ae_panel_->page();
            return page == Page::Overview  ? Item::AeOverviewTable
                   : page == Page::DotPlot ? Item::AeDotPlot
                   : page == Page::Volcano ? Item::AeVolcano
                                           : Item::AdverseEventTable;
        }
        return tab >= 0 ? by_tab[tab] : Item::KaplanMeier;
    };
    sources.ae_minimum_incidence = [this] { return ae_view_->minimumIncidence(); };
    sources.ae_exposure_adjusted = [this] { return ae_panel_->exposureAdjusted(); };
    sources.response_tables = [this](const Results& results) {
        return response_tables(
            results,
            response_view_->rateIntervalBox()->currentData().value<ResponseModel::RateInterval>(),
            response_view_->differenceIntervalBox()
                ->currentData()
                .value<ResponseModel::DifferenceInterval>());
    };
    export_controller_ = new ExportController(controller_, std::move(sources), this);
    connect(export_controller_, &ExportController::exported, this, [this](const QString& path) {
        statusBar()->showMessage(QStringLiteral("Exported %1").arg(path), 8000);
    });
    connect(export_controller_, &ExportController::copied, this, [this](const QString& what) {
        statusBar()->showMessage(QStringLiteral("Copied the %1 to the clipboard").arg(what), 5000);
    });
    connect(export_controller_, &ExportController::failed, this, [this](const QString& message) {
        statusBar()->showMessage(QStringLiteral("Not exported: %1").arg(message));
    });
    connect(export_controller_, &ExportController::batchFinished, this,
            [this](int written, const QString& where) {
                statusBar()->showMessage(
                    QStringLiteral("Wrote %1 figure(s) to %2").arg(written).arg(where), 8000);
            });
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    const QList<QAction*> figure_actions{separator, export_controller_->exportAction(),
                                         export_controller_->copyImageAction(),
                                         export_controller_->copySvgAction()};
    const QList<QAction*> table_actions{export_controller_->exportAction(),
                                        export_controller_->copyAction()};
    kmView()->addActions(figure_actions);
    forest_view_->setContextMenuPolicy(Qt::ActionsContextMenu);
    forest_view_->addActions(figure_actions.mid(1));
    cif_view_->addActions(figure_actions);
    tumour_panel_->view()->setContextMenuPolicy(Qt::ActionsContextMenu);
    tumour_panel_->view()->addActions(figure_actions.mid(1));
    for (QWidget* view :
         {static_cast<QWidget*>(ae_view_), static_cast<QWidget*>(response_view_),
          static_cast<QWidget*>(baseline_panel_), static_cast<QWidget*>(methods_view_),
          static_cast<QWidget*>(delayed_effects_view_)}) {
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        view->addActions(table_actions);
    }
    show_command_ = new QAction(QStringLiteral("Show Co&mmand…"), this);
    show_command_->setToolTip(
        QStringLiteral("The triallens analyze and export command lines that reproduce this tab"));
    connect(show_command_, &QAction::triggered, this, &MainWindow::showCommand);
    for (QWidget* view : {static_cast<QWidget*>(kmView()), static_cast<QWidget*>(forest_view_),
                          static_cast<QWidget*>(ae_view_), static_cast<QWidget*>(response_view_),
                          static_cast<QWidget*>(baseline_panel_)}) {
        view->addAction(show_command_);
    }
}

void MainWindow::changeEvent(QEvent* event) {
    // F11, the window manager or a test may change the state: the check follows.
    if (event->type() == QEvent::WindowStateChange && full_screen_ != nullptr) {
        full_screen_->setChecked(isFullScreen());
    }
    QMainWindow::changeEvent(event);
}

QComboBox* MainWindow::endpointBox() const {
    return settings_panel_->endpointBox();
}

void MainWindow::showState(const WorkspaceState& state) {
    settings_panel_->setSpec(state.spec);
    delayed_effects_view_->setSpec(state.spec);
    baseline_panel_->setSpec(state.baseline);
    filter_panel_->setState(state.filters);
    ae_view_->setFilter(state.adverse_events);
    all_patients_->setEnabled(state.focus.has_value());
}

void MainWindow::openFiles(const QStringList& paths, bool add) {
    QStringList analyses;
    QStringList data_paths;
    for (const QString& path : paths) {
        (is_saved_analysis(path) ? analyses : data_paths) << path;
    }
    if (analyses.isEmpty()) {
        workspace_->openPaths(data_paths, add);
        return;
    }
    analysis_document_->open(analyses.front());
    if (paths.size() > 1) {
        statusBar()->showMessage(
            tr("Opened the analysis %1 alone: it names its own data files, the other %n "
               "file(s) were not opened",
               nullptr, static_cast<int>(paths.size() - 1))
                .arg(QFileInfo(analyses.front()).fileName()),
            10000);
    }
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const QList<QUrl> urls = event->mimeData()->urls();
    if (!urls.isEmpty() &&
        std::all_of(urls.begin(), urls.end(), [](const QUrl& url) { return url.isLocalFile(); })) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls()) {
        paths << url.toLocalFile();
    }
    // Onto a study read from files, dropped files are more of it (more sites).
    openFiles(paths, !workspace_->paths().isEmpty());
    event->acceptProposedAction();
}

void MainWindow::showStudy() {
    const auto& study = controller_->study();
    setWindowTitle(QStringLiteral("%1 — TrialLens").arg(QString::fromStdString(study->name)));
    settings_panel_->setStudy(study, workspace_->state().spec);
    filter_panel_->setStudy(study);
    baseline_panel_->setStudy(study);
}

void MainWindow::showResults(const ResultsPtr& results, double milliseconds) {
    survival_page_->setResults(results);
    forest_view_->setResults(results);
    response_view_->setResults(results);
    methods_view_->setResults(results);
    delayed_effects_view_->setResults(results);
    cif_view_->setResults(results);
    tumour_panel_->setResults(results);
    baseline_panel_->setResults(results);
    for (PopulationChip* chip : chips_.mid(1)) { // the Survival tab's is its page's
        chip->setResults(results);
    }
    refit_status_->setResults(*results, milliseconds);
    filter_panel_->setSubjectCount(results->subjects, results->subjects_total);
    updatePatientProfile(results);
}

KmChartView* MainWindow::kmView() const {
    return survival_page_->kmView();
}

QTableView* MainWindow::landmarkTable() const {
    return survival_page_->landmarkTable();
}

LandmarkModel* MainWindow::landmarkModel() const {
    return survival_page_->landmarkModel();
}

QLabel* MainWindow::breadcrumb() const {
    return survival_page_->breadcrumb();
}

QProgressBar* MainWindow::busyIndicator() const {
    return refit_status_->busyIndicator();
}

QLabel* MainWindow::subjectsLabel() const {
    return refit_status_->subjectsLabel();
}

const QStringList& MainWindow::tabIds() {
    static const QStringList ids{
        QStringLiteral("survival"),        QStringLiteral("delayed-effects"),
        QStringLiteral("forest"),          QStringLiteral("baseline"),
        QStringLiteral("adverse-events"),  QStringLiteral("response"),
        QStringLiteral("competing-risks"), QStringLiteral("tumour-response"),
        QStringLiteral("methods")};
    return ids;
}

int MainWindow::tabIndex(const QString& id) const {
    for (int i = 0; i < tabs_->count(); ++i) {
        if (tabs_->widget(i)->objectName() == id) {
            return i;
        }
    }
    return -1;
}

QString MainWindow::tabId(int index) const {
    const QWidget* page = tabs_->widget(index);
    return page ? page->objectName() : QString();
}

void MainWindow::showError(const QString& message) {
    statusBar()->showMessage(QStringLiteral("Could not refit: %1").arg(message));
}

} // namespace triallens::ui
