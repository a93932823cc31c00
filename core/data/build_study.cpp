#include "triallens/data/build_study.h"

#include "triallens/data/adverse_event_grade.h"
#include "triallens/data/data_error.h"
#include "triallens/data/finding.h"
#include "triallens/data/numeric_factor.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <optional>
#include <span>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

namespace triallens {

namespace {

bool has_any_arm_column(const RawTable& table) {
    return std::any_of(std::begin(arm_column_candidates), std::end(arm_column_candidates),
                       [&](const char* name) { return table.has(name); });
}

DataError error_at(const RawTable& table, std::size_t row, const std::string& column,
                   const std::string& what) {
    return DataError({table.source_of(row), table.line_of(row), column}, what);
}

// Where an earlier row is, said from a later one: "line 2" in the same file,
// else "adsl_site701.csv:2" (a subject in two sites' files).
std::string earlier_row(const RawTable& table, std::size_t earlier, std::size_t later) {
    const std::string& file = table.source_of(earlier);
    const std::string line = std::to_string(table.line_of(earlier));
    return file == table.source_of(later) ? "line " + line : file + ":" + line;
}

const RawColumn& require(const RawTable& table, const char* name) {
    const RawColumn* column = table.find(name);
    if (column == nullptr) {
        throw DataError({table.source, 0, name},
                        std::string("required column ") + name + " is missing");
    }
    return *column;
}

// A numeric column with few distinct values is a factor too (study.h): its
// codes index the values in numeric order, labelled as R prints them, and its
// numbers stay for numeric filters and covariates.
Variable numeric_variable(const RawColumn& column) {
    const std::vector<double> values = distinct_values(column.numbers, max_numeric_factor_levels);
    if (values.empty()) {
        // a measurement, or nothing but missing values
        return Variable::measurement(column.name, column.label, column.numbers);
    }
    // Values R spells alike (equal to 15 digits) are one level, as in factor().
    std::vector<std::string> levels;
    std::vector<std::int32_t> level_of_value;
    for (const double value : values) {
        std::string text = r_number_text(value);
        if (levels.empty() || levels.back() != text) {
            levels.push_back(std::move(text));
        }
        level_of_value.push_back(static_cast<std::int32_t>(levels.size()) - 1);
    }
    std::vector<std::int32_t> codes;
    codes.reserve(column.numbers.size());
    for (const double x : column.numbers) {
        if (std::isnan(x)) {
            codes.push_back(-1);
            continue;
        }
        const auto at = std::lower_bound(values.begin(), values.end(), x);
        codes.push_back(level_of_value[static_cast<std::size_t>(at - values.begin())]);
    }
    return Variable::numeric_factor(column.name, column.label, std::move(codes), std::move(levels),
                                    column.numbers);
}

Variable make_variable(const RawColumn& column) {
    if (column.type == ColumnType::Number) {
        return numeric_variable(column);
    }
    // The column's distinct values, sorted; each raw code maps to its rank.
    std::vector<std::uint32_t> order;
    for (std::uint32_t code = 1; code < column.levels.size(); ++code) {
        order.push_back(code);
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return column.levels[a] < column.levels[b];
    });
    std::vector<std::int32_t> rank(column.levels.size(), -1);
    std::vector<std::string> levels;
    levels.reserve(order.size());
    for (std::size_t r = 0; r < order.size(); ++r) {
        rank[order[r]] = static_cast<std::int32_t>(r);
        levels.push_back(column.levels[order[r]]);
    }
    std::vector<std::int32_t> codes;
    codes.reserve(column.codes.size());
    for (const std::uint32_t code : column.codes) {
        codes.push_back(rank[code]);
    }
    return Variable::factor(column.name, column.label, std::move(codes), std::move(levels));
}

// ADaM pairs a text column X with its numeric order X + "N" (AGEGR1/AGEGR1N,
// TRT01P/TRT01PN, RACE/RACEN). When every level of `variable` has exactly
// one number among its rows (rows with the number missing say nothing), the
// levels are reordered by those numbers, ties keeping their sorted order;
// otherwise (a level with two numbers, or none) they stay sorted.
Variable order_by_companion(Variable variable, const RawColumn& companion) {
    constexpr double unknown = std::numeric_limits<double>::quiet_NaN();
    const std::vector<std::string>& levels = variable.levels();
    const std::vector<std::int32_t>& codes = variable.codes();
    std::vector<double> number_of(levels.size(), unknown);
    for (std::size_t row = 0; row < codes.size(); ++row) {
        const std::int32_t code = codes[row];
        const double x = companion.numbers[row];
        if (code < 0 || std::isnan(x)) {
            continue;
        }
        double& number = number_of[static_cast<std::size_t>(code)];
        if (std::isnan(number)) {
            number = x;
        } else if (number != x) {
            return variable; // inconsistent: keep the sorted order
        }
    }
    if (std::any_of(number_of.begin(), number_of.end(), [](double x) { return std::isnan(x); })) {
        return variable;
    }
    std::vector<std::size_t> order(levels.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return number_of[a] < number_of[b]; });
    std::vector<std::string> ordered;
    ordered.reserve(order.size());
    for (const std::size_t code : order) {
        ordered.push_back(levels[code]);
    }
    return variable.with_level_order(std::move(ordered));
}

