#include "triallens/data/study_validation.h"

#include "triallens/data/adverse_event_grade.h"
#include "triallens/data/build_study.h"
#include "triallens/data/numeric_factor.h"
#include "triallens/data/sas_date_format.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace triallens {

namespace {

constexpr std::size_t max_per_kind = 20;

// Findings, each kind listed up to max_per_kind times per table, then counted.
// Errors at a row are row-level; with `invalid` set, every such row is
// marked there, the counted ones too.
class FindingList {
public:
    explicit FindingList(InvalidRows* invalid) : invalid_(invalid) {}

    void add(const RawTable& table, const std::string& kind, Finding finding) {
        auto& count = counts_[{table.source, kind}];
        if (count.listed < max_per_kind) {
            ++count.listed;
            findings_.push_back(std::move(finding));
        } else {
            if (count.more == 0) {
                count.severity = finding.severity;
                count.column = finding.where.column;
                count.row_level = finding.row_level;
            }
            ++count.more;
        }
    }

    void add_at(const RawTable& table, std::size_t row, const std::string& column,
                Severity severity, const std::string& kind, const std::string& message) {
        const bool row_level = severity == Severity::Error;
        if (row_level && invalid_ != nullptr) {
            auto& marks = (*invalid_)[&table];
            marks.resize(table.row_count(), false);
            marks[row] = true;
        }
        add(table, kind,
            {severity, {table.source_of(row), table.line_of(row), column}, message, row_level});
    }

    std::vector<Finding> finish() && {
        for (const auto& [key, count] : counts_) {
            if (count.more > 0) {
                findings_.push_back(
                    {count.severity,
                     {key.first, 0, count.column},
                     "and " + std::to_string(count.more) + " more rows with: " + key.second,
                     count.row_level});
            }
        }
        return std::move(findings_);
    }

private:
    struct Count {
        std::size_t listed = 0;
        std::size_t more = 0;
        Severity severity = Severity::Error;
        std::string column;
        bool row_level = false;
    };
    std::map<std::pair<std::string, std::string>, Count> counts_;
    std::vector<Finding> findings_;
    InvalidRows* invalid_;
};

// Subjects by identifier (views into ADSL's USUBJID levels), and their rows.
struct SubjectIndex {
    const RawTable* adsl = nullptr;
    std::unordered_map<std::string_view, std::size_t> row_of; // USUBJID -> first row

