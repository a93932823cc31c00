#pragma once
// Export and copy of what the workspace shows: the actions File ▸ Export…
// (Ctrl+E), Edit ▸ Copy Figure or Table (Ctrl+Shift+C), "Copy as
// Image"/"Copy as SVG" (Edit and the views' context menus), and File ▸
// Export Every Subgroup…, with the work behind them. Figures are drawn by the
// views' own painting (export/figure_export.h) and tables built from the
// models' own text (export/*_table.h), so a file shows what the screen shows.
//
// Everything that refits (the summary table's other endpoints, one refit
// per subgroup level in a batch) runs off the GUI thread; results arrive as
// signals, so exportItem() and copyItem() return before the file is written.
//
// The export dialog starts in the folder of the last successful export and
// with the figure choices (size, font, palette) of the last dialog used,
// both kept in the user's settings across runs (user_settings.h).

#include "panels/export_dialog.h"

#include <triallens/analysis/results.h>
#include <triallens/stats/adverse_event_incidence.h>

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

QT_BEGIN_NAMESPACE
class QAction;
class QMimeData;
QT_END_NAMESPACE

namespace triallens::ui {

// The export dialog's default file name for `item`: the endpoint's code and
// the subgroup in focus, if any ("PFS-km-PDL1STAT-Positive.png").
QString suggested_export_name(ExportDialog::Item item, const Results* results);

class RefitController;

class ExportController : public QObject {
    Q_OBJECT

public:
    // What is on screen, read when an action fires.
    struct Sources {
        std::function<ResultsPtr()> km_results; // the Survival tab's (a focused subgroup's)
        std::function<FigureExportOptions()> figure_options; // the views' own choices
        std::function<ExportDialog::Item()> current_item;    // by the tab shown
        std::function<double()> ae_minimum_incidence;        // the AE tab's threshold
        std::function<bool()> ae_exposure_adjusted;          // the AE tab's toggle; unset: off
        std::function<std::vector<ExportTable>(const Results&)> response_tables;
    };

    ExportController(RefitController* controller, Sources sources, QWidget* window);
    ~ExportController() override;

    QAction* exportAction() const { return export_; }
    QAction* copyAction() const { return copy_; }
    QAction* exportSubgroupsAction() const { return export_subgroups_; }
    // Copies the current figure as an image or as SVG only.
    QAction* copyImageAction() const { return copy_image_; }
    QAction* copySvgAction() const { return copy_svg_; }
    // The figure options of what is on screen (the views' own choices).
    FigureExportOptions screenFigureOptions() const { return sources_.figure_options(); }

    // Writes `item` to `path` (its extension picks the format); then
    // exported() or failed().
    void exportItem(ExportDialog::Item item, const QString& path,
                    const FigureExportOptions& options);
    // Puts `item` on the clipboard: a figure as PNG and SVG, a table as HTML
    // and tab-separated text; then copied() or failed().
    void copyItem(ExportDialog::Item item, const FigureExportOptions& options);
    // One KM figure per level of `variable`, each refitted on that level's
    // subjects, written into `folder` as LEVEL.suffix (figure_file_names), as
    // `triallens export --each-subgroup` names them; batchProgressed() after
    // each file, then batchFinished(). All or nothing (batch_folder.h): a
    // level that cannot be analysed or drawn stops the batch with failed(),
    // and then, as after cancelBatch(), batchFinished(0, folder) and nothing
    // is in `folder`.
    void exportEverySubgroup(const QString& variable, const QString& folder, const QString& suffix,
                             const FigureExportOptions& options);
    void cancelBatch();
    bool batchRunning() const;

signals:
    void exported(const QString& path);
    void copied(const QString& what);
    void failed(const QString& message);
    void batchProgressed(int done, int total);
    void batchFinished(int written, const QString& folder);

private:
    using Tables = std::vector<ExportTable>;
    // Builds the tables of `item` and hands them to `then` (at once, or when
    // the summary's refits are done).
    void withTables(ExportDialog::Item item, std::function<void(const Tables&)> then);
    void openDialog();
    // File ▸ Export Every Subgroup…: asks for the variable and the folder,
    // then runs exportEverySubgroup() as PNGs under a progress dialog that
    // can cancel.
    void promptEverySubgroup();
    void copyFigure(ExportDialog::Item item, const FigureExportOptions& options, bool image,
                    bool svg);
    ResultsPtr resultsFor(ExportDialog::Item item) const;
    // The figure of the tab shown; the KM figure when the tab shows a table.
    ExportDialog::Item currentFigure() const;

    RefitController* controller_;
    Sources sources_;
    QPointer<QWidget> window_;
    QAction* export_;
    QAction* copy_;
    QAction* copy_image_;
    QAction* copy_svg_;
    QAction* export_subgroups_;
    std::unique_ptr<QFutureWatcher<ResultsPtr>> batch_;
};

} // namespace triallens::ui
