#include "triallens/reconstruct/reconstructed_overlay.h"

#include "triallens/data/build_study.h"

#include <algorithm>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_set>
#include <utility>

namespace triallens {

namespace {

// `column` with `extra` rows after its own: the text `values[i]` of each
// (a level, added after the column's levels when new), or missing where
// `values` is empty or a value is "".
Variable extended(const Variable& column, std::size_t extra,
                  const std::vector<std::string>& values) {
    if (!column.is_categorical()) {
        std::vector<double> numbers = column.numbers();
        numbers.resize(numbers.size() + extra, std::numeric_limits<double>::quiet_NaN());
        return Variable::measurement(column.name(), column.label(), std::move(numbers))
            .with_format(column.format());
    }
    std::vector<std::int32_t> codes = column.codes();
    std::vector<std::string> levels = column.levels();
    codes.reserve(codes.size() + extra);
    for (std::size_t row = 0; row < extra; ++row) {
        const std::string value = values.empty() ? std::string() : values[row];
        if (value.empty()) {
            codes.push_back(-1);
            continue;
        }
        const auto at = std::find(levels.begin(), levels.end(), value);
        codes.push_back(static_cast<std::int32_t>(at - levels.begin()));
        if (at == levels.end()) {
            levels.push_back(value);
        }
    }
    if (column.is_numeric() && values.empty()) {
        // A numeric factor keeps its numbers; its new rows are missing. One
        // given text (a treatment column coded 1/2) becomes a text factor.
        std::vector<double> numbers = column.numbers();
        numbers.resize(numbers.size() + extra, std::numeric_limits<double>::quiet_NaN());
        return Variable::numeric_factor(column.name(), column.label(), std::move(codes),
                                        std::move(levels), std::move(numbers))
            .with_format(column.format());
    }
    return Variable::factor(column.name(), column.label(), std::move(codes), std::move(levels))
        .with_format(column.format());
}

// The text of each row of a categorical column, "" where missing.
std::vector<std::string> row_texts(const Variable& column) {
    std::vector<std::string> texts;
    texts.reserve(column.size());
    for (const std::int32_t code : column.codes()) {
        texts.push_back(code < 0 ? std::string() : column.levels()[static_cast<std::size_t>(code)]);
    }
    return texts;
}

bool is_treatment_column(const std::string& name, const OverlayOptions& options) {
    return name == options.arm_variable ||
           std::any_of(std::begin(arm_column_candidates), std::end(arm_column_candidates),
                       [&](const char* candidate) { return name == candidate; });
}

} // namespace

Study overlay_reconstructed_arms(const Study& trial, const std::vector<NamedArm>& arms,
                                 const OverlayOptions& options) {
    const TimeToEvent* endpoint = trial.endpoint(options.endpoint);
    if (endpoint == nullptr) {
        throw std::invalid_argument("the study has no endpoint " + options.endpoint +
                                    " to add the published curves to");
    }
    const std::optional<TimeUnit> unit = endpoint->unit();
    if (!unit) {
        throw std::invalid_argument(options.endpoint + "'s time unit \"" + endpoint->time_unit() +
                                    "\" is not one the published times can be converted into");
    }

    // The published arms' names, made distinct from the trial's own arms.
    std::unordered_set<std::string> own_arms;
    for (const Variable& column : trial.subjects.variables()) {
        if (column.is_categorical() && is_treatment_column(column.name(), options)) {
            own_arms.insert(column.levels().begin(), column.levels().end());
        }
    }
    std::vector<NamedArm> renamed = arms;
    for (NamedArm& arm : renamed) {
        if (own_arms.contains(arm.name)) {
            arm.name += published_arm_suffix;
        }
    }
    ReconstructedStudyOptions study_options;
    study_options.paramcd = endpoint->paramcd();
    study_options.param = endpoint->param();
    study_options.time_unit = options.time_unit;
    study_options.source = options.source;
    const Study published = reconstructed_study(renamed, study_options);

    const std::size_t own = trial.subjects.size();
    const std::size_t extra = published.subjects.size();
    std::unordered_set<std::string> own_ids(trial.subjects.usubjid().begin(),
                                            trial.subjects.usubjid().end());
    for (const std::string& id : published.subjects.usubjid()) {
        if (own_ids.contains(id)) {
            throw std::invalid_argument("the pseudo-patient " + id +
                                        " has the USUBJID of one of the study's subjects");
        }
    }
    const std::vector<std::string> published_arm = row_texts(*published.subjects.find("ARM"));

    std::vector<std::string> usubjid = trial.subjects.usubjid();
    usubjid.insert(usubjid.end(), published.subjects.usubjid().begin(),
                   published.subjects.usubjid().end());
    std::vector<Variable> variables;
    bool has_flag = false;
    bool has_source = false;
    for (const Variable& column : trial.subjects.variables()) {
        if (column.name() == "RECONFL") {
            has_flag = true;
            variables.push_back(extended(column, extra, std::vector<std::string>(extra, "Y")));
        } else if (column.name() == "SOURCE") {
            has_source = true;
            variables.push_back(
                extended(column, extra, std::vector<std::string>(extra, options.source)));
        } else if (column.is_categorical() && is_treatment_column(column.name(), options)) {
            variables.push_back(extended(column, extra, published_arm));
        } else {
            variables.push_back(extended(column, extra, {}));
        }
    }
    const auto flag_column = [&](std::string name, std::string label, std::string own_value,
                                 std::string published_value) {
        std::vector<std::int32_t> codes(own, own_value.empty() ? -1 : 0);
        std::vector<std::string> levels;
        if (!own_value.empty()) {
            levels.push_back(own_value);
        }
        if (published_value != own_value) {
            levels.push_back(published_value);
        }
        codes.resize(own + extra, static_cast<std::int32_t>(levels.size() - 1));
        return Variable::factor(std::move(name), std::move(label), std::move(codes),
                                std::move(levels));
    };
    if (!has_flag) {
        variables.push_back(
            flag_column("RECONFL", "Reconstructed from a Publication Flag", "", "Y"));
    }
    if (!has_source) {
        variables.push_back(flag_column("SOURCE", "Source of the Data",
                                        trial.name.empty() ? "Trial data" : trial.name,
                                        options.source));
    }

    Study out;
    out.name = trial.name;
    out.synthetic = trial.synthetic;
    out.control_arm = trial.control_arm;
    out.sources = trial.sources;
    out.sources.push_back("reconstructed from " + options.source);
    out.subjects = SubjectTable(std::move(usubjid), std::move(variables));
    out.reconstructed = reconstructed_subjects(out.subjects);
    out.adverse_events = trial.adverse_events;
    out.responses = trial.responses;
    out.tumour = trial.tumour;
    out.unusable_treatments = trial.unusable_treatments;
    for (const TimeToEvent& each : trial.endpoints) {
        if (each.paramcd() != endpoint->paramcd()) {
            out.endpoints.push_back(each);
            continue;
        }
        const TimeToEvent& added = published.endpoints.front();
        std::vector<std::int32_t> subject(each.subject().begin(), each.subject().end());
        std::vector<double> time(each.time().begin(), each.time().end());
        std::vector<std::uint8_t> event(each.event().begin(), each.event().end());
        std::vector<double> added_time(added.time().begin(), added.time().end());
        convert_times(added_time, options.time_unit, *unit);
        for (std::size_t record = 0; record < added.size(); ++record) {
            subject.push_back(static_cast<std::int32_t>(own) + added.subject()[record]);
            time.push_back(added_time[record]);
            event.push_back(added.event()[record]);
        }
        EventCauses causes = each.causes();
        if (!causes.code.empty()) {
            const auto at = std::find(causes.names.begin(), causes.names.end(), unpublished_cause);
            if (at == causes.names.end() && causes.names.size() >= max_event_causes) {
                throw std::invalid_argument(options.endpoint + " already has " +
                                            std::to_string(max_event_causes) +
                                            " event causes: the published events need one more");
            }
            const auto code = static_cast<std::uint8_t>((at - causes.names.begin()) + 1);
            if (at == causes.names.end()) {
                causes.names.push_back(unpublished_cause);
            }
            for (std::size_t record = 0; record < added.size(); ++record) {
                causes.code.push_back(added.event()[record] != 0 ? code : 0);
            }
        }
        out.endpoints.emplace_back(each.paramcd(), each.param(), each.time_unit(),
                                   std::move(subject), std::move(time), std::move(event),
                                   std::move(causes));
    }
    return out;
}

PublishedArms published_arms(const Study& rebuilt) {
    if (!rebuilt.reconstructed.all()) {
        throw std::invalid_argument(
            "the published arms' data are not all reconstructed from a publication (ADSL "
            "RECONFL = \"Y\"): only a folder written by reconstruct --out can be added");
    }
    if (rebuilt.endpoints.size() != 1) {
        throw std::invalid_argument("the published arms' data have " +
                                    std::to_string(rebuilt.endpoints.size()) +
                                    " endpoints (PARAMCD), not the one a figure gives");
    }
    const TimeToEvent& endpoint = rebuilt.endpoints.front();
    const std::optional<TimeUnit> unit = endpoint.unit();
    if (!unit) {
        throw std::invalid_argument("the published arms' time unit \"" + endpoint.time_unit() +
                                    "\" is not days, weeks, months or years");
    }
    const Variable* treatment = nullptr;
    for (const char* candidate : arm_column_candidates) {
        treatment = rebuilt.subjects.find(candidate);
        if (treatment != nullptr && treatment->is_categorical()) {
            break;
        }
        treatment = nullptr;
    }
    if (treatment == nullptr) {
        throw std::invalid_argument("the published arms' data have no treatment column (TRT01P)");
    }
    PublishedArms published;
    published.options.paramcd = endpoint.paramcd();
    published.options.param = endpoint.param();
    published.options.time_unit = *unit;
    if (!rebuilt.reconstructed.sources.empty()) {
        published.options.source = rebuilt.reconstructed.sources.front();
    }
    for (const std::string& level : treatment->levels()) {
        published.arms.push_back({level, {}});
    }
    std::vector<int> records(rebuilt.subjects.size(), 0);
    for (std::size_t r = 0; r < endpoint.size(); ++r) {
        const auto subject = static_cast<std::size_t>(endpoint.subject()[r]);
        const std::string& id = rebuilt.subjects.usubjid()[subject];
        if (++records[subject] > 1) {
            throw std::invalid_argument("the published pseudo-patient " + id +
                                        " has more than one record");
        }
        const std::int32_t code = treatment->codes()[subject];
        if (code < 0) {
            throw std::invalid_argument("the published pseudo-patient " + id + " has no arm");
        }
        ReconstructedArm& arm = published.arms[static_cast<std::size_t>(code)].arm;
        arm.time.push_back(endpoint.time()[r]);
        arm.event.push_back(endpoint.event()[r]);
    }
    for (std::size_t subject = 0; subject < records.size(); ++subject) {
        if (records[subject] == 0) {
            throw std::invalid_argument("the published pseudo-patient " +
                                        rebuilt.subjects.usubjid()[subject] + " has no record on " +
                                        endpoint.paramcd());
        }
    }
    std::erase_if(published.arms, [](const NamedArm& arm) { return arm.arm.time.empty(); });
    for (NamedArm& named : published.arms) {
        // Ascending, as reconstruct_arm gives them; a file's own order may not be.
        ReconstructedArm& arm = named.arm;
        std::vector<std::size_t> order(arm.time.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return arm.time[a] < arm.time[b]; });
        ReconstructedArm sorted;
        for (const std::size_t i : order) {
            sorted.time.push_back(arm.time[i]);
            sorted.event.push_back(arm.event[i]);
        }
        arm = std::move(sorted);
    }
    return published;
}

OverlayOptions overlay_options(const PublishedArms& published, std::string endpoint,
                               std::string arm_variable) {
    return {std::move(endpoint), std::move(arm_variable), published.options.time_unit,
            published.options.source};
}

std::string published_endpoint(const Study& trial, const std::string& wanted,
                               const std::string& theirs) {
    if (!wanted.empty()) {
        return wanted;
    }
    if (trial.endpoint(theirs) != nullptr) {
        return theirs;
    }
    if (trial.endpoints.size() == 1) {
        return trial.endpoints.front().paramcd();
    }
    throw std::invalid_argument("the data have " + std::to_string(trial.endpoints.size()) +
                                " endpoints and none is the published arms' " + theirs);
}

Study add_published_arms(const Study& trial, const Study& rebuilt, const std::string& endpoint,
                         const std::string& arm_variable) {
    const PublishedArms published = published_arms(rebuilt);
    return overlay_reconstructed_arms(
        trial, published.arms,
        overlay_options(published, published_endpoint(trial, endpoint, published.options.paramcd),
                        arm_variable));
}

} // namespace triallens
