// The safety table and the load of a study from files:
//   BM_AeTable/N  adverse_event_table() as the refit controller asks for it
//   BM_AeReport/N adverse_event_report(): the table and the safety overview,
//                 as the workspace computes them on every refit
//   BM_LoadCsv/N  load_study() of the demo's ADSL + ADTTE written as one CSV
//                 file per dataset and site (12 sites), read whole, typed,
//                 stacked, validated and joined; the files are written once,
//                 outside the timed loop, into a temporary folder
//   BM_LoadFolder/N load_study() of the whole demo folder as `triallens demo
//                 --out` writes it: every dataset (ADSL, ADTTE, ADAE, ADRS,
//                 ADTR) as one CSV file per dataset and site

#include "bench_sizes.h"

#include <triallens/io/load_study.h>

namespace {

using namespace triallens;
using namespace triallens::bench;

void BM_AeTable(benchmark::State& state) {
    const Study& study = demo_study(subjects_of(state));
    const AeSpec spec = adverse_event_spec(workspace_spec());
    for (auto _ : state) {
        benchmark::DoNotOptimize(adverse_event_table(study, spec));
    }
    state.counters["ae_records"] = static_cast<double>(study.adverse_events.size());
}

void BM_AeReport(benchmark::State& state) {
    const Study& study = demo_study(subjects_of(state));
    const AeSpec spec = adverse_event_spec(workspace_spec());
    for (auto _ : state) {
        benchmark::DoNotOptimize(adverse_event_report(study, spec));
    }
    state.counters["ae_records"] = static_cast<double>(study.adverse_events.size());
}

void BM_LoadCsv(benchmark::State& state) {
    const std::filesystem::path& folder = demo_csv_folder(subjects_of(state));
    const auto files = static_cast<double>(data_files_in(folder).size());
    for (auto _ : state) {
        StudyLoad load = load_study({folder});
        if (!load.ok()) {
            state.SkipWithError("the demo's CSV files did not load");
            break;
        }
        benchmark::DoNotOptimize(load);
    }
    state.counters["files"] = files;
}

void BM_LoadFolder(benchmark::State& state) {
    const std::filesystem::path& folder = demo_folder(subjects_of(state));
    const auto files = static_cast<double>(data_files_in(folder).size());
    for (auto _ : state) {
        StudyLoad load = load_study({folder});
        if (!load.ok()) {
            state.SkipWithError("the demo's folder did not load");
            break;
        }
        benchmark::DoNotOptimize(load);
    }
    state.counters["files"] = files;
}

} // namespace

BENCHMARK(BM_AeTable)->Apply(at_every_size);
BENCHMARK(BM_AeReport)->Apply(at_every_size);
BENCHMARK(BM_LoadCsv)->Apply(at_every_size);
BENCHMARK(BM_LoadFolder)->Apply(at_every_size);
