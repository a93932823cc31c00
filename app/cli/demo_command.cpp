#include "cli/demo_command.h"

#include <triallens/demo/demo_study.h>
#include <triallens/io/csv_writer.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>

namespace triallens::cli {

int run_demo(const CommandLine& line) {
    if (line.out.empty()) {
        throw UsageError("demo needs --out DIR");
    }
    const std::filesystem::path dir(line.out);
    std::filesystem::create_directories(dir);
    DemoOptions options;
    options.subjects = line.subjects;
    if (line.seed) {
        options.seed = *line.seed;
    }
    if (line.survival_only) {
        options.datasets = DemoDatasets::Survival;
    }
    std::size_t files = 0;
    for (const RawTable& table : generate_demo_tables(options)) {
        std::string prefix = table.source.substr(table.source.find(':') + 1);
        std::transform(prefix.begin(), prefix.end(), prefix.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        files += write_csv_split(table, "SITEID", dir, prefix).size();
    }
    std::cout << "wrote " << files << " CSV files of the synthetic demo study (" << options.subjects
              << " subjects) to " << dir.string() << "\n";
    return 0;
}

} // namespace triallens::cli
