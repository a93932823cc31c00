#include "controller/export_controller.h"

#include "controller/refit_controller.h"
#include "controller/user_settings.h"
#include "export/adverse_event_table.h"
#include "export/ae_overview_table.h"
#include "export/baseline_characteristics_table.h"
#include "export/batch_folder.h"
#include "export/disposition_table.h"
#include "export/forest_table.h"
#include "export/landmark_table.h"
#include "export/summary_table.h"
#include "export/table_mime_data.h"
#include "export/write_table.h"

#include <triallens/analysis/factor_columns.h>
#include <triallens/analysis/subject_filter.h>
#include <triallens/analysis/workspace.h>

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QInputDialog>
#include <QMimeData>
#include <QProgressDialog>
#include <QPromise>
#include <QtConcurrent>

#include <exception>

namespace triallens::ui {

namespace {

using Item = ExportDialog::Item;

QString item_name(Item item) {
    return ExportDialog::isFigure(item) ? QStringLiteral("figure") : QStringLiteral("table");
}

} // namespace

ExportController::ExportController(RefitController* controller, Sources sources, QWidget* window)
    : QObject(window), controller_(controller), sources_(std::move(sources)), window_(window),
      export_(new QAction(QStringLiteral("&Export…"), this)),
      copy_(new QAction(QStringLiteral("&Copy Figure or Table"), this)),
      copy_image_(new QAction(QStringLiteral("Copy as Image"), this)),
      copy_svg_(new QAction(QStringLiteral("Copy as SVG"), this)),
      export_subgroups_(new QAction(QStringLiteral("Export Every &Subgroup…"), this)) {
    export_->setShortcut(QKeySequence(QStringLiteral("Ctrl+E")));
    export_->setToolTip(QStringLiteral("The figure or table on screen to PNG, SVG, PDF, CSV, "
                                       "HTML or RTF"));
    copy_->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+C")));
    copy_->setToolTip(QStringLiteral("The figure as image and SVG, or the table as HTML and "
                                     "tab-separated text, for a paste into slides"));
    connect(export_, &QAction::triggered, this, &ExportController::openDialog);
    connect(export_subgroups_, &QAction::triggered, this, &ExportController::promptEverySubgroup);
    // The next export dialog starts where the last file went, in this run or the next.
    connect(this, &ExportController::exported, this, [](const QString& path) {
        user_settings().setValue(settings_key::export_folder, QFileInfo(path).absolutePath());
    });
    connect(copy_, &QAction::triggered, this,
            [this] { copyItem(sources_.current_item(), sources_.figure_options()); });
    connect(copy_image_, &QAction::triggered, this,
            [this] { copyFigure(currentFigure(), sources_.figure_options(), true, false); });
    connect(copy_svg_, &QAction::triggered, this,
            [this] { copyFigure(currentFigure(), sources_.figure_options(), false, true); });
}

ExportController::~ExportController() {
    cancelBatch();
}

void ExportController::promptEverySubgroup() {
    const auto& study = controller_->study();
    if (!study) {
        return;
    }
    // The analysis's subgroups first, then every other factor.
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
        window_, QStringLiteral("Export every subgroup"),
        QStringLiteral("One Kaplan–Meier figure per level of"), variables, 0, false, &ok);
    if (!ok || variable.isEmpty()) {
        return;
    }
    const QString folder = QFileDialog::getExistingDirectory(
        window_, QStringLiteral("Folder for the figures (one PNG per level)"),
        user_settings().value(settings_key::subgroup_export_folder, QDir::homePath()).toString());
    if (folder.isEmpty()) {
        return;
    }
    user_settings().setValue(settings_key::subgroup_export_folder, folder);
    auto* progress = new QProgressDialog(QStringLiteral("Exporting %1 figures…").arg(variable),
                                         QStringLiteral("Cancel"), 0, 1, window_);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    progress->setMinimumDuration(0);
    connect(this, &ExportController::batchProgressed, progress, [progress](int done, int total) {
        progress->setMaximum(total);
        progress->setValue(done);
    });
    connect(progress, &QProgressDialog::canceled, this, &ExportController::cancelBatch);
    connect(this, &ExportController::batchFinished, progress, &QWidget::close);
    exportEverySubgroup(variable, folder, QStringLiteral("png"), sources_.figure_options());
}

