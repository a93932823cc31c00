#pragma once
// The study model: subject-level variables (ADSL-like, one row per subject),
// time-to-event parameters (ADTTE-like), adverse events (ADAE-like) and
// responses (ADRS-like), all stored column-wise and referring to subjects by
// their row index in the subject table.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

// A subject-level column, in one of three shapes:
//   - text: categorical, `codes` into `levels`, `numbers` empty;
//   - a measurement (a numeric column with more than
//     max_numeric_factor_levels distinct values, numeric_factor.h):
//     not categorical, `numbers` only;
//   - a numeric factor (a numeric column with at most that many distinct
//     values, ECOGBL coded 0/1/2): categorical AND `numbers` kept beside
//     the codes. Strata, subgroups, curves by and level filters use its
//     levels ("0", "1", "2" in numeric order, spelled as R's as.character());
//     a filter's ECOGBL >= 1 and a Cox covariate use its numbers, as coxph
//     takes a numeric covariate. is_numeric() says which columns hold numbers.
// Level order: a text column's levels are sorted (R's factor() order), unless
// the dataset holds its ADaM companion X + "N" (AGEGR1N, TRT01PN, RACEN)
// giving each level one number: then they are in the order of those numbers
// (ties by text), as ADaM intends. A numeric factor's levels are in numeric
// order. So `levels` is not sorted in general: look a level up by level_code.
struct Variable {
    std::string name;
    std::string label;
    bool categorical = true;
    std::vector<std::int32_t> codes; // categorical: index into levels, -1 = missing
    std::vector<std::string> levels; // categorical: distinct, non-empty, in level order
    std::vector<double> numbers;     // numeric (a numeric factor too): NaN = missing

    std::size_t size() const { return categorical ? codes.size() : numbers.size(); }
    // Whether `numbers` holds the values: a measurement or a numeric factor.
    bool is_numeric() const { return !categorical || !numbers.empty(); }
    std::optional<std::int32_t> level_code(std::string_view level) const;
};

struct SubjectTable {
    std::vector<std::string> usubjid;
    std::vector<Variable> variables;

    std::size_t size() const { return usubjid.size(); }
    const Variable* find(std::string_view name) const;
};

// One ADTTE parameter: one record per subject that has it.
struct TimeToEvent {
    std::string paramcd;
    std::string param;                 // the long name, e.g. "Overall survival"
    std::string time_unit;             // from AVALU where present, e.g. "MONTHS"
    std::vector<std::int32_t> subject; // row in SubjectTable
    std::vector<double> time;
    std::vector<std::uint8_t> event; // 1 = event, 0 = censored
    // The same records in ascending time order (ties in record order), made
    // once by build_study (sort_by_time) so that a refit counts the records
    // in one sequential pass. Empty when not made; a refit then sorts for
    // itself.
    struct TimeOrdered {
        std::vector<std::int32_t> subject;
        std::vector<double> time;
        std::vector<std::uint8_t> event;
    } by_time;

    std::size_t size() const { return subject.size(); }
};

// The records of `endpoint` in ascending time order, ties in record order.
TimeToEvent::TimeOrdered sort_by_time(const TimeToEvent& endpoint);

// Text per row stored as codes into distinct values (levels[0] is "", missing).
struct CodedText {
    std::vector<std::uint32_t> codes;
    std::vector<std::string> levels{""};

    const std::string& operator[](std::size_t row) const { return levels[codes[row]]; }
    std::size_t size() const { return codes.size(); }
};

// One ADAE record per row.
struct AdverseEvents {
    std::vector<std::int32_t> subject;
    CodedText soc;                   // AEBODSYS
    CodedText pt;                    // AEDECOD
    std::vector<std::int32_t> grade; // AETOXGR, or AESEV mapped to 1..3; 0 = unknown
    std::vector<std::uint8_t> related;
    std::vector<std::uint8_t> serious;
    std::vector<std::uint8_t> treatment_emergent;

    std::size_t size() const { return subject.size(); }
};

// One ADRS record per row (PARAMCD, AVALC).
struct Responses {
    std::vector<std::int32_t> subject;
    CodedText paramcd;
    CodedText value;

    std::size_t size() const { return subject.size(); }
};

struct Study {
    std::string name;
    bool synthetic = false; // generated data, to be labelled as such wherever shown
    // The arm the study itself declares as control, used as the default
    // reference for hazard ratios; empty when the data declare none (then
    // the first arm in level order is the reference, as the contract says).
    std::string control_arm;
    std::vector<std::string> sources;
    SubjectTable subjects;
    std::vector<TimeToEvent> endpoints;
    AdverseEvents adverse_events;
    Responses responses;

    const TimeToEvent* endpoint(std::string_view paramcd) const;
};

} // namespace triallens