const Variable* find_variable(std::span<const Variable> variables, std::string_view name) {
    const auto it = std::find_if(variables.begin(), variables.end(),
                                 [&](const Variable& variable) { return variable.name() == name; });
    return it == variables.end() ? nullptr : &*it;
}

// A record-level treatment column (TRTA, TRTP) lifted to the subjects takes
// the level order of its subject-level twin (TRT01A, TRT01P: ordered by its
// ...N companion) when the two hold the same levels; else it stays sorted.
Variable order_like_twin(Variable variable, std::span<const Variable> subject_level) {
    static constexpr std::pair<const char*, const char*> twins[] = {{"TRTA", "TRT01A"},
                                                                    {"TRTP", "TRT01P"}};
    for (const auto& [name, twin_name] : twins) {
        const Variable* twin = find_variable(subject_level, twin_name);
        if (variable.name() != name || twin == nullptr || !twin->is_categorical() ||
            twin->levels().size() != variable.levels().size() ||
            !std::is_permutation(twin->levels().begin(), twin->levels().end(),
                                 variable.levels().begin())) {
            continue;
        }
        variable = variable.with_level_order(twin->levels());
    }
    return variable;
}

// Points into the identifiers of SubjectColumns, which are filled before and
// never resized or copied after (moving the vector keeps its elements).
using SubjectIndex = std::unordered_map<std::string_view, std::int32_t>;

// The subject table's columns, gathered from ADSL and then from the
// record-level datasets before the table is made once from them.
struct SubjectColumns {
    std::vector<std::string> usubjid;
    std::vector<Variable> variables;
};

SubjectColumns build_subjects(const RawTable& adsl, SubjectIndex& index) {
    const RawColumn& id = require(adsl, "USUBJID");
    if (id.type != ColumnType::Text) {
        throw DataError({adsl.source, 0, "USUBJID"}, "USUBJID must be text");
    }
    SubjectColumns subjects;
    subjects.usubjid.reserve(id.size());
    for (std::size_t row = 0; row < id.size(); ++row) {
        subjects.usubjid.push_back(id.text(row));
    }
    // Distinct identifiers are distinct codes: a subject's first row by code.
    constexpr std::size_t unseen = static_cast<std::size_t>(-1);
    std::vector<std::size_t> first_row(id.levels.size(), unseen);
    index.reserve(id.levels.size());
    for (std::size_t row = 0; row < id.size(); ++row) {
        const std::uint32_t code = id.codes[row];
        const std::string& usubjid = id.levels[code];
        if (usubjid.empty()) {
            throw error_at(adsl, row, "USUBJID", "missing subject identifier");
        }
        if (first_row[code] != unseen) {
            throw error_at(adsl, row, "USUBJID",
                           "subject " + usubjid + " appears again (first at " +
                               earlier_row(adsl, first_row[code], row) + ")");
        }
        first_row[code] = row;
        index.emplace(subjects.usubjid[row], static_cast<std::int32_t>(row));
    }
    // Companions by hash: a search per column made 100,000 columns take minutes.
    std::unordered_map<std::string_view, const RawColumn*> by_name;
    by_name.reserve(adsl.columns.size());
    for (const auto& column : adsl.columns) {
        by_name.emplace(column.name, &column);
    }
    for (const auto& column : adsl.columns) {
        if (column.name == "USUBJID") {
            continue;
        }
        Variable variable = make_variable(column).with_format(column.format);
        const auto found = by_name.find(column.name + "N");
        const RawColumn* companion = found == by_name.end() ? nullptr : found->second;
        if (column.type == ColumnType::Text && companion != nullptr &&
            companion->type == ColumnType::Number) {
            variable = order_by_companion(std::move(variable), *companion);
        }
        subjects.variables.push_back(std::move(variable));
    }
    return subjects;
}

