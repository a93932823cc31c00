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

CommandLineAnalysis command_line_analysis(const CommandLine& line) {
    if (!line.analysis.empty()) {
        const SavedWorkspace saved = load_saved_analysis(line.analysis);
        return {compute_workspace(saved.study, saved.workspace),
                reconstructed_subjects(saved.study.subjects)};
    }
    const Study study = load_study(line.files, line.load);
    return {compute_workspace(study, workspace_from_flags(study, line)),
            reconstructed_subjects(study.subjects)};
}

Results command_line_results(const CommandLine& line) {
    return command_line_analysis(line).results;
}

int run_analyze(const CommandLine& line) {
    const CommandLineAnalysis analysis = command_line_analysis(line);
    if (line.json) {
        QJsonObject json = analyze_json(analysis.results);
        json.insert("reconstructed", reconstructed_json(analysis.reconstructed));
        std::cout << QJsonDocument(json).toJson(QJsonDocument::Indented).toStdString();
    } else {
        std::cout << summary_table(analysis.results, analysis.reconstructed);
    }
    return 0;
}

} // namespace triallens::cli
