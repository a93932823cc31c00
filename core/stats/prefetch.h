#pragma once
// A hint to fetch memory that a loop will read a few iterations later: the
// loops over millions of records that look up subject-level data in another
// order than theirs wait on cache misses otherwise.

namespace triallens {

// How many iterations ahead those loops ask.
inline constexpr unsigned long prefetch_distance = 16;

inline void prefetch(const void* address) {
#if defined(__GNUC__)
    __builtin_prefetch(address);
#else
    (void)address;
#endif
}

} // namespace triallens
