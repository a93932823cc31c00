// Whole refits, as the GUI's refit controller runs them for one spec
// (ui/controller/refit_controller.cpp: refit() with the AE table beside it):
//   BM_FullRefit/N            the workspace spec (bench_inputs.h) on the demo study
//   BM_FullRefitContinuous/N  the same on its copy without tied times
//   BM_FilterRefit/N          the workspace spec after one filter change (AGE < 50
//                             and AGE >= 50 in turn), the drag of an AGE slider
//   BM_Subgroups10/N          refit of a spec with only the 4 subgroup variables
//                             (10 forest rows): no strata, landmarks or RMST
//   BM_FullRefitNewPanels/N   the workspace spec with what the Delayed effects
//                             and Competing risks tabs add, as the window opens
//                             them: FH(0,0), FH(0,1), FH(1,0), FH(1,1), their
//                             MaxCombo, piecewise HRs at 6 and 12 months, and
//                             PFS's competing risks (CIF, Gray, Fine–Gray);
//                             read beside BM_FullRefit of the same run
//   BM_FullRefitWithoutTumour/N BM_FullRefit on the demo without what tumour
//                             response reads (bench_inputs.h): BM_FullRefit
//                             over it is the cost of Results::tumour_response
//   BM_Baseline/N             workspace_baseline: Table 1 of the default
//                             variables with p-values, and the disposition,
//                             as compute_workspace adds them to a refit
//   BM_Workspace/N            compute_workspace as the window's refit
//                             controller calls it (ui/controller/
//                             refit_controller.cpp): every view at once, the
//                             refit of BM_FullRefitNewPanels's spec with the
//                             AE tables, the overview, Table 1 (with
//                             p-values) and the disposition beside it
//   BM_WorkspaceFilter/N      the same after one filter change (AGE < 50 and
//                             AGE >= 50 in turn)
//   BM_FullRefit10M/10000000  BM_FullRefit's work on 10^7 subjects of ADSL and
//                             ADTTE alone (survival_study): a registry-sized
//                             cohort; generating it takes minutes and GBs,
//                             so it runs only with TRIALLENS_BENCH_10M=1 in
//                             the environment (else it reports it skipped)

#include "bench_sizes.h"

#include <triallens/analysis/refit.h>
#include <triallens/analysis/workspace.h>
#include <triallens/stats/maxcombo.h>

#include <cstdlib>
#include <future>
#include <string>