// The subject-table row of every row of a dataset, looked up once per
// distinct USUBJID; the first row naming a subject absent from ADSL is an error.
std::vector<std::int32_t> resolve_subjects(const RawTable& table, const SubjectIndex& index) {
    const RawColumn& id = require(table, "USUBJID");
    if (id.type != ColumnType::Text) {
        throw DataError({table.source, 0, "USUBJID"}, "USUBJID must be text");
    }
    std::vector<std::int32_t> by_level(id.levels.size(), -1);
    for (std::size_t code = 0; code < id.levels.size(); ++code) {
        if (const auto it = index.find(id.levels[code]); it != index.end()) {
            by_level[code] = it->second;
        }
    }
    std::vector<std::int32_t> subjects;
    subjects.reserve(id.size());
    for (std::size_t row = 0; row < id.size(); ++row) {
        const std::int32_t subject = by_level[id.codes[row]];
        if (subject < 0) {
            throw error_at(table, row, "USUBJID",
                           id.text(row).empty() ? std::string("missing subject identifier")
                                                : "subject " + id.text(row) + " is not in ADSL");
        }
        subjects.push_back(subject);
    }
    return subjects;
}

double number_at(const RawTable& table, const RawColumn& column, std::size_t row) {
    if (column.type != ColumnType::Number) {
        throw error_at(table, row, column.name,
                       "expected a number, found " + quoted_cell(column.text(row)));
    }
    return column.numbers[row];
}

// A numeric column's values per row (NaN = missing); empty when the table
// has no such column. A text column is an error at its first non-empty cell,
// unless every cell is empty (a column a reader saw nothing in).
std::vector<double> numbers_of(const RawTable& table, const char* name) {
    const RawColumn* column = table.find(name);
    if (column == nullptr) {
        return {};
    }
    if (column->type == ColumnType::Number) {
        return column->numbers;
    }
    for (std::size_t row = 0; row < column->size(); ++row) {
        if (column->codes[row] != 0) {
            number_at(table, *column, row); // throws, naming the cell
        }
    }
    return std::vector<double>(column->size(), std::numeric_limits<double>::quiet_NaN());
}

// A column's text per row, coded; a numeric column's cells as text; no column: all missing.
CodedText coded_text(const RawColumn* column, std::size_t rows) {
    CodedText coded;
    if (column == nullptr) {
        coded.codes.assign(rows, 0);
        return coded;
    }
    if (column->type == ColumnType::Text) {
        coded.codes = column->codes;
        coded.levels = column->levels;
        return coded;
    }
    const RawColumn as_text = text_column(column->name, column->label, [&] {
        std::vector<std::string> cells;
        for (std::size_t row = 0; row < rows; ++row) {
            cells.push_back(column->cell_text(row));
        }
        return cells;
    }());
    coded.codes = as_text.codes;
    coded.levels = as_text.levels;
    return coded;
}

// A yes/no flag per row from a text predicate, judged once per distinct value.
template <typename Predicate>
std::vector<std::uint8_t> flags_of(const RawColumn* column, std::size_t rows, Predicate predicate,
                                   bool when_absent) {
    if (column == nullptr) {
        return std::vector<std::uint8_t>(rows, when_absent ? 1 : 0);
    }
    const CodedText coded = coded_text(column, rows);
    std::vector<std::uint8_t> by_level;
    for (const auto& level : coded.levels) {
        by_level.push_back(predicate(level) ? 1 : 0);
    }
    std::vector<std::uint8_t> flags;
    flags.reserve(rows);
    for (const std::uint32_t code : coded.codes) {
        flags.push_back(by_level[code]);
    }
    return flags;
}

std::string text_at(const RawColumn* column, std::size_t row) {
    return column == nullptr ? std::string{} : column->cell_text(row);
}

// Per endpoint (by parameter code) its records' raw cause codes into
// `coded` (0 = censored), made into EventCauses in the source's order, or
// none when an optional source does not give every event a cause.
EventCauses event_causes(const CauseSource& source, const CodedText& coded,
                         const std::vector<std::uint32_t>& raw, const RawTable& adtte,
                         const std::string& paramcd) {
    std::vector<std::uint32_t> used;
    for (const std::uint32_t code : raw) {
        if (code != 0) {
            used.push_back(code);
        }
    }
    std::sort(used.begin(), used.end());
    used.erase(std::unique(used.begin(), used.end()), used.end());
    if (used.size() > max_event_causes) {
        if (source.required) {
            throw DataError({adtte.source, 0, source.column},
                            paramcd + "'s events have " + std::to_string(used.size()) +
                                " causes in " + source.column + ", more than the " +
                                std::to_string(max_event_causes) + " competing risks allow");
        }
        return {};
    }
    const auto number = [&](std::uint32_t code) { return std::stod(coded.levels[code]); };
    std::sort(used.begin(), used.end(), [&](std::uint32_t a, std::uint32_t b) {
        return source.status ? number(a) < number(b) : coded.levels[a] < coded.levels[b];
    });
    EventCauses causes;
    causes.column = source.column;
    causes.named = source.required;
    std::vector<std::uint8_t> position(coded.levels.size(), 0);
    for (std::size_t k = 0; k < used.size(); ++k) {
        causes.names.push_back(coded.levels[used[k]]);
        position[used[k]] = static_cast<std::uint8_t>(k + 1);
    }
    causes.code.reserve(raw.size());
    for (const std::uint32_t code : raw) {
        causes.code.push_back(position[code]);
    }
    return causes;
}

