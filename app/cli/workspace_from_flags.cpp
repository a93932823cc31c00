#include "cli/workspace_from_flags.h"

#include <triallens/analysis/default_spec.h>

namespace triallens::cli {

WorkspaceSpec workspace_from_flags(const Study& study, const CommandLine& line) {
    WorkspaceSpec spec;
    spec.analysis = line.spec;
    spec.adverse_events = line.ae_filter;
    if (line.command == Command::Export && line.figure.figure == "forest" &&
        spec.analysis.subgroups.empty()) {
        spec.analysis.subgroups = default_subgroups(study);
    }
    return spec;
}

} // namespace triallens::cli