namespace {

using namespace triallens;
using namespace triallens::bench;

// One refit as the controller does it; returns the forest rows for a counter.
std::size_t controller_refit(const Study& study, const AnalysisSpec& spec) {
    auto ae = std::async(std::launch::async,
                         [&] { return adverse_event_report(study, adverse_event_spec(spec)); });
    Results results = refit(study, spec);
    AeReport report = ae.get();
    benchmark::DoNotOptimize(results);
    benchmark::DoNotOptimize(report);
    return results.subgroups.size();
}

void full_refit(benchmark::State& state, const Study& study,
                const AnalysisSpec& spec = workspace_spec()) {
    // The first refit of a study makes its per-study tables (Study::derived,
    // once per study, as the window's first refit after a load does): the
    // loop times the refits after it. At 10^6 one iteration fills the
    // minimum time, so without this the first one's tables were timed.
    std::size_t rows = controller_refit(study, spec);
    for (auto _ : state) {
        rows = controller_refit(study, spec);
    }
    state.counters["subjects"] = static_cast<double>(study.subjects.size());
    state.counters["forest_rows"] = static_cast<double>(rows);
}

void BM_FullRefit(benchmark::State& state) {
    full_refit(state, demo_study(subjects_of(state)));
}

void BM_FullRefitWithoutTumour(benchmark::State& state) {
    full_refit(state, demo_study_without_tumour_data(subjects_of(state)));
}

// The workspace spec with what the Delayed effects and Competing risks tabs add.
AnalysisSpec new_panels_spec() {
    AnalysisSpec spec = workspace_spec();
    spec.fh_tests = maxcombo_default_tests();
    spec.maxcombo = maxcombo_default_tests();
    spec.hr_cuts = {6, 12};
    spec.cause_of_interest = std::string();
    return spec;
}

void BM_FullRefitNewPanels(benchmark::State& state) {
    full_refit(state, demo_study(subjects_of(state)), new_panels_spec());
}

WorkspaceSpec window_spec() {
    WorkspaceSpec spec;
    spec.analysis = new_panels_spec();
    spec.baseline.p_values = true;
    return spec;
}

void BM_Workspace(benchmark::State& state) {
    const Study& study = demo_study(subjects_of(state));
    const WorkspaceSpec spec = window_spec();
    benchmark::DoNotOptimize(compute_workspace(study, spec)); // per-study tables, as full_refit
    for (auto _ : state) {
        Results results = compute_workspace(study, spec);
        benchmark::DoNotOptimize(results);
    }
    state.counters["subjects"] = static_cast<double>(study.subjects.size());
}

void BM_WorkspaceFilter(benchmark::State& state) {
    const Study& study = demo_study(subjects_of(state));
    WorkspaceSpec spec = window_spec();
    benchmark::DoNotOptimize(compute_workspace(study, spec)); // per-study tables, as full_refit
    const std::string filters[] = {"AGE < 50", "AGE >= 50"};
    std::size_t turn = 0;
    for (auto _ : state) {
        spec.analysis.filter = filters[turn++ % 2];
        Results results = compute_workspace(study, spec);
        benchmark::DoNotOptimize(results);
    }
}

void BM_FullRefitContinuous(benchmark::State& state) {
    full_refit(state, continuous_demo_study(subjects_of(state)));
}

void BM_FilterRefit(benchmark::State& state) {
    const Study& study = demo_study(subjects_of(state));
    AnalysisSpec spec = workspace_spec();
    controller_refit(study, spec); // per-study tables, as full_refit
    const std::string filters[] = {"AGE < 50", "AGE >= 50"};
    std::size_t turn = 0;
    for (auto _ : state) {
        spec.filter = filters[turn++ % 2];
        controller_refit(study, spec);
    }
}

void BM_Subgroups10(benchmark::State& state) {
    const Study& study = demo_study(subjects_of(state));
    AnalysisSpec spec;
    spec.paramcd = "PFS";
    spec.subgroups = workspace_spec().subgroups;
    std::size_t rows = 0;
    for (auto _ : state) {
        Results results = refit(study, spec);
        rows = results.subgroups.size();
        benchmark::DoNotOptimize(results);
    }
    state.counters["forest_rows"] = static_cast<double>(rows);
}

void BM_FullRefit10M(benchmark::State& state) {
    if (std::getenv("TRIALLENS_BENCH_10M") == nullptr) {
        state.SkipWithError("set TRIALLENS_BENCH_10M=1 to generate 10^7 subjects");
        for (auto _ : state) {
        }
        return;
    }
    full_refit(state, survival_study(subjects_of(state)));
}

void BM_Baseline(benchmark::State& state) {
    const Study& study = demo_study(subjects_of(state));
    WorkspaceSpec spec;
    spec.analysis = workspace_spec();
    spec.baseline.p_values = true;
    std::size_t rows = 0;
    for (auto _ : state) {
        WorkspaceBaseline baseline = workspace_baseline(study, spec);
        rows = baseline.table ? baseline.table->rows.size() : 0;
        benchmark::DoNotOptimize(baseline);
    }
    state.counters["rows"] = static_cast<double>(rows);
}

} // namespace

BENCHMARK(BM_FullRefit)->Apply(at_every_size);
BENCHMARK(BM_FullRefitContinuous)->Apply(at_every_size);
BENCHMARK(BM_FilterRefit)->Apply(at_every_size);
BENCHMARK(BM_Subgroups10)->Apply(at_every_size);
BENCHMARK(BM_FullRefitNewPanels)->Apply(at_every_size);
BENCHMARK(BM_FullRefitWithoutTumour)->Apply(at_every_size);
BENCHMARK(BM_Baseline)->Apply(at_every_size);
BENCHMARK(BM_Workspace)->Apply(at_every_size);
BENCHMARK(BM_WorkspaceFilter)->Apply(at_every_size);
BENCHMARK(BM_FullRefit10M)->Arg(10'000'000)->Unit(benchmark::kMillisecond);
