// The methods of a refit one at a time, on the workspace's PFS records
// (bench_inputs.h: arm_records), each matched by one R call in r_baseline.R:
//   BM_KaplanMeier/N           per arm: the event table, then the curve under the
//                              three CI transforms (log, log-log, plain) with its
//                              quartiles and their CIs (survfit + quantile)
//   BM_LogRankStratified/N     arm, stratified by PRTAXFL x LIVBRNFL (survdiff + strata())
//   BM_CoxEfronStratified/N    fit_cox on the arm with those strata (coxph, efron)
//   BM_CoxBreslowStratified/N  the same with Breslow ties
//   BM_CoxZph/N                cox.zph of the Efron fit (KM transform)

#include "bench_sizes.h"

#include <triallens/stats/cox_regression.h>
#include <triallens/stats/event_table.h>
#include <triallens/stats/kaplan_meier.h>
#include <triallens/stats/log_rank.h>
#include <triallens/stats/proportional_hazards_test.h>

namespace {

using namespace triallens;
using namespace triallens::bench;

CoxInput cox_input(const ArmRecords& records) {
    return {records.time, records.event, records.stratum, 1, records.treated};
}

void BM_KaplanMeier(benchmark::State& state) {
    const ArmRecords& records = arm_records(subjects_of(state));
    std::vector<double> time[2];
    std::vector<std::uint8_t> event[2];
    for (std::size_t i = 0; i < records.time.size(); ++i) {
        const auto arm = static_cast<std::size_t>(records.arm[i]);
        time[arm].push_back(records.time[i]);
        event[arm].push_back(records.event[i]);
    }
    for (auto _ : state) {
        for (std::size_t arm = 0; arm < 2; ++arm) {
            const EventTable events = tabulate_events(time[arm], event[arm]);
            for (const ConfType type : {ConfType::Log, ConfType::LogLog, ConfType::Plain}) {
                KmOptions options;
                options.conf_type = type;
                const KaplanMeier km = fit_kaplan_meier(events, options);
                for (const double p : {0.25, 0.5, 0.75}) {
                    benchmark::DoNotOptimize(survival_quantile(km, p));
                }
            }
        }
    }
}

void BM_LogRankStratified(benchmark::State& state) {
    const ArmRecords& records = arm_records(subjects_of(state));
    for (auto _ : state) {
        benchmark::DoNotOptimize(
            log_rank_test(records.time, records.event, records.arm, 2, records.stratum));
    }
}

void cox_stratified(benchmark::State& state, Ties ties) {
    const ArmRecords& records = arm_records(subjects_of(state));
    for (auto _ : state) {
        benchmark::DoNotOptimize(fit_cox(cox_input(records), {ties}));
    }
}

void BM_CoxEfronStratified(benchmark::State& state) {
    cox_stratified(state, Ties::Efron);
}

void BM_CoxBreslowStratified(benchmark::State& state) {
    cox_stratified(state, Ties::Breslow);
}

void BM_CoxZph(benchmark::State& state) {
    const ArmRecords& records = arm_records(subjects_of(state));
    const CoxFit fit = fit_cox(cox_input(records), {Ties::Efron});
    for (auto _ : state) {
        benchmark::DoNotOptimize(test_proportional_hazards(cox_input(records), fit, Ties::Efron));
    }
}

} // namespace

BENCHMARK(BM_KaplanMeier)->Apply(at_every_size);
BENCHMARK(BM_LogRankStratified)->Apply(at_every_size);
BENCHMARK(BM_CoxEfronStratified)->Apply(at_every_size);
BENCHMARK(BM_CoxBreslowStratified)->Apply(at_every_size);
BENCHMARK(BM_CoxZph)->Apply(at_every_size);
