#pragma once
// Builds a Study from ADaM-shaped tables. Each table's role is recognised by
// its columns: ADTTE has PARAMCD, AVAL and CNSR; ADAE has AEDECOD; ADTR has
// PARAMCD, AVAL and BASE or PCHG (and no AVALC); ADRS has PARAMCD and AVALC;
// ADSL has USUBJID and a treatment column and one row per subject. Tables are joined on USUBJID.
// Throws DataError naming the table and row for anything that cannot be built; a failed build
// leaves nothing behind.

#include "triallens/data/raw_table.h"
#include "triallens/data/study.h"

#include <vector>

namespace triallens {

enum class DatasetRole {
    SubjectLevel,
    TimeToEvent,
    AdverseEvents,
    Responses,
    TumourMeasurements,
    Unknown
};

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
// tables a loader derived from a one-row-per-patient file. `tumour_param` is
// ADTR's sum-of-diameters PARAMCD (--tr-param); empty = the first of
// tumour_param_candidates ADTR holds.
Study build_study(const std::vector<RawTable>& tables, const std::vector<DatasetRole>& roles,
                  std::string name, const CauseSource& causes = {},
                  const std::string& tumour_param = {});

// The PARAMCD of ADTR's sum of diameters: `requested` when ADTR holds it,
// else (requested empty) the first of tumour_param_candidates it holds; ""
// when there is none, and then tumour_param_problem says why.
std::string tumour_param_of(const RawTable& adtr, const std::string& requested);
std::string tumour_param_problem(const RawTable& adtr, const std::string& requested);

} // namespace triallens
