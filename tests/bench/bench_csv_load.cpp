// Loading a million-row CSV: the reader alone (bytes -> typed RawTable) and a
// whole study (ADSL and ADTTE of 10^6 subjects each -> validated Study). The
// files are generated here, ADaM-shaped, into a temporary folder. Reports
// rows per second; the issue asks for "a few seconds" per 10^6 rows.

#include <triallens/io/column_typing.h>
#include <triallens/io/delimited_text.h>
#include <triallens/io/load_study.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <unistd.h>

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t rows = 1'000'000;

const char* const arms[] = {"Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"};

struct Files {
    fs::path dir;
    fs::path adsl;
    fs::path adtte;

    Files() {
        dir = fs::temp_directory_path() / ("triallens-bench-" + std::to_string(::getpid()));
        fs::create_directories(dir);
        adsl = dir / "adsl.csv";
        adtte = dir / "adtte.csv";
        std::mt19937_64 random(20261125);
        std::ofstream subjects(adsl, std::ios::binary);
        std::ofstream times(adtte, std::ios::binary);
        subjects << "STUDYID,USUBJID,SITEID,TRT01P,AGE,SEX,SAFFL,TRTSDT\n";
        times << "STUDYID,USUBJID,SITEID,PARAMCD,PARAM,AVAL,CNSR,TRTP,ADT\n";
        char line[256];
        for (std::int64_t i = 0; i < rows; ++i) {
            const int site = 701 + static_cast<int>(i % 17);
            const char* arm = arms[i % 3];
            const auto age = 50 + static_cast<int>(random() % 40);
            const double aval = static_cast<double>(random() % 200000) / 100.0;
            const auto cnsr = static_cast<int>(random() % 2);
            const int day = 1 + static_cast<int>(i % 28);
            std::snprintf(line, sizeof line, "BENCH01,01-%d-%07lld,%d,%s,%d,%s,Y,%d\n", site,
                          static_cast<long long>(i), site, arm, age, i % 2 == 0 ? "F" : "M",
                          19000 + static_cast<int>(i % 1000));
            subjects << line;
            std::snprintf(line, sizeof line,
                          "BENCH01,01-%d-%07lld,%d,OS,Overall survival,%.2f,%d,%s,2014-02-%02d\n",
                          site, static_cast<long long>(i), site, aval, cnsr, arm, day);
            times << line;
        }
    }
    ~Files() {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }
};

const Files& files() {
    static const Files generated;
    return generated;
}

void BM_ReadCsvMillionRows(benchmark::State& state) {
    const fs::path& file = files().adtte;
    const auto bytes = static_cast<std::int64_t>(fs::file_size(file));
    for (auto _ : state) {
        std::vector<triallens::DelimitedText> text;
        text.push_back(triallens::read_delimited_text(file));
        std::vector<triallens::Finding> findings;
        auto tables = triallens::type_columns(text, {}, findings);
        benchmark::DoNotOptimize(tables);
    }
    state.SetItemsProcessed(state.iterations() * rows);
    state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_ReadCsvMillionRows)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_LoadStudyMillionSubjects(benchmark::State& state) {
    const Files& generated = files();
    for (auto _ : state) {
        auto load = triallens::load_study({generated.adsl, generated.adtte});
        if (!load.ok()) {
            state.SkipWithError("the generated study did not load");
            break;
        }
        benchmark::DoNotOptimize(load);
    }
    state.SetItemsProcessed(state.iterations() * rows); // subjects (each with an ADTTE row)
}
BENCHMARK(BM_LoadStudyMillionSubjects)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
