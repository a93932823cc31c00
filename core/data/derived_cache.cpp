#include "triallens/data/derived_cache.h"

namespace triallens {

DerivedCache& DerivedCache::operator=(const DerivedCache& other) {
    if (this != &other) {
        clear();
    }
    return *this;
}

DerivedCache& DerivedCache::operator=(DerivedCache&& other) noexcept {
    if (this != &other) {
        clear();
    }
    return *this;
}

void DerivedCache::clear() {
    const std::lock_guard lock(mutex_);
    entries_.clear();
}

std::shared_ptr<DerivedCache::Entry> DerivedCache::entry_for(std::type_index type,
                                                             const std::string& key) const {
    const std::lock_guard lock(mutex_);
    std::shared_ptr<Entry>& entry = entries_[{type, key}];
    if (!entry) {
        entry = std::make_shared<Entry>();
    }
    return entry;
}

} // namespace triallens
