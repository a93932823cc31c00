#include "main_window.h"

#include "controller/analysis_document.h"
#include "controller/refit_controller.h"
#include "controller/state_change.h"
#include "controller/study_loader.h"
#include "panels/data_panel.h"
#include "panels/filter_panel.h"
#include "panels/recent_files_menu.h"
#include "panels/settings_panel.h"
#include "views/ae_table_view.h"
#include "views/forest_view.h"
#include "views/km_chart_view.h"
#include "views/methods_view.h"
#include "views/response_view.h"

#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QScrollArea>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QUrl>
#include <QVBoxLayout>

#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>

namespace triallens::ui {

namespace {

// The spec as the engine resolves it (parameter, arm column, reference),
// with the forest's compared arm named: the first other arm. Every state the
// workspace keeps is resolved, so undo steps differ only where a user acted.
AnalysisSpec with_defaults(const Study& study, AnalysisSpec spec) {
    try {
        // The arms first: with subgroups the engine needs the compared arm.
        AnalysisSpec arms = spec;
        arms.subgroups.clear();
        arms.compare_arm.clear();
        arms = resolve_spec(study, arms);
        if (spec.compare_arm.empty() || spec.compare_arm == arms.reference_arm) {
            spec.compare_arm.clear();
            for (const auto& level : study.subjects.find(arms.arm_variable)->levels) {
                if (level != arms.reference_arm) {
                    spec.compare_arm = level;
                    break;
                }
            }
        }
        return resolve_spec(study, spec);
    } catch (const SpecError&) {
        return spec; // the refit will say what is wrong
    }
}

// What a newly loaded study is first shown with: the endpoint kept from the
// last study when it has one, and the usual subgroup variables.
AnalysisSpec initial_spec(const Study& study, const std::string& previous_paramcd) {
    AnalysisSpec spec;
    if (!study.endpoints.empty()) {
        const auto keep =
            std::find_if(study.endpoints.begin(), study.endpoints.end(),
                         [&](const TimeToEvent& e) { return e.paramcd == previous_paramcd; });
        spec.paramcd =
            keep != study.endpoints.end() ? keep->paramcd : study.endpoints.front().paramcd;
    }
    spec.subgroups = SettingsPanel::defaultSubgroups(study);
    return with_defaults(study, spec);
}

} // namespace

MainWindow::MainWindow(RefitController* controller, QWidget* parent)
    : QMainWindow(parent), controller_(controller), loader_(new StudyLoader(this)),
      data_panel_(new DataPanel), subgroup_controller_(new RefitController(this)),
      breadcrumb_(new QLabel), km_view_(new KmChartView), forest_view_(new ForestView),
      forest_scroll_(new QScrollArea), ae_view_(new AeTableView),
      settings_panel_(new SettingsPanel), filter_panel_(new FilterPanel),
      undo_stack_(new QUndoStack(this)), busy_indicator_(new QProgressBar),
      busy_delay_(new QTimer(this)), subjects_label_(new QLabel), timing_label_(new QLabel) {
    setWindowTitle(QStringLiteral("TrialLens"));
    resize(1360, 820);

    auto* tabs = new QTabWidget;
    // The breadcrumb says whose curves these are; its link returns to all.
    auto* survival = new QWidget;
    auto* survival_layout = new QVBoxLayout(survival);
    survival_layout->setContentsMargins(0, 0, 0, 0);
    breadcrumb_->setToolTip(QStringLiteral("Click a forest row to see its subgroup's curves"));
    breadcrumb_->setTextFormat(Qt::RichText);
    survival_layout->addWidget(breadcrumb_);
    survival_layout->addWidget(km_view_, 1);
    tabs->addTab(survival, QStringLiteral("Survival"));
    connect(breadcrumb_, &QLabel::linkActivated, this, [this] { focusSubgroup({}, {}); });
    connect(forest_view_, &ForestView::rowActivated, this, &MainWindow::focusSubgroup);
    connect(subgroup_controller_, &RefitController::refitted, this,
            [this](const ResultsPtr& results) {
                if (!focus_variable_.isEmpty()) {
                    km_view_->setResults(results);
                }
            });
    forest_scroll_->setWidgetResizable(true);
    forest_scroll_->setWidget(forest_view_);
    tabs->addTab(forest_scroll_, QStringLiteral("Forest"));
    // Stepping through rows with the arrow keys keeps the chosen row in view.
    connect(forest_view_, &ForestView::rowActivated, this, [this] {
        const QRectF row = forest_view_->rowRect(forest_view_->selectedRow());
        if (!row.isEmpty()) {
            forest_scroll_->ensureVisible(static_cast<int>(row.left()),
                                          static_cast<int>(row.center().y()), 0,
                                          static_cast<int>(row.height()));
        }
    });
    tabs->addTab(ae_view_, QStringLiteral("Adverse events"));
    connect(ae_view_, &AeTableView::filterChanged, controller_,
            &RefitController::setAdverseEventFilter);
    connect(controller_, &RefitController::adverseEventsReady, ae_view_, &AeTableView::setTable);
    // The Response and Methods tabs show the main analysis, never a subgroup's.
    response_view_ = new ResponseView;
    methods_view_ = new MethodsView;
    tabs->addTab(response_view_, QStringLiteral("Response"));
    tabs->addTab(methods_view_, QStringLiteral("Methods"));
    connect(controller_, &RefitController::refitted, response_view_, &ResponseView::setResults);
    connect(controller_, &RefitController::refitted, methods_view_, &MethodsView::setResults);
    if (controller_->results()) {
        response_view_->setResults(controller_->results());
        methods_view_->setResults(controller_->results());
    }
    setCentralWidget(tabs);

    auto* settings_dock = new QDockWidget(QStringLiteral("Analysis settings"), this);
    settings_dock->setObjectName(QStringLiteral("settingsDock"));
    auto* settings_scroll = new QScrollArea;
    settings_scroll->setWidgetResizable(true);
    settings_scroll->setWidget(settings_panel_);
    settings_dock->setWidget(settings_scroll);
    addDockWidget(Qt::LeftDockWidgetArea, settings_dock);
    connect(settings_panel_, &SettingsPanel::specEdited, this, [this](const AnalysisSpec& spec) {
        WorkspaceState next = state_;
        next.spec = spec;
        changeState(next);
    });

    auto* filter_dock = new QDockWidget(QStringLiteral("Filters"), this);
    filter_dock->setObjectName(QStringLiteral("filterDock"));
    filter_dock->setWidget(filter_panel_);
    addDockWidget(Qt::LeftDockWidgetArea, filter_dock);
    connect(filter_panel_, &FilterPanel::filterChanged, this,
            [this](const FilterState& filters, const QString& expression) {
                WorkspaceState next = state_;
                next.filters = filters;
                next.spec.filter = expression.toStdString();
                changeState(next);
            });

    auto* data_dock = new QDockWidget(QStringLiteral("Data"), this);
    data_dock->setObjectName(QStringLiteral("dataDock"));
    data_dock->setWidget(data_panel_);
    addDockWidget(Qt::LeftDockWidgetArea, data_dock);
    // One column of docks leaves the figures the width they need; a dock can
    // be dragged out beside another when the screen is wide.
    tabifyDockWidget(data_dock, settings_dock);
    tabifyDockWidget(settings_dock, filter_dock);
    settings_dock->raise();
    setAcceptDrops(true);
    createMenus();
    connect(loader_, &StudyLoader::progressed, data_panel_, &DataPanel::showProgress);
    connect(loader_, &StudyLoader::loaded, this, &MainWindow::studyLoaded);
    connect(loader_, &StudyLoader::failed, this, [this](const QStringList& errors) {
        data_panel_->showRefusal(errors);
        statusBar()->showMessage(tr("Not loaded: %n error(s); the current study is unchanged",
                                    nullptr, static_cast<int>(errors.size())));
    });
    connect(loader_, &StudyLoader::cancelled, this,
            [this] { data_panel_->showRefusal({QStringLiteral("loading was cancelled")}); });
    connect(data_panel_, &DataPanel::cancelRequested, loader_, &StudyLoader::cancel);
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
        state_.spec = with_defaults(*controller_->study(), controller_->spec());
        settings_panel_->setStudy(controller_->study(), state_.spec);
        filter_panel_->setStudy(controller_->study());
    }
    showStudyName();
    breadcrumb_->setText(QStringLiteral("All patients"));
    connect(controller_, &RefitController::refitted, this, &MainWindow::showResults);
    connect(controller_, &RefitController::refitFailed, this, &MainWindow::showError);
    if (controller_->results()) {
        showResults(controller_->results(), 0);
        ae_view_->setTable(controller_->adverseEvents());
    }
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
    recent_menu_ = new RecentFilesMenu(this);
    connect(recent_menu_, &RecentFilesMenu::openRequested, this,
            [this](const QStringList& paths) { openPaths(paths, false); });
    file->addMenu(recent_menu_);
    file->addAction(QStringLiteral("&Add Files to Study…"), this, [this] {
        const QStringList files =
            QFileDialog::getOpenFileNames(this, QStringLiteral("Add site files"));
        if (!files.isEmpty()) {
            openPaths(files, true);
        }
    });
    file->addSeparator();
    document_ = new AnalysisDocument(this, controller_);
    file->addAction(document_->openAction());
    file->addAction(document_->saveAction());
    file->addSeparator();
    QAction* quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    QAction* undo = undo_stack_->createUndoAction(this, QStringLiteral("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = undo_stack_->createRedoAction(this, QStringLiteral("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);
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
    controller_->setSpec(state.spec);
}

void MainWindow::restoreWorkspace(const WorkspaceState& state) {
    undo_stack_->clear();
    applyState(state);
}

void MainWindow::openDemo() {
    loader_->cancel();
    studyLoaded(std::make_shared<const Study>(generate_demo_study()), {}, {});
}

void MainWindow::openPaths(const QStringList& paths, bool add) {
    QStringList all = add ? paths_ : QStringList();
    for (const QString& path : paths) {
        if (!all.contains(path)) {
            all << path;
        }
    }
    statusBar()->showMessage(tr("Loading %n file(s)…", nullptr, static_cast<int>(all.size())));
    data_panel_->showProgress(0);
    loader_->load(all);
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
    openPaths(paths, !paths_.isEmpty());
    event->acceptProposedAction();
}

void MainWindow::studyLoaded(const std::shared_ptr<const Study>& study, const QStringList& paths,
                             const QStringList& warnings) {
    paths_ = paths;
    recent_menu_->remember(paths);
    focusSubgroup({}, {}); // a new study starts from all patients
    data_panel_->showStudy(*study, paths, warnings);
    // Undo steps name the old study's columns: a new study starts a new history.
    undo_stack_->clear();
    state_ = WorkspaceState{initial_spec(*study, controller_->spec().paramcd), {}};
    controller_->setStudy(study, state_.spec);
    settings_panel_->setStudy(study, state_.spec);
    filter_panel_->setStudy(study);
    showStudyName();
    statusBar()->showMessage(
        tr("Loaded %1 subjects from %n file(s)", nullptr, static_cast<int>(paths.size()))
            .arg(study->subjects.size()),
        5000);
}

void MainWindow::showStudyName() {
    if (const auto& study = controller_->study()) {
        setWindowTitle(QStringLiteral("%1 — TrialLens").arg(QString::fromStdString(study->name)));
    }
}

void MainWindow::focusSubgroup(const QString& variable, const QString& level) {
    focus_variable_ = variable;
    focus_level_ = level;
    if (variable.isEmpty()) {
        breadcrumb_->setText(QStringLiteral("All patients"));
        if (controller_->results()) {
            km_view_->setResults(controller_->results());
        }
        return;
    }
    breadcrumb_->setText(QStringLiteral("<a href=\"all\">All patients</a> ▸ %1 = %2")
                             .arg(variable.toHtmlEscaped(), level.toHtmlEscaped()));
    refitSubgroup();
}

// The analysis as it stands, restricted to the focused subgroup's subjects.
void MainWindow::refitSubgroup() {
    if (focus_variable_.isEmpty() || !controller_->study()) {
        return;
    }
    AnalysisSpec spec = controller_->spec();
    const QChar quote = focus_level_.contains('"') ? QChar('\'') : QChar('"');
    const QString subset = QStringLiteral("%1 == %2%3%2").arg(focus_variable_, quote, focus_level_);
    spec.filter = spec.filter.empty() ? subset.toStdString()
                                      : "(" + spec.filter + ") and " + subset.toStdString();
    spec.subgroups.clear();
    subgroup_controller_->setStudy(controller_->study(), spec);
}

void MainWindow::showResults(const ResultsPtr& results, double milliseconds) {
    if (focus_variable_.isEmpty()) {
        km_view_->setResults(results);
    } else {
        refitSubgroup(); // the spec changed under the focused subgroup
    }
    forest_view_->setResults(results);
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

void MainWindow::showError(const QString& message) {
    statusBar()->showMessage(QStringLiteral("Could not refit: %1").arg(message));
}

} // namespace triallens::ui