void ExportController::openDialog() {
    ExportDialog dialog(window_);
    const Item item = sources_.current_item();
    dialog.setItem(item);
    dialog.setFigureOptions(sources_.figure_options());
    dialog.restoreChoices();
    const ResultsPtr results = resultsFor(item);
    const QString folder =
        user_settings().value(settings_key::export_folder, QDir::homePath()).toString();
    dialog.setPath(QDir(folder).filePath(suggested_export_name(item, results.get())));
    connect(&dialog, &ExportDialog::copyRequested, &dialog, [this, &dialog] {
        dialog.saveChoices();
        copyItem(dialog.item(), dialog.figureOptions());
        dialog.reject();
    });
    if (dialog.exec() == QDialog::Accepted) {
        dialog.saveChoices();
        exportItem(dialog.item(), dialog.path(), dialog.figureOptions());
    }
}

void ExportController::exportItem(Item item, const QString& path,
                                  const FigureExportOptions& options) {
    if (path.isEmpty()) {
        emit failed(QStringLiteral("no file named to export to"));
        return;
    }
    if (ExportDialog::isFigure(item)) {
        const ResultsPtr results = resultsFor(item);
        if (!results) {
            emit failed(QStringLiteral("nothing to export yet: the analysis is still running"));
            return;
        }
        FigureExportOptions figure = options;
        figure.kind = ExportDialog::figureKind(item);
        QString error;
        if (export_figure(path, *results, figure, &error)) {
            emit exported(path);
        } else {
            emit failed(error);
        }
        return;
    }
    withTables(item, [this, path](const Tables& tables) {
        QString error;
        if (write_tables(path, tables, &error)) {
            emit exported(path);
        } else {
            emit failed(error);
        }
    });
}

void ExportController::copyItem(Item item, const FigureExportOptions& options) {
    if (ExportDialog::isFigure(item)) {
        copyFigure(item, options, true, true);
        return;
    }
    withTables(item, [this, item](const Tables& tables) {
        QGuiApplication::clipboard()->setMimeData(table_mime_data(tables).release());
        emit copied(item_name(item));
    });
}

void ExportController::copyFigure(Item item, const FigureExportOptions& options, bool image,
                                  bool svg) {
    const ResultsPtr results = resultsFor(item);
    if (!results) {
        emit failed(QStringLiteral("nothing to copy yet: the analysis is still running"));
        return;
    }
    FigureExportOptions figure = options;
    figure.kind = ExportDialog::figureKind(item);
    auto mime = std::make_unique<QMimeData>();
    if (image) {
        mime->setImageData(render_figure_png_image(*results, figure));
    }
    if (svg) {
        const QByteArray bytes = render_figure_svg(*results, figure);
        mime->setData(QStringLiteral("image/svg+xml"), bytes);
        if (!image) {
            mime->setText(QString::fromUtf8(bytes)); // editors that take SVG as text
        }
    }
    QGuiApplication::clipboard()->setMimeData(mime.release());
    emit copied(image == svg ? item_name(item)
                : image      ? QStringLiteral("figure as image")
                             : QStringLiteral("figure as SVG"));
}

ResultsPtr ExportController::resultsFor(Item item) const {
    // The Survival tab may show a forest row's subgroup; everything else
    // shows the whole analysis.
    return item == Item::KaplanMeier ? sources_.km_results() : controller_->results();
}

ExportDialog::Item ExportController::currentFigure() const {
    const Item item = sources_.current_item();
    if (item == Item::BaselineTable || item == Item::DispositionTable) {
        return Item::DispositionFlow; // the Baseline tab's figure
    }
    return ExportDialog::isFigure(item) ? item : Item::KaplanMeier;
}

