#include "main_window.h"

#include "controller/analysis_document.h"
#include "controller/export_controller.h"
#include "controller/refit_controller.h"
#include "controller/state_change.h"
#include "controller/study_loader.h"
#include "controller/user_settings.h"
#include "export/response_table.h"
#include "models/landmark_model.h"
#include "panels/about_dialog.h"
#include "panels/data_panel.h"
#include "panels/filter_panel.h"
#include "panels/recent_files_menu.h"
#include "panels/settings_panel.h"
#include "views/ae_table_view.h"
#include "views/forest_view.h"
#include "views/km_chart_view.h"
#include "views/methods_view.h"
#include "views/population_chip.h"
#include "views/response_view.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <triallens/analysis/default_spec.h>
#include <triallens/analysis/factor_columns.h>
#include <triallens/analysis/refit.h>
#include <triallens/data/adam_labels.h>
#include <triallens/demo/demo_study.h>

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

// The forest's header rows read each subject-level variable's label.
QHash<QString, QString> variable_labels(const Study& study) {
    QHash<QString, QString> labels;
    for (const Variable& variable : study.subjects.variables()) {
        labels.insert(QString::fromStdString(variable.name()),
                      QString::fromStdString(display_label(variable)));
    }
    return labels;
}

} // namespace

MainWindow::MainWindow(RefitController* controller, QWidget* parent)
    : QMainWindow(parent), controller_(controller), loader_(new StudyLoader(this)),
      data_panel_(new DataPanel), breadcrumb_(new QLabel), km_view_(new KmChartView),
      forest_view_(new ForestView), forest_scroll_(new QScrollArea), ae_view_(new AeTableView),
      settings_panel_(new SettingsPanel), filter_panel_(new FilterPanel),
      undo_stack_(new QUndoStack(this)), busy_indicator_(new QProgressBar),
      busy_delay_(new QTimer(this)), subjects_label_(new QLabel), timing_label_(new QLabel) {
    setWindowTitle(QStringLiteral("TrialLens"));
    resize(defaultSize());

    tabs_ = new QTabWidget;
    QTabWidget* tabs = tabs_;
    // The breadcrumb says whose curves these are; its link returns to all.
    auto* survival = new QWidget;
    auto* survival_layout = new QVBoxLayout(survival);
    survival_layout->setContentsMargins(0, 0, 0, 0);
    breadcrumb_->setToolTip(QStringLiteral("Click a forest row to see its subgroup's curves"));
    breadcrumb_->setTextFormat(Qt::RichText);
    survival_layout->setSpacing(0);
    auto* survival_chip = new PopulationChip;
    chips_ << survival_chip;
    survival_layout->addWidget(survival_chip, 0, Qt::AlignLeft);
    survival_layout->addWidget(breadcrumb_);
    survival_layout->addWidget(km_view_, 1);
    // Landmark survival and RMST, below the curves, when the spec asks for them.
    landmark_model_ = new LandmarkModel(this);
    landmark_table_ = new QTableView;
    landmark_table_->setObjectName(QStringLiteral("landmarkTable"));
    landmark_table_->setModel(landmark_model_);
    landmark_table_->verticalHeader()->hide();
    landmark_table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    landmark_table_->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    landmark_table_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    landmark_table_->hide();
    survival_layout->addWidget(landmark_table_);
    survival->setObjectName(QStringLiteral("survival"));
    tabs->addTab(survival, QStringLiteral("Survival"));
    connect(breadcrumb_, &QLabel::linkActivated, this, [this] { focusSubgroup({}, {}); });
    connect(forest_view_, &ForestView::rowActivated, this, &MainWindow::focusSubgroup);
    forest_scroll_->setWidgetResizable(true);
    forest_scroll_->setWidget(forest_view_);
    auto* forest_chip = new PopulationChip(Population::Forest);
    chips_ << forest_chip;
    tabs->addTab(tab_page(QStringLiteral("forest"), forest_chip, forest_scroll_),
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
    chips_ << new PopulationChip;
    tabs->addTab(tab_page(QStringLiteral("adverse-events"), chips_.back(), ae_view_),
                 QStringLiteral("Adverse events"));
    connect(ae_view_, &AeTableView::filterChanged, this, [this](const AeFilter& filter) {
        WorkspaceState next = state_;
        next.adverse_events = filter;
        changeState(next);
    });
    connect(controller_, &RefitController::adverseEventsReady, ae_view_, &AeTableView::setTable);
    // Every tab shows the controller's one Results: the focused subgroup's
    // subjects when a forest row is in focus.
    response_view_ = new ResponseView;
    methods_view_ = new MethodsView;
    chips_ << new PopulationChip;
    tabs->addTab(tab_page(QStringLiteral("response"), chips_.back(), response_view_),
                 QStringLiteral("Response"));
    chips_ << new PopulationChip;
    tabs->addTab(tab_page(QStringLiteral("methods"), chips_.back(), methods_view_),
                 QStringLiteral("Methods"));
    connect(controller_, &RefitController::refitted, response_view_, &ResponseView::setResults);
    connect(controller_, &RefitController::refitted, methods_view_, &MethodsView::setResults);
    if (controller_->results()) {
        response_view_->setResults(controller_->results());
        methods_view_->setResults(controller_->results());
    }
    setCentralWidget(tabs);

    settings_dock_ = new QDockWidget(QStringLiteral("Analysis settings"), this);
    settings_dock_->setObjectName(QStringLiteral("settingsDock"));
    auto* settings_scroll = new QScrollArea;
    settings_scroll->setWidgetResizable(true);
    settings_scroll->setWidget(settings_panel_);
    settings_dock_->setWidget(settings_scroll);
    connect(settings_panel_, &SettingsPanel::specEdited, this, [this](const AnalysisSpec& spec) {
        WorkspaceState next = state_;
        next.spec = spec;
        changeState(next);
    });

    filter_dock_ = new QDockWidget(QStringLiteral("Filters"), this);
    filter_dock_->setObjectName(QStringLiteral("filterDock"));
    filter_dock_->setWidget(filter_panel_);
    connect(filter_panel_, &FilterPanel::filterChanged, this,
            [this](const FilterState& filters, const QString& expression) {
                WorkspaceState next = state_;
                next.filters = filters;
                next.spec.filter = expression.toStdString();
                changeState(next);
            });

    data_dock_ = new QDockWidget(QStringLiteral("Data"), this);
    data_dock_->setObjectName(QStringLiteral("dataDock"));
    data_dock_->setWidget(data_panel_);
    arrangeDocks();
    setAcceptDrops(true);
    createExport();
    createMenus();
    connect(loader_, &StudyLoader::progressed, data_panel_, &DataPanel::showProgress);
    connect(loader_, &StudyLoader::loaded, this, &MainWindow::studyLoaded);
    connect(loader_, &StudyLoader::failed, this,
            [this](const QStringList& errors, int excludable_rows) {
                data_panel_->showRefusal(errors, excludable_rows);
                statusBar()->showMessage(
                    tr("Not loaded: %n error(s); the current study is unchanged", nullptr,
                       static_cast<int>(errors.size())));
            });
    connect(loader_, &StudyLoader::cancelled, this,
            [this] { data_panel_->showRefusal({QStringLiteral("loading was cancelled")}); });
    connect(data_panel_, &DataPanel::cancelRequested, loader_, &StudyLoader::cancel);
    connect(data_panel_, &DataPanel::excludeInvalidRowsRequested, this,
            [this] { openPaths(loader_->lastPaths(), false, true); });
    if (controller_->study()) {
        data_panel_->showStudy(*controller_->study(), {}, {});
    }

    statusBar()->addWidget(subjects_label_);
    busy_indicator_->setRange(0, 0); // indeterminate
    busy_indicator_->setMaximumWidth(120);
    busy_indicator_->setToolTip(QStringLiteral("Refitting…"));
    busy_indicator_->hide();
    statusBar()->addPermanentWidget(busy_indicator_);
    statusBar()->addPermanentWidget(timing_label_);
    // Refits that finish quickly never flash the indicator.
    busy_delay_->setSingleShot(true);
    busy_delay_->setInterval(busyDelayMs());
    connect(busy_delay_, &QTimer::timeout, busy_indicator_, &QWidget::show);
    connect(controller_, &RefitController::busyChanged, this, [this](bool busy) {
        if (busy) {
            busy_delay_->start();
        } else {
            busy_delay_->stop();
            busy_indicator_->hide();
        }
    });

    if (controller_->study()) {
        try {
            state_.spec = complete_spec(*controller_->study(), controller_->spec());
        } catch (const SpecError&) {
            state_.spec = controller_->spec(); // the refit will say what is wrong
        }
        settings_panel_->setStudy(controller_->study(), state_.spec);
        filter_panel_->setStudy(controller_->study());
        forest_view_->model()->setVariableLabels(variable_labels(*controller_->study()));
    }
    showStudyName();
    breadcrumb_->setText(QStringLiteral("All patients"));
    connect(controller_, &RefitController::refitted, this, &MainWindow::showResults);
    connect(controller_, &RefitController::refitFailed, this, &MainWindow::showError);
    if (controller_->results()) {
        showResults(controller_->results(), 0);
        ae_view_->setTable(controller_->adverseEvents());
    }
    restoreSettings();
}

void MainWindow::arrangeDocks() {
    // One column of docks leaves the figures the width they need; a dock can
    // be dragged out beside another when the screen is wide.
    for (QDockWidget* dock : {settings_dock_, filter_dock_, data_dock_}) {
        dock->setFloating(false);
        addDockWidget(Qt::LeftDockWidgetArea, dock); // moves it when it is docked elsewhere
        dock->show();
    }
    tabifyDockWidget(data_dock_, settings_dock_);
    tabifyDockWidget(settings_dock_, filter_dock_);
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
    sources.km_results = [this] { return km_view_->results(); };
    sources.figure_options = [this] {
        FigureExportOptions options;
        options.km = km_view_->options();
        options.font_family = font().family();
        if (const auto& study = controller_->study()) {
            options.data_cut = data_cut(*study);
        }
        return options;
    };
    sources.current_item = [this] {
        using Item = ExportDialog::Item;
        constexpr Item by_tab[] = {Item::KaplanMeier, Item::Forest, Item::AdverseEventTable,
                                   Item::ResponseTable, Item::SummaryTable};
        const auto tab = tabIds().indexOf(tabId(tabs_->currentIndex()));
        return tab >= 0 ? by_tab[tab] : Item::KaplanMeier;
    };
    sources.ae_minimum_incidence = [this] { return ae_view_->minimumIncidence(); };
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
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    const QList<QAction*> figure_actions{separator, export_controller_->exportAction(),
                                         export_controller_->copyImageAction(),
                                         export_controller_->copySvgAction()};
    const QList<QAction*> table_actions{export_controller_->exportAction(),
                                        export_controller_->copyAction()};
    km_view_->addActions(figure_actions);
    forest_view_->setContextMenuPolicy(Qt::ActionsContextMenu);
    forest_view_->addActions(figure_actions.mid(1));
    for (QWidget* view : {static_cast<QWidget*>(ae_view_), static_cast<QWidget*>(response_view_),
                          static_cast<QWidget*>(methods_view_)}) {
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        view->addActions(table_actions);
    }
    connect(export_controller_->exportSubgroupsAction(), &QAction::triggered, this,
            &MainWindow::exportEverySubgroup);
}

// Asks for the variable and the folder, then writes one KM figure per level
// with a progress dialog that can cancel.
void MainWindow::exportEverySubgroup() {
    const auto& study = controller_->study();
    if (!study) {
        return;
    }
    QStringList variables;
    for (const auto& name : controller_->spec().subgroups) {
        variables << QString::fromStdString(name);
    }
    for (const Variable& variable : study->subjects.variables()) {
        const QString name = QString::fromStdString(variable.name());
        if (is_factor(variable) && !variables.contains(name)) {
            variables << name;
        }
    }
    bool ok = false;
    const QString variable = QInputDialog::getItem(
        this, QStringLiteral("Export every subgroup"),
        QStringLiteral("One Kaplan–Meier figure per level of"), variables, 0, false, &ok);
    if (!ok || variable.isEmpty()) {
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(
        this, QStringLiteral("Folder for the figures (one PNG per level)"),
        user_settings().value(settings_key::subgroup_export_folder, QDir::homePath()).toString());
    if (folder.isEmpty()) {
        return;
    }
    user_settings().setValue(settings_key::subgroup_export_folder, folder);
    auto* progress = new QProgressDialog(QStringLiteral("Exporting %1 figures…").arg(variable),
                                         QStringLiteral("Cancel"), 0, 1, this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    connect(export_controller_, &ExportController::batchProgressed, progress,
            [progress](int done, int total) {
                progress->setMaximum(total);
                progress->setValue(done);
            });
    connect(progress, &QProgressDialog::canceled, export_controller_,
            &ExportController::cancelBatch);
    connect(export_controller_, &ExportController::batchFinished, progress,
            [this, progress](int written, const QString& where) {
                progress->close();
                statusBar()->showMessage(
                    QStringLiteral("Wrote %1 figure(s) to %2").arg(written).arg(where), 8000);
            });
    export_controller_->exportEverySubgroup(variable, folder, QStringLiteral("png"),
                                            export_controller_->screenFigureOptions());
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(QStringLiteral("&File"));
    QAction* open = file->addAction(QStringLiteral("&Open Files…"), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, QStringLiteral("Open data files"), QString(),
            QStringLiteral("Trial data (*.csv *.tsv *.txt *.xpt *.sas7bdat);;All files (*)"));
        if (!files.isEmpty()) {
            openPaths(files, false);
        }
    });
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(QStringLiteral("Load CSV or SAS files as a new study"));
    file->addAction(QStringLiteral("Open &Folder…"), this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, QStringLiteral("Open a folder of data files"));
        if (!folder.isEmpty()) {
            openPaths({folder}, false);
        }
    });
    file->addAction(QStringLiteral("Open &Demo Study"), this, &MainWindow::openDemo)
        ->setToolTip(QStringLiteral("The built-in synthetic study"));
    recent_menu_ = new RecentFilesMenu(this);
    connect(recent_menu_, &RecentFilesMenu::openRequested, this,
            [this](const QStringList& paths) { openPaths(paths, false); });
    connect(recent_menu_, &RecentFilesMenu::openAnalysisRequested, this,
            [this](const QString& analysis) {
                // A deleted or moved analysis is said so once (open() warns),
                // then leaves the menu; one whose data files moved stays.
                const bool gone = !QFileInfo::exists(analysis);
                document_->open(analysis);
                if (gone) {
                    recent_menu_->forgetAnalysis(analysis);
                }
            });
    file->addMenu(recent_menu_);
    file->addAction(QStringLiteral("&Add Files to Study…"), this, [this] {
        const QStringList files =
            QFileDialog::getOpenFileNames(this, QStringLiteral("Add site files"));
        if (!files.isEmpty()) {
            openPaths(files, true);
        }
    });
    // The Data dock's buttons, for a user who has that dock closed.
    cancel_load_ =
        file->addAction(QStringLiteral("&Cancel Loading"), loader_, &StudyLoader::cancel);
    cancel_load_->setEnabled(false);
    exclude_rows_ = file->addAction(QStringLiteral("Load Again &Without Invalid Rows"), this,
                                    [this] { data_panel_->excludeButton()->click(); });
    exclude_rows_->setToolTip(data_panel_->excludeButton()->toolTip());
    exclude_rows_->setEnabled(false);
    connect(loader_, &StudyLoader::failed, this, [this](const QStringList&, int excludable_rows) {
        cancel_load_->setEnabled(false);
        exclude_rows_->setEnabled(excludable_rows > 0);
    });
    connect(loader_, &StudyLoader::loaded, this, [this] { cancel_load_->setEnabled(false); });
    connect(loader_, &StudyLoader::cancelled, this, [this] { cancel_load_->setEnabled(false); });
    file->addSeparator();
    document_ = new AnalysisDocument(this, controller_);
    connect(document_, &AnalysisDocument::fileUsed, recent_menu_,
            &RecentFilesMenu::rememberAnalysis);
    file->addAction(document_->openAction());
    file->addAction(document_->saveAction());
    file->addSeparator();
    file->addAction(export_controller_->exportAction());
    file->addAction(export_controller_->exportSubgroupsAction());
    file->addSeparator();
    QAction* quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    // QKeySequence::Quit is empty on some desktops (and offscreen): say it.
    quit->setShortcut(QKeySequence(QStringLiteral("Ctrl+Q")));

    QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    QAction* undo = undo_stack_->createUndoAction(this, QStringLiteral("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = undo_stack_->createRedoAction(this, QStringLiteral("&Redo"));
    // Both the freedesktop Redo and the one Windows users bring along; the
    // platform's QKeySequence::Redo differs between desktops.
    redo->setShortcuts(
        {QKeySequence(QStringLiteral("Ctrl+Shift+Z")), QKeySequence(QStringLiteral("Ctrl+Y"))});
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(export_controller_->copyAction());
    edit->addAction(export_controller_->copyImageAction());
    edit->addAction(export_controller_->copySvgAction());
    edit->addSeparator();
    QAction* reset_filters = edit->addAction(QStringLiteral("Reset &Filters"), this,
                                             [this] { filter_panel_->resetButton()->click(); });
    reset_filters->setToolTip(filter_panel_->resetButton()->toolTip());

    createViewMenu(menuBar()->addMenu(QStringLiteral("&View")));
    createHelpMenu();
}

void MainWindow::createViewMenu(QMenu* view) {
    // The tabs, Ctrl+1 to Ctrl+5 in tab order.
    tab_actions_ = new QActionGroup(this);
    tab_actions_->setExclusive(true);
    for (int tab = 0; tab < tabs_->count(); ++tab) {
        QAction* show_tab = view->addAction(tabs_->tabText(tab));
        show_tab->setCheckable(true);
        show_tab->setChecked(tab == tabs_->currentIndex());
        if (tab < 9) {
            show_tab->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + tab)));
        }
        tab_actions_->addAction(show_tab);
        connect(show_tab, &QAction::triggered, this, [this, tab] { tabs_->setCurrentIndex(tab); });
    }
    connect(tabs_, &QTabWidget::currentChanged, this, [this](int tab) {
        if (tab >= 0 && tab < tab_actions_->actions().size()) {
            tab_actions_->actions().at(tab)->setChecked(true);
        }
    });
    view->addSeparator();

    // The Survival view's context menu, the very same actions.
    QMenu* survival = view->addMenu(QStringLiteral("&Survival Plot"));
    survival->addActions({km_view_->ciBandsAction(), km_view_->medianLinesAction(),
                          km_view_->censorMarksAction(), km_view_->censoredRowAction(),
                          km_view_->eventsRowAction()});
    all_patients_ = view->addAction(QStringLiteral("&All Patients' Curves"), this,
                                    [this] { focusSubgroup({}, {}); });
    all_patients_->setToolTip(
        QStringLiteral("Back from a forest row's subgroup to the curves of all patients"));
    all_patients_->setEnabled(!focus_variable_.isEmpty());
    view->addSeparator();

    for (QDockWidget* dock : {settings_dock_, filter_dock_, data_dock_}) {
        view->addAction(dock->toggleViewAction());
    }
    reset_layout_ =
        view->addAction(QStringLiteral("&Reset Layout"), this, &MainWindow::resetLayout);
    reset_layout_->setToolTip(
        QStringLiteral("Docks back in one column on the left, the window back to its first size"));
    view->addSeparator();

    full_screen_ = view->addAction(QStringLiteral("&Full Screen"));
    full_screen_->setCheckable(true);
    full_screen_->setShortcut(QKeySequence(Qt::Key_F11));
    connect(full_screen_, &QAction::triggered, this, [this](bool checked) {
        if (checked) {
            showFullScreen();
        } else {
            showNormal();
        }
    });
}

