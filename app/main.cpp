// TrialLens entry point: the workspace when a display is there, otherwise the
// command line (analyze, demo, ...) or the headless demo.

#include "cli/ae_command.h"
#include "cli/analyze_command.h"
#include "cli/baseline_command.h"
#include "cli/command_line.h"
#include "cli/demo_command.h"
#include "cli/export_command.h"
#include "cli/headless_demo.h"
#include "cli/reconstruct_command.h"
#include "cli/response_command.h"
#include "process_clock.h"

#include <controller/refit_controller.h>
#include <main_window.h>
#include <triallens/data/data_error.h>
#include <triallens/demo/demo_study.h>
#include <triallens/version.h>
#include <views/km_chart_view.h>

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <iostream>

namespace {

QString to_qstring(std::string_view text) {
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

bool has_display() {
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY") ||
           qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

// --quit-after-first-paint: the cold start a user waits through, to stdout.
void quit_after_first_paint(triallens::ui::MainWindow& window) {
    QObject::connect(
        window.kmView(), &triallens::ui::KmChartView::figurePainted, &window,
        [] {
            const triallens::app::ProcessAge age = triallens::app::process_age();
            std::printf("%.0f\n", age.milliseconds);
            std::fflush(stdout);
            std::fprintf(stderr, "first KM plot painted %.0f ms after %s\n", age.milliseconds,
                         age.origin.c_str());
            QApplication::exit(0);
        },
        Qt::SingleShotConnection);
}

int run_gui(int argc, char** argv, const std::vector<std::string>& files,
            bool quit_on_first_paint) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("TrialLens"));
    QApplication::setOrganizationName(QStringLiteral("TrialLens"));
    // The desktop entry's id: Wayland compositors and docks match the window
    // to the menu entry (and its icon) by it.
    QGuiApplication::setDesktopFileName(to_qstring(triallens::app_id));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/triallens.svg")));
    QApplication::setApplicationVersion(to_qstring(triallens::version));
    triallens::ui::RefitController controller;
    if (files.empty()) {
        triallens::AnalysisSpec spec;
        spec.paramcd = "PFS";
        spec.subgroups = {"PDL1STAT", "ECOGBL", "AGEGR1", "LIVBRNFL"};
        controller.setStudy(
            std::make_shared<const triallens::Study>(triallens::generate_demo_study()), spec);
    }
    triallens::ui::MainWindow window(&controller);
    if (quit_on_first_paint) {
        quit_after_first_paint(window);
    }
    window.show();
    if (!files.empty()) {
        QStringList paths;
        for (const auto& file : files) {
            paths << QString::fromStdString(file);
        }
        window.openFiles(paths, false);
    }
    return QApplication::exec();
}

} // namespace

int main(int argc, char** argv) {
    triallens::app::mark_main_entered();
    using namespace triallens::cli;
    try {
        const CommandLine line =
            parse_command_line(std::vector<std::string>(argv + 1, argv + argc));
        switch (line.command) {
        case Command::Help:
            std::cout << usage_text();
            return 0;
        case Command::Version:
            std::cout << "triallens " << triallens::version << "\n";
            return 0;
        case Command::Analyze:
            return run_analyze(line);
        case Command::Demo:
            return run_demo(line);
        case Command::Reconstruct:
            return run_reconstruct(line);
        case Command::Ae:
            return run_ae(line);
        case Command::Response:
            return run_response(line);
        case Command::Baseline:
            return run_baseline(line);
        case Command::Export:
            return run_export(line, argc, argv);
        case Command::Gui:
            if (!has_display() && line.quit_after_first_paint) {
                throw UsageError("--quit-after-first-paint needs a display (QT_QPA_PLATFORM="
                                 "offscreen will do)");
            }
            if (!has_display() && !line.files.empty()) {
                throw UsageError("opening files needs a display; use analyze, ae or export");
            }
            return has_display() ? run_gui(argc, argv, line.files, line.quit_after_first_paint)
                                 : run_headless_demo(argc, argv);
        }
    } catch (const UsageError& error) {
        std::cerr << "triallens: " << error.what() << "\n";
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "triallens: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
