#pragma once
// The demo ADSL's end-of-study status, for the disposition table: EOSSTT
// "DISCONTINUED" with DCSREAS "DEATH" for every subject who died (DTHFL
// "Y"); of the living, a few "WITHDRAWAL BY SUBJECT" or "LOST TO
// FOLLOW-UP", the rest "ONGOING" (at the data cut no one has completed the
// study). The draws come from a stream of their own, so every value the
// generator made before stays as it was.

#include "random_stream.h"

#include "triallens/data/raw_table.h"

#include <cstdint>

namespace triallens::demo {

// XORed with the demo's seed: the stream's own seed.
inline constexpr std::uint64_t study_status_stream = 0x656f'7373'7474'0001;

// Appends EOSSTT and DCSREAS to `adsl`, which must hold DTHFL.
void append_study_status(RawTable& adsl, RandomStream&& random);

} // namespace triallens::demo
