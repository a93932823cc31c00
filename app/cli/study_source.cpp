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

namespace {

// The endpoint the published arms join (load_study(const CommandLine&)).
std::string published_endpoint(const Study& trial, const CommandLine& line,
                               const std::string& theirs) {
    if (!line.spec.paramcd.empty()) {
        return line.spec.paramcd;
    }
    if (trial.endpoint(theirs) != nullptr) {
        return theirs;
    }
    if (trial.endpoints.size() == 1) {
        return trial.endpoints.front().paramcd();
    }
    throw UsageError("the data have " + std::to_string(trial.endpoints.size()) +
                     " endpoints and none is the published arms' " + theirs +
                     ": name the one they join with --param");
}

} // namespace

Study load_study(const CommandLine& line) {
    Study study = load_study(line.files, line.load);
    for (const std::string& folder : line.published) {
        const Study rebuilt = load_study(std::vector<std::string>{folder});
        try {
            const PublishedArms published = published_arms(rebuilt);
            study = overlay_reconstructed_arms(
                study, published.arms,
                overlay_options(published,
                                published_endpoint(study, line, published.options.paramcd),
                                line.spec.arm_variable));
        } catch (const std::invalid_argument& error) {
            throw DataLoadError(folder + ": " + error.what());
        }
    }
    return study;
}

} // namespace triallens::cli
