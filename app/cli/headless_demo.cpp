#include "cli/headless_demo.h"

#include "cli/summary_table.h"

#include <triallens/analysis/workspace.h>
#include <triallens/demo/demo_study.h>
#include <views/km_figure.h>

#include <QApplication>

#include <filesystem>
#include <iostream>

namespace triallens::cli {

int run_headless_demo(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    const QApplication app(argc, argv);
    const Study study = generate_demo_study();
    int status = 0;
    for (const char* paramcd : {"PFS", "OS"}) {
        WorkspaceSpec spec;
        spec.analysis.paramcd = paramcd;
        const Results results = compute_workspace(study, spec);
        std::cout << summary_table(results) << "\n";
        const std::string file = std::string("triallens-demo-km-") + paramcd + ".png";
        if (!ui::render_km_figure(results, QSize(1000, 625), 1.6)
                 .save(QString::fromStdString(file))) {
            std::cerr << "triallens: could not write " << file << "\n";
            status = 1;
            continue;
        }
        std::cout << "No display: wrote the " << paramcd << " Kaplan-Meier figure to "
                  << std::filesystem::absolute(file).string() << "\n\n";
    }
    return status;
}

} // namespace triallens::cli
