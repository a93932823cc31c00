#pragma once
// Reconstructed arms as a study like any other: ADSL-like subjects with an
// arm column and one ADTTE parameter, so every command and view reads them
// as they read a trial's own data, and as two CSV files, adsl.csv and
// adtte.csv, that load_study (io/load_study.h) reads back.
//
// ADSL: STUDYID, USUBJID ("RECON-<ARM>-0001": the arm in capitals, a
// character other than a letter, digit or '-' as '_'; "-2" etc. appended to
// an arm whose spelling repeats another's), ARM and TRT01P (the arm's name),
// ITTFL = "Y", RECONFL = "Y", SOURCE (where the curve came from, e.g. the
// publication's reference; default "Publication").
// ADTTE: STUDYID, USUBJID, PARAMCD, PARAM, AVAL (the time, in the figure's
// unit), AVALU (that unit as ADaM spells it, e.g. "MONTHS"), CNSR (ADaM's
// 0 = event, 1 = censored), EVNTDESC.
//
// The rule later work keeps: a subject with RECONFL = "Y" is a
// pseudo-patient reconstructed from a publication, not a real one; every
// view and export that shows such subjects says "reconstructed from a
// publication" (with SOURCE), and an overlay on a real study keeps SOURCE
// as its own column so the two are never mixed unlabelled.

#include "triallens/analysis/time_unit.h"
#include "triallens/data/raw_table.h"
#include "triallens/data/study.h"
#include "triallens/reconstruct/guyot_reconstruction.h"

#include <filesystem>
#include <string>
#include <vector>

namespace triallens {

struct NamedArm {
    std::string name; // the arm's name as published, e.g. "Nab-paclitaxel"
    ReconstructedArm arm;
};

struct ReconstructedStudyOptions {
    std::string studyid = "RECON";
    std::string paramcd = "RECON";
    std::string param = "Reconstructed time to event";
    TimeUnit time_unit = TimeUnit::Months; // published figures are mostly in months
    std::string source = "Publication";
};

// The ADSL and ADTTE tables (in that order), sources "reconstructed:ADSL"
// and "reconstructed:ADTTE". std::invalid_argument when there is no arm, an
// arm name is empty or repeats another, the paramcd is empty, or an arm
// name, the source or the parameter's label starts with =, +, - or @ (a
// spreadsheet would open the cell as a formula; the files are data, so
// the text is refused, not escaped).
std::vector<RawTable> reconstructed_tables(const std::vector<NamedArm>& arms,
                                           const ReconstructedStudyOptions& options = {});

// The tables built into a Study (build_study), named `name`.
Study reconstructed_study(const std::vector<NamedArm>& arms,
                          const ReconstructedStudyOptions& options = {},
                          std::string name = "Reconstructed");

// Writes the tables as `dir`/adsl.csv and `dir`/adtte.csv (csv_writer.h),
// making `dir` when missing. Each file is written to a temporary name first
// and renamed, so a failed write leaves no half file behind.
void write_reconstructed_tables(const std::vector<RawTable>& tables,
                                const std::filesystem::path& dir);

} // namespace triallens
