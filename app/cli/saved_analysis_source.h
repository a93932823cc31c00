#pragma once
// `triallens analyze --analysis FILE`: a saved analysis (File ▸ Save
// Analysis) verified and computed headless, so scripts and tests can check
// one. The document is read as the window reads it (read_saved_analysis:
// every field checked, relative paths beside the file); each data file is
// then checked against its saved size and SHA-256 — one line on stderr per
// file that is missing, refused (a FIFO, a device) or changed, and
// DataLoadError, so nothing reaches stdout; the files load as the window
// loads them (default LoadOptions) or the demo is generated, with the arms
// of its published folders (checked as the files are) beside their own, on
// the endpoint and treatment column each joined (with_published); and the spec's
// filter must be the one its saved Filters choices give. The workspace is
// then the window's: compute_workspace(study, state.workspace()), and
// `export --analysis` draws the KM figure with the saved "km_figure" choices.

#include <document/km_figure_options.h>

#include <triallens/analysis/workspace.h>
#include <triallens/data/study.h>

#include <string>

namespace triallens::cli {

struct SavedWorkspace {
    Study study;
    WorkspaceSpec workspace;
    ui::KmFigureOptions km_figure;
};

SavedWorkspace load_saved_analysis(const std::string& file);

} // namespace triallens::cli
