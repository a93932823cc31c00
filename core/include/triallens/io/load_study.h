#pragma once
// Loads a study from the files a site or sponsor sends: CSV/TSV (one per
// dataset, or one per dataset and site) and SAS files (.xpt, .sas7bdat),
// named one by one or as folders.
//
//  1. Each file is read whole (delimited_text.h, sas_reader.h), two files at
//     a time on two threads; a file that cannot be read is an error naming
//     its file, line and column. A delimited file's columns are typed as far
//     as the file alone says as soon as it is read (column_typing.h), and its
//     text let go, so a load holds typed columns, not every file's text.
//  2. Files whose name says a site (`adsl_site701.csv` -> 701) and that have
//     no SITEID column get one; where they have one, a row of another site is
//     a warning (rows filed under the wrong site).
//  3. Files with the same columns, in any order, are one dataset split by
//     site: their column types are inferred together (column_typing.h) and
//     their rows stacked (stack_tables.h).
//  4. Each dataset's ADaM role is recognised by its columns (ADSL, ADTTE,
//     ADAE, ADRS; recognise_role); a dataset with the arm column named by
//     `arm_column` is subject-level too; a dataset without PARAMCD that has
//     the time column and the event or censor column is a one-row-per-patient
//     file: subject-level and time-to-event at once, its parameter named
//     after the time column.
//  5. The tables are validated (study_validation.h) and joined on USUBJID
//     (build_study).
//
// Atomic: the result holds a study exactly when no finding is an error;
// otherwise every error found (and no study). Warnings come with either.
//
// Only when asked (exclude_invalid_rows) does a load go past row-level errors
// (finding.h): each such row is left out and its error listed as a warning
// "excluded: ..." at the same file, line and column; a ragged row is skipped
// by the reader, text in a numeric cell drops its row, a duplicate subject or
// parameter record drops the later one, and a subject left out of ADSL takes
// its records in the other datasets along (one warning per subject). Errors
// about a whole file or dataset (unreadable, malformed quoting, duplicate
// column names, unrecognised, required columns missing, no ADSL) still
// refuse the load. `excluded_rows` counts every row left out.
// Progress is reported in bytes over all files; cancelling throws
// LoadCancelled, leaving nothing behind.

#include "triallens/data/finding.h"
#include "triallens/data/study.h"
#include "triallens/io/load_progress.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace triallens {

struct LoadOptions {
    std::string time_column;   // empty = AVAL
    std::string event_column;  // 1 = event, 0 = censored; empty = use the censor column
    std::string censor_column; // 0 = event, other = censored; empty = CNSR
    // Competing risks (EventCauses): a status column coded 0 = censored, 1,
    // 2, … = causes, used instead of the event and censor columns; or a
    // column whose text on the event records names their cause. Empty: the
    // causes are EVNTDESC's, where it gives every event one.
    std::string status_column;
    std::string cause_column;
    std::string arm_column; // the treatment column, when not an ADaM name
    // ADTR's sum-of-diameters PARAMCD; empty = the first of SDIAM, SUMDIAM,
    // SLD, LDIAM it holds (tumour_param_candidates).
    std::string tumour_param;
    std::string name; // the study's name; empty = the first file's folder
    // Drop the rows row-level errors are about (Finding::row_level) and load
    // the rest, each such error listed as an "excluded: " warning.
    bool exclude_invalid_rows = false;
};

struct StudyLoad {
    std::optional<Study> study;    // present exactly when no finding is an error
    std::vector<Finding> findings; // errors (then no study) and warnings
    std::size_t excluded_rows = 0; // rows left out by LoadOptions::exclude_invalid_rows

    bool ok() const { return study.has_value(); }
};

// The data files of a folder (.csv, .tsv, .txt, .xpt, .sas7bdat), sorted by name.
std::vector<std::filesystem::path> data_files_in(const std::filesystem::path& folder);

// The site a file name names: "adsl_site701.csv" -> "701", "site-12_ae.csv"
// -> "12"; empty when it names none.
std::string site_from_file_name(const std::filesystem::path& file);

StudyLoad load_study(const std::vector<std::filesystem::path>& paths,
                     const LoadOptions& options = {}, const LoadProgress& progress = {});

} // namespace triallens
