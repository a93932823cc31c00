#include "cli/study_source.h"

#include "cli/command_line.h"

#include <triallens/demo/demo_study.h>
#include <triallens/reconstruct/reconstructed_overlay.h>

#include <filesystem>
#include <iostream>

namespace triallens::cli {

Study load_study(const std::vector<std::string>& files, const LoadOptions& options) {
    if (files.empty()) {
        throw UsageError("name the data: FILE... or demo");
    }
    if (files.size() == 1 && files.front() == "demo") {
        if (!options.status_column.empty() ||
            (!options.cause_column.empty() && options.cause_column != "EVNTDESC")) {
            throw UsageError("the demo's causes are in EVNTDESC: give --cause EVNTDESC or "
                             "neither --cause nor --status");
        }
        return generate_demo_study();
    }
    const std::vector<std::filesystem::path> paths(files.begin(), files.end());
    StudyLoad load = triallens::load_study(paths, options);
    std::size_t errors = 0;
    for (const Finding& finding : load.findings) {
        if (finding.severity == Severity::Error) {
            ++errors;
            std::cerr << "triallens: " << finding.text() << "\n";
        } else {
            std::cerr << "triallens: warning: " << finding.text() << "\n";
        }
    }
    if (!load.ok()) {
        throw DataLoadError("nothing was loaded: " + std::to_string(errors) +
                            (errors == 1 ? " error" : " errors") + " in the data");
    }
    if (load.excluded_rows > 0) {
        std::cerr << "triallens: warning: " << load.excluded_rows
                  << (load.excluded_rows == 1 ? " invalid row" : " invalid rows") << " excluded\n";
    }
    return std::move(*load.study);
}

Study with_published(Study study, const std::vector<std::string>& folders,
                     const std::string& endpoint, const std::string& arm_variable) {
    for (const std::string& folder : folders) {
        const Study rebuilt = load_study(std::vector<std::string>{folder});
        try {
            study = add_published_arms(study, rebuilt, endpoint, arm_variable);
        } catch (const std::invalid_argument& error) {
            // Which endpoint they join is the one thing the command line can say.
            const bool unsure = endpoint.empty() && study.endpoints.size() > 1 &&
                                rebuilt.endpoints.size() == 1 &&
                                study.endpoint(rebuilt.endpoints.front().paramcd()) == nullptr;
            if (unsure) {
                throw UsageError(folder + ": " + error.what() +
                                 ": name the one they join with --param");
            }
            throw DataLoadError(folder + ": " + error.what());
        }
    }
    return study;
}

Study load_study(const CommandLine& line) {
    return with_published(load_study(line.files, line.load), line.published, line.spec.paramcd,
                          line.spec.arm_variable);
}

} // namespace triallens::cli
