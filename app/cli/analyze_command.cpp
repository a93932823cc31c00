#include "cli/analyze_command.h"

#include "cli/results_json.h"
#include "cli/study_source.h"
#include "cli/summary_table.h"

#include <triallens/analysis/refit.h>

#include <QJsonDocument>

#include <iostream>

namespace triallens::cli {

int run_analyze(const CommandLine& line) {
    const Study study = load_study(line.files, line.load);
    const Results results = refit(study, line.spec);
    if (line.json) {
        std::cout
            << QJsonDocument(analyze_json(results)).toJson(QJsonDocument::Indented).toStdString();
    } else {
        std::cout << summary_table(results);
    }
    return 0;
}

} // namespace triallens::cli
