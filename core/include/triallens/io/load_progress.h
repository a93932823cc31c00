#pragma once
// Progress and cancellation for loading files, without Qt: a reader calls
// `advance` as it goes (about once per megabyte); the caller's callback sees
// bytes done of the total, one call at a time but from any of the loading
// threads (load_study reads two files at once), and setting the atomic flag
// (from any thread) makes the next `advance` throw LoadCancelled.

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>

namespace triallens {

class LoadCancelled : public std::runtime_error {
public:
    LoadCancelled() : std::runtime_error("loading was cancelled") {}
};

struct LoadProgress {
    std::function<void(std::uint64_t done, std::uint64_t total)> report; // may be empty
    const std::atomic<bool>* cancel = nullptr;                           // may be null

    bool cancelled() const { return cancel != nullptr && cancel->load(std::memory_order_relaxed); }

    // Reports and throws LoadCancelled when cancellation was asked for.
    void advance(std::uint64_t done, std::uint64_t total) const {
        if (cancelled()) {
            throw LoadCancelled();
        }
        if (report) {
            report(done, total);
        }
    }
};

} // namespace triallens
