#pragma once
// A saved analysis (File ▸ Save Analysis): the data files it was made from,
// with what their content was, and everything a user set, so that opening it
// shows the same figures. Written as a small JSON document
// (`*.triallens.json`); its keys are a contract like the CLI's — add, never
// rename:
//
//   {
//     "schema": "triallens.analysis/1",
//     "version": 1,
//     "demo": false,                       // true: the embedded demo study, "files" empty
//     "files": [                           // in load order, as File ▸ Open got them
//       { "path": "/abs/adsl.xpt", "folder": false,
//         "data": [ { "name": "adsl.xpt", "size": 1234, "sha256": "9f…" } ] },
//       { "path": "/abs/sites", "folder": true,       // a folder: each data file it held,
//         "data": [ { "name": "adsl_site701.csv", … }, … ] }  // as data_files_in lists them
//     ],
//     "published": [                       // folders of arms rebuilt from a publication
//       { "path": "/abs/recon", "folder": true,   // beside the study's own (File ▸ Add
//         "data": [ … ],                          // Published Arms…), in the order added;
//         "endpoint": "PFS",                      // the PARAMCD and treatment column
//         "arm_variable": "TRT01P" }              // ("" = the ADaM ones) they joined
//     ],                                          // absent = none
//     "state": {
//       "spec": { "paramcd": "TTDE", "arm_variable": "TRT01P", "reference_arm": "Placebo",
//                 "compare_arm": "…", "filter": "…", "strata": ["SEX"],
//                 "subgroups": ["AGEGR1"], "covariates": [], "conf_type": "log",
//                 "conf_level": 0.95, "landmarks": [90, 180], "tau": 180,   // tau: null = none
//                 "ties": "efron", "time_unit": "", "curves_by": "",
//                 "fh_tests": [ { "rho": 0, "gamma": 1 } ],   // the delayed-effects
//                 "maxcombo": [ { "rho": 0, "gamma": 0 }, … ], // methods; null = off;
//                 "hr_cuts": [6, 12], "from": null },          // absent in older files:
//                                                              // none of them
//       "filters": { "populations": ["SAFFL"],
//                    "levels": { "SEX": { "excluded": ["F"], "exclude_missing": false } },
//                    "ranges": { "AGE": { "low": 65, "high": null,        // null = unbounded
//                                         "exclude_missing": true } } },
//       "adverse_events": { "treatment_emergent_only": true,   // the AE tab's toggles;
//                           "related_only": false,             // absent in older files:
//                           "serious_only": false },           // none set
//       "baseline": { "variables": ["AGE", "SEX"],   // Table 1's choices; [] = the
//                     "quantile_type": 2,            // defaults; 2 or 7; absent in
//                     "p_values": false }            // older files: the defaults
//     },
//     "focus": { "variable": "AGEGR1", "level": ">80" },   // the forest row every tab
//                                                          // shows; "" = all patients
//     "tab": "Forest",                                     // the view in front, by its title
//     "km_figure": { "ci_bands": false, "median_lines": true,    // the Survival view's
//                    "censor_marks": true, "at_risk_row": true,  // figure choices
//                    "censored_row": false, "events_row": false, // (km_figure_options.h);
//                    "x_limit": null, "break_by": null,          // null = chosen for the data
//                    "x_label": "", "y_label": "",               // "" = the default title
//                    "y_scale": "survival",                      // or "cumulative"
//                    "percent": false,
//                    "risk_table": "at-risk" }   // "events", "kmunicate"; absent in older
//   }                                            // files: the defaults
//
// Doubles are written with the shortest text that reads back to the same
// double, so every setting round-trips exactly. Unknown keys are ignored
// (a newer TrialLens may add some); a missing required key is an error.
//
// An analysis travels by e-mail, so reading one trusts nothing in it:
// - the file itself must be a regular file of at most 8 MiB (a real one is a
//   few KB), stat'ed before it is opened;
// - every key has its type; "version" is a whole number this build knows
//   (1e300, 1.5, "1" and 0 are refused); numbers are finite; conf_level lies
//   in (0, 1); km_figure's choices are ones the figure can draw
//   (km_options_problem: a positive x_limit, at most km_max_breaks breaks,
//   titles of bounded length); a file has one digest, a digest's name is a plain file name
//   (no folder, no "..") and its sha256 64 lowercase hex digits; a
//   published entry is a folder;
// - a relative "path" is relative to the analysis file's folder, never to the
//   current one (read_saved_analysis);
// - once the study is loaded, the spec's filter must be the one the Filters
//   dock's saved state produces (check_against_study): the two would
//   otherwise disagree on screen; a mismatch is an error naming both. A
//   hostile filter (40,000 parentheses deep) is thus refused before anything
//   parses it, and any other filter error comes from the refit as a message.
// The reader itself only walks the document's fixed shape (no recursion
// that the document can deepen); Qt's JSON parser bounds nesting itself.
//
// The data files are hashed only as regular files (file_digest.h): a FIFO or
// a device is refused by stat, with progress and cancel for the callers that
// hash on a worker thread.