std::vector<TimeToEvent> build_endpoints(const RawTable& adtte, const SubjectIndex& index,
                                         const CauseSource& cause_source) {
    const RawColumn& id = require(adtte, "USUBJID");
    const std::vector<std::int32_t> subjects = resolve_subjects(adtte, index);
    const RawColumn& paramcd = require(adtte, "PARAMCD");
    const RawColumn& aval = require(adtte, "AVAL");
    const RawColumn& cnsr = require(adtte, "CNSR");
    const RawColumn* param = adtte.find("PARAM");
    const RawColumn* avalu = adtte.find("AVALU");
    const RawColumn* cause = adtte.find(cause_source.column);
    if (cause == nullptr && cause_source.required) {
        throw DataError({adtte.source, 0, cause_source.column},
                        "no column " + cause_source.column + " to read the events' causes from");
    }
    const CodedText cause_text =
        cause == nullptr ? CodedText{} : coded_text(cause, adtte.row_count());

    const CodedText codes = coded_text(&paramcd, adtte.row_count());
    // Per parameter code its columns, sized exactly (a loaded study is held
    // for the whole session, so no vector keeps doubling's spare room).
    struct Columns {
        std::string paramcd;
        std::string param;
        std::string time_unit;
        std::vector<std::int32_t> subject;
        std::vector<double> time;
        std::vector<std::uint8_t> event;
        std::vector<std::uint32_t> cause; // codes into cause_text, 0 = censored
        bool causes_complete = true;
    };
    std::vector<Columns> by_code(codes.levels.size());
    {
        std::vector<std::size_t> records(codes.levels.size(), 0);
        for (const std::uint32_t code : codes.codes) {
            ++records[code];
        }
        for (std::size_t code = 0; code < records.size(); ++code) {
            by_code[code].subject.reserve(records[code]);
            by_code[code].time.reserve(records[code]);
            by_code[code].event.reserve(records[code]);
            if (cause != nullptr) {
                by_code[code].cause.reserve(records[code]);
            }
        }
    }
    // Per parameter code, each subject's first row (+1; 0 = not seen yet).
    std::vector<std::vector<std::size_t>> first_row(codes.levels.size());
    for (std::size_t row = 0; row < adtte.row_count(); ++row) {
        const std::string& code = codes[row];
        if (code.empty()) {
            throw error_at(adtte, row, "PARAMCD", "missing parameter code");
        }
        const std::int32_t subject = subjects[row];
        auto& seen = first_row[codes.codes[row]];
        if (seen.empty()) {
            seen.assign(index.size(), 0);
        }
        std::size_t& first = seen[static_cast<std::size_t>(subject)];
        if (first != 0) {
            throw error_at(adtte, row, "USUBJID",
                           "subject " + id.text(row) + " has a second " + code +
                               " record (first at " + earlier_row(adtte, first - 1, row) + ")");
        }
        first = row + 1;
        const double time = number_at(adtte, aval, row);
        if (std::isnan(time)) {
            throw error_at(adtte, row, "AVAL", "missing time");
        }
        if (time < 0) {
            throw error_at(adtte, row, "AVAL", "negative time");
        }
        const double censor = number_at(adtte, cnsr, row);
        if (std::isnan(censor) || censor < 0 || censor != std::floor(censor)) {
            throw error_at(adtte, row, "CNSR",
                           "censor flag must be 0 (event) or a positive integer (censored)");
        }
        Columns& columns = by_code[codes.codes[row]];
        if (columns.paramcd.empty()) {
            columns.paramcd = code;
            columns.param = text_at(param, row);
            columns.time_unit = text_at(avalu, row);
        }
        columns.subject.push_back(subject);
        columns.time.push_back(time);
        columns.event.push_back(censor == 0 ? 1 : 0);
        if (cause != nullptr) {
            const std::uint32_t raw = censor == 0 ? cause_text.codes[row] : 0;
            if (censor == 0 && cause_text.levels[raw].empty()) {
                if (cause_source.required) {
                    throw error_at(adtte, row, cause_source.column, "an event without a cause");
                }
                columns.causes_complete = false;
            }
            columns.cause.push_back(raw);
        }
    }
    // In PARAMCD order, as they always were.
    std::sort(by_code.begin(), by_code.end(),
              [](const Columns& a, const Columns& b) { return a.paramcd < b.paramcd; });
    std::vector<TimeToEvent> endpoints;
    for (auto& columns : by_code) {
        if (!columns.paramcd.empty()) {
            EventCauses causes =
                cause != nullptr && columns.causes_complete
                    ? event_causes(cause_source, cause_text, columns.cause, adtte, columns.paramcd)
                    : EventCauses{};
            endpoints.emplace_back(std::move(columns.paramcd), std::move(columns.param),
                                   std::move(columns.time_unit), std::move(columns.subject),
                                   std::move(columns.time), std::move(columns.event),
                                   std::move(causes));
        }
    }
    return endpoints;
}

