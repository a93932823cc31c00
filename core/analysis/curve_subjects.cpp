#include "triallens/analysis/curve_subjects.h"

#include "landmark_records.h"
#include "triallens/analysis/default_spec.h"
#include "triallens/analysis/refit.h"
#include "triallens/analysis/subject_filter.h"
#include "triallens/analysis/time_unit.h"
#include "triallens/stats/event_table.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace triallens {

namespace {

// The analysis compute_workspace refits: completed, the focus in its filter.
AnalysisSpec focused_analysis(const Study& study, const WorkspaceSpec& spec) {
    AnalysisSpec analysis = complete_spec(study, spec.analysis);
    if (spec.focus) {
        analysis.filter =
            filter_with_level(analysis.filter, spec.focus->variable, spec.focus->level);
    }
    return analysis;
}

std::vector<std::uint8_t> kept_with_arm(const Study& study, const AnalysisSpec& analysis) {
    const Variable& arms = *study.subjects.find(analysis.arm_variable);
    std::vector<std::uint8_t> kept = evaluate_filter(study.subjects, analysis.filter);
    for (std::size_t s = 0; s < kept.size(); ++s) {
        kept[s] = kept[s] != 0 && arms.codes()[s] >= 0 ? 1 : 0;
    }
    return kept;
}

} // namespace

std::vector<std::uint8_t> analysed_subjects(const Study& study, const WorkspaceSpec& spec) {
    return kept_with_arm(study, focused_analysis(study, spec));
}

std::vector<CurveRecord> curve_records(const Study& study, const WorkspaceSpec& spec,
                                       const std::string& arm, const std::string& level) {
    const AnalysisSpec analysis = focused_analysis(study, spec);
    const TimeToEvent& stored = *study.endpoint(analysis.paramcd);
    std::optional<TimeToEvent> converted;
    if (!analysis.time_unit.empty()) {
        const TimeUnit to = *time_unit_from_name(analysis.time_unit);
        const std::optional<TimeUnit> from = stored.unit();
        if (!from) {
            throw SpecError("cannot convert " + stored.paramcd() + " times from " +
                            stored.time_unit() + " (AVALU) to " + analysis.time_unit);
        }
        if (*from != to) {
            converted = stored.in_unit(to);
        }
    }
    const TimeToEvent& in_unit = converted ? *converted : stored;
    std::optional<TimeToEvent> conditional;
    if (analysis.from) {
        conditional = records_from(in_unit, *analysis.from);
    }
    const TimeToEvent& endpoint = conditional ? *conditional : in_unit;

    const Variable& arms = *study.subjects.find(analysis.arm_variable);
    const std::vector<std::uint8_t> kept = kept_with_arm(study, analysis);
    // Every analysed record (kept, with an arm), timefixed together as the
    // curves' records are.
    std::vector<std::size_t> analysed;
    std::vector<double> time;
    for (std::size_t i = 0; i < endpoint.size(); ++i) {
        const auto subject = static_cast<std::size_t>(endpoint.subject()[i]);
        if (kept[subject] != 0) {
            analysed.push_back(i);
            time.push_back(endpoint.time()[i]);
        }
    }
    apply_timefix(time);

    const std::optional<std::int32_t> arm_code = arms.level_code(arm);
    const Variable* by = level.empty() || analysis.curves_by.empty()
                             ? nullptr
                             : study.subjects.find(analysis.curves_by);
    const std::optional<std::int32_t> level_code =
        by == nullptr ? std::nullopt : by->level_code(level);
    if (!arm_code || (!level.empty() && !level_code)) {
        return {};
    }
    std::vector<CurveRecord> records;
    for (std::size_t k = 0; k < analysed.size(); ++k) {
        const std::int32_t subject = endpoint.subject()[analysed[k]];
        const auto row = static_cast<std::size_t>(subject);
        if (arms.codes()[row] != *arm_code || (by != nullptr && by->codes()[row] != *level_code)) {
            continue;
        }
        records.push_back(CurveRecord{subject, time[k], endpoint.event()[analysed[k]] != 0});
    }
    std::stable_sort(records.begin(), records.end(),
                     [](const CurveRecord& a, const CurveRecord& b) { return a.time < b.time; });
    return records;
}

std::vector<std::int32_t> subjects_at(const Study& study, const WorkspaceSpec& spec,
                                      const std::string& arm, const std::string& level, double time,
                                      bool event) {
    const std::vector<CurveRecord> records = curve_records(study, spec, arm, level);
    std::vector<std::int32_t> subjects;
    for (const CurveRecord& record : records) {
        if (record.time == time && record.event == event) {
            subjects.push_back(record.subject);
        }
    }
    return subjects;
}

} // namespace triallens
