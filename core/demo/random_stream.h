#pragma once
// A seeded random stream whose draws are the same on every platform and
// standard library: std::mt19937_64 is fully specified by the standard, the
// distributions on top of it are not, so they are written out here.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <random>
#include <utility>
#include <vector>

namespace triallens::demo {

class RandomStream {
public:
    explicit RandomStream(std::uint64_t seed) : engine_(seed) {}

    // Uniform on the open interval (0, 1).
    double uniform() { return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53; }

    double uniform(double low, double high) { return low + (high - low) * uniform(); }

    bool chance(double probability) { return uniform() < probability; }

    // Standard normal by Box–Muller (one of the pair is used).
    double normal() {
        const double radius = std::sqrt(-2 * std::log(uniform()));
        return radius * std::cos(2 * std::numbers::pi * uniform());
    }

    std::size_t below(std::size_t bound) {
        return static_cast<std::size_t>(uniform() * static_cast<double>(bound));
    }

    // Index drawn with probability proportional to weights.
    std::size_t weighted(const std::vector<double>& weights) {
        double total = 0;
        for (const double w : weights) {
            total += w;
        }
        double target = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (target < weights[i]) {
                return i;
            }
            target -= weights[i];
        }
        return weights.size() - 1;
    }

    template <typename T> void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            std::swap(items[i - 1], items[below(i)]);
        }
    }

    // Exactly k distinct items of `pool`, in random order.
    template <typename T> std::vector<T> sample(std::vector<T> pool, std::size_t k) {
        shuffle(pool);
        pool.resize(std::min(k, pool.size()));
        return pool;
    }

private:
    std::mt19937_64 engine_;
};

} // namespace triallens::demo
