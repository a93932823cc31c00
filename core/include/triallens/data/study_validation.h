#pragma once
// Checks the tables of a study before it is built and reports every problem
// with its file, line and column, rather than stopping at the first:
//
// errors (the study is not built)
//   - a subject twice in the subject table: in one file, or in two sites'
//     files (the finding names both);
//   - a subject with two records of one time-to-event parameter;
//   - a time column of dates (a SAS date or date-time format on it), one
//     finding about the column at its first value;
//   - a missing or negative time; an event flag (--event) that is not 0/1; a
//     censor flag (ADaM CNSR: 0 = event, a positive integer = censored for a
//     reason) that is not a non-negative integer;
//   - time-to-event, response or tumour records of subjects absent from the
//     subject table;
//   - a subject whose arm in ADTTE, ADAE or ADRS differs from ADSL's (TRTP
//     against TRT01P, TRTA against TRT01A, and same-named arm columns);
//   - required columns missing, or text where numbers must be;
//   - ADTR without its sum of diameters (tumour_param_of), or with a PCHG
//     that contradicts 100 (AVAL - BASE) / BASE by more than rounding (0.5).
// warnings (the study is built, and the findings listed with it)
//   - adverse-event records of subjects absent from the subject table: they
//     are left out of AE tables, one warning per subject;
//   - an AETOXGR or AESEV value that is not a grade (adverse_event_grade.h):
//     one warning per distinct value, at its first record, with its count;
//   - subjects of the subject table with no record of a time-to-event
//     parameter: one warning per parameter, with the count and the first
//     subjects named ("PFS: 134 of 254 subjects have no record (first:
//     ...)"). A truncated ADTTE shows here.
//   - ADTR: a subject with measurements but no baseline record (ABLFL "Y")
//     of the sum of diameters, or a baseline of 0 (no % change);
//   - a per-visit response (ADRS with ADY) dated after the subject's death
//     (ADSL DTHDT - TRTSDT + 1);
//   - a negative treatment duration (TRTDURD, else TRTDUR, else TRTEDT -
//     TRTSDT + 1), per subject: it counts in no patient-years;
//   - adverse-event records of subjects outside the safety population (ADSL
//     SAFFL not "Y"): one warning counting the records and subjects.
// Each kind of finding is listed at most 20 times per table, then counted.
//
// Every error above but a missing, text or date column is row-level (Finding::
// row_level): it is about one row, which a load may exclude instead
// (LoadOptions::exclude_invalid_rows). `invalid_rows`, when given, receives
// every such row, the counted ones too.

#include "triallens/data/finding.h"
#include "triallens/data/raw_table.h"

#include <map>
#include <string>
#include <vector>

namespace triallens {

// Which columns hold a time-to-event endpoint.
struct EndpointColumns {
    std::string time = "AVAL";
    std::string event;           // 1 = event, 0 = censored; when set, used instead of censor
    std::string censor = "CNSR"; // ADaM: 0 = event, positive integer = censored
    // Competing risks coded as cmprsk takes them: 0 = censored, 1, 2, … = the
    // cause of the event; when set, used instead of event and censor.
    std::string status;

    const std::string& flag() const {
        return !status.empty() ? status : !event.empty() ? event : censor;
    }
};

struct StudyTables {
    const RawTable* subjects = nullptr;      // ADSL, or a one-row-per-patient file
    const RawTable* time_to_event = nullptr; // ADTTE, or the same one-row-per-patient file
    const RawTable* adverse_events = nullptr;
    const RawTable* responses = nullptr;
    const RawTable* tumour = nullptr; // ADTR
    std::string tumour_param;         // ADTR's sum of diameters, as LoadOptions::tumour_param
    EndpointColumns endpoint;
    // The time-to-event table has one row per subject and no PARAMCD.
    bool one_row_per_subject = false;
};

// The rows of each table (by address) that row-level errors are about:
// invalid[&table][row], sized to the table's rows where any is marked.
using InvalidRows = std::map<const RawTable*, std::vector<bool>>;

std::vector<Finding> validate_study_tables(const StudyTables& tables,
                                           InvalidRows* invalid_rows = nullptr);

// True for rows of `table` whose USUBJID is in `subjects`' USUBJID column.
std::vector<bool> rows_of_known_subjects(const RawTable& table, const RawTable& subjects);

} // namespace triallens
