#pragma once
// The one check both the cumulative incidence and Gray's test make of their
// input, so that each refuses bad records with the same message.

#include "triallens/stats/competing_risks_data.h"

namespace triallens {

// Throws std::invalid_argument naming the first thing wrong: no records,
// spans of different lengths, a time negative or not finite, a status, group
// or stratum out of its range. `who` prefixes the message.
void check_competing_risks(const CompetingRisksData& data, const char* who);

} // namespace triallens
