#include "triallens/data/finding.h"

namespace triallens {

std::string capped_text(std::string_view text, std::size_t max_characters) {
    std::size_t characters = 0;
    for (std::size_t at = 0; at < text.size(); ++at) {
        // A character starts at every byte that is not a UTF-8 continuation
        // byte, so the cut never splits one.
        if ((static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) {
            continue;
        }
        if (characters == max_characters) {
            return std::string(text.substr(0, at)) + "\u2026";
        }
        ++characters;
    }
    return std::string(text);
}

std::string quoted_cell(std::string_view cell) {
    return "\"" + capped_text(cell) + "\"";
}

} // namespace triallens
