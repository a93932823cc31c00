#pragma once
// The study model: subject-level variables (ADSL-like, one row per subject),
// time-to-event parameters (ADTTE-like), adverse events (ADAE-like) and
// responses (ADRS-like) and tumour measurements (ADTR-like), all stored column-wise and referring
// to subjects by their row index in the subject table.

#include "triallens/analysis/time_unit.h"
#include "triallens/data/derived_cache.h"
#include "triallens/data/reconstructed_subjects.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace triallens {

// A subject-level column. Immutable: its columns are given once to one of
// the three factories below, which check them (std::invalid_argument,
// naming the column, when they are broken), and are read through accessors.
// Level order: a text column's levels are sorted (R's factor() order), unless
// the dataset holds its ADaM companion X + "N" (AGEGR1N, TRT01PN, RACEN)
// giving each level one number: then they are in the order of those numbers
// (ties by text), as ADaM intends. A numeric factor's levels are in numeric
// order. So levels() are not sorted in general: look a level up by level_code.
class Variable {
public:
    // The three shapes:
    //   - a text factor: categorical, `codes` into `levels`, no numbers.
    //     Every code is -1 (missing) or an index into `levels`; the levels
    //     are distinct and non-empty, in level order.
    static Variable factor(std::string name, std::string label, std::vector<std::int32_t> codes,
                           std::vector<std::string> levels);
    //   - a measurement (a numeric column with more than
    //     max_numeric_factor_levels distinct values, numeric_factor.h):
    //     not categorical, `numbers` only (NaN = missing).
    static Variable measurement(std::string name, std::string label, std::vector<double> numbers);
    //   - a numeric factor (a numeric column with at most that many distinct
    //     values, ECOGBL coded 0/1/2): categorical AND `numbers` kept beside
    //     the codes. Strata, subgroups, curves by and level filters use its
    //     levels ("0", "1", "2" in numeric order, spelled as R's
    //     as.character()); a filter's ECOGBL >= 1 and a Cox covariate use its
    //     numbers, as coxph takes a numeric covariate. The codes obey the
    //     text factor's rules, there is one number per code, and a code is
    //     -1 exactly where its number is NaN.
    static Variable numeric_factor(std::string name, std::string label,
                                   std::vector<std::int32_t> codes, std::vector<std::string> levels,
                                   std::vector<double> numbers);

    const std::string& name() const { return name_; }
    const std::string& label() const { return label_; }
    bool is_categorical() const { return categorical_; }
    // Whether numbers() holds the values: a measurement or a numeric factor.
    bool is_numeric() const { return !categorical_ || !numbers_.empty(); }

    // Categorical: per row the index into levels(), -1 = missing; else empty.
    const std::vector<std::int32_t>& codes() const { return codes_; }
    // Categorical: distinct, non-empty, in level order; else empty.
    const std::vector<std::string>& levels() const { return levels_; }
    // Numeric (a numeric factor too): per row the value, NaN = missing; else empty.
    const std::vector<double>& numbers() const { return numbers_; }
    std::size_t size() const { return categorical_ ? codes_.size() : numbers_.size(); }

    std::optional<std::int32_t> level_code(std::string_view level) const;

    // The same categorical column with its levels in the order of `levels`, a
    // permutation of levels() (std::invalid_argument otherwise); each row
    // keeps its level, so only the codes change.
    Variable with_level_order(std::vector<std::string> levels) const;

    // The SAS display format the column was read with ("DATE9",
    // "E8601DA10." for a CSV column of ISO dates; sas_date_format.h), kept
    // so that a date shows as a date where a subject's values are listed;
    // "" when it had none. Statistics never read it.
    const std::string& format() const { return format_; }
    Variable with_format(std::string format) &&;

private:
    Variable() = default;
    void check_codes() const;

    std::string name_;
    std::string label_;
    bool categorical_ = true;
    std::vector<std::int32_t> codes_;
    std::vector<std::string> levels_;
    std::vector<double> numbers_;
    std::string format_;
};

// The subject-level variables (ADSL), one row per subject. Immutable: given
// once to the constructor, which requires every variable to have one row
// per subject and the variables' names to be distinct (std::invalid_argument
// otherwise).
class SubjectTable {
public:
    SubjectTable() = default; // no subjects, no variables
    SubjectTable(std::vector<std::string> usubjid, std::vector<Variable> variables);