bool is_yes(const std::string& text) {
    return text == "Y" || text == "YES" || text == "Yes";
}

// A missing relationship counts as related: the contract's rule (AEREL not
// NONE / NOT RELATED / N) and the conservative convention of safety tables.
bool is_related(const std::string& text) {
    return text != "NONE" && text != "NOT RELATED" && text != "N" && text != "UNRELATED";
}

// AETOXGR's grade where it gives one, else AESEV's, else none (0): the
// validation has warned about every value that is not a grade.
struct RecordGrade {
    std::int32_t grade = 0;
    const RawColumn* source = nullptr;
};

RecordGrade grade_at(const RawColumn* toxgr, const RawColumn* sev, std::size_t row) {
    for (const RawColumn* column : {toxgr, sev}) {
        if (column != nullptr) {
            if (const auto grade = adverse_event_grade(column->cell_text(row))) {
                return {*grade, column};
            }
        }
    }
    return {};
}

std::string upper(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return text;
}

// Whether a column is present with a value (not only blanks) on some record.
bool has_values(const RawColumn* column, std::size_t rows) {
    if (column == nullptr) {
        return false;
    }
    const CodedText coded = coded_text(column, rows);
    std::vector<std::uint8_t> filled;
    for (const std::string& level : coded.levels) {
        filled.push_back(level.find_first_not_of(" \t") != std::string::npos ? 1 : 0);
    }
    return std::any_of(coded.codes.begin(), coded.codes.end(),
                       [&](std::uint32_t code) { return filled[code] != 0; });
}

// Per record, whether either column says so; empty when neither column has
// a value, so the overview can say "not recorded" rather than count zero.
template <typename First, typename Second>
std::vector<std::uint8_t> either_flag(const RawColumn* first, First first_says,
                                      const RawColumn* second, Second second_says,
                                      std::size_t rows) {
    const bool has_first = has_values(first, rows);
    const bool has_second = has_values(second, rows);
    if (!has_first && !has_second) {
        return {};
    }
    std::vector<std::uint8_t> flags =
        flags_of(has_first ? first : nullptr, rows, first_says, false);
    if (has_second) {
        const std::vector<std::uint8_t> more = flags_of(second, rows, second_says, false);
        for (std::size_t row = 0; row < rows; ++row) {
            flags[row] = static_cast<std::uint8_t>(flags[row] | more[row]);
        }
    }
    return flags;
}

