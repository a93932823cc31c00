#pragma once
// Builds a Study from ADaM-shaped tables. Each table's role is recognised by
// its columns: ADTTE has PARAMCD, AVAL and CNSR; ADAE has AEDECOD; ADRS has
// PARAMCD and AVALC; ADSL has USUBJID and a treatment column and one row per
// subject. Tables are joined on USUBJID. Throws DataError naming the table
// and row for anything that cannot be built; a failed build leaves nothing
// behind.

#include "triallens/data/raw_table.h"
#include "triallens/data/study.h"

#include <vector>

namespace triallens {

enum class DatasetRole { SubjectLevel, TimeToEvent, AdverseEvents, Responses, Unknown };

DatasetRole recognise_role(const RawTable& table);

// Columns that name the treatment arm, in the order the command line prefers them.
inline constexpr const char* arm_column_candidates[] = {"TRT01P", "ARM", "TRTP", "TRTA", "TRT01A"};

Study build_study(const std::vector<RawTable>& tables, std::string name);

// The same with each table's role given (roles[i] for tables[i]) rather than
// recognised: an ADSL whose treatment column has another name (--arm), or the
// tables a loader derived from a one-row-per-patient file.
Study build_study(const std::vector<RawTable>& tables, const std::vector<DatasetRole>& roles,
                  std::string name);

} // namespace triallens
