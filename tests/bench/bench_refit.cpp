// What one refit of the workspace costs: everything the GUI shows for one
// spec (KM per arm with quartiles, stratified log-rank, stratified Cox with
// cox.zph and the method-concordance panel, four subgroup variables with
// interaction tests, landmarks, RMST, response, and the AE table), on the
// demo generator's study at N subjects, as the refit controller runs it.
//   ./build/release/tests/bench/bench_refit
// Baseline in the same run: BM_KaplanMeier/N, one pooled KM curve alone.

#include <triallens/analysis/adverse_event_report.h>
#include <triallens/analysis/refit.h>
#include <triallens/demo/demo_study.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>

#include <benchmark/benchmark.h>

#include <map>
#include <memory>

namespace {

const triallens::Study& demo_of(std::size_t subjects) {
    static std::map<std::size_t, std::unique_ptr<const triallens::Study>> studies;
    auto& study = studies[subjects];
    if (!study) {
        triallens::DemoOptions options;
        options.subjects = subjects;
        study = std::make_unique<const triallens::Study>(triallens::generate_demo_study(options));
    }
    return *study;
}

triallens::AnalysisSpec workspace_spec() {
    triallens::AnalysisSpec spec;
    spec.paramcd = "PFS";
    spec.strata = {"PRTAXFL", "LIVBRNFL"};
    spec.subgroups = {"PDL1STAT", "ECOGBL", "AGEGR1", "LIVBRNFL"};
    spec.landmarks = {6, 12};
    spec.tau = 24;
    return spec;
}

void BM_FullRefit(benchmark::State& state) {
    const triallens::Study& study = demo_of(static_cast<std::size_t>(state.range(0)));
    const triallens::AnalysisSpec spec = workspace_spec();
    triallens::AeSpec ae;
    for (auto _ : state) {
        benchmark::DoNotOptimize(triallens::refit(study, spec));
        benchmark::DoNotOptimize(triallens::adverse_event_table(study, ae));
    }
    state.counters["subjects"] = static_cast<double>(study.subjects.size());
}

void BM_KaplanMeier(benchmark::State& state) {
    const triallens::Study& study = demo_of(static_cast<std::size_t>(state.range(0)));
    const triallens::TimeToEvent& pfs = *study.endpoint("PFS");
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            triallens::fit_kaplan_meier(triallens::tabulate_events(pfs.time, pfs.event)));
    }
}

} // namespace

BENCHMARK(BM_FullRefit)->Arg(147)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_KaplanMeier)->Arg(147)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
