#pragma once
// The safety overview: per arm, the subjects with at least one
// treatment-emergent adverse event (TRTEMFL "Y" where ADAE has TRTEMFL,
// else every record) of each kind, as teal/chevron's aet01 and the FDA's
// standard safety tables open with:
//   - any TEAE;
//   - related (AEREL not NONE / NOT RELATED / N, as the AE table reads it);
//   - grade >= 3 (AETOXGR), or severe (AESEV) where the study has no
//     AETOXGR; the category's name says which;
//   - serious (AESER "Y");
//   - leading to discontinuation of treatment (AEACN "DRUG WITHDRAWN");
//   - leading to death (AEOUT "FATAL" or AESDTH "Y").
// A kind the study has no column (or only blank values) for is listed as
// not recorded, never as zero. Each row has the arms' risk differences
// against the reference (Miettinen–Nurminen, as the AE table) and, when the
// study has treatment durations, the exposure-adjusted rates and their
// differences (adverse_event_incidence.h). The population, arms and
// reference are the AE table's; its related / serious filter does not apply.

#include "triallens/stats/adverse_event_incidence.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace triallens {

struct AeOverviewRow {
    std::string key;      // stable: "any", "related", "grade3plus", "serious",
                          // "discontinuation", "death"
    std::string category; // shown: "Any TEAE", "Grade >= 3 TEAE" or "Severe TEAE", ...
    // Whether the study records this kind; when not, the counts below are
    // empty and `not_recorded` says why (e.g. "AEACN is blank on every record").
    bool recorded = true;
    std::string not_recorded;
    std::vector<std::size_t> counts;                          // subjects per arm
    std::vector<double> pct;                                  // 0–100 of the arm's population
    std::vector<std::optional<AeDifference>> risk_difference; // as AeRow (proportions)
    std::vector<std::optional<ExposureAdjustedRate>> exposure_adjusted; // as AeRow
    std::vector<std::optional<AeDifference>> rate_difference;           // as AeRow
};

struct AeOverview {
    std::vector<std::string> arms; // as the AE table
    std::vector<std::size_t> denominators;
    std::optional<std::size_t> reference_arm;
    double conf_level = 0.95;
    bool treatment_emergent = true; // false when ADAE has no TRTEMFL (every record counted)
    std::vector<AeOverviewRow> rows;
};

// The overview of the subjects `table` was made of: `subject_arm` as
// tabulate_adverse_events took it; the arms, denominators, reference,
// confidence level and patient-years are the table's.
AeOverview adverse_event_overview(const AdverseEvents& events,
                                  std::span<const std::int32_t> subject_arm, const AeTable& table);

} // namespace triallens
