#pragma once
// Adverse-event incidence by system organ class (SOC) and preferred term (PT)
// per arm, over a population of subjects: the "any adverse event" row, then
// each SOC followed by its PTs. A subject counts once per row, at the highest
// grade it had within that row; grade >= 3 rows count subjects whose highest
// grade is 3 or more. Rows are sorted by descending frequency (subjects
// summed over arms), ties by name.

#include "triallens/data/study.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace triallens {

struct AeFilter {
    bool treatment_emergent_only = false; // TRTEMFL == "Y"
    bool related_only = false;            // AEREL not NONE / NOT RELATED / N
    bool serious_only = false;            // AESER == "Y"
};

struct AeCounts {
    std::size_t any = 0;
    std::size_t grade3plus = 0;
};

struct AeRow {
    std::optional<std::string> soc; // nullopt on the "any adverse event" row
    std::optional<std::string> pt;  // nullopt on the any-AE row and on SOC rows
    std::vector<AeCounts> counts;   // per arm
};

struct AeTable {
    std::vector<std::string> arms;
    std::vector<std::size_t> denominators; // subjects in the population per arm
    std::vector<AeRow> rows;
};

// `subject_arm` gives each subject's arm index (into arm_names), or -1 for a
// subject outside the population.
AeTable tabulate_adverse_events(const AdverseEvents& events,
                                std::span<const std::int32_t> subject_arm,
                                std::vector<std::string> arm_names, const AeFilter& filter = {});

} // namespace triallens
