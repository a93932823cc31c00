#pragma once
// Turns the command line's FILE... into a Study: the word "demo" means the
// embedded (synthetic) demo study; anything else is data files or folders,
// loaded by core's load_study. Warnings go to stderr, one line each; when the
// data have errors, each goes to stderr on its own line (file:line: column:
// what) and DataLoadError is thrown, so nothing reaches stdout.

#include <triallens/data/study.h>
#include <triallens/io/load_study.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace triallens::cli {

class DataLoadError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

Study load_study(const std::vector<std::string>& files, const LoadOptions& options = {});

struct CommandLine;

// The command's study: FILE... loaded as above, then each --published folder
// (a study rebuilt from a publication, reconstructed_overlay.h's
// published_arms) added beside its arms with overlay_reconstructed_arms: on
// --param's endpoint; else on the one the rebuilt arms are of, when the data
// have it; else on the data's only endpoint (several and none named: a
// UsageError asking for --param); in --arm's treatment column. A folder
// that is not a rebuilt study, or arms that cannot be added, throw
// DataLoadError naming the folder.
Study load_study(const CommandLine& line);

} // namespace triallens::cli
