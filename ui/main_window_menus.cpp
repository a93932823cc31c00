// The main window's menu bar: every action of the window, the views'
// context menus and the docks' buttons too, each standard shortcut once.

#include "main_window.h"

#include "views/cif_figure_view.h"

#include "controller/analysis_document.h"
#include "controller/export_controller.h"
#include "controller/study_loader.h"
#include "controller/workspace_document.h"
#include "panels/about_dialog.h"
#include "panels/data_panel.h"
#include "panels/digitiser_dialog.h"
#include "panels/filter_panel.h"
#include "panels/recent_files_menu.h"
#include "views/km_chart_view.h"

#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QUndoStack>

namespace triallens::ui {

void MainWindow::createMenus() {
    createFileMenu(menuBar()->addMenu(QStringLiteral("&File")));

    QMenu* edit = menuBar()->addMenu(QStringLiteral("&Edit"));
    QUndoStack* undo_stack = workspace_->undoStack();
    QAction* undo = undo_stack->createUndoAction(this, QStringLiteral("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = undo_stack->createRedoAction(this, QStringLiteral("&Redo"));
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
    edit->addAction(show_command_);
    edit->addSeparator();
    QAction* reset_filters = edit->addAction(QStringLiteral("Reset &Filters"), this,
                                             [this] { filter_panel_->resetButton()->click(); });
    reset_filters->setToolTip(filter_panel_->resetButton()->toolTip());

    createViewMenu(menuBar()->addMenu(QStringLiteral("&View")));
    createHelpMenu();
}

void MainWindow::rebuildArmsFromFigure() {
    DigitiserDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted) {
        openPublishedArms(dialog.arms(), dialog.studyOptions());
    }
}

void MainWindow::openPublishedArms(const std::vector<NamedArm>& arms,
                                   const ReconstructedStudyOptions& options,
                                   std::optional<WorkspaceDocument::PublishedArms> where) {
    using Where = WorkspaceDocument::PublishedArms;
    const std::shared_ptr<const Study>& study = workspace_->study();
    if (!where) {
        if (!study || study->endpoints.empty()) {
            where = Where::OnTheirOwn;
        } else {
            const WorkspaceState& state = workspace_->state();
            QMessageBox ask(QMessageBox::Question, QStringLiteral("Published arms"),
                            tr("Compare the %n published arm(s) with %1's own arms on %2, or "
                               "open them as a study of their own?",
                               nullptr, static_cast<int>(arms.size()))
                                .arg(QString::fromStdString(study->name),
                                     QString::fromStdString(state.spec.paramcd)),
                            QMessageBox::Cancel, this);
            QAbstractButton* beside =
                ask.addButton(QStringLiteral("Beside This Study's Arms"), QMessageBox::AcceptRole);
            QAbstractButton* alone =
                ask.addButton(QStringLiteral("On Their Own"), QMessageBox::ActionRole);
            ask.exec();
            if (ask.clickedButton() == beside) {
                where = Where::BesideTheStudy;
            } else if (ask.clickedButton() == alone) {
                where = Where::OnTheirOwn;
            } else {
                return;
            }
        }
    }
    workspace_->openPublishedArms(arms, options, *where);
}

void MainWindow::createFileMenu(QMenu* file) {
    QAction* open = file->addAction(QStringLiteral("&Open Files…"), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, QStringLiteral("Open data files"), QString(),
            QStringLiteral("Trial data (*.csv *.tsv *.txt *.xpt *.sas7bdat);;All files (*)"));
        if (!files.isEmpty()) {
            workspace_->openPaths(files, false);
        }
    });
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(QStringLiteral("Load CSV or SAS files as a new study"));
    file->addAction(QStringLiteral("Open &Folder…"), this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, QStringLiteral("Open a folder of data files"));
        if (!folder.isEmpty()) {
            workspace_->openPaths({folder}, false);
        }
    });
    file->addAction(QStringLiteral("Open &Demo Study"), workspace_, &WorkspaceDocument::openDemo)
        ->setToolTip(QStringLiteral("The built-in synthetic study"));
    published_arms_ = file->addAction(QStringLiteral("&Rebuild Arms from a Published Figure…"),
                                      this, &MainWindow::rebuildArmsFromFigure);
    published_arms_->setToolTip(
        QStringLiteral("Reconstruct patient data from a published Kaplan–Meier figure (PNG, "
                       "JPEG, SVG or PDF) and its numbers at risk, to compare with this study"));
    published_folder_ =
        file->addAction(QStringLiteral("Add Published Arms from a &Folder…"), this, [this] {
            const QString folder = QFileDialog::getExistingDirectory(
                this, QStringLiteral("Add Published Arms from a Folder"));
            if (!folder.isEmpty()) {
                workspace_->addPublishedFolder(folder);
            }
        });
    published_folder_->setToolTip(
        QStringLiteral("Arms rebuilt earlier (the digitiser's Save as CSV, or triallens "
                       "reconstruct --out) beside this study's own arms"));
    recent_menu_ = new RecentFilesMenu(this);
    connect(recent_menu_, &RecentFilesMenu::openRequested, this,
            [this](const QStringList& paths) { workspace_->openPaths(paths, false); });
    connect(recent_menu_, &RecentFilesMenu::openAnalysisRequested, this,
            [this](const QString& analysis) {
                // A deleted or moved analysis is said so once (open() warns),
                // then leaves the menu; one whose data files moved stays.
                const bool gone = !QFileInfo::exists(analysis);
                analysis_document_->open(analysis);
                if (gone) {
                    recent_menu_->forgetAnalysis(analysis);
                }
            });
    file->addMenu(recent_menu_);
    file->addAction(QStringLiteral("&Add Files to Study…"), this, [this] {
        const QStringList files =
            QFileDialog::getOpenFileNames(this, QStringLiteral("Add site files"));
        if (!files.isEmpty()) {
            workspace_->openPaths(files, true);
        }
    });
    // The Data dock's buttons, for a user who has that dock closed.
    cancel_load_ = file->addAction(QStringLiteral("&Cancel Loading"), workspace_->loader(),
                                   &StudyLoader::cancel);
    cancel_load_->setEnabled(false);
    exclude_rows_ = file->addAction(QStringLiteral("Load Again &Without Invalid Rows"), this,
                                    [this] { data_panel_->excludeButton()->click(); });
    exclude_rows_->setToolTip(data_panel_->excludeButton()->toolTip());
    exclude_rows_->setEnabled(false);
    file->addSeparator();
    connect(analysis_document_, &AnalysisDocument::fileUsed, recent_menu_,
            &RecentFilesMenu::rememberAnalysis);
    file->addAction(analysis_document_->openAction());
    file->addAction(analysis_document_->saveAction());
    file->addSeparator();
    file->addAction(export_controller_->exportAction());
    file->addAction(export_controller_->exportSubgroupsAction());
    file->addSeparator();
    QAction* quit = file->addAction(QStringLiteral("&Quit"), this, &QWidget::close);
    // QKeySequence::Quit is empty on some desktops (and offscreen): say it.
    quit->setShortcut(QKeySequence(QStringLiteral("Ctrl+Q")));
}

void MainWindow::createViewMenu(QMenu* view) {
    // The tabs, Ctrl+1 to Ctrl+6 in tab order.
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
    survival->addActions(kmView()->actions());
    QMenu* competing = view->addMenu(QStringLiteral("&Competing Risks"));
    competing->addActions(cif_view_->actions());
    all_patients_ = view->addAction(QStringLiteral("&All Patients' Curves"), this,
                                    [this] { workspace_->focusSubgroup({}, {}); });
    all_patients_->setToolTip(
        QStringLiteral("Back from a forest row's subgroup to the curves of all patients"));
    all_patients_->setEnabled(workspace_->state().focus.has_value());
    view->addSeparator();

    for (QDockWidget* dock : {settings_dock_, filter_dock_, km_options_dock_, data_dock_}) {
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

} // namespace triallens::ui