AdverseEvents build_adverse_events(const RawTable& adae, const SubjectIndex& index) {
    const RawColumn& decod = require(adae, "AEDECOD");
    const RawColumn* bodsys = adae.find("AEBODSYS");
    const RawColumn* toxgr = adae.find("AETOXGR");
    const RawColumn* sev = adae.find("AESEV");
    const RawColumn* rel = adae.find("AEREL");
    const RawColumn* ser = adae.find("AESER");
    const RawColumn* trtem = adae.find("TRTEMFL");

    AdverseEvents events;
    events.subject = resolve_subjects(adae, index);
    bool graded_by_toxgr = false;
    bool graded_by_sev = false;
    for (std::size_t row = 0; row < adae.row_count(); ++row) {
        const RecordGrade grade = grade_at(toxgr, sev, row);
        events.grade.push_back(grade.grade);
        graded_by_toxgr = graded_by_toxgr || (grade.source != nullptr && grade.source == toxgr);
        graded_by_sev = graded_by_sev || (grade.source != nullptr && grade.source == sev);
    }
    events.grade_variable = graded_by_toxgr ? "AETOXGR" : graded_by_sev ? "AESEV" : "";
    const std::size_t rows = adae.row_count();
    events.soc = coded_text(bodsys, rows);
    events.pt = coded_text(&decod, rows);
    events.related = flags_of(rel, rows, is_related, false);
    events.serious = flags_of(ser, rows, is_yes, false);
    events.treatment_emergent = flags_of(trtem, rows, is_yes, true);
    events.has_treatment_emergent = trtem != nullptr;
    events.has_related = has_values(rel, rows);
    events.has_serious = has_values(ser, rows);
    const auto never = [](const std::string&) { return false; };
    events.drug_withdrawn = either_flag(
        adae.find("AEACN"), [](const std::string& text) { return upper(text) == "DRUG WITHDRAWN"; },
        nullptr, never, rows);
    events.fatal = either_flag(
        adae.find("AEOUT"), [](const std::string& text) { return upper(text) == "FATAL"; },
        adae.find("AESDTH"), is_yes, rows);
    events.start_day = numbers_of(adae, "ASTDY");
    events.end_day = numbers_of(adae, "AENDY");
    return events;
}

Responses build_responses(const RawTable& adrs, const SubjectIndex& index) {
    const RawColumn& paramcd = require(adrs, "PARAMCD");
    const RawColumn& avalc = require(adrs, "AVALC");
    Responses responses;
    responses.subject = resolve_subjects(adrs, index);
    responses.paramcd = coded_text(&paramcd, adrs.row_count());
    responses.value = coded_text(&avalc, adrs.row_count());
    responses.day = numbers_of(adrs, "ADY");
    return responses;
}

TumourMeasurements build_tumour(const RawTable& adtr, const SubjectIndex& index,
                                const std::string& requested) {
    const RawColumn& paramcd = require(adtr, "PARAMCD");
    const RawColumn& aval = require(adtr, "AVAL");
    TumourMeasurements tumour;
    tumour.paramcd = tumour_param_of(adtr, requested);
    if (tumour.paramcd.empty()) {
        throw DataError({adtr.source, 0, "PARAMCD"}, tumour_param_problem(adtr, requested));
    }
    const char* day_name = adtr.has("ADY") ? "ADY" : "AVISITN";
    if (!adtr.has(day_name)) {
        throw DataError({adtr.source, 0, "ADY"},
                        "no ADY or AVISITN column to place the measurements in time");
    }
    tumour.day_column = day_name;
    const std::size_t rows = adtr.row_count();
    const std::vector<std::int32_t> subjects = resolve_subjects(adtr, index);
    const CodedText codes = coded_text(&paramcd, rows);
    const RawColumn* param = adtr.find("PARAM");
    const RawColumn* anl01fl = adtr.find("ANL01FL");
    const RawColumn* ablfl = adtr.find("ABLFL");
    const std::vector<double> day = numbers_of(adtr, day_name);
    const std::vector<double> base = numbers_of(adtr, "BASE");
    const std::vector<double> pchg = numbers_of(adtr, "PCHG");
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    for (std::size_t row = 0; row < rows; ++row) {
        if (codes[row] != tumour.paramcd ||
            (anl01fl != nullptr && !is_yes(anl01fl->cell_text(row)))) {
            continue;
        }
        if (tumour.param.empty() && param != nullptr) {
            tumour.param = param->cell_text(row);
        }
        const double value = number_at(adtr, aval, row);
        const double b = base.empty() ? nan : base[row];
        double change = pchg.empty() ? nan : pchg[row];
        if (std::isnan(change) && std::isfinite(value) && std::isfinite(b) && b != 0) {
            change = 100 * (value - b) / b;
        }
        tumour.subject.push_back(subjects[row]);
        tumour.day.push_back(day[row]);
        tumour.value.push_back(value);
        tumour.base.push_back(b);
        tumour.pchg.push_back(change);
        // Without ABLFL the baseline is what precedes the first dose (ADY <= 1).
        tumour.baseline.push_back(ablfl != nullptr ? is_yes(ablfl->cell_text(row))
                                                   : tumour.day_column == "ADY" && day[row] <= 1);
    }
    return tumour;
}

// A treatment column of the record-level datasets that ADSL lacks (TRTP in
// ADTTE, TRTA in ADAE), as a subject-level variable: each subject's value
// from its records, which must agree wherever the column is filled; a
// subject with no filled record has none. A subject with two values makes
// the column unusable as a variable, with the first two rows that disagree.
struct RecordLevelColumn {
    std::optional<Variable> variable;
    std::string reason; // when not constant per subject
};

