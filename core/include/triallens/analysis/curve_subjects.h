#pragma once
// Who is behind a mark of the Kaplan–Meier figure: the records one curve
// was drawn from, and of them those with an event or a censoring at one of
// its times, for the figure's Ctrl+click that opens a patient's profile.
//
// The records are selected as compute_workspace selects them, by the same
// functions: the analysis completed as complete_spec() completes it, the
// focused subgroup added to the filter (filter_with_level), the filter
// evaluated (evaluate_filter), the times converted to the spec's unit
// (TimeToEvent::in_unit), re-originated at `from` (the refit's own
// selection), and timefixed together over every analysed record, as the
// curves' event tables are. So a time read off KaplanMeier::curve.time
// matches its records exactly, and at any curve time the events and
// censorings found here are that row's n_event and n_censor.

#include "triallens/analysis/workspace.h"
#include "triallens/data/study.h"

#include <cstdint>
#include <string>
#include <vector>

namespace triallens {

struct CurveRecord {
    std::int32_t subject = -1; // row in study.subjects
    double time = 0;           // as the curve holds it
    bool event = false;
};

// 1 for every subject the workspace analyses: kept by its filter and focus,
// with an arm. Throws SpecError as compute_workspace does.
std::vector<std::uint8_t> analysed_subjects(const Study& study, const WorkspaceSpec& spec);

// The records of the curve of `arm` (and, with the spec's curves_by, of its
// `level`; "" for an arm's own curve), in time order, ties in record order.
// Throws SpecError as compute_workspace does; an arm or level the study
// lacks has no records.
std::vector<CurveRecord> curve_records(const Study& study, const WorkspaceSpec& spec,
                                       const std::string& arm, const std::string& level);

// The subjects of that curve whose record at `time` is an event (`event`)
// or a censoring (!`event`), in record order.
std::vector<std::int32_t> subjects_at(const Study& study, const WorkspaceSpec& spec,
                                      const std::string& arm, const std::string& level, double time,
                                      bool event);

} // namespace triallens
