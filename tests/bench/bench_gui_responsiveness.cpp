// GUI responsiveness during a big refit: loads the demo study at N subjects
// (default 10^6) into the real RefitController, starts one refit of the
// workspace spec (bench_inputs.h), and runs the GUI event loop with a 1 ms
// timer until the results arrive. Prints the refit time the controller
// reports, the wall time to the `refitted` signal, the number of timer ticks
// and the longest gap between two ticks: the longest the GUI thread was
// blocked (the target: never more than 16 ms, one frame).
//   QT_QPA_PLATFORM=offscreen ./build/release/tests/bench/bench_gui_responsiveness [N]
// A benchmark, not a test: ctest does not run it.

#include "bench_inputs.h"

#include <controller/refit_controller.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

int main(int argc, char** argv) {
    QApplication app(argc, argv); // the GUI's event loop, as the workspace runs it
    const std::size_t subjects = argc > 1 ? std::stoul(argv[1]) : 1'000'000;

    QElapsedTimer clock;
    clock.start();
    auto study =
        std::make_shared<const triallens::Study>(triallens::bench::make_demo_study(subjects));
    std::printf("generated %zu subjects in %.0f ms\n", subjects,
                static_cast<double>(clock.elapsed()));

    triallens::ui::RefitController controller;
    double refit_ms = -1;
    bool failed = false;
    QObject::connect(&controller, &triallens::ui::RefitController::refitted, &app,
                     [&](const triallens::ResultsPtr&, double milliseconds) {
                         refit_ms = milliseconds;
                         QApplication::quit();
                     });
    QObject::connect(&controller, &triallens::ui::RefitController::refitFailed, &app,
                     [&](const QString& message) {
                         std::fprintf(stderr, "refit failed: %s\n", qPrintable(message));
                         failed = true;
                         QApplication::quit();
                     });

    // The ticks: the gap between two is how long the event loop could not run.
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QElapsedTimer since_tick;
    qint64 longest_gap_ns = 0;
    long ticks = 0;
    QObject::connect(&ticker, &QTimer::timeout, &app, [&] {
        if (ticks++ > 0) {
            longest_gap_ns = std::max(longest_gap_ns, since_tick.nsecsElapsed());
        }
        since_tick.restart();
    });

    QElapsedTimer wall;
    // Start the ticks, then the refit, from inside the event loop.
    QTimer::singleShot(0, &app, [&] {
        ticker.start();
        since_tick.start();
        wall.start();
        controller.setStudy(study, triallens::bench::workspace_spec());
    });
    QApplication::exec();
    const double wall_ms = static_cast<double>(wall.nsecsElapsed()) / 1e6;
    ticker.stop();
    if (failed) {
        return EXIT_FAILURE;
    }
    std::printf("refit (controller's timer): %.1f ms\n", refit_ms);
    std::printf("refit to the refitted signal (wall): %.1f ms\n", wall_ms);
    std::printf("timer ticks: %ld\n", ticks);
    std::printf("longest gap between ticks: %.1f ms\n", static_cast<double>(longest_gap_ns) / 1e6);
    return EXIT_SUCCESS;
}