    bool empty() const { return adsl == nullptr; }
};

constexpr std::size_t no_subject = static_cast<std::size_t>(-1);

// A column as text, whatever its type (a numeric id from a SAS file): the
// column itself when it is text, else a text copy.
class AsText {
public:
    explicit AsText(const RawColumn& column) : column_(&column) {
        if (column.type == ColumnType::Text) {
            return;
        }
        TextColumnBuilder builder;
        for (std::size_t row = 0; row < column.size(); ++row) {
            builder.push_back(column.cell_text(row));
        }
        copy_ = std::move(builder).finish(column.name, column.label);
        column_ = &*copy_;
    }
    AsText(const AsText&) = delete;
    AsText& operator=(const AsText&) = delete;
    const RawColumn& get() const { return *column_; }

private:
    std::optional<RawColumn> copy_;
    const RawColumn* column_;
};

// The ADSL row of every row of a dataset (no_subject when absent), looked up
// once per distinct identifier.
std::vector<std::size_t> subject_rows(const RawColumn& id, const SubjectIndex& known) {
    std::vector<std::size_t> by_level(id.levels.size(), no_subject);
    for (std::size_t code = 1; code < id.levels.size(); ++code) {
        if (const auto it = known.row_of.find(id.levels[code]); it != known.row_of.end()) {
            by_level[code] = it->second;
        }
    }
    std::vector<std::size_t> rows;
    rows.reserve(id.codes.size());
    for (const std::uint32_t code : id.codes) {
        rows.push_back(by_level[code]);
    }
    return rows;
}

const RawColumn* require(FindingList& list, const RawTable& table, const std::string& name) {
    const RawColumn* column = table.find(name);
    if (column == nullptr) {
        list.add(
            table, "missing column " + name,
            {Severity::Error, {table.source, 0, name}, "required column " + name + " is missing"});
    }
    return column;
}

const RawColumn* require_numbers(FindingList& list, const RawTable& table,
                                 const std::string& name) {
    const RawColumn* column = require(list, table, name);
    if (column != nullptr && column->type != ColumnType::Number) {
        list.add(table, "text column " + name,
                 {Severity::Error,
                  {table.source, 0, name},
                  "the column holds text (a character variable); it must hold numbers"});
        return nullptr;
    }
    return column;
}

std::string earlier_row(const RawTable& table, std::size_t earlier, std::size_t later) {
    const std::string& file = table.source_of(earlier);
    const std::string line = std::to_string(table.line_of(earlier));
    return file == table.source_of(later) ? "line " + line : file + ":" + line;
}

void check_subjects(FindingList& list, const RawTable& adsl, const RawColumn& id,
                    SubjectIndex& index) {
    index.adsl = &adsl;
    index.row_of.reserve(id.levels.size());
    std::vector<std::size_t> first_row(id.levels.size(), no_subject);
    for (std::size_t row = 0; row < adsl.row_count(); ++row) {
        const std::uint32_t code = id.codes[row];
        if (code == 0) {
            list.add_at(adsl, row, "USUBJID", Severity::Error, "missing subject",
                        "missing subject identifier");
            continue;
        }
        if (first_row[code] != no_subject) {
            list.add_at(adsl, row, "USUBJID", Severity::Error, "duplicate subject",
                        "subject " + capped_text(id.levels[code]) + " appears again (first at " +
                            earlier_row(adsl, first_row[code], row) + ")");
            continue;
        }
        first_row[code] = row;
        index.row_of.emplace(id.levels[code], row);
    }
}

// One warning per parameter that some subjects of the subject table have no
// record of, with the count and the first few named in ADSL order: such
// subjects are in no analysis of it, and a truncated ADTTE looks like this.
void check_coverage(FindingList& list, const RawTable& tte, const RawColumn& paramcd,
                    const std::vector<std::vector<std::size_t>>& first_record,
                    const SubjectIndex& known) {
    constexpr std::size_t named = 3;
    const RawTable& adsl = *known.adsl;
    std::vector<bool> is_subject(adsl.row_count(), false);
    for (const auto& [id, row] : known.row_of) {
        is_subject[row] = true;
    }
    const RawColumn* adsl_id = adsl.find("USUBJID");
    std::vector<bool> has_records(paramcd.levels.size(), false);
    for (const std::uint32_t code : paramcd.codes) {
        has_records[code] = true;
    }
    for (std::size_t code = 1; code < paramcd.levels.size(); ++code) {
        if (!has_records[code]) {
            continue;
        }
        const std::vector<std::size_t>& first = first_record[code];
        std::size_t without = 0;
        std::string names;
        for (std::size_t row = 0; row < adsl.row_count(); ++row) {
            if (!is_subject[row] || (!first.empty() && first[row] != no_subject)) {
                continue;
            }
            if (++without <= named) {
                names += (without == 1 ? "" : ", ") + adsl_id->cell_text(row);
            }
        }
        if (without > 0) {
            const std::string& parameter = paramcd.levels[code];
            list.add(tte, "no record of " + parameter,
                     {Severity::Warning,
                      {tte.source, 0, "PARAMCD"},
                      parameter + ": " + std::to_string(without) + " of " +
                          std::to_string(known.row_of.size()) +
                          (known.row_of.size() == 1 ? " subject" : " subjects") + " in ADSL " +
                          (without == 1 ? "has" : "have") + " no record (" +
                          (without > named ? "first: " : "") + names + ")"});
        }
    }
}

void check_time_to_event(FindingList& list, const StudyTables& tables, const SubjectIndex& known) {
    const RawTable& tte = *tables.time_to_event;
    const EndpointColumns& columns = tables.endpoint;
    const RawColumn* id_column = require(list, tte, "USUBJID");
    const RawColumn* paramcd_column =
        tables.one_row_per_subject ? nullptr : require(list, tte, "PARAMCD");
    const RawColumn* time = require_numbers(list, tte, columns.time);
    const bool by_status = !columns.status.empty();
    const bool by_event = !by_status && !columns.event.empty();
    const std::string& flag_name = columns.flag();
    const RawColumn* flag = require_numbers(list, tte, flag_name);
    if (id_column == nullptr || time == nullptr || flag == nullptr ||
        (paramcd_column == nullptr && !tables.one_row_per_subject)) {
        return;
    }
    if (const SasDateKind kind = sas_date_kind(time->format); kind != SasDateKind::NotADate) {
        // Days (or seconds) since 1960 would pass for times of ~23,000 days.
        for (std::size_t row = 0; row < tte.row_count(); ++row) {
            if (!std::isnan(time->numbers[row])) {
                list.add(tte, "dates in time",
                         {Severity::Error,
                          {tte.source_of(row), tte.line_of(row), columns.time},
                          "holds dates, not durations: " + sas_date_text(time->numbers[row], kind) +
                              " (SAS format " + time->format +
                              "; the time column must hold times since a start, such as days)"});
                return;
            }
        }
    }
    if (!tables.one_row_per_subject) {
        const AsText id_text(*id_column);
        const RawColumn& id = id_text.get();
        const AsText paramcd_text(*paramcd_column);
        const RawColumn& paramcd = paramcd_text.get();
        const std::vector<std::size_t> subjects = subject_rows(id, known);
        // Per parameter code, each subject's first record (no_subject = none yet).
        std::vector<std::vector<std::size_t>> first_record(paramcd.levels.size());
        const std::size_t n_subjects = known.empty() ? 0 : known.adsl->row_count();
        for (std::size_t row = 0; row < tte.row_count(); ++row) {
            const std::size_t subject = subjects[row];
            if (subject == no_subject) {
                list.add_at(tte, row, "USUBJID", Severity::Error, "subject not in ADSL",
                            id.codes[row] == 0
                                ? std::string("missing subject identifier")
                                : "subject " + capped_text(id.text(row)) + " is not in ADSL");
            }
            const std::uint32_t code = paramcd.codes[row];
            if (code == 0) {
                list.add_at(tte, row, "PARAMCD", Severity::Error, "missing PARAMCD",
                            "missing parameter code");
            } else if (subject != no_subject) {
                auto& first = first_record[code];
                if (first.empty()) {
                    first.assign(n_subjects, no_subject);
                }
                if (first[subject] != no_subject) {
                    list.add_at(tte, row, "USUBJID", Severity::Error, "second record",
                                "subject " + capped_text(id.text(row)) + " has a second " +
                                    capped_text(paramcd.levels[code]) + " record (first at " +
                                    earlier_row(tte, first[subject], row) + ")");
                } else {
                    first[subject] = row;
                }
            }
        }
        if (!known.empty()) {
            check_coverage(list, tte, paramcd, first_record, known);
        }
    }
    for (std::size_t row = 0; row < tte.row_count(); ++row) {
        const double t = time->numbers[row];
        if (std::isnan(t)) {
            list.add_at(tte, row, columns.time, Severity::Error, "missing time", "missing time");
        } else if (t < 0) {
            list.add_at(tte, row, columns.time, Severity::Error, "negative time", "negative time");
        }
        const double f = flag->numbers[row];
        if (by_status) {
            if (std::isnan(f) || f < 0 || f != std::floor(f) || f > 255) {
                list.add_at(tte, row, flag_name, Severity::Error, "status code",
                            "status must be 0 (censored) or the integer code of a cause (1, 2, "
                            "…), found " +
                                (std::isnan(f) ? std::string("a missing value")
                                               : quoted_cell(flag->cell_text(row))));
            }
        } else if (by_event) {
            if (!(f == 0 || f == 1)) {
                list.add_at(tte, row, flag_name, Severity::Error, "event code",
                            "event flag must be 1 (event) or 0 (censored), found " +
                                (std::isnan(f) ? std::string("a missing value")
                                               : quoted_cell(flag->cell_text(row))));
            }
        } else if (std::isnan(f) || f < 0 || f != std::floor(f)) {
            list.add_at(tte, row, flag_name, Severity::Error, "censor code",
                        "censor flag must be 0 (event) or a positive integer (censored)" +
                            (std::isnan(f) ? std::string(", found a missing value")
                                           : ", found " + quoted_cell(flag->cell_text(row))));
        }
    }
}

// Arm columns of a dataset and the ADSL column each must agree with.
constexpr std::pair<const char*, const char*> arm_pairs[] = {
    {"TRTP", "TRT01P"},   {"TRTA", "TRT01A"}, {"TRT01P", "TRT01P"},
    {"TRT01A", "TRT01A"}, {"ARM", "ARM"},     {"ACTARM", "ACTARM"}};

void check_arms(FindingList& list, const RawTable& dataset, const SubjectIndex& known) {
    const RawColumn* id_column = dataset.find("USUBJID");
    if (id_column == nullptr || known.empty()) {
        return;
    }
    const RawTable& adsl = *known.adsl;
    const AsText id_text(*id_column);
    const RawColumn& id = id_text.get();
    const std::vector<std::size_t> subjects = subject_rows(id, known);
    for (const auto& [dataset_name, adsl_name] : arm_pairs) {
        const RawColumn* here_column = dataset.find(dataset_name);
        const RawColumn* there_column = adsl.find(adsl_name);
        if (here_column == nullptr || there_column == nullptr) {
            continue;
        }
        const AsText here_text(*here_column);
        const RawColumn& here = here_text.get();
        const AsText there_text(*there_column);
        const RawColumn& there = there_text.get();
        for (std::size_t row = 0; row < dataset.row_count(); ++row) {
            const std::size_t subject = subjects[row];
            if (subject == no_subject) {
                continue;
            }
            const std::string& arm = here.text(row);
            const std::string& adsl_arm = there.text(subject);
            if (!arm.empty() && !adsl_arm.empty() && arm != adsl_arm) {
                list.add_at(dataset, row, dataset_name, Severity::Error,
                            std::string("arm conflict ") + dataset_name,
                            "subject " + capped_text(id.text(row)) + " is in arm " +
                                quoted_cell(arm) + " here but in " + quoted_cell(adsl_arm) +
                                " in ADSL (" + adsl_name + " at " + adsl.source_of(subject) + ":" +
                                std::to_string(adsl.line_of(subject)) + ")");
            }
        }
    }
}

// A numeric column, or nullptr when absent or text.
const RawColumn* numbers_or_null(const RawTable& table, const char* name) {
    const RawColumn* column = table.find(name);
    return column != nullptr && column->type == ColumnType::Number ? column : nullptr;
}

// Returns each record's ADSL row (no_subject when absent); empty without USUBJID.
std::vector<std::size_t> check_adverse_events(FindingList& list, const RawTable& adae,
                                              const SubjectIndex& known) {
    const RawColumn* id_column = require(list, adae, "USUBJID");
    if (id_column == nullptr) {
        return {};
    }
    const AsText id_text(*id_column);
    const RawColumn& id = id_text.get();
    const std::vector<std::size_t> subjects = subject_rows(id, known);
    // One warning per absent subject, at its first record, with the count.
    std::vector<std::size_t> first_row(id.levels.size(), no_subject);
    std::vector<std::size_t> records(id.levels.size(), 0);
    std::vector<std::uint32_t> order;
    for (std::size_t row = 0; row < adae.row_count(); ++row) {
        if (subjects[row] != no_subject) {
            continue;
        }
        const std::uint32_t code = id.codes[row];
        if (records[code]++ == 0) {
            first_row[code] = row;
            order.push_back(code);
        }
    }
    for (const std::uint32_t code : order) {
        const std::size_t n = records[code];
        list.add_at(adae, first_row[code], "USUBJID", Severity::Warning, "AE subject not in ADSL",
                    (code == 0 ? std::string("records without a subject identifier")
                               : "subject " + capped_text(id.levels[code]) + " is not in ADSL") +
                        ": its " + std::to_string(n) +
                        (n == 1 ? " adverse-event record is" : " adverse-event records are") +
                        " left out");
    }
    return subjects;
}

// One warning counting the adverse-event records of subjects whose SAFFL is
// not "Y": safety tables leave them out, which a reader should not have to
// discover from the denominators.
void check_safety_population(FindingList& list, const RawTable& adae, const RawTable& adsl,
                             const std::vector<std::size_t>& subjects) {
    const RawColumn* saffl = adsl.find("SAFFL");
    if (saffl == nullptr) {
        return;
    }
    std::size_t records = 0;
    std::size_t first = no_subject;
    std::set<std::size_t> outside;
    for (std::size_t row = 0; row < subjects.size(); ++row) {
        const std::size_t subject = subjects[row];
        if (subject != no_subject && saffl->cell_text(subject) != "Y") {
            ++records;
            first = std::min(first, row);
            outside.insert(subject);
        }
    }
    if (records > 0) {
        list.add_at(adae, first, "USUBJID", Severity::Warning, "AE outside the safety population",
                    std::to_string(records) +
                        (records == 1 ? " adverse-event record is" : " adverse-event records are") +
                        " of " + std::to_string(outside.size()) +
                        (outside.size() == 1 ? " subject" : " subjects") +
                        " outside the safety population (ADSL SAFFL not \"Y\"): left out of " +
                        "the AE tables");
    }
}

// A negative treatment duration, per subject, in the column exposure-
// adjusted rates read it from (treatment_exposure.h): that subject then
// counts in no patient-years.
void check_treatment_durations(FindingList& list, const RawTable& adsl) {
    const RawColumn* duration = numbers_or_null(adsl, "TRTDURD");
    if (duration == nullptr) {
        duration = numbers_or_null(adsl, "TRTDUR");
    }
    const RawColumn* start = numbers_or_null(adsl, "TRTSDT");
    const RawColumn* end = numbers_or_null(adsl, "TRTEDT");
    if (duration == nullptr && (start == nullptr || end == nullptr)) {
        return;
    }
    const RawColumn* id = adsl.find("USUBJID");
    for (std::size_t row = 0; row < adsl.row_count(); ++row) {
        const double days = duration != nullptr ? duration->numbers[row]
                                                : end->numbers[row] - start->numbers[row] + 1;
        if (!(days < 0)) {
            continue;
        }
        const std::string who =
            id != nullptr ? "subject " + capped_text(id->cell_text(row)) : "this subject";
        const std::string what = duration != nullptr
                                     ? duration->name + " is " + r_number_text(days)
                                     : "TRTEDT - TRTSDT + 1 is " + r_number_text(days);
        list.add_at(adsl, row, duration != nullptr ? duration->name : "TRTEDT", Severity::Warning,
                    "negative treatment duration",
                    who + ": " + what +
                        " days, a negative treatment duration: counted in no patient-years");
    }
}

// One warning per distinct value of AETOXGR or AESEV that is not a grade
// (adverse_event_grade.h), at its first record, with its count: such a
// record counts with no grade, and a spelling misread would otherwise empty
// the grade >= 3 rows in silence.
void check_grades(FindingList& list, const RawTable& adae) {
    for (const char* name : {"AETOXGR", "AESEV"}) {
        const RawColumn* column = adae.find(name);
        if (column == nullptr) {
            continue;
        }
        const AsText text(*column);
        const RawColumn& values = text.get();
        std::vector<std::size_t> first_row(values.levels.size(), no_subject);
        std::vector<std::size_t> records(values.levels.size(), 0);
        std::vector<std::uint32_t> order;
        for (std::size_t row = 0; row < adae.row_count(); ++row) {
            const std::uint32_t code = values.codes[row];
            if (code != 0 && records[code]++ == 0) {
                first_row[code] = row;
                order.push_back(code);
            }
        }
        for (const std::uint32_t code : order) {
            const std::string& value = values.levels[code];
            if (adverse_event_grade(value)) {
                continue;
            }
            const std::size_t n = records[code];
            const std::string shown = value.size() <= 80 ? value : value.substr(0, 80) + "...";
            list.add_at(adae, first_row[code], name, Severity::Warning,
                        std::string("unknown grade in ") + name,
                        "\"" + shown + "\" is not a grade (1 to 5, MILD, MODERATE, SEVERE, " +
                            "LIFE THREATENING or FATAL): " + std::to_string(n) +
                            (n == 1 ? " record counts" : " records count") +
                            " in any grade, not in grade >= 3");
        }
    }
}

// Records of subjects absent from ADSL (ADRS, ADTR): row-level errors.
// Returns each row's ADSL row (no_subject when absent); empty without USUBJID.
std::vector<std::size_t> check_record_subjects(FindingList& list, const RawTable& table,
                                               const SubjectIndex& known) {
    const RawColumn* id_column = require(list, table, "USUBJID");
    if (id_column == nullptr) {
        return {};
    }
    const AsText id_text(*id_column);
    const RawColumn& id = id_text.get();
    std::vector<std::size_t> subjects = subject_rows(id, known);
    for (std::size_t row = 0; row < table.row_count(); ++row) {
        if (subjects[row] == no_subject) {
            list.add_at(table, row, "USUBJID", Severity::Error, "subject not in ADSL",
                        id.codes[row] == 0
                            ? std::string("missing subject identifier")
                            : "subject " + capped_text(id.text(row)) + " is not in ADSL");
        }
    }
    return subjects;
}

bool is_yes_cell(const RawColumn* column, std::size_t row) {
    return column != nullptr && column->cell_text(row) == "Y";
}

// PCHG is 100 (AVAL - BASE) / BASE as ADaM defines it; real data round it
// (to 0.1, or to whole percent), so a gap up to 0.5 is rounding.
constexpr double pchg_rounding = 0.5;

void check_tumour(FindingList& list, const StudyTables& tables,
                  const std::vector<std::size_t>& subjects) {
    const RawTable& adtr = *tables.tumour;
    const std::string param = tumour_param_of(adtr, tables.tumour_param);
    if (param.empty()) {
        list.add(adtr, "no sum of diameters",
                 {Severity::Error,
                  {adtr.source, 0, "PARAMCD"},
                  tumour_param_problem(adtr, tables.tumour_param)});
        return;
    }
    const RawColumn* aval = require_numbers(list, adtr, "AVAL");
    const RawColumn* base = numbers_or_null(adtr, "BASE");
    const RawColumn* pchg = numbers_or_null(adtr, "PCHG");
    const RawColumn* ablfl = adtr.find("ABLFL");
    const RawColumn* anl01fl = adtr.find("ANL01FL");
    const RawColumn* paramcd = adtr.find("PARAMCD");
    const RawColumn* usubjid = adtr.find("USUBJID");
    if (aval == nullptr || paramcd == nullptr || usubjid == nullptr) {
        return;
    }
    for (const char* name : {"BASE", "PCHG", "ADY", "AVISITN"}) {
        if (adtr.has(name) && numbers_or_null(adtr, name) == nullptr) {
            require_numbers(list, adtr, name); // names the text column
        }
    }
    // Per subject of the analysed parameter: its first record, and whether
    // any record is its baseline.
    std::map<std::size_t, std::pair<std::size_t, bool>> seen;
    for (std::size_t row = 0; row < adtr.row_count(); ++row) {
        if (paramcd->cell_text(row) != param ||
            (anl01fl != nullptr && anl01fl->cell_text(row) != "Y")) {
            continue;
        }
        const double a = aval->numbers[row];
        const double b = base == nullptr ? std::nan("") : base->numbers[row];
        if (pchg != nullptr && std::isfinite(a) && std::isfinite(b) && b != 0 &&
            std::isfinite(pchg->numbers[row])) {
            const double derived = 100 * (a - b) / b;
            if (std::abs(pchg->numbers[row] - derived) > pchg_rounding + 1e-9 * std::abs(derived)) {
                list.add_at(adtr, row, "PCHG", Severity::Error, "PCHG contradicts AVAL and BASE",
                            "PCHG " + r_number_text(pchg->numbers[row]) + " contradicts AVAL " +
                                r_number_text(a) + " and BASE " + r_number_text(b) +
                                " (100 (AVAL - BASE) / BASE = " +
                                r_number_text(std::round(derived * 100) / 100) + ")");
            }
        }
        if (b == 0 && is_yes_cell(ablfl, row)) {
            list.add_at(adtr, row, "BASE", Severity::Warning, "baseline of 0",
                        "a baseline of 0: the subject's % change is not defined");
        }
        if (row < subjects.size() && subjects[row] != no_subject) {
            auto [it, inserted] = seen.try_emplace(subjects[row], row, false);
            it->second.second = it->second.second || is_yes_cell(ablfl, row);
        }
    }
    if (ablfl == nullptr) {
        return; // the baseline is then what precedes day 1 (build_study.h)
    }
    for (const auto& [subject, first] : seen) {
        if (!first.second) {
            list.add_at(adtr, first.first, "ABLFL", Severity::Warning, "no baseline",
                        "subject " + capped_text(usubjid->cell_text(first.first)) +
                            " has no baseline record (ABLFL \"Y\") of " + param +
                            ": its % change is not known");
        }
    }
}

// A per-visit response after the subject's death: ADY past DTHDT - TRTSDT + 1.
void check_responses_after_death(FindingList& list, const RawTable& adrs, const RawTable& adsl,
                                 const std::vector<std::size_t>& subjects) {
    const RawColumn* ady = numbers_or_null(adrs, "ADY");
    const RawColumn* start = numbers_or_null(adsl, "TRTSDT");
    const RawColumn* death = numbers_or_null(adsl, "DTHDT");
    if (ady == nullptr || start == nullptr || death == nullptr) {
        return;
    }
    for (std::size_t row = 0; row < adrs.row_count() && row < subjects.size(); ++row) {
        const std::size_t subject = subjects[row];
        if (subject == no_subject || !std::isfinite(ady->numbers[row])) {
            continue;
        }
        const double death_day = death->numbers[subject] - start->numbers[subject] + 1;
        if (std::isfinite(death_day) && ady->numbers[row] > death_day) {
            list.add_at(adrs, row, "ADY", Severity::Warning, "response after death",
                        "a response on day " + r_number_text(ady->numbers[row]) +
                            ", after the subject's death on day " + r_number_text(death_day) +
                            " (ADSL DTHDT)");
        }
    }
}

} // namespace

