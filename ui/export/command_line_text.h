#pragma once
// The command line that reproduces a view: `triallens analyze …` for its
// numbers, `triallens export …` for its figure or table, for double
// programming and batch scripts. Pure functions of the data files, the
// workspace and the export choices; the window shows their text (Edit ▸
// Show Command…) and a test runs it.
//
// The rule, stated once: every choice that differs from what the command
// line does when its flag is left out is written as that flag (see
// app/cli/command_line.cpp and shared/spec/cli-and-results.md), and nothing
// else, so the command is as short as it can be and parses back to the same
// WorkspaceSpec and figure options. Numbers are written in their shortest
// form that reads back to the same double (0.1 + 0.2 is 0.30000000000000004),
// so a landmark or tau is exactly the window's.
//
// An argument list starts with the command word ("analyze", "export") and
// ends with the data files; no files is the embedded demo study, `demo`.

#include "export/figure_export.h"

#include <triallens/analysis/workspace.h>

#include <QString>
#include <QStringList>

namespace triallens::ui {

// The tables `export --figure` writes (to .csv, .html or .rtf).
enum class TableKind { AdverseEvents, Response, Summary, Landmarks, Forest, Baseline, Disposition };

// `analyze` with every workspace choice: analysis flags, --focus, the AE
// toggles (--treatment-emergent, --related, --serious: the parser takes them
// for every command, and they are part of the workspace analyze computes).
// Table 1's choices are not analyze's: `baseline` and the Baseline tab's
// exports write them (--vars, --quantile-type, --p-values).
QStringList analyze_arguments(const QStringList& paths, const WorkspaceSpec& spec);

// `baseline` (Table 1 and the disposition) with every workspace choice.
QStringList baseline_arguments(const QStringList& paths, const WorkspaceSpec& spec);

// `export --figure km|forest --out OUT` with the workspace's flags and the
// figure's: --preset when the size and font are a preset's, else --width and
// --height in inches (points where inches would not read back exactly) and
// --font-size; --dpi, --palette, --title, --footnote, --font-family when
// not the defaults; for a KM figure, its options (options.km) as --style
// kmunicate when they hold the style and a flag for each other choice. A
// forest whose height follows its rows gets no --height, as on the command
// line; one of a fixed height always gets it.
QStringList figure_export_arguments(const QStringList& paths, const WorkspaceSpec& spec,
                                    const FigureExportOptions& options, const QString& out);

// `export --figure ae|response|summary|landmarks|forest|baseline|disposition
// --out OUT` (OUT a .csv, .html or .rtf) with the workspace's flags.
QStringList table_export_arguments(const QStringList& paths, const WorkspaceSpec& spec,
                                   TableKind kind, const QString& out);

// The figure choices no flag can give yet, for a person: the command draws
// them as its defaults. Empty when the command reproduces the figure in full,
// as it now does for every choice of FigureExportOptions. The data cut is
// not one: the command reads it from the files, as the window does.
QStringList unreproduced_choices(const FigureExportOptions& options);

// One word for a POSIX shell: bare when it is only letters, digits and
// "_@%+=:,./-" (and not empty), else in single quotes, a ' inside written
// as '\''.
QString shell_quoted(const QString& word);

// "triallens " and the arguments, each shell_quoted, separated by spaces.
QString command_text(const QStringList& arguments);

// The same command for reading: the command word on the first line, then
// each flag with its value and each file on a line of its own, indented, the
// lines joined by " \" continuations, so a shell still reads one command.
QString command_lines(const QStringList& arguments);

} // namespace triallens::ui
