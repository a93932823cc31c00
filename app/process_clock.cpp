#include "process_clock.h"

#include <chrono>
#include <fstream>
#include <optional>
#include <sstream>

#include <time.h>
#include <unistd.h>

namespace triallens::app {

namespace {

std::chrono::steady_clock::time_point main_entered = std::chrono::steady_clock::now();

// Milliseconds since boot at which this process started, from /proc/self/stat.
std::optional<double> start_since_boot_ms() {
    std::ifstream stat("/proc/self/stat");
    std::string line;
    if (!std::getline(stat, line)) {
        return std::nullopt;
    }
    // "pid (comm) state ..." where comm may hold spaces and parentheses: the
    // fields after the last ')' start with field 3 (state); starttime is 22.
    const auto close = line.rfind(')');
    if (close == std::string::npos) {
        return std::nullopt;
    }
    std::istringstream fields(line.substr(close + 1));
    std::string field;
    for (int index = 3; index < 22 && fields >> field; ++index) {
    }
    unsigned long long ticks = 0;
    if (!(fields >> ticks)) {
        return std::nullopt;
    }
    const long per_second = ::sysconf(_SC_CLK_TCK);
    if (per_second <= 0) {
        return std::nullopt;
    }
    return static_cast<double>(ticks) * 1000.0 / static_cast<double>(per_second);
}

} // namespace

void mark_main_entered() {
    main_entered = std::chrono::steady_clock::now();
}

ProcessAge process_age() {
    timespec boot{};
    if (const auto start = start_since_boot_ms();
        start && ::clock_gettime(CLOCK_BOOTTIME, &boot) == 0) {
        const double now =
            static_cast<double>(boot.tv_sec) * 1000.0 + static_cast<double>(boot.tv_nsec) / 1e6;
        return {now - *start, "process start (/proc/self/stat)"};
    }
    const std::chrono::duration<double, std::milli> since_main =
        std::chrono::steady_clock::now() - main_entered;
    return {since_main.count(), "main() entered"};
}

} // namespace triallens::app
