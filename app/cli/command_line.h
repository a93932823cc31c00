#pragma once
// Parses the command line into a command and its options, as the contract in
// shared/spec/cli-and-results.md defines them. Errors throw UsageError.

#include <triallens/analysis/analysis_spec.h>
#include <triallens/analysis/results.h>
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

// export's own flags, as given: the export command checks the lengths and
// the output path against the figure (export_command.h).
struct ExportArguments {
    std::string figure = "km";       // --figure km|forest|ae|summary
    std::string width;               // --width, with a unit; "" = the preset's or 10in
    std::string height;              // --height; "" = the preset's or 6in
    std::string preset;              // --preset NAME (a size preset)
    int dpi = 300;                   // --dpi
    std::optional<double> font_size; // --font-size PT; absent = the preset's, else 12
    std::string each_subgroup;       // --each-subgroup VAR
    std::string format;              // --format png|svg|pdf, for --each-subgroup
    std::string palette = "default"; // --palette default|colour-blind|grayscale
    std::string title;               // --title TEXT
    bool footnote = false;           // --footnote
};

struct CommandLine {
    Command command = Command::Gui;
    std::vector<std::string> files; // "demo" stands for the embedded demo study
    AnalysisSpec spec;
    LoadOptions load;   // --time, --event, --censor; --arm also names the treatment column
    AeFilter ae_filter; // ae: --treatment-emergent, --related, --serious
    // --focus VAR=LEVEL (analyze, ae, export): the window's forest row in
    // focus; checked against the study by workspace_from_flags.
    std::optional<SubgroupFocus> focus;
    bool json = false;
    std::string analysis;       // analyze --analysis FILE: a saved analysis
    std::string out;            // demo --out, export --out
    ExportArguments figure;     // export
    std::size_t subjects = 147; // demo --subjects
    std::optional<std::uint64_t> seed;
    bool quit_after_first_paint = false; // GUI: print the cold-start time, then exit
};

CommandLine parse_command_line(const std::vector<std::string>& arguments);

std::string usage_text();

} // namespace triallens::cli
