#pragma once
// The disposition of patients by arm: how many were randomised, treated,
// are still on treatment, completed or discontinued it (and why), and the
// same for the study, read from ADSL:
//   - randomised: RANDFL "Y", else ITTFL "Y", else every subject with an arm;
//   - treated: SAFFL "Y", else a TRTSDT; of the randomised;
//   - treatment: EOTSTT ("ONGOING", "COMPLETED", "DISCONTINUED"), reasons
//     from DCTREAS; without EOTSTT, a DCTREAS value is a discontinuation;
//   - study: EOSSTT with DCSREAS, else the pilot's DCDECOD ("COMPLETED", else
//     a discontinuation) with its reason from DCREASCD (else DCDECOD).
// Stages the study has no column for are left out, not shown as zero.

#include "triallens/data/study.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace triallens {

// One row: a stage ("Randomised", "Treated", "Ongoing treatment",
// "Completed treatment", "Discontinued treatment", "Ongoing in study",
// "Completed study", "Discontinued study") with reason "" for the stage
// itself, and one row per reason under a discontinuation, most frequent
// first (ties by name).
struct DispositionRow {
    std::string stage;
    std::string reason;
    std::vector<std::size_t> counts; // per Disposition::columns
    std::vector<double> pct;         // 0–100 of the column's randomised; 0 when none
};

struct Disposition {
    std::string arm_variable;
    std::vector<std::string> columns; // the arms in the analysis's order, then "Total"
    std::vector<DispositionRow> rows;
    // The columns each stage was read from, e.g. "EOTSTT/DCTREAS", for the
    // table's footnote.
    std::vector<std::string> sources;
};

// Over the subjects whose `subject_arm` (index into `arms`) is not -1.
Disposition disposition_table(const Study& study, std::span<const std::int32_t> subject_arm,
                              std::vector<std::string> arms, std::string arm_variable);

} // namespace triallens
