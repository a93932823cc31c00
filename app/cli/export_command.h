#pragma once
// `triallens export`: refits the named data as `analyze` does and writes the
// figure (--figure km|forest) at its physical size to --out (.png, .svg or
// .pdf), or with --each-subgroup VAR one KM figure per level of VAR, each
// refitted on that level's subjects, into the folder --out names (file names
// made safe by figure_file_names). Everything is checked and refitted before
// the first file is written, sizes against the cap (figure_size_problem), and
// a batch is written beside --out and moved in whole (batch_folder.h), so an
// error leaves nothing behind. Tables (--figure ae|summary) are not in this version.

#include "cli/command_line.h"

namespace triallens::cli {

int run_export(const CommandLine& line, int argc, char** argv);

} // namespace triallens::cli
