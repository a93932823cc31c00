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

// Where the endpoints' event causes (EventCauses, for competing risks) are
// read from. By default EVNTDESC, when ADTTE has it: an endpoint whose
// events do not all have one, or have more than max_event_causes, then
// simply has no causes. A column the user named (--cause, --status) must be
// there and give every event one cause, or the build fails naming the row.
struct CauseSource {
    std::string column = "EVNTDESC";
    bool required = false;
    // A status column (0 = censored, 1, 2, … = causes, cmprsk's coding): the
    // causes are its codes, in numeric order; the loader has made CNSR from
    // it. Otherwise the causes are the column's text on event records, sorted.
    bool status = false;
};

Study build_study(const std::vector<RawTable>& tables, std::string name);

// The same with each table's role given (roles[i] for tables[i]) rather than
// recognised: an ADSL whose treatment column has another name (--arm), or the
// tables a loader derived from a one-row-per-patient file.
Study build_study(const std::vector<RawTable>& tables, const std::vector<DatasetRole>& roles,
                  std::string name, const CauseSource& causes = {});

} // namespace triallens
