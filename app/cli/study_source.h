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

// `study` with the arms of each of `folders` (studies rebuilt from a
// publication: `reconstruct --out`, the digitiser's Save as CSV…) beside
// its own, in order (reconstructed_overlay.h's add_published_arms): on
// `endpoint` ("" = the one the rebuilt arms are of when the data have it,
// else the data's only endpoint; several and none named: a UsageError
// asking for --param), in the treatment column `arm_variable` ("" = the
// ADaM ones). A folder that is not a rebuilt study, or arms that cannot be
// added, throw DataLoadError naming the folder.
Study with_published(Study study, const std::vector<std::string>& folders,
                     const std::string& endpoint, const std::string& arm_variable);

// The command's study: FILE... loaded as above, then with_published its
// --published folders, on --param's endpoint, in --arm's treatment column.
Study load_study(const CommandLine& line);

} // namespace triallens::cli
