// triallens_bench: every benchmark of issue 8 in one executable (names are a
// contract: tests/bench/compare and docs/performance.md read them).
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
