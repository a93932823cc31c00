#include "bench_inputs.h"

#include <triallens/analysis/refit.h>
#include <triallens/analysis/time_unit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/io/csv_writer.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <system_error>

#include <unistd.h>

namespace triallens::bench {

namespace fs = std::filesystem;

namespace {

// Per-N caches; generating 10^6 subjects takes seconds, so each N once per run.
template <typename T> using Cache = std::map<std::size_t, std::unique_ptr<const T>>;

// The study `studies` keeps for `subjects`, made by `make()` on first use.
template <typename Make>
const Study& kept(Cache<Study>& studies, std::size_t subjects, const Make& make) {
    auto& study = studies[subjects];
    if (!study) {
        study = std::make_unique<const Study>(make());
    }
    return *study;
}

// The endpoint with its tied times spread over less than a day.
TimeToEvent continuous(const TimeToEvent& endpoint) {
    const auto unit = time_unit_from_name(endpoint.time_unit());
    const double day = 1.0 / days_per(unit.value_or(TimeUnit::Days));
    const std::span<const double> original = endpoint.time();
    std::vector<std::size_t> order(endpoint.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&original](std::size_t a, std::size_t b) {
        return original[a] < original[b];
    });
    std::vector<double> time(original.begin(), original.end());
    for (std::size_t first = 0; first < order.size();) {
        std::size_t last = first;
        while (last < order.size() && original[order[last]] == original[order[first]]) {
            ++last;
        }
        const auto tied = static_cast<double>(last - first);
        for (std::size_t k = first; k < last; ++k) {
            time[order[k]] += 0.9 * day * static_cast<double>(k - first + 1) / (tied + 1);
        }
        first = last;
    }
    return {endpoint.paramcd(),   endpoint.param(),
            endpoint.time_unit(), {endpoint.subject().begin(), endpoint.subject().end()},
            std::move(time),      {endpoint.event().begin(), endpoint.event().end()}};
}

// Removes the CSV folders at exit.
struct CsvFolders {
    std::map<std::size_t, fs::path> folders;
    ~CsvFolders() {
        for (const auto& [subjects, folder] : folders) {
            std::error_code ignored;
            fs::remove_all(folder, ignored);
        }
    }
};

} // namespace

Study make_demo_study(std::size_t subjects, DemoDatasets datasets) {
    DemoOptions options;
    options.subjects = subjects;
    options.datasets = datasets;
    Study study = generate_demo_study(options);
    const Variable& age = *study.subjects.find("AGE");
    std::vector<std::int32_t> codes;
    codes.reserve(age.size());
    for (const double years : age.numbers()) {
        codes.push_back(std::isnan(years) ? -1
                        : years <= 42     ? 0
                        : years <= 50     ? 1
                        : years <= 57     ? 2
                                          : 3);
    }
    std::vector<Variable> variables = study.subjects.variables();
    variables.push_back(Variable::factor("AGEGR4", "Age group (4)", std::move(codes),
                                         {"24-42", "43-50", "51-57", "58-79"}));
    study.subjects = SubjectTable(study.subjects.usubjid(), std::move(variables));
    return study;
}

const Study& demo_study(std::size_t subjects) {
    static Cache<Study> studies;
    return kept(studies, subjects, [subjects] { return make_demo_study(subjects); });
}

const Study& survival_study(std::size_t subjects) {
    static Cache<Study> studies;
    return kept(studies, subjects,
                [subjects] { return make_demo_study(subjects, DemoDatasets::Survival); });
}

const Study& demo_study_without_tumour_data(std::size_t subjects) {
    static Cache<Study> studies;
    return kept(studies, subjects, [subjects] {
        Study copy = demo_study(subjects);
        copy.tumour = {};
        Responses bor;
        bor.paramcd = copy.responses.paramcd;
        bor.value = copy.responses.value;
        bor.value.codes.clear();
        bor.paramcd.codes.clear();
        for (std::size_t r = 0; r < copy.responses.size(); ++r) {
            if (copy.responses.paramcd[r] == "BOR") {
                bor.subject.push_back(copy.responses.subject[r]);
                bor.paramcd.codes.push_back(copy.responses.paramcd.codes[r]);
                bor.value.codes.push_back(copy.responses.value.codes[r]);
            }
        }
        copy.responses = std::move(bor);
        std::vector<Variable> kept_variables;
        for (const Variable& variable : copy.subjects.variables()) {
            const std::string& name = variable.name();
            if (name != "TRTSDT" && name != "TRTEDT" && name != "TRTDURD" && name != "EOTSTT" &&
                name != "DCTREAS" && name != "DTHFL" && name != "DTHDT" && name != "DCUTDT") {
                kept_variables.push_back(variable);
            }
        }
        copy.subjects = SubjectTable(copy.subjects.usubjid(), std::move(kept_variables));
        return copy;
    });
}