RecordLevelColumn subject_level_column(const std::string& name,
                                       const std::vector<const RawTable*>& datasets,
                                       const SubjectIndex& index, std::size_t subjects) {
    struct Seen {
        const std::string* value = nullptr;
        const RawTable* table = nullptr;
        std::size_t row = 0;
    };
    std::vector<Seen> seen(subjects);
    std::vector<CodedText> texts; // kept for the values seen points into
    texts.reserve(datasets.size());
    std::string label;
    for (const RawTable* table : datasets) {
        const RawColumn* column = table->find(name);
        if (column == nullptr) {
            continue;
        }
        if (label.empty()) {
            label = column->label;
        }
        const std::vector<std::int32_t> subject_of = resolve_subjects(*table, index);
        const CodedText& text = texts.emplace_back(coded_text(column, table->row_count()));
        for (std::size_t row = 0; row < table->row_count(); ++row) {
            if (text.codes[row] == 0) {
                continue; // missing: says nothing
            }
            const std::string& value = text[row];
            Seen& first = seen[static_cast<std::size_t>(subject_of[row])];
            if (first.value == nullptr) {
                first = {&value, table, row};
                continue;
            }
            if (*first.value == value) {
                continue;
            }
            const std::string usubjid = table->find("USUBJID")->cell_text(row);
            const std::string& file = table->source_of(row);
            const std::string& first_file = first.table->source_of(first.row);
            const std::string first_line = std::to_string(first.table->line_of(first.row));
            const std::string line = std::to_string(table->line_of(row));
            RecordLevelColumn unusable;
            unusable.reason =
                first_file == file
                    ? name + " is not constant for subject " + capped_text(usubjid) + " in " +
                          file + ": " + quoted_cell(*first.value) + " (line " + first_line +
                          ") and " + quoted_cell(value) + " (line " + line + ")"
                    : name + " is not constant for subject " + capped_text(usubjid) + ": " +
                          quoted_cell(*first.value) + " (" + first_file + " line " + first_line +
                          ") and " + quoted_cell(value) + " (" + file + " line " + line + ")";
            return unusable;
        }
    }
    std::vector<std::string> levels;
    for (const Seen& subject : seen) {
        if (subject.value != nullptr) {
            levels.push_back(*subject.value);
        }
    }
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    std::vector<std::int32_t> codes;
    codes.reserve(subjects);
    for (const Seen& subject : seen) {
        codes.push_back(subject.value == nullptr
                            ? -1
                            : static_cast<std::int32_t>(
                                  std::lower_bound(levels.begin(), levels.end(), *subject.value) -
                                  levels.begin()));
    }
    Variable variable = Variable::factor(name, label, std::move(codes), std::move(levels));
    return {std::move(variable), {}};
}

} // namespace

DatasetRole recognise_role(const RawTable& table) {
    if (!table.has("USUBJID")) {
        return DatasetRole::Unknown;
    }
    if (table.has("PARAMCD") && table.has("AVAL") && table.has("CNSR")) {
        return DatasetRole::TimeToEvent;
    }
    if (table.has("AEDECOD")) {
        return DatasetRole::AdverseEvents;
    }
    if (table.has("PARAMCD") && table.has("AVAL") && !table.has("AVALC") &&
        (table.has("BASE") || table.has("PCHG"))) {
        return DatasetRole::TumourMeasurements;
    }
    if (table.has("PARAMCD") && table.has("AVALC")) {
        return DatasetRole::Responses;
    }
    if (has_any_arm_column(table)) {
        return DatasetRole::SubjectLevel;
    }
    return DatasetRole::Unknown;
}

Study build_study(const std::vector<RawTable>& tables, std::string name) {
    std::vector<DatasetRole> roles;
    for (const auto& table : tables) {
        roles.push_back(recognise_role(table));
    }
    return build_study(tables, roles, std::move(name));
}

