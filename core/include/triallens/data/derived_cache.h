#pragma once
// What is worked out from a study's data alone, once, and read by every refit
// after it: each subject's tumour response and best response, for example.
// A refit of a million subjects then reads a table instead of re-deriving it
// from ten million records.
//
// `get<T>(key, make)` makes the value on the first call for (T, key) — once,
// even when two threads ask at the same moment, the second waiting for the
// first — and hands the same value to every later call. A `make` that throws
// leaves nothing behind: the next call tries again.
//
// The cache belongs to one Study object and is not part of its value: a copy
// or a move starts empty, because a copy may be changed before it is analysed
// (the benchmarks' tie-free copy of the demo). A study is never changed once
// analysed: every analysis takes it const.

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <typeindex>
#include <utility>

namespace triallens {

class DerivedCache {
public:
    DerivedCache() = default;
    DerivedCache(const DerivedCache& /*other*/) {}
    DerivedCache(DerivedCache&& /*other*/) noexcept {}
    DerivedCache& operator=(const DerivedCache& other);
    DerivedCache& operator=(DerivedCache&& other) noexcept;
    ~DerivedCache() = default;

    template <class T, class Make>
    std::shared_ptr<const T> get(const std::string& key, Make&& make) const {
        const std::shared_ptr<Entry> entry = entry_for(std::type_index(typeid(T)), key);
        std::call_once(entry->once, [&] {
            entry->value = std::make_shared<const T>(std::forward<Make>(make)());
        });
        return std::static_pointer_cast<const T>(entry->value);
    }

    // Forgets every value (the study's data changed).
    void clear();

private:
    struct Entry {
        std::once_flag once;
        std::shared_ptr<const void> value;
    };

    std::shared_ptr<Entry> entry_for(std::type_index type, const std::string& key) const;

    mutable std::mutex mutex_;
    mutable std::map<std::pair<std::type_index, std::string>, std::shared_ptr<Entry>> entries_;
};

} // namespace triallens