    const std::vector<std::string>& usubjid() const { return usubjid_; }
    const std::vector<Variable>& variables() const { return variables_; }
    std::size_t size() const { return usubjid_.size(); }
    const Variable* find(std::string_view name) const;

private:
    std::vector<std::string> usubjid_;
    std::vector<Variable> variables_;
};

// The causes of an endpoint's events, for competing risks (cmprsk's fstatus):
// the column they were read from (EVNTDESC by default, or the --cause or
// --status column), the causes in order (a status column's codes in numeric
// order, else sorted text), and per record a code: 0 for a censored record,
// k for an event of cause names[k - 1]. Every event has a cause.
inline constexpr std::size_t max_event_causes = 50;
struct EventCauses {
    std::string column;
    std::vector<std::string> names;
    std::vector<std::uint8_t> code; // one per record; empty: the endpoint has no causes
    // The user named the column (--cause, --status): one cause is then worth
    // a competing-risks analysis too (its incidence is 1 − KM).
    bool named = false;

    bool operator==(const EventCauses&) const = default;
};

// One ADTTE parameter: one record per subject that has it. Immutable: its
// columns are given once to the constructor, which also makes what every
// refit reads, so nothing can go stale and no refit re-checks it:
//   - the records in ascending time order (ties in record order), so that a
//     refit counts them in one sequential pass with no sort;
//   - whether that pass applies in each time unit: the times are finite and
//     R's timefix (aeqSurv: two distinct times are one when their gap is
//     <= sqrt(eps) absolutely or relative to the mean absolute time) would
//     merge no two distinct times in any subset of the records. Conversion
//     scales every time, which keeps the order but not the absolute gaps,
//     so the check runs on the converted times of each unit.
class TimeToEvent {
public:
    // The records in time order, column-wise.
    struct TimeOrdered {
        std::vector<std::int32_t> subject;
        std::vector<double> time;
        std::vector<std::uint8_t> event;
    };

    // `subject`, `time` and `event` hold one record per row and must have the
    // same length (std::invalid_argument otherwise). `time_unit` is AVALU as
    // the data spell it (empty: days). `causes`, when given, must have a code
    // per record, non-zero exactly on the events, and at most max_event_causes
    // names (std::invalid_argument otherwise).
    TimeToEvent(std::string paramcd, std::string param, std::string time_unit,
                std::vector<std::int32_t> subject, std::vector<double> time,
                std::vector<std::uint8_t> event, EventCauses causes = {});

    const std::string& paramcd() const { return paramcd_; }
    const std::string& param() const { return param_; }         // e.g. "Overall survival"
    const std::string& time_unit() const { return time_unit_; } // AVALU, e.g. "MONTHS"

    std::span<const std::int32_t> subject() const { return subject_; } // row in SubjectTable
    std::span<const double> time() const { return time_; }
    std::span<const std::uint8_t> event() const { return event_; } // 1 = event, 0 = censored
    std::size_t size() const { return subject_.size(); }
    // Per record (in record order, as subject()) the cause of its event.
    const EventCauses& causes() const { return causes_; }

    const TimeOrdered& by_time() const { return by_time_; }
    // Whether the records can be counted in one pass over by_time().
    bool counts_in_one_pass() const { return one_pass_[static_cast<std::size_t>(unit_)]; }

    // The unit the times are in: AVALU read by time_unit_from_name, days when
    // AVALU is empty, std::nullopt when AVALU names no known unit.
    std::optional<TimeUnit> unit() const;

    // The same records with their times in `to` (convert_times from unit());
    // the order and the one-pass decision are carried over, not remade.
    // Requires unit() to be known.
    TimeToEvent in_unit(TimeUnit to) const;

private:
    TimeToEvent() = default;