void ExportController::withTables(Item item, std::function<void(const Tables&)> then) {
    const ResultsPtr results = controller_->results();
    if (!results) {
        emit failed(QStringLiteral("nothing to export yet: the analysis is still running"));
        return;
    }
    switch (item) {
    case Item::ForestTable:
        then({forest_table(*results)});
        return;
    case Item::LandmarkTable:
        if (!has_landmark_estimates(*results)) {
            emit failed(QStringLiteral("the analysis has no landmark times or RMST horizon: "
                                       "set them in Analysis settings"));
            return;
        }
        then({landmark_table(*results)});
        return;
    case Item::ResponseTable:
        then(sources_.response_tables(*results));
        return;
    case Item::AdverseEventTable: {
        const auto& table = controller_->adverseEvents();
        const bool exposure_adjusted =
            sources_.ae_exposure_adjusted && sources_.ae_exposure_adjusted();
        if (!table) {
            emit failed(QStringLiteral("this study has no adverse-event table"));
            return;
        }
        then({adverse_event_table(*table, controller_->adverseEventFilter(),
                                  sources_.ae_minimum_incidence(), exposure_adjusted)});
        return;
    }
    case Item::AeOverviewTable: {
        const bool exposure_adjusted =
            sources_.ae_exposure_adjusted && sources_.ae_exposure_adjusted();
        const auto& overview = controller_->adverseEventOverview();
        if (!overview) {
            emit failed(QStringLiteral("this study has no adverse-event overview"));
            return;
        }
        then({ae_overview_table(*overview, controller_->adverseEvents().get(), exposure_adjusted)});
        return;
    }
    case Item::BaselineTable:
        if (!results->baseline) {
            emit failed(QStringLiteral("no baseline table: %1")
                            .arg(QString::fromStdString(results->baseline_error)));
            return;
        }
        then({baseline_characteristics_table(*results)});
        return;
    case Item::DispositionTable:
        if (!results->disposition) {
            emit failed(QStringLiteral("no disposition table: %1")
                            .arg(QString::fromStdString(results->baseline_error)));
            return;
        }
        then({disposition_table(*results)});
        return;
    case Item::SummaryTable:
        break;
    case Item::DispositionFlow:
    case Item::KaplanMeier:
    case Item::Forest:
    case Item::CumulativeIncidence:
    case Item::Waterfall:
    case Item::Spider:
    case Item::Swimmer:
    case Item::DurationOfResponse:
    case Item::AeDotPlot:
    case Item::AeVolcano:
        return;
    }
    // The summary refits every endpoint: off the GUI thread.
    struct Refits {
        std::vector<ResultsPtr> results;
        QString error;
    };
    auto* watcher = new QFutureWatcher<Refits>(this);
    connect(watcher, &QFutureWatcher<Refits>::finished, this, [this, watcher, then] {
        watcher->deleteLater();
        const Refits refits = watcher->result();
        if (!refits.error.isEmpty()) {
            emit failed(refits.error);
            return;
        }
        then({summary_table(refits.results)});
    });
    watcher->setFuture(
        QtConcurrent::run([study = controller_->study(), spec = controller_->workspace()] {
            Refits refits;
            try {
                refits.results = workspace_endpoints(*study, spec);
            } catch (const std::exception& error) {
                refits.error = QString::fromStdString(error.what());
            }
            return refits;
        }));
}

void ExportController::exportEverySubgroup(const QString& variable, const QString& folder,
                                           const QString& suffix,
                                           const FigureExportOptions& options) {
    cancelBatch();
    const auto study = controller_->study();
    const Variable* column = study ? study->subjects.find(variable.toStdString()) : nullptr;
    if (column == nullptr || !column->is_categorical()) {
        emit failed(QStringLiteral("no categorical variable %1 to export by").arg(variable));
        return;
    }
    // All or nothing: written beside `folder` first, moved in when every
    // figure was written (batch_folder.h).
    auto batch = std::make_shared<BatchFolder>(folder);
    if (!batch->ok()) {
        emit failed(batch->error());
        return;
    }
    const std::vector<std::string> levels = column->levels();
    QStringList level_names;
    for (const std::string& level : levels) {
        level_names << QString::fromStdString(level);
    }
    const QStringList names = figure_file_names(level_names);
    const int total = static_cast<int>(levels.size());
    FigureExportOptions figure = options;
    figure.kind = FigureKind::KaplanMeier;
    auto written = std::make_shared<int>(0);
    auto error = std::make_shared<QString>();
    batch_ = std::make_unique<QFutureWatcher<ResultsPtr>>();
    QFutureWatcher<ResultsPtr>* watcher = batch_.get();
    // Refits run on a worker; each figure is drawn here, on the GUI thread,
    // as its results arrive (Qt Charts lives on the GUI thread).
    connect(watcher, &QFutureWatcher<ResultsPtr>::resultReadyAt, this, [=, this](int index) {
        if (!error->isEmpty() || watcher->isCanceled()) {
            return;
        }
        const ResultsPtr results = watcher->resultAt(index);
        const QString level = QString::fromStdString(levels[static_cast<std::size_t>(index)]);
        // Each file says whose curves it holds.
        FigureExportOptions titled = figure;
        titled.title = subgroup_figure_title(figure.title, variable, level);
        if (!results) {
            *error = QStringLiteral("%1 = %2: could not be analysed").arg(variable, level);
        } else if (export_figure(batch->filePath(names[index] + '.' + suffix), *results, titled,
                                 error.get())) {
            ++*written;
        }
        if (!error->isEmpty()) {
            watcher->cancel(); // the rest would be dropped anyway
        }
        emit batchProgressed(index + 1, total);
    });
    connect(watcher, &QFutureWatcher<ResultsPtr>::finished, this,
            [this, watcher, written, error, batch, folder, total] {
                QString why = *error;
                if (why.isEmpty() && !watcher->isCanceled() && *written == total &&
                    batch->commit(&why)) {
                    emit batchFinished(*written, folder);
                    return;
                }
                batch->discard();
                if (!why.isEmpty()) {
                    emit failed(QStringLiteral("%1 (no figure was written)").arg(batch->told(why)));
                }
                emit batchFinished(0, folder);
            });
    watcher->setFuture(QtConcurrent::run([study, spec = controller_->workspace(),
                                          variable = variable.toStdString(),
                                          levels](QPromise<ResultsPtr>& promise) {
        promise.setProgressRange(0, static_cast<int>(levels.size()));
        for (std::size_t i = 0; i < levels.size(); ++i) {
            if (promise.isCanceled()) {
                return;
            }
            WorkspaceSpec level_spec = spec;
            level_spec.focus = SubgroupFocus{variable, levels[i]};
            level_spec.analysis.subgroups.clear(); // no forest is drawn
            ResultsPtr results;
            try {
                results = std::make_shared<const Results>(compute_workspace(*study, level_spec));
            } catch (const std::exception&) {
                // The level cannot be analysed (no records, one arm): the batch stops.
            }
            promise.addResult(results, static_cast<int>(i));
            promise.setProgressValue(static_cast<int>(i + 1));
        }
    }));
}

