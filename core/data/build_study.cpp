#include "triallens/data/build_study.h"

#include "triallens/data/data_error.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace triallens {

namespace {

bool has_any_arm_column(const RawTable& table) {
    return std::any_of(std::begin(arm_column_candidates), std::end(arm_column_candidates),
                       [&](const char* name) { return table.has(name); });
}

DataError error_at(const RawTable& table, std::size_t row, const std::string& column,
                   const std::string& what) {
    return DataError({table.source, table.line_of(row), column}, what);
}

const RawColumn& require(const RawTable& table, const char* name) {
    const RawColumn* column = table.find(name);
    if (column == nullptr) {
        throw DataError({table.source, 0, name},
                        std::string("required column ") + name + " is missing");
    }
    return *column;
}

Variable make_variable(const RawColumn& column) {
    Variable variable;
    variable.name = column.name;
    variable.label = column.label;
    if (column.type == ColumnType::Number) {
        variable.categorical = false;
        variable.numbers = column.numbers;
        return variable;
    }
    std::vector<std::string> levels;
    for (const auto& text : column.texts) {
        if (!text.empty()) {
            levels.push_back(text);
        }
    }
    std::sort(levels.begin(), levels.end());
    levels.erase(std::unique(levels.begin(), levels.end()), levels.end());
    variable.levels = std::move(levels);
    variable.codes.reserve(column.texts.size());
    for (const auto& text : column.texts) {
        variable.codes.push_back(text.empty() ? -1 : *variable.level_code(text));
    }
    return variable;
}

using SubjectIndex = std::unordered_map<std::string, std::int32_t>;

SubjectTable build_subjects(const RawTable& adsl, SubjectIndex& index) {
    const RawColumn& id = require(adsl, "USUBJID");
    if (id.type != ColumnType::Text) {
        throw DataError({adsl.source, 0, "USUBJID"}, "USUBJID must be text");
    }
    SubjectTable subjects;
    std::unordered_map<std::string, std::size_t> first_row;
    for (std::size_t row = 0; row < id.texts.size(); ++row) {
        const std::string& usubjid = id.texts[row];
        if (usubjid.empty()) {
            throw error_at(adsl, row, "USUBJID", "missing subject identifier");
        }
        const auto [it, inserted] = first_row.emplace(usubjid, row);
        if (!inserted) {
            throw error_at(adsl, row, "USUBJID",
                           "subject " + usubjid + " appears again (first at line " +
                               std::to_string(adsl.line_of(it->second)) + ")");
        }
        index.emplace(usubjid, static_cast<std::int32_t>(row));
    }
    subjects.usubjid = id.texts;
    for (const auto& column : adsl.columns) {
        if (column.name != "USUBJID") {
            subjects.variables.push_back(make_variable(column));
        }
    }
    return subjects;
}

std::int32_t subject_of(const RawTable& table, const RawColumn& id, std::size_t row,
                        const SubjectIndex& index) {
    const auto it = index.find(id.texts[row]);
    if (it == index.end()) {
        throw error_at(table, row, "USUBJID", "subject " + id.texts[row] + " is not in ADSL");
    }
    return it->second;
}

double number_at(const RawTable& table, const RawColumn& column, std::size_t row) {
    if (column.type != ColumnType::Number) {
        throw error_at(table, row, column.name,
                       "expected a number, found \"" + column.texts[row] + "\"");
    }
    return column.numbers[row];
}

std::string text_at(const RawColumn* column, std::size_t row) {
    return column == nullptr ? std::string{} : column->cell_text(row);
}

std::vector<TimeToEvent> build_endpoints(const RawTable& adtte, const SubjectIndex& index) {
    const RawColumn& id = require(adtte, "USUBJID");
    const RawColumn& paramcd = require(adtte, "PARAMCD");
    const RawColumn& aval = require(adtte, "AVAL");
    const RawColumn& cnsr = require(adtte, "CNSR");
    const RawColumn* param = adtte.find("PARAM");
    const RawColumn* avalu = adtte.find("AVALU");

    std::map<std::string, TimeToEvent> by_param;
    std::map<std::pair<std::string, std::int32_t>, std::size_t> seen;
    for (std::size_t row = 0; row < adtte.row_count(); ++row) {
        const std::string code = paramcd.cell_text(row);
        if (code.empty()) {
            throw error_at(adtte, row, "PARAMCD", "missing parameter code");
        }
        const std::int32_t subject = subject_of(adtte, id, row, index);
        const auto [it, inserted] = seen.emplace(std::make_pair(code, subject), row);
        if (!inserted) {
            throw error_at(adtte, row, "USUBJID",
                           "subject " + id.texts[row] + " has a second " + code +
                               " record (first at line " +
                               std::to_string(adtte.line_of(it->second)) + ")");
        }
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
        TimeToEvent& endpoint = by_param[code];
        if (endpoint.paramcd.empty()) {
            endpoint.paramcd = code;
            endpoint.param = text_at(param, row);
            endpoint.time_unit = text_at(avalu, row);
        }
        endpoint.subject.push_back(subject);
        endpoint.time.push_back(time);
        endpoint.event.push_back(censor == 0 ? 1 : 0);
    }
    std::vector<TimeToEvent> endpoints;
    for (auto& [code, endpoint] : by_param) {
        endpoints.push_back(std::move(endpoint));
    }
    return endpoints;
}

bool is_yes(const std::string& text) {
    return text == "Y" || text == "YES" || text == "Yes";
}

bool is_related(const std::string& text) {
    return !text.empty() && text != "NONE" && text != "NOT RELATED" && text != "N" &&
           text != "UNRELATED";
}

std::int32_t grade_at(const RawTable& adae, const RawColumn* toxgr, const RawColumn* sev,
                      std::size_t row) {
    if (toxgr != nullptr) {
        const std::string text = toxgr->cell_text(row);
        if (text.empty()) {
            return 0;
        }
        if (text.size() == 1 && text[0] >= '1' && text[0] <= '5') {
            return text[0] - '0';
        }
        throw error_at(adae, row, toxgr->name, "grade must be 1 to 5, found \"" + text + "\"");
    }
    if (sev != nullptr) {
        const std::string text = sev->cell_text(row);
        if (text == "MILD") {
            return 1;
        }
        if (text == "MODERATE") {
            return 2;
        }
        if (text == "SEVERE") {
            return 3;
        }
    }
    return 0;
}

AdverseEvents build_adverse_events(const RawTable& adae, const SubjectIndex& index) {
    const RawColumn& id = require(adae, "USUBJID");
    const RawColumn& decod = require(adae, "AEDECOD");
    const RawColumn* bodsys = adae.find("AEBODSYS");
    const RawColumn* toxgr = adae.find("AETOXGR");
    const RawColumn* sev = adae.find("AESEV");
    const RawColumn* rel = adae.find("AEREL");
    const RawColumn* ser = adae.find("AESER");
    const RawColumn* trtem = adae.find("TRTEMFL");

    AdverseEvents events;
    for (std::size_t row = 0; row < adae.row_count(); ++row) {
        events.subject.push_back(subject_of(adae, id, row, index));
        events.soc.push_back(text_at(bodsys, row));
        events.pt.push_back(decod.cell_text(row));
        events.grade.push_back(grade_at(adae, toxgr, sev, row));
        events.related.push_back(is_related(text_at(rel, row)) ? 1 : 0);
        events.serious.push_back(is_yes(text_at(ser, row)) ? 1 : 0);
        events.treatment_emergent.push_back(trtem == nullptr || is_yes(text_at(trtem, row)) ? 1
                                                                                            : 0);
    }
    return events;
}

Responses build_responses(const RawTable& adrs, const SubjectIndex& index) {
    const RawColumn& id = require(adrs, "USUBJID");
    const RawColumn& paramcd = require(adrs, "PARAMCD");
    const RawColumn& avalc = require(adrs, "AVALC");
    Responses responses;
    for (std::size_t row = 0; row < adrs.row_count(); ++row) {
        responses.subject.push_back(subject_of(adrs, id, row, index));
        responses.paramcd.push_back(paramcd.cell_text(row));
        responses.value.push_back(avalc.cell_text(row));
    }
    return responses;
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
    if (table.has("PARAMCD") && table.has("AVALC")) {
        return DatasetRole::Responses;
    }
    if (has_any_arm_column(table)) {
        return DatasetRole::SubjectLevel;
    }
    return DatasetRole::Unknown;
}

Study build_study(const std::vector<RawTable>& tables, std::string name) {
    std::map<DatasetRole, const RawTable*> by_role;
    for (const auto& table : tables) {
        const DatasetRole role = recognise_role(table);
        if (role == DatasetRole::Unknown) {
            throw DataError({table.source, 0, {}},
                            "not recognised as ADSL, ADTTE, ADAE or ADRS (no USUBJID, or no "
                            "treatment, PARAMCD/AVAL/CNSR, AEDECOD or PARAMCD/AVALC columns)");
        }
        const auto [it, inserted] = by_role.emplace(role, &table);
        if (!inserted) {
            throw DataError({table.source, 0, {}},
                            "holds the same kind of data as " + it->second->source);
        }
    }
    const auto adsl = by_role.find(DatasetRole::SubjectLevel);
    if (adsl == by_role.end()) {
        throw DataError({}, "no subject-level table (ADSL with USUBJID and a treatment column)");
    }

    Study study;
    study.name = std::move(name);
    for (const auto& table : tables) {
        study.sources.push_back(table.source);
    }
    SubjectIndex index;
    study.subjects = build_subjects(*adsl->second, index);
    if (const auto it = by_role.find(DatasetRole::TimeToEvent); it != by_role.end()) {
        study.endpoints = build_endpoints(*it->second, index);
    }
    if (const auto it = by_role.find(DatasetRole::AdverseEvents); it != by_role.end()) {
        study.adverse_events = build_adverse_events(*it->second, index);
    }
    if (const auto it = by_role.find(DatasetRole::Responses); it != by_role.end()) {
        study.responses = build_responses(*it->second, index);
    }
    return study;
}

} // namespace triallens
