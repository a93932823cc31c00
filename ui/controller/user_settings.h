#pragma once
// Where TrialLens keeps what it remembers between runs, and under which keys.
// Every QSettings in ui/ comes from user_settings(): organisation and
// application "TrialLens" in QSettings::defaultFormat(), user scope — on
// Linux ~/.config/TrialLens/TrialLens.conf. A test sends all of it to a
// temporary folder with QSettings::setDefaultFormat(QSettings::IniFormat)
// and QSettings::setPath(IniFormat, UserScope, folder) (or
// QStandardPaths::setTestModeEnabled(true)) before anything reads it.
//
// Nothing is cached: each call opens the same store afresh, so two windows
// (or a window and a dialog) always see what the other wrote last.

#include <QSettings>

namespace triallens::ui {

// A prvalue: `QSettings settings = user_settings();` or
// `user_settings().value(key)`.
QSettings user_settings();

namespace settings_key {

// The main window (MainWindow::restoreSettings / closeEvent).
// QMainWindow::saveGeometry(): size, position, screen, maximised.
inline constexpr char window_geometry[] = "window/geometry";
// QMainWindow::saveState(MainWindow::layout_version): where each dock is,
// floating or hidden; a state saved by another layout version is ignored.
inline constexpr char window_state[] = "window/state";

// File ▸ Open Recent (RecentFilesMenu), newest first, at most
// RecentFilesMenu::max_entries each.
// A list of loads, each the QStringList of files and folders of one study.
inline constexpr char recent_loads[] = "recentLoads";
// A QStringList of saved analyses (*.triallens.json) opened or saved.
inline constexpr char recent_analyses[] = "recentAnalyses";

// Folders the file dialogs start in.
// The folder of the last successful File ▸ Export (any figure or table).
inline constexpr char export_folder[] = "export/folder";
// The folder File ▸ Export Every Subgroup last wrote into.
inline constexpr char subgroup_export_folder[] = "export/subgroupFolder";
// The folder of the last saved analysis opened or saved (File ▸ Open
// Analysis starts there; Save Analysis too when the study has no files).
inline constexpr char analysis_folder[] = "analysis/folder";

// The figure choices of the last export dialog accepted or copied from
// (ExportDialog::saveChoices), restored when the next one opens.
// The size preset's name ("slide-16x9", ...); "" = a custom size.
inline constexpr char export_size_preset[] = "export/sizePreset";
// A custom size in points (1/72 in), doubles; read only when the preset is "".
inline constexpr char export_width_points[] = "export/widthPoints";
inline constexpr char export_height_points[] = "export/heightPoints";
// The unit the size is shown in: "in", "cm" or "mm".
inline constexpr char export_unit[] = "export/unit";
// PNG resolution in dots per inch (int).
inline constexpr char export_dpi[] = "export/dpi";
// The font family's name and its base size in points (double).
inline constexpr char export_font_family[] = "export/fontFamily";
inline constexpr char export_font_size[] = "export/fontSize";
// The palette by the command line's --palette name: "default", "colour-blind"
// or "grayscale".
inline constexpr char export_palette[] = "export/palette";

} // namespace settings_key

} // namespace triallens::ui
