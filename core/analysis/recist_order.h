#pragma once
// RECIST 1.1's overall responses, best first (private to the engine), as the
// response summary and tumour response both rank them. NON-CR/NON-PD is the
// response of subjects with non-target disease only.

#include <algorithm>
#include <array>
#include <cstddef>
#include <string_view>

namespace triallens {

inline constexpr std::array<std::string_view, 6> recist_order{"CR", "PR", "SD", "NON-CR/NON-PD",
                                                              "PD", "NE"};
inline constexpr std::size_t responder_categories = 2;       // CR, PR
inline constexpr std::size_t disease_control_categories = 4; // CR, PR, SD, NON-CR/NON-PD

// The position of `value` in recist_order; recist_order.size() for any other.
inline std::size_t recist_rank(std::string_view value) {
    return static_cast<std::size_t>(std::find(recist_order.begin(), recist_order.end(), value) -
                                    recist_order.begin());
}

} // namespace triallens
