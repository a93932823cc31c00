#pragma once
// Registers a benchmark at every N of bench_inputs.h, in milliseconds:
//   BENCHMARK(BM_X)->Apply(triallens::bench::at_every_size);
// Wall-clock time is what compare reads (the JSON's real_time); UseRealTime
// is not set because it would rename the benchmarks (".../real_time") and the
// names are a contract.

#include "bench_inputs.h"

#include <benchmark/benchmark.h>

namespace triallens::bench {

inline void at_every_size(benchmark::internal::Benchmark* benchmark) {
    for (const std::int64_t n : sizes) {
        benchmark->Arg(n);
    }
    benchmark->Unit(benchmark::kMillisecond);
}

inline std::size_t subjects_of(const benchmark::State& state) {
    return static_cast<std::size_t>(state.range(0));
}

} // namespace triallens::bench
