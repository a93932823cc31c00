#pragma once
// Turns the command line's FILE... into a Study: the word "demo" means the
// embedded (synthetic) demo study.

#include <triallens/data/study.h>

#include <string>
#include <vector>

namespace triallens::cli {

Study load_study(const std::vector<std::string>& files);

} // namespace triallens::cli