std::vector<Finding> validate_study_tables(const StudyTables& tables, InvalidRows* invalid_rows) {
    FindingList list(invalid_rows);
    SubjectIndex known;
    std::optional<AsText> adsl_id; // the index's keys view into its levels
    if (tables.subjects != nullptr) {
        if (const RawColumn* id = require(list, *tables.subjects, "USUBJID")) {
            adsl_id.emplace(*id);
            check_subjects(list, *tables.subjects, adsl_id->get(), known);
        }
        check_treatment_durations(list, *tables.subjects);
    }
    if (tables.time_to_event != nullptr) {
        check_time_to_event(list, tables, known);
        if (!tables.one_row_per_subject) {
            check_arms(list, *tables.time_to_event, known);
        }
    }
    if (tables.adverse_events != nullptr) {
        const auto subjects = check_adverse_events(list, *tables.adverse_events, known);
        if (tables.subjects != nullptr) {
            check_safety_population(list, *tables.adverse_events, *tables.subjects, subjects);
        }
        check_grades(list, *tables.adverse_events);
        check_arms(list, *tables.adverse_events, known);
    }
    if (tables.responses != nullptr) {
        const auto subjects = check_record_subjects(list, *tables.responses, known);
        check_arms(list, *tables.responses, known);
        if (tables.subjects != nullptr) {
            check_responses_after_death(list, *tables.responses, *tables.subjects, subjects);
        }
    }
    if (tables.tumour != nullptr) {
        const auto subjects = check_record_subjects(list, *tables.tumour, known);
        check_arms(list, *tables.tumour, known);
        check_tumour(list, tables, subjects);
    }
    return std::move(list).finish();
}

std::vector<bool> rows_of_known_subjects(const RawTable& table, const RawTable& subjects) {
    std::vector<bool> keep(table.row_count(), false);
    const RawColumn* id = table.find("USUBJID");
    const RawColumn* known_id = subjects.find("USUBJID");
    if (id == nullptr || known_id == nullptr) {
        return keep;
    }
    const AsText adsl_id_text(*known_id);
    const RawColumn& adsl_id = adsl_id_text.get();
    SubjectIndex known;
    known.adsl = &subjects;
    for (std::size_t code = 1; code < adsl_id.levels.size(); ++code) {
        known.row_of.emplace(adsl_id.levels[code], code);
    }
    const AsText id_text(*id);
    const std::vector<std::size_t> rows = subject_rows(id_text.get(), known);
    for (std::size_t row = 0; row < rows.size(); ++row) {
        keep[row] = rows[row] != no_subject;
    }
    return keep;
}

} // namespace triallens
