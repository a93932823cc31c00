#pragma once
// Display labels of subject-level variables. A transport file (.xpt) carries
// each variable's label; a CSV carries none, so the usual CDISC ADaM labels
// (ADaM IG 1.1/1.3 ADSL and BDS variables) stand in for the well-known
// names: a forest row reads "Sex", not SEX, whichever file it came from.

#include "triallens/data/study.h"

#include <optional>
#include <string>
#include <string_view>

namespace triallens {

// The ADaM label of a well-known variable name ("AGEGR1" -> "Pooled Age
// Group 1"), or nullopt for a name the table does not know.
std::optional<std::string_view> adam_label(std::string_view name);

// What to show for a variable: its own label where the data give one, else
// the ADaM label of its name, else the name itself.
std::string display_label(const Variable& variable);

} // namespace triallens
