#pragma once
// What `triallens` does without a display: renders the demo's KM figure to a
// PNG in the current folder and prints the demo's summary table, so the first
// README command shows something useful on a server.

namespace triallens::cli {

int run_headless_demo(int argc, char** argv);

} // namespace triallens::cli
