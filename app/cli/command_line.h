#pragma once
// Parses the command line into a command and its options, as the contract in
// shared/spec/cli-and-results.md defines them. Errors throw UsageError.

#include <triallens/analysis/analysis_spec.h>
#include <triallens/io/load_study.h>
#include <triallens/stats/adverse_event_incidence.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace triallens::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Command { Gui, Analyze, Ae, Export, Demo, Help, Version };

struct CommandLine {
    Command command = Command::Gui;
    std::vector<std::string> files; // "demo" stands for the embedded demo study
    AnalysisSpec spec;
    LoadOptions load;   // --time, --event, --censor; --arm also names the treatment column
    AeFilter ae_filter; // ae: --treatment-emergent, --related, --serious
    bool json = false;
    std::string out;            // demo --out
    std::size_t subjects = 147; // demo --subjects
    std::optional<std::uint64_t> seed;
};

CommandLine parse_command_line(const std::vector<std::string>& arguments);

std::string usage_text();

} // namespace triallens::cli
