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
//     "state": {
//       "spec": { "paramcd": "TTDE", "arm_variable": "TRT01P", "reference_arm": "Placebo",
//                 "compare_arm": "…", "filter": "…", "strata": ["SEX"],
//                 "subgroups": ["AGEGR1"], "covariates": [], "conf_type": "log",
//                 "conf_level": 0.95, "landmarks": [90, 180], "tau": 180,   // tau: null = none
//                 "ties": "efron", "time_unit": "", "curves_by": "" },
//       "filters": { "populations": ["SAFFL"],
//                    "levels": { "SEX": { "excluded": ["F"], "exclude_missing": false } },
//                    "ranges": { "AGE": { "low": 65, "high": null,        // null = unbounded
//                                         "exclude_missing": true } } },
//       "adverse_events": { "treatment_emergent_only": true,   // the AE tab's toggles;
//                           "related_only": false,             // absent in older files:
//                           "serious_only": false }            // none set
//     },
//     "focus": { "variable": "AGEGR1", "level": ">80" },   // the forest row every tab
//                                                          // shows; "" = all patients
//     "tab": "Forest"                                      // the view in front, by its title
//   }
//
// Doubles are written with the shortest text that reads back to the same
// double, so every setting round-trips exactly. Unknown keys are ignored
// (a newer TrialLens may add some); a missing required key is an error.

#include "controller/workspace_state.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace triallens::ui {

// One data file's content when the analysis was saved.
struct FileDigest {
    QString name;    // the file's name (inside its folder, for a folder's files)
    qint64 size = 0; // bytes
    QString sha256;  // lowercase hex of the whole content

    bool operator==(const FileDigest&) const = default;
};

// A path as it was loaded: a file (one digest) or a folder (one digest per
// data file it held, sorted by name).
struct SavedFile {
    QString path; // absolute
    bool folder = false;
    std::vector<FileDigest> data;

    bool operator==(const SavedFile&) const = default;
};

struct SavedAnalysis {
    static constexpr int current_version = 1;

    int version = current_version;
    std::vector<SavedFile> files; // empty for the demo
    WorkspaceState state;         // its focus is written as "focus" beside "state"
    QString current_tab;          // the tab's id, e.g. "survival", "forest" (once its title)
    bool demo = false;            // the embedded (synthetic) demo study; no files

    // The paths to load, in order.
    QStringList paths() const;
    bool operator==(const SavedAnalysis&) const = default;
};

inline constexpr const char* saved_analysis_schema = "triallens.analysis/1";
// What saved analyses are called (the package's MIME type globs the same).
inline constexpr const char* saved_analysis_suffix = ".triallens.json";

// Whether `path` names a saved analysis rather than data: any `.json` file
// (no data reader takes JSON), so a renamed analysis still opens as one.
bool is_saved_analysis(const QString& path);

QByteArray to_json(const SavedAnalysis& analysis);
// nullopt, with what is wrong (and where) in `error`, for a document that is
// not JSON, not this schema, from a newer version, or lacks a required key
// or has one of the wrong type.
std::optional<SavedAnalysis> from_json(const QByteArray& json, QString* error);

// The digests of files and folders as load_study reads them (a folder: its
// data files per data_files_in). SHA-256 is computed streaming, in blocks.
// nullopt, with the unreadable path in `error`, when a file cannot be read.
std::optional<std::vector<SavedFile>> hash_files(const QStringList& paths, QString* error);

enum class FileStatus {
    Ok,      // present with the saved content
    Missing, // the path no longer exists
    Changed, // present but its content (or, for a folder, its list of data files) differs
};

struct FileCheck {
    QString path;
    FileStatus status = FileStatus::Ok;
    QString detail; // for a human: what differs ("size 1234 → 1235 bytes", "adae.csv added")
};

// One check per saved file, in order. A file that cannot be read counts as missing.
std::vector<FileCheck> verify_files(const SavedAnalysis& analysis);
// The same check for one saved file found at another path (a moved file the
// user pointed to).
FileCheck verify_file(const SavedFile& saved, const QString& path);

} // namespace triallens::ui
