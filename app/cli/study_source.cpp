#include "cli/study_source.h"

#include "cli/command_line.h"

#include <triallens/demo/demo_study.h>

namespace triallens::cli {

Study load_study(const std::vector<std::string>& files) {
    if (files.empty()) {
        throw UsageError("name the data: FILE... or demo");
    }
    if (files.size() == 1 && files.front() == "demo") {
        return generate_demo_study();
    }
    throw UsageError("reading CSV and SAS transport files is not available yet in this version; "
                     "use demo");
}

} // namespace triallens::cli
