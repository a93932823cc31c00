#include "cli/saved_analysis_source.h"

#include "cli/study_source.h"

#include <document/saved_analysis.h>
#include <triallens/demo/demo_study.h>

#include <QDir>
#include <QString>

#include <iostream>
#include <stdexcept>

namespace triallens::cli {

namespace {

std::string status_text(const ui::FileCheck& check) {
    switch (check.status) {
    case ui::FileStatus::Ok:
        return "as saved";
    case ui::FileStatus::Missing:
        return "missing (" + check.detail.toStdString() + ")";
    case ui::FileStatus::Changed:
        return "changed since the analysis was saved (" + check.detail.toStdString() + ")";
    case ui::FileStatus::Refused:
        return "cannot be used (" + check.detail.toStdString() + ")";
    }
    return {};
}

} // namespace

SavedWorkspace load_saved_analysis(const std::string& file) {
    const QString path = QString::fromStdString(file);
    QString error;
    const auto analysis = ui::read_saved_analysis(path, &error);
    if (!analysis) {
        throw DataLoadError(file +
                            ": not a saved analysis TrialLens can read: " + error.toStdString());
    }
    std::size_t problems = 0;
    for (const ui::FileCheck& check : ui::verify_files(*analysis)) {
        if (check.status != ui::FileStatus::Ok) {
            ++problems;
            std::cerr << "triallens: " << QDir::toNativeSeparators(check.path).toStdString() << ": "
                      << status_text(check) << "\n";
        }
    }
    if (problems > 0) {
        throw DataLoadError(file + ": " + std::to_string(problems) + " of " +
                            std::to_string(analysis->everyFile().size()) +
                            " data paths are not as saved");
    }
    std::vector<std::string> paths;
    for (const QString& data : analysis->paths()) {
        paths.push_back(data.toStdString());
    }
    Study study = analysis->demo ? generate_demo_study() : load_study(paths);
    for (const ui::SavedPublished& published : analysis->published) {
        study = with_published(std::move(study), {published.folder.path.toStdString()},
                               published.endpoint, published.arm_variable);
    }
    SavedWorkspace saved{std::move(study), analysis->state.workspace(), analysis->km_figure};
    if (const auto why = ui::check_against_study(*analysis, saved.study)) {
        throw DataLoadError(file + ": " + why->toStdString());
    }
    return saved;
}

} // namespace triallens::cli
