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

} // namespace triallens::cli
