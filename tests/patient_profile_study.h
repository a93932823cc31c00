#pragma once
// A two-subject study whose every profile value is known, shared by the core
// and GUI profile suites: S1 treated from 2014-01-02 (SAS day 19725) for
// 100 days, died on day 150 (2014-05-31), two per-visit responses and a BOR of PR, three
// tumour measurements (baseline, -10%, -40%) and two AEs (grade 2 rash, days
// 20-30, serious; grade 3 related nausea without a start day); S2 ongoing,
// one SD visit, a baseline only, one grade 1 AE on days 5-9; S3 nothing but
// its ADSL row. Responses, measurements and AE days are filled in as the
// loader fills them.

#include <triallens/data/build_study.h>

#include <cmath>
#include <string>
#include <vector>

namespace profile_test {

using namespace triallens;

inline RawColumn text_column(std::string name, const std::vector<std::string>& values) {
    TextColumnBuilder builder;
    for (const auto& value : values) {
        builder.push_back(value);
    }
    return std::move(builder).finish(std::move(name), "");
}

inline RawColumn number_column(std::string name, std::vector<double> values,
                               std::string format = {}) {
    RawColumn column;
    column.name = std::move(name);
    column.type = ColumnType::Number;
    column.numbers = std::move(values);
    column.format = std::move(format);
    return column;
}

inline Study hand_built() {
    RawTable adsl;
    adsl.source = "adsl.csv";
    const double nan = std::nan("");
    adsl.columns = {text_column("USUBJID", {"S1", "S2", "S3"}),
                    text_column("TRT01P", {"Drug", "Placebo", "Drug"}),
                    number_column("AGE", {61.5, 70, 44}),
                    number_column("TRTSDT", {19725, 19730, 19740}, "DATE9"),
                    number_column("TRTEDT", {19824, nan, 19800}, "DATE9"),
                    number_column("DTHDT", {19874, nan, nan}, "E8601DA10."),
                    text_column("DTHFL", {"Y", "", ""})};
    RawTable adtte;
    adtte.source = "adtte.csv";
    adtte.columns = {text_column("USUBJID", {"S1", "S2", "S3"}),
                     text_column("PARAMCD", {"OS", "OS", "OS"}),
                     number_column("AVAL", {150, 90, 75}), number_column("CNSR", {0, 1, 1})};
    Study study = build_study({adsl, adtte}, "hand");

    Responses& responses = study.responses;
    responses.paramcd.levels = {"", "OVR", "BOR"};
    responses.value.levels = {"", "PR", "SD", "CR"};
    // S1: BOR first in the file, then two visits out of order; S2: one visit.
    responses.subject = {0, 0, 1, 0};
    responses.paramcd.codes = {2, 1, 1, 1};
    responses.value.codes = {1, 1, 2, 2};
    responses.day = {nan, 84, 42, 42};

    TumourMeasurements& tumour = study.tumour;
    tumour.paramcd = "SDIAM";
    tumour.day_column = "ADY";
    tumour.subject = {0, 1, 0, 0};
    tumour.day = {84, 1, -3, 42};
    tumour.value = {30, 50, 50, 45};
    tumour.base = {50, 50, 50, 50};
    tumour.pchg = {-40, nan, 0, -10};
    tumour.baseline = {0, 1, 1, 0};

    AdverseEvents& events = study.adverse_events;
    events.subject = {0, 1, 0};
    events.pt.levels = {"", "Nausea", "Rash"};
    events.pt.codes = {1, 1, 2};
    events.soc.levels = {"", "GI", "Skin"};
    events.soc.codes = {1, 1, 2};
    events.grade = {3, 1, 2};
    events.related = {1, 0, 0};
    events.serious = {0, 0, 1};
    events.treatment_emergent = {1, 1, 1};
    events.start_day = {nan, 5, 20};
    events.end_day = {nan, 9, 30};
    return study;
}

} // namespace profile_test