void ExportController::cancelBatch() {
    if (batch_ && batch_->isRunning()) {
        batch_->cancel();
        batch_->waitForFinished();
    }
}

bool ExportController::batchRunning() const {
    return batch_ && batch_->isRunning();
}

QString suggested_export_name(ExportDialog::Item item, const Results* results) {
    using Item = ExportDialog::Item;
    const QString param = results ? QString::fromStdString(results->paramcd) : QString();
    // The subgroup in focus names the figures and tables that show it (the
    // forest is never focused): "PFS-km-PDL1STAT-Positive.png".
    const QString subgroup =
        results && results->focus
            ? QStringLiteral("-%1-%2").arg(
                  figure_file_name(QString::fromStdString(results->focus->variable)),
                  figure_file_name(QString::fromStdString(results->focus->level)))
            : QString();
    switch (item) {
    case Item::KaplanMeier:
        return param + QStringLiteral("-km") + subgroup + QStringLiteral(".png");
    case Item::Forest:
        return param + QStringLiteral("-forest.png");
    case Item::CumulativeIncidence:
        return param + QStringLiteral("-cif") + subgroup + QStringLiteral(".png");
    case Item::Waterfall:
    case Item::Spider:
    case Item::Swimmer:
    case Item::DurationOfResponse:
        return QStringLiteral("tumour-") + tumour_figure_name(*ExportDialog::tumourFigure(item)) +
               subgroup + QStringLiteral(".png");
    case Item::AeDotPlot:
        return QStringLiteral("ae-dotplot") + subgroup + QStringLiteral(".png");
    case Item::AeVolcano:
        return QStringLiteral("ae-volcano") + subgroup + QStringLiteral(".png");
    case Item::AeOverviewTable:
        return QStringLiteral("ae-overview") + subgroup + QStringLiteral(".html");
    case Item::SummaryTable:
        return QStringLiteral("summary") + subgroup + QStringLiteral(".html");
    case Item::ForestTable:
        return param + QStringLiteral("-forest-table.html");
    case Item::LandmarkTable:
        return param + QStringLiteral("-landmarks") + subgroup + QStringLiteral(".html");
    case Item::AdverseEventTable:
        return QStringLiteral("adverse-events") + subgroup + QStringLiteral(".html");
    case Item::ResponseTable:
        return QStringLiteral("response") + subgroup + QStringLiteral(".html");
    case Item::BaselineTable:
        return QStringLiteral("baseline") + subgroup + QStringLiteral(".html");
    case Item::DispositionTable:
        return QStringLiteral("disposition") + subgroup + QStringLiteral(".html");
    case Item::DispositionFlow:
        return QStringLiteral("disposition") + subgroup + QStringLiteral(".png");
    }
    return QStringLiteral("export.png");
}

} // namespace triallens::ui
