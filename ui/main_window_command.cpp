// Edit ▸ Show Command…: the command lines of the current tab, from the
// document's files and state and the export dialog's remembered figure
// choices, so the command's file is the one File ▸ Export would write.

#include "main_window.h"

#include "controller/export_controller.h"
#include "controller/refit_controller.h"
#include "controller/workspace_document.h"
#include "export/command_line_text.h"
#include "panels/command_dialog.h"
#include "panels/export_dialog.h"

#include <QTabWidget>

namespace triallens::ui {

void MainWindow::showCommand() {
    using Item = ExportDialog::Item;
    const QString tab = tabId(tabs_->currentIndex());
    const Item item = tab == QLatin1String("forest")           ? Item::Forest
                      : tab == QLatin1String("adverse-events") ? Item::AdverseEventTable
                      : tab == QLatin1String("response")       ? Item::ResponseTable
                      : tab == QLatin1String("methods")        ? Item::SummaryTable
                      : tab == QLatin1String("baseline")       ? Item::BaselineTable
                                                               : Item::KaplanMeier;
    const QStringList& paths = workspace_->paths();
    const WorkspaceSpec spec = workspace_->state().workspace();
    const QString out = suggested_export_name(item, controller_->results().get());

    QStringList exported;
    QStringList unreproduced;
    if (ExportDialog::isFigure(item)) {
        // The choices File ▸ Export would start from, never shown.
        ExportDialog choices(this);
        choices.setItem(item);
        choices.setFigureOptions(export_controller_->screenFigureOptions());
        choices.restoreChoices();
        FigureExportOptions options = choices.figureOptions();
        options.kind = item == Item::Forest ? FigureKind::Forest : FigureKind::KaplanMeier;
        exported = figure_export_arguments(paths, spec, options, out);
        unreproduced = unreproduced_choices(options);
    } else {
        const TableKind kind = item == Item::AdverseEventTable ? TableKind::AdverseEvents
                               : item == Item::ResponseTable   ? TableKind::Response
                               : item == Item::BaselineTable   ? TableKind::Baseline
                                                               : TableKind::Summary;
        exported = table_export_arguments(paths, spec, kind, out);
    }
    // The Baseline tab's numbers are the baseline command's.
    auto* dialog = new CommandDialog(item == Item::BaselineTable ? baseline_arguments(paths, spec)
                                                                 : analyze_arguments(paths, spec),
                                     exported, unreproduced, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace triallens::ui
