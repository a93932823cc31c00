#pragma once
// `triallens export`: refits the named data as `analyze` does and writes the
// figure (--figure km|forest) at its physical size to --out (.png, .svg or
// .pdf), or with --each-subgroup VAR one KM figure per level of VAR, each
// refitted on that level's subjects, into the folder --out names (file names
// made safe by figure_file_names). Everything is checked and refitted before
// the first file is written, sizes against the cap (figure_size_problem), and
// a batch is written beside --out and moved in whole (batch_folder.h), so an
// error leaves nothing behind. With --analysis FILE the study, workspace and
// Kaplan–Meier figure choices are the saved analysis's (the flags given
// beside it win).

#include "cli/command_line.h"

#include <export/figure_export.h>

namespace triallens::cli {

int run_export(const CommandLine& line, int argc, char** argv);

// The figure choices export's flags give, the KM ones on top of `km` (the
// defaults, or a saved analysis's): UsageError for a size no figure can have
// (figure_size_problem, with the cap) or KM options that cannot be drawn
// (km_options_problem, naming the flags), before anything is loaded.
ui::FigureExportOptions figure_export_options(const ExportArguments& arguments,
                                              const std::string& out,
                                              const ui::KmFigureOptions& km = {});

} // namespace triallens::cli