const Study& continuous_demo_study(std::size_t subjects) {
    static Cache<Study> studies;
    return kept(studies, subjects, [subjects] {
        Study copy = demo_study(subjects);
        for (TimeToEvent& endpoint : copy.endpoints) {
            endpoint = continuous(endpoint);
        }
        return copy;
    });
}

AnalysisSpec workspace_spec() {
    AnalysisSpec spec;
    spec.paramcd = "PFS";
    spec.strata = {"PRTAXFL", "LIVBRNFL"};
    spec.subgroups = {"PDL1STAT", "ECOGBL", "AGEGR4", "LIVBRNFL"};
    spec.landmarks = {6, 12};
    spec.tau = 24;
    return spec;
}

AeSpec adverse_event_spec(const AnalysisSpec& spec) {
    // As ui/controller/refit_controller.cpp builds it (default AE filter).
    AeSpec ae;
    ae.filter_expression = spec.filter;
    ae.conf_level = spec.km.conf_level;
    return ae;
}

const fs::path& demo_csv_folder(std::size_t subjects) {
    static CsvFolders written;
    auto& folder = written.folders[subjects];
    if (folder.empty()) {
        folder = fs::temp_directory_path() /
                 ("triallens-bench-" + std::to_string(::getpid()) + "-" + std::to_string(subjects));
        fs::create_directories(folder);
        DemoOptions options;
        options.subjects = subjects;
        const std::vector<RawTable> tables = generate_demo_tables(options);
        // ADSL and ADTTE, the first two tables, named as `triallens demo` names them.
        write_csv_split(tables.at(0), "SITEID", folder, "adsl");
        write_csv_split(tables.at(1), "SITEID", folder, "adtte");
    }
    return folder;
}

const fs::path& demo_folder(std::size_t subjects) {
    static CsvFolders written;
    auto& folder = written.folders[subjects];
    if (folder.empty()) {
        folder = fs::temp_directory_path() / ("triallens-bench-" + std::to_string(::getpid()) +
                                              "-all-" + std::to_string(subjects));
        fs::create_directories(folder);
        DemoOptions options;
        options.subjects = subjects;
        // Every table, each file named as `triallens demo --out` names it
        // (the table's dataset name in lower case, then the site).
        for (const RawTable& table : generate_demo_tables(options)) {
            std::string prefix = table.source.substr(table.source.find(':') + 1);
            std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            write_csv_split(table, "SITEID", folder, prefix);
        }
    }
    return folder;
}

const ArmRecords& arm_records(std::size_t subjects) {
    static Cache<ArmRecords> cache;
    auto& cached = cache[subjects];
    if (!cached) {
        const Study& study = demo_study(subjects);
        const AnalysisSpec spec = resolve_spec(study, workspace_spec());
        const Variable& arm = *study.subjects.find(spec.arm_variable);
        const std::int32_t reference = *arm.level_code(spec.reference_arm);
        std::vector<const Variable*> strata;
        for (const auto& name : spec.strata) {
            strata.push_back(study.subjects.find(name));
        }
        const TimeToEvent& endpoint = *study.endpoint(spec.paramcd);
        ArmRecords records;
        for (std::size_t i = 0; i < endpoint.size(); ++i) {
            const auto subject = static_cast<std::size_t>(endpoint.subject()[i]);
            const std::int32_t code = arm.codes()[subject];
            std::int32_t stratum = 0;
            for (const Variable* factor : strata) {
                const std::int32_t level = factor->codes()[subject];
                stratum =
                    stratum < 0 || level < 0
                        ? -1
                        : stratum * static_cast<std::int32_t>(factor->levels().size()) + level;
            }
            if (code < 0 || stratum < 0) {
                continue;
            }
            const std::int32_t group = code == reference ? 0 : 1;
            records.time.push_back(endpoint.time()[i]);
            records.event.push_back(endpoint.event()[i]);
            records.arm.push_back(group);
            records.stratum.push_back(stratum);
            records.treated.push_back(group);
        }
        cached = std::make_unique<const ArmRecords>(std::move(records));
    }
    return *cached;
}

} // namespace triallens::bench
