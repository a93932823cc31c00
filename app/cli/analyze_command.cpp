#include "cli/analyze_command.h"

#include "cli/results_json.h"
#include "cli/saved_analysis_source.h"
#include "cli/study_source.h"
#include "cli/summary_table.h"
#include "cli/workspace_from_flags.h"

#include <triallens/analysis/workspace.h>

#include <QJsonDocument>

#include <iostream>

namespace triallens::cli {

Results command_line_results(const CommandLine& line) {
    if (!line.analysis.empty()) {
        const SavedWorkspace saved = load_saved_analysis(line.analysis);
        return compute_workspace(saved.study, saved.workspace);
    }
    const Study study = load_study(line);
    return compute_workspace(study, workspace_from_flags(study, line));
}

int run_analyze(const CommandLine& line) {
    const Results results = command_line_results(line);
    if (line.json) {
        std::cout
            << QJsonDocument(analyze_json(results)).toJson(QJsonDocument::Indented).toStdString();
    } else {
        std::cout << summary_table(results);
    }
    return 0;
}

} // namespace triallens::cli
