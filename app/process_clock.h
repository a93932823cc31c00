#pragma once
// How long this process has been running, for `--quit-after-first-paint`.
//
// Measured from the kernel's start time of the process (/proc/self/stat
// field 22, in clock ticks since boot: 10 ms resolution with USER_HZ = 100),
// compared with CLOCK_BOOTTIME, the clock that field counts on. So loading
// the shared libraries (Qt) and static initialisation before main count, as
// a user waiting for the window sees them. Where /proc cannot be read, it
// falls back to the steady clock read by mark_main_entered(), first thing in
// main (and says so).

#include <string>

namespace triallens::app {

// Call first thing in main: the fallback origin.
void mark_main_entered();

struct ProcessAge {
    double milliseconds = 0;
    std::string origin; // "process start (/proc/self/stat)" or "main() entered"
};

ProcessAge process_age();

} // namespace triallens::app