#include "document/file_digest.h"
#include "document/km_figure_options.h"
#include "document/published_folder.h"
#include "document/workspace_state.h"

#include <triallens/data/study.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace triallens::ui {

// A path as it was loaded: a file (one digest) or a folder (one digest per
// data file it held, sorted by name).
struct SavedFile {
    QString path; // absolute when written; may be relative to the analysis file
    bool folder = false;
    std::vector<FileDigest> data;

    bool operator==(const SavedFile&) const = default;
};

// A folder of published arms as it was added (published_folder.h), with
// what its data files were.
struct SavedPublished {
    SavedFile folder;
    std::string endpoint;
    std::string arm_variable;

    bool operator==(const SavedPublished&) const = default;
};

struct SavedAnalysis {
    static constexpr int current_version = 1;

    int version = current_version;
    std::vector<SavedFile> files; // empty for the demo
    // Folders of rebuilt arms added beside the study's (or the demo's) own.
    std::vector<SavedPublished> published;
    WorkspaceState state; // its focus is written as "focus" beside "state"
    QString current_tab;  // the tab's id, e.g. "survival", "forest" (once its title)
    bool demo = false;    // the embedded (synthetic) demo study; no files
    // The Survival view's figure choices; its font and palette are the
    // export's and the view's, not saved (left at their defaults here).
    KmFigureOptions km_figure;

    // The paths to load, in order.
    QStringList paths() const;
    // The published folders, as the window adds them, in order.
    std::vector<PublishedFolder> publishedFolders() const;
    // Every path the analysis reads: the files, then the published folders
    // (verify_files checks them in that order)...
    std::vector<SavedFile> everyFile() const;
    // ...and the one at that index.
    SavedFile& everyFile(std::size_t index);
    bool operator==(const SavedAnalysis&) const = default;
};

inline constexpr const char* saved_analysis_schema = "triallens.analysis/1";
// What saved analyses are called (the package's MIME type globs the same).
inline constexpr const char* saved_analysis_suffix = ".triallens.json";
// The largest saved analysis read, in bytes.
inline constexpr qint64 largest_saved_analysis = 8 << 20;

// Whether `path` names a saved analysis rather than data: any `.json` file
// (no data reader takes JSON), so a renamed analysis still opens as one.
bool is_saved_analysis(const QString& path);

QByteArray to_json(const SavedAnalysis& analysis);
// nullopt, with what is wrong (and where: "analysis.state.spec.ties: ...")
// in `error`, for a document that is not JSON, not this schema, of a version
// this build does not know, or lacks a required key or has one of the wrong
// type or out of its range. Relative paths are resolved against `folder`
// (left as written when `folder` is empty).
std::optional<SavedAnalysis> from_json(const QByteArray& json, QString* error,
                                       const QString& folder = {});
// Reads the saved analysis `file`: a regular file of at most
// largest_saved_analysis bytes, from_json with relative paths resolved
// against `file`'s folder. nullopt with why in `error` otherwise.
std::optional<SavedAnalysis> read_saved_analysis(const QString& file, QString* error);

// Why `analysis` cannot be shown on `study` (the study its files or the demo
// load): its spec's filter is not the expression its saved filters give on
// that study (filter_expression.h). nullopt when it can.
std::optional<QString> check_against_study(const SavedAnalysis& analysis, const Study& study);

// The digests of files and folders as load_study reads them (a folder: its
// data files per data_files_in). SHA-256 is computed streaming, in blocks.
// nullopt, with the path and why in `error`, when a file is not a regular
// file or cannot be read. Throws HashCancelled when cancelled.
std::optional<std::vector<SavedFile>> hash_files(const QStringList& paths, QString* error,
                                                 const HashProgress& progress = {});

enum class FileStatus {
    Ok,      // present with the saved content
    Missing, // the path no longer exists
    Changed, // present but its content (or, for a folder, its list of data files) differs
    Refused, // present but not what can be read: a FIFO, a device, a folder
             // for a file (or a file for a folder), unreadable
};

struct FileCheck {
    QString path;
    FileStatus status = FileStatus::Ok;
    QString detail; // for a human: what differs ("size 1234 → 1235 bytes", "adae.csv added")
};

// One check per saved file and published folder, in everyFile's order.
// Hashes; throws HashCancelled when cancelled.
std::vector<FileCheck> verify_files(const SavedAnalysis& analysis,
                                    const HashProgress& progress = {});
// The same check for one saved file found at another path (a moved file the
// user pointed to).
FileCheck verify_file(const SavedFile& saved, const QString& path,
                      const HashProgress& progress = {});
// The bytes verify_files() reads: the saved sizes added up (for progress),
// published folders' too.
qint64 saved_bytes(const SavedAnalysis& analysis);
// The bytes hash_files(paths) reads, by stat alone (for progress).
qint64 bytes_to_hash(const QStringList& paths);

} // namespace triallens::ui