Study build_study(const std::vector<RawTable>& tables, const std::vector<DatasetRole>& roles,
                  std::string name, const CauseSource& causes, const std::string& tumour_param) {
    if (roles.size() != tables.size()) {
        throw std::invalid_argument("build_study: one role per table");
    }
    std::map<DatasetRole, const RawTable*> by_role;
    for (std::size_t t = 0; t < tables.size(); ++t) {
        const RawTable& table = tables[t];
        const DatasetRole role = roles[t];
        if (role == DatasetRole::Unknown) {
            throw DataError({table.source, 0, {}},
                            "not recognised as ADSL, ADTTE, ADAE, ADRS or ADTR (no USUBJID, or "
                            "no treatment, PARAMCD/AVAL/CNSR, AEDECOD, PARAMCD/AVALC or "
                            "PARAMCD/AVAL/BASE columns)");
        }
        const auto [it, inserted] = by_role.emplace(role, &table);
        if (!inserted) {
            throw DataError({table.source, 0, {}},
                            "holds the same kind of data as " + it->second->source);
        }
    }
    const auto adsl = by_role.find(DatasetRole::SubjectLevel);
    if (adsl == by_role.end()) {
        std::string sources;
        for (const auto& table : tables) {
            sources += (sources.empty() ? "" : ", ") + table.source;
        }
        throw DataError({}, "no subject-level table (ADSL with USUBJID and a treatment column)" +
                                (sources.empty() ? std::string() : " among " + sources));
    }

    Study study;
    study.name = std::move(name);
    for (const auto& table : tables) {
        study.sources.push_back(table.source);
    }
    SubjectIndex index;
    SubjectColumns subjects = build_subjects(*adsl->second, index);
    if (const auto it = by_role.find(DatasetRole::TimeToEvent); it != by_role.end()) {
        study.endpoints = build_endpoints(*it->second, index, causes);
    }
    if (const auto it = by_role.find(DatasetRole::AdverseEvents); it != by_role.end()) {
        study.adverse_events = build_adverse_events(*it->second, index);
    }
    if (const auto it = by_role.find(DatasetRole::Responses); it != by_role.end()) {
        study.responses = build_responses(*it->second, index);
    }
    if (const auto it = by_role.find(DatasetRole::TumourMeasurements); it != by_role.end()) {
        study.tumour = build_tumour(*it->second, index, tumour_param);
    }
    std::vector<const RawTable*> record_level;
    for (const DatasetRole role : {DatasetRole::TimeToEvent, DatasetRole::AdverseEvents,
                                   DatasetRole::Responses, DatasetRole::TumourMeasurements}) {
        if (const auto it = by_role.find(role); it != by_role.end()) {
            record_level.push_back(it->second);
        }
    }
    for (const char* candidate : arm_column_candidates) {
        const std::string arm = candidate;
        const bool held = std::any_of(record_level.begin(), record_level.end(),
                                      [&](const RawTable* table) { return table->has(arm); });
        if (!held || find_variable(subjects.variables, arm) != nullptr) {
            continue;
        }
        RecordLevelColumn column =
            subject_level_column(arm, record_level, index, subjects.usubjid.size());
        if (column.variable) {
            subjects.variables.push_back(
                order_like_twin(std::move(*column.variable), subjects.variables));
        } else {
            study.unusable_treatments.push_back({arm, std::move(column.reason)});
        }
    }
    study.subjects = SubjectTable(std::move(subjects.usubjid), std::move(subjects.variables));
    study.reconstructed = reconstructed_subjects(study.subjects);
    return study;
}

std::string tumour_param_of(const RawTable& adtr, const std::string& requested) {
    const RawColumn* paramcd = adtr.find("PARAMCD");
    if (paramcd == nullptr) {
        return {};
    }
    const CodedText codes = coded_text(paramcd, adtr.row_count());
    const auto held = [&](const std::string& name) {
        return std::find(codes.levels.begin() + 1, codes.levels.end(), name) != codes.levels.end();
    };
    if (!requested.empty()) {
        return held(requested) ? requested : std::string{};
    }
    for (const char* candidate : tumour_param_candidates) {
        if (held(candidate)) {
            return candidate;
        }
    }
    return {};
}

std::string tumour_param_problem(const RawTable& adtr, const std::string& requested) {
    std::vector<std::string> held;
    if (const RawColumn* paramcd = adtr.find("PARAMCD")) {
        const CodedText codes = coded_text(paramcd, adtr.row_count());
        held.assign(codes.levels.begin() + 1, codes.levels.end());
        std::sort(held.begin(), held.end());
    }
    std::string list;
    for (std::size_t i = 0; i < held.size() && i < 10; ++i) {
        list += (i == 0 ? "" : ", ") + capped_text(held[i], 40);
    }
    if (held.size() > 10) {
        list += ", …";
    }
    const std::string holds = held.empty() ? "no PARAMCD values" : "PARAMCD values " + list;
    return requested.empty()
               ? "no sum of diameters among the " + holds +
                     " (looked for SDIAM, SUMDIAM, SLD, LDIAM): name it with --tr-param"
               : "no records of PARAMCD " + capped_text(requested, 40) +
                     " (--tr-param) among the " + holds;
}

} // namespace triallens