    std::string paramcd_;
    std::string param_;
    std::string time_unit_;
    std::vector<std::int32_t> subject_;
    std::vector<double> time_;
    std::vector<std::uint8_t> event_;
    EventCauses causes_;
    TimeOrdered by_time_;
    // The unit of time_ (Days when unknown: then only that entry is used),
    // and per unit (indexed by TimeUnit) whether the one pass applies to the
    // times converted into it.
    TimeUnit unit_ = TimeUnit::Days;
    bool unit_known_ = true;
    std::array<bool, time_unit_count> one_pass_{};
};

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
    // The column the grades came from, for headings that must say what
    // "grade >= 3" means: "AETOXGR" when it graded any record (AESEV then
    // only fills its blanks), else "AESEV" when that graded any, else empty.
    std::string grade_variable;
    std::vector<std::uint8_t> related;
    std::vector<std::uint8_t> serious;
    std::vector<std::uint8_t> treatment_emergent;
    // AEACN "DRUG WITHDRAWN" (any case) and "fatal" (AEOUT "FATAL" or AESDTH
    // "Y"), per record; empty when ADAE has neither column or only blanks in
    // them, so the overview says "not recorded" rather than counting zero.
    // has_treatment_emergent: ADAE has a TRTEMFL column.
    std::vector<std::uint8_t> drug_withdrawn;
    std::vector<std::uint8_t> fatal;
    bool has_treatment_emergent = false;
    // ADAE has an AEREL / AESER column with a value on some record: without
    // one, `related` / `serious` are 0 everywhere and mean "not recorded".
    bool has_related = false;
    bool has_serious = false;
    // ASTDY and AENDY (study days, day 1 = TRTSDT), NaN = missing; empty
    // when ADAE has no such column.
    std::vector<double> start_day;
    std::vector<double> end_day;

    std::size_t size() const { return subject.size(); }
};

// One ADRS record per row (PARAMCD, AVALC): the best overall response
// (PARAMCD "BOR") and, per visit, the overall response (PARAMCD "OVR" or
// "OVRLRESP") with its study day.
struct Responses {
    std::vector<std::int32_t> subject;
    CodedText paramcd;
    CodedText value;
    std::vector<double> day; // ADY (day 1 = TRTSDT), NaN = missing; empty without ADY

    std::size_t size() const { return subject.size(); }
};

// The ADTR records of one parameter, the sum of target-lesion diameters: the
// loader's --tr-param, else the first of SDIAM, SUMDIAM, SLD, LDIAM present.
// Records ANL01FL marks as not analysed (when ADTR has ANL01FL) are left out.
struct TumourMeasurements {
    std::string paramcd;
    std::string param;
    std::string day_column; // "ADY", or "AVISITN" when ADTR has no ADY
    std::vector<std::int32_t> subject;
    std::vector<double> day;   // study day (or visit number); NaN = missing
    std::vector<double> value; // AVAL
    std::vector<double> base;  // BASE; NaN = missing
    // PCHG as given, or 100 (AVAL - BASE) / BASE where ADTR has no PCHG;
    // NaN where neither is defined (a missing or zero BASE).
    std::vector<double> pchg;
    std::vector<std::uint8_t> baseline; // ABLFL = "Y"

    std::size_t size() const { return subject.size(); }
};

// The first of these PARAMCDs ADTR holds is its sum of diameters.
inline constexpr const char* tumour_param_candidates[] = {"SDIAM", "SUMDIAM", "SLD", "LDIAM"};

struct Study {
    std::string name;
    bool synthetic = false; // generated data, to be labelled as such wherever shown
    // Pseudo-patients rebuilt from a publication's figure among the subjects
    // (ADSL RECONFL = "Y"), labelled as such wherever shown.
    ReconstructedSubjects reconstructed;
    // The arm the study itself declares as control, used as the default
    // reference for hazard ratios; empty when the data declare none (then
    // the first arm in level order is the reference, as the contract says).
    std::string control_arm;
    std::vector<std::string> sources;
    SubjectTable subjects;
    std::vector<TimeToEvent> endpoints;
    AdverseEvents adverse_events;
    Responses responses;
    TumourMeasurements tumour;
    // Treatment columns that ADSL lacks and ADTTE, ADAE or ADRS hold but not
    // constant per subject, so they are no subject-level variable: the
    // column and why, e.g. TRTA is not constant for subject 1015 in
    // adtte.csv: "Placebo" (line 3) and "Drug" (line 4). Naming one as the
    // treatment is refused with that reason.
    struct UnusableColumn {
        std::string name;
        std::string reason;
    };
    std::vector<UnusableColumn> unusable_treatments;
    // Per-subject tables worked out from the data above on first use and
    // kept for every later refit (derived_cache.h); a copy starts empty.
    DerivedCache derived;

    const TimeToEvent* endpoint(std::string_view paramcd) const;
};

} // namespace triallens