void MainWindow::createHelpMenu() {
    QMenu* help = menuBar()->addMenu(QStringLiteral("&Help"));
    about_ = help->addAction(QStringLiteral("&About TrialLens"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about_->setShortcut(QKeySequence(Qt::Key_F1));
    about_->setMenuRole(QAction::AboutRole);
    QAction* about_qt = help->addAction(QStringLiteral("About &Qt"), qApp, &QApplication::aboutQt);
    about_qt->setMenuRole(QAction::AboutQtRole);
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

void MainWindow::changeState(const WorkspaceState& next) {
    if (next == state_) {
        return;
    }
    // push() applies the change through redo().
    undo_stack_->push(new StateChange(state_, next, describe_change(state_, next),
                                      [this](const WorkspaceState& state) { applyState(state); }));
}

void MainWindow::applyState(const WorkspaceState& state) {
    state_ = state;
    settings_panel_->setSpec(state.spec);
    filter_panel_->setState(state.filters);
    ae_view_->setFilter(state.adverse_events);
    controller_->setAnalysis(state.spec, state.adverse_events);
}

void MainWindow::restoreWorkspace(const WorkspaceState& state) {
    undo_stack_->clear();
    applyState(state);
}

void MainWindow::openDemo() {
    loader_->cancel();
    studyLoaded(std::make_shared<const Study>(generate_demo_study()), {}, {}, 0);
}

void MainWindow::openPaths(const QStringList& paths, bool add, bool exclude_invalid_rows) {
    QStringList all = add ? paths_ : QStringList();
    for (const QString& path : paths) {
        if (!all.contains(path)) {
            all << path;
        }
    }
    statusBar()->showMessage(tr("Loading %n file(s)…", nullptr, static_cast<int>(all.size())));
    cancel_load_->setEnabled(true);
    exclude_rows_->setEnabled(false);
    data_panel_->showProgress(0);
    LoadOptions options;
    options.exclude_invalid_rows = exclude_invalid_rows;
    loader_->load(all, options);
}

void MainWindow::openFiles(const QStringList& paths, bool add) {
    QStringList analyses;
    QStringList data_paths;
    for (const QString& path : paths) {
        (is_saved_analysis(path) ? analyses : data_paths) << path;
    }
    if (analyses.isEmpty()) {
        openPaths(data_paths, add);
        return;
    }
    document_->open(analyses.front());
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
    openFiles(paths, !paths_.isEmpty());
    event->acceptProposedAction();
}

void MainWindow::studyLoaded(const std::shared_ptr<const Study>& study, const QStringList& paths,
                             const QStringList& warnings, int excluded_rows) {
    paths_ = paths;
    recent_menu_->remember(paths);
    // A new study starts from all patients (setStudy() drops the controller's
    // focus, so no refit of the old study is started for it).
    focus_variable_.clear();
    focus_level_.clear();
    all_patients_->setEnabled(false);
    showBreadcrumb();
    data_panel_->showStudy(*study, paths, warnings);
    // Undo steps name the old study's columns: a new study starts a new history.
    undo_stack_->clear();
    // The AE toggles stay as they are: they apply to any study.
    state_ = WorkspaceState{
        default_spec(*study, controller_->spec().paramcd), {}, controller_->adverseEventFilter()};
    controller_->setStudy(study, state_.spec);
    settings_panel_->setStudy(study, state_.spec);
    filter_panel_->setStudy(study);
    forest_view_->model()->setVariableLabels(variable_labels(*study));
    showStudyName();
    statusBar()->showMessage(
        tr("Loaded %1 subjects from %n file(s)", nullptr, static_cast<int>(paths.size()))
                .arg(study->subjects.size()) +
            (excluded_rows == 1  ? tr(" — 1 invalid row excluded")
             : excluded_rows > 1 ? tr(" — %1 invalid rows excluded").arg(excluded_rows)
                                 : QString()),
        5000);
}

void MainWindow::showStudyName() {
    if (const auto& study = controller_->study()) {
        setWindowTitle(QStringLiteral("%1 — TrialLens").arg(QString::fromStdString(study->name)));
    }
}

void MainWindow::focusSubgroup(const QString& variable, const QString& level) {
    const bool changed = variable != focus_variable_ || level != focus_level_;
    focus_variable_ = variable;
    focus_level_ = level;
    all_patients_->setEnabled(!variable.isEmpty());
    showBreadcrumb();
    if (!changed) {
        return;
    }
    controller_->setFocus(variable.isEmpty() ? std::nullopt
                                             : std::optional<SubgroupFocus>(SubgroupFocus{
                                                   variable.toStdString(), level.toStdString()}));
}

void MainWindow::showBreadcrumb() {
    if (focus_variable_.isEmpty()) {
        breadcrumb_->setText(QStringLiteral("All patients"));
        return;
    }
    QString variable = focus_variable_;
    if (const auto& study = controller_->study()) {
        if (const Variable* column = study->subjects.find(focus_variable_.toStdString())) {
            variable = QString::fromStdString(display_label(*column));
        }
    }
    breadcrumb_->setText(QStringLiteral("<a href=\"all\">All patients</a> ▸ %1 = %2")
                             .arg(variable.toHtmlEscaped(), focus_level_.toHtmlEscaped()));
}

void MainWindow::showResults(const ResultsPtr& results, double milliseconds) {
    km_view_->setResults(results);
    forest_view_->setResults(results);
    landmark_model_->setResults(results);
    landmark_table_->setVisible(landmark_model_->hasEstimates());
    for (PopulationChip* chip : chips_) {
        chip->setResults(results);
    }
    const QString label = QStringLiteral("%1 of %2 subjects · %3 analysed, %4 events")
                              .arg(results->subjects)
                              .arg(results->subjects_total)
                              .arg(results->n)
                              .arg(results->events);
    subjects_label_->setText(results->synthetic ? label + QStringLiteral(" · synthetic demo data")
                                                : label);
    filter_panel_->setSubjectCount(results->subjects, results->subjects_total);
    timing_label_->setText(QStringLiteral("refit %1 ms").arg(milliseconds, 0, 'f', 1));
}

const QStringList& MainWindow::tabIds() {
    static const QStringList ids{QStringLiteral("survival"), QStringLiteral("forest"),
                                 QStringLiteral("adverse-events"), QStringLiteral("response"),
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
